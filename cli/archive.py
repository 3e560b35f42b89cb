"""Archive commands: new, check, backup, restore."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from model import backup, database


def _tr(text: str) -> str:
    return QCoreApplication.translate("CLI", text)


def register(commands) -> None:
    p = commands.add_parser("new", help=_tr("create an empty archive"))
    p.add_argument("path", type=Path)
    p.set_defaults(run=cmd_new)

    p = commands.add_parser("check", help=_tr("check an archive without changing it "
                                              "(exit 0 healthy, 1 damaged)"))
    p.add_argument("path", type=Path)
    p.set_defaults(run=cmd_check)

    p = commands.add_parser("backup", help=_tr("make a verified backup and print its path"))
    p.add_argument("path", type=Path)
    p.add_argument("--to", type=Path, metavar="DIR", help=_tr("folder for the backup "
                                                             "(default: beside the archive)"))
    p.set_defaults(run=cmd_backup)

    p = commands.add_parser("restore", help=_tr("put a backup in place of the archive "
                                                "(the current file is kept as a backup first)"))
    p.add_argument("path", type=Path)
    p.add_argument("backup", type=Path, nargs="?",
                   help=_tr("the backup file (default: the newest backup)"))
    p.set_defaults(run=cmd_restore)


def cmd_new(args) -> int:
    database.Archive.create(args.path).close()
    print(_tr("Created an empty archive at {path}").format(path=args.path.resolve()))
    return 0


def cmd_check(args) -> int:
    path = args.path
    report = database.check_file(path)
    if report.ok:
        print(_tr("{path}: healthy").format(path=path))
        return 0
    print(_tr("{path}: damaged").format(path=path))
    for problem in report.problems[:20]:
        print("  " + problem)
    last = backup.latest_backup(path)
    if last:
        print(_tr("The last backup is {backup}.").format(backup=last))
    return 1


def cmd_backup(args) -> int:
    with database.Archive.open(args.path) as archive:
        print(backup.make_backup(archive.conn, archive.path, args.to))
    return 0


def cmd_restore(args) -> int:
    chosen = args.backup or backup.latest_backup(args.path)
    if chosen is None:
        print(_tr("There is no backup of {path}.").format(path=args.path))
        return 2
    kept = backup.restore(args.path, chosen)
    print(_tr("Restored {backup} to {path}.").format(backup=chosen, path=args.path))
    if kept:
        print(_tr("The file it replaced was kept as {kept}.").format(kept=kept))
    return 0
