"""Archive commands: new, check, backup, restore, and its protection:
passphrase, encrypt, decrypt."""
from __future__ import annotations

import sys
from pathlib import Path

from model.core.i18n import translate

from model.archive import audit, backup, database, encryption, restore_loss
from cli import _passphrase



def _command(commands, name: str, help_text: str, run):
    """A command on one archive: ``python main.py NAME PATH ...``."""
    p = commands.add_parser(name, help=help_text)
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.set_defaults(run=run)
    return p


def register(commands) -> None:
    p = _command(commands, "new", translate("CLI", "create an empty archive, encrypted with a "
                                            "passphrase (typed twice, or from KEHU_PASSPHRASE)"), cmd_new)
    p.add_argument("--plain", action="store_true",
                   help=translate("CLI", "no encryption: anyone with the file can read it"))
    _command(commands, "check", translate("CLI", "check an archive without changing it "
                                          "(exit 0 healthy, 1 damaged)"), cmd_check)
    p = _command(commands, "backup", translate("CLI", "make a verified backup and print its path"), cmd_backup)
    p.add_argument("--to", type=Path, metavar="DIR", help=translate("CLI", "folder for the backup "
                                                             "(default: beside the archive)"))
    p = _command(commands, "restore", translate("CLI", "put a backup in place of the archive "
                                                "(the current file is kept as a backup first)"), cmd_restore)
    p.add_argument("backup", type=Path, nargs="?",
                   help=translate("CLI", "the backup file (default: the newest backup)"))
    _command(commands, "passphrase", translate("CLI", "change the passphrase of an encrypted "
                                               "archive (new one typed twice, or from "
                                               "KEHU_NEW_PASSPHRASE)"), cmd_passphrase)
    _command(commands, "encrypt", translate("CLI", "encrypt a plain archive and its backups "
                                            "(a verified backup is taken first)"), cmd_encrypt)
    p = _command(commands, "decrypt", translate("CLI", "remove the encryption of an archive: "
                                                "anyone with the file can then read it"), cmd_decrypt)
    p.add_argument("--yes", action="store_true",
                   help=translate("CLI", "do it without asking (needed when there is no terminal)"))


def cmd_new(args) -> int:
    if args.plain:
        database.Archive.create(args.path).close()
        print(translate("CLI", "Created an empty archive at {path} (not encrypted: anyone with the "
                        "file can read it)").format(path=args.path.resolve()))
        return 0
    if args.path.exists():  # before asking for a passphrase
        database.Archive.create(args.path)
    secret = _passphrase.new(args.path)
    database.Archive.create(args.path, passphrase=secret).close()
    print(translate("CLI", "Created an empty encrypted archive at {path}").format(path=args.path.resolve()))
    return 0


def cmd_check(args) -> int:
    # Writes nothing at all: no lock, no log, no -shm (database.check_file).
    path = args.path
    key = None
    if not path.exists():
        raise database.ArchiveMissing(translate("Archive", "There is no archive at {path}.").format(path=path))
    database.refuse_unusable_path(path)
    try:
        if database.is_encrypted(path):
            key = database.unlock(path, _passphrase.existing(path))
        report = database.check_file(path, key)
    except database.ArchiveDamaged:
        # The passphrase fits no page of the archive but opens its latest backup.
        report = database.HealthReport(False, [translate("CLI", "The passphrase opens the latest backup but "
                                                         "not the archive itself: the archive is damaged.")])
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
        made = backup.make_backup(archive.conn, archive.path, args.to)
        audit.record_backup(archive.conn, made)
        print(made)
    return 0


def cmd_restore(args) -> int:
    chosen = args.backup or backup.latest_backup(args.path)
    if chosen is None:
        print(translate("CLI", "There is no backup of {path}.").format(path=args.path))
        return 2
    secret = None
    if database.is_encrypted(chosen) or (args.path.exists() and database.is_encrypted(args.path)):
        secret = _passphrase.existing(chosen)
    changes = _changes_since(args.path, chosen, secret)
    kept = backup.restore(args.path, chosen, passphrase=secret)
    # Recorded in the archive as restored (opening it brings an older backup up to date),
    # with the replaced archive's audit trail carried over.
    with database.Archive.open(args.path, passphrase=secret) as archive:
        carried = restore_loss.after_restore(archive.conn, chosen, kept)
    print(translate("CLI", "Restored {backup} to {path}.").format(backup=chosen, path=args.path))
    if changes:
        print(translate("CLI", "Left out of the archive by the restore (still in the replaced file):"))
        print(restore_loss.describe(changes))
    if carried:
        print(translate("CLI", "Audit entries carried over from the replaced archive: {count}")
              .format(count=carried))
    if kept:
        print(translate("CLI", "The file it replaced was kept as {kept}.").format(kept=kept))
    return 0


def _changes_since(path: Path, chosen: Path, secret) -> list:
    """What the archive holds that the backup does not; empty when either cannot be read."""
    if not Path(path).exists():
        return []
    try:
        conn = database.connect(Path(path), read_only=True, passphrase=secret)
        try:
            return restore_loss.changes_since(conn, chosen, backup.backup_key(chosen, secret))
        finally:
            conn.close()
    except (database.sqlite3.Error, database.ArchiveError):
        return []


def cmd_passphrase(args) -> int:
    with database.Archive.open(args.path) as archive:
        if not archive.encrypted:
            raise database.ArchiveError(translate("CLI", "{path} is not encrypted. Encrypt it with "
                                                  "'python main.py encrypt {path}'.").format(path=args.path))
        secret = _passphrase.new(args.path, (_passphrase.NEW_ENV,))
        left = encryption.change_passphrase(archive, secret)
    print(translate("CLI", "The passphrase of {path} was changed; its backups were re-keyed too.")
          .format(path=args.path))
    _say_left(left, translate("CLI", "These backups keep the passphrase they were taken with:"))
    return 0


def cmd_encrypt(args) -> int:
    archive = database.Archive.open(args.path)
    try:
        if archive.encrypted:
            raise database.ArchiveError(translate("CLI", "{path} is already encrypted. To change its "
                                                  "passphrase: 'python main.py passphrase {path}'.")
                                        .format(path=args.path))
        secret = _passphrase.new(args.path)
        archive, left = encryption.encrypt(archive, secret)
    finally:
        archive.close()
    print(translate("CLI", "{path} is now encrypted, and so are its backups.").format(path=args.path))
    print(translate("CLI", "Copies you made yourself elsewhere stay unencrypted: delete them."))
    _say_left(left, translate("CLI", "These backups could not be encrypted and are still readable:"))
    return 0


def cmd_decrypt(args) -> int:
    archive = database.Archive.open(args.path)
    try:
        if not archive.encrypted:
            raise database.ArchiveError(translate("CLI", "{path} is not encrypted.").format(path=args.path))
        print(translate("CLI", "Warning: without encryption, anyone who gets the file (a lost laptop, "
                        "a copy) can read every customer in it."), file=sys.stderr)
        if not args.yes and not _passphrase.confirm(translate("CLI", "Remove the encryption?")):
            print(translate("CLI", "Nothing was changed. (Without a terminal, add --yes.)"), file=sys.stderr)
            return 2
        archive = encryption.decrypt(archive)
    finally:
        archive.close()
    print(translate("CLI", "{path} is no longer encrypted. Its earlier backups stay encrypted and "
                    "need the passphrase.").format(path=args.path))
    return 0


def _say_left(paths, heading: str) -> None:
    if paths:
        print(heading)
        for item in paths:
            print("  " + str(item))
