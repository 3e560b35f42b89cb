"""``purge``: remove deleted customers for good, from the archive and its backups."""
from __future__ import annotations

import sys
from pathlib import Path

from model.archive import database, purge
from model.core import settings
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("purge", help=translate(
        "CLI", "remove deleted customers for good: every record of them, in the archive and in "
               "its backups (recorded in the audit trail)"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--customer", type=int, action="append", metavar="ID",
                       help=translate("CLI", "a deleted customer's number (repeat for several)"))
    which.add_argument("--all-deleted", action="store_true",
                       help=translate("CLI", "every deleted customer"))
    p.add_argument("--reason", metavar="TEXT", required=True,
                   help=translate("CLI", "why they are purged (kept in the audit trail)"))
    p.set_defaults(run=cmd_purge)


def cmd_purge(args) -> int:
    with database.Archive.open(args.path) as archive:
        if args.all_deleted:
            ids = [c.id for c in purge.deleted_customers(archive.conn)]
            if not ids:
                print(translate("CLI", "There are no deleted customers to purge."))
                return 0
        else:
            ids = args.customer
        result = purge.purge(archive.conn, ids, settings.user_name(), args.reason)
    print(purge.summary(result))
    for path, why in result.backups_failed:
        print(f"  {path}: {why}", file=sys.stderr)
    return 1 if result.backups_failed else 0
