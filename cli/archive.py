"""Archive commands: new, check, backup, restore."""
from __future__ import annotations

from pathlib import Path

from model.i18n import translate

from model import backup, database



def register(commands) -> None:
    p = commands.add_parser("new", help=translate("CLI", "create an empty archive"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.set_defaults(run=cmd_new)

    p = commands.add_parser("check", help=translate("CLI", "check an archive without changing it "
                                              "(exit 0 healthy, 1 damaged)"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("backup", help=translate("CLI", "make a verified backup and print its path"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--to", type=Path, metavar="DIR", help=translate("CLI", "folder for the backup "
                                                             "(default: beside the archive)"))
    p.set_defaults(run=cmd_backup)

    p = commands.add_parser("restore", help=translate("CLI", "put a backup in place of the archive "
                                                "(the current file is kept as a backup first)"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("backup", type=Path, nargs="?",
                   help=translate("CLI", "the backup file (default: the newest backup)"))
    p.set_defaults(run=cmd_restore)


def cmd_new(args) -> int:
    database.Archive.create(args.path).close()
    print(translate("CLI", "Created an empty archive at {path}").format(path=args.path.resolve()))
    return 0


def cmd_check(args) -> int:
    path = args.path
    report = database.check_file(path)
    if report.ok:
        print(translate("CLI", "{path}: healthy").format(path=path))
        return 0
    print(translate("CLI", "{path}: damaged").format(path=path))
    for problem in report.problems[:20]:
        print("  " + problem)
    last = backup.latest_backup(path)
    if last:
        print(translate("CLI", "The last backup is {backup}.").format(backup=last))
    return 1


def cmd_backup(args) -> int:
    with database.Archive.open(args.path) as archive:
        print(backup.make_backup(archive.conn, archive.path, args.to))
    return 0


def cmd_restore(args) -> int:
    chosen = args.backup or backup.latest_backup(args.path)
    if chosen is None:
        print(translate("CLI", "There is no backup of {path}.").format(path=args.path))
        return 2
    kept = backup.restore(args.path, chosen)
    print(translate("CLI", "Restored {backup} to {path}.").format(backup=chosen, path=args.path))
    if kept:
        print(translate("CLI", "The file it replaced was kept as {kept}.").format(kept=kept))
    return 0
