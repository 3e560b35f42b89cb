"""``customers deleted`` and ``customers restore``: the deleted customers, and bringing one back."""
from __future__ import annotations

from pathlib import Path

from model.customers import customers
from model.archive import database
from model.core import settings
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("customers", help=translate(
        "CLI", "the deleted customers: list them, or restore one (its history is kept)"))
    sub = p.add_subparsers(dest="customers_command", metavar="ACTION", required=True)
    listed = sub.add_parser("deleted", help=translate("CLI", "list the deleted customers, most recently "
                                                      "deleted first"))
    listed.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    listed.add_argument("--find", metavar="TEXT", default="",
                        help=translate("CLI", "only those whose name, pinyin or phone matches TEXT"))
    listed.set_defaults(run=cmd_deleted)
    back = sub.add_parser("restore", help=translate("CLI", "bring a deleted customer back, with their "
                                                    "history, contacts and grades"))
    back.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    back.add_argument("id", type=int, metavar="ID", help=translate("CLI", "the customer's number (see 'customers "
                                                      "deleted')"))
    back.set_defaults(run=cmd_restore)


def cmd_deleted(args) -> int:
    with database.Archive.open(args.path) as archive:
        rows = customers.deleted(archive.conn, args.find)
    if not rows:
        print(translate("CLI", "There are no deleted customers."))
        return 0
    print("\t".join((translate("CLI", "No."), translate("CLI", "Name"), translate("CLI", "Phone"),
                     translate("CLI", "Deleted"), translate("CLI", "By"))))
    for row in rows:
        print("\t".join(str(v) for v in (row["id"], row["name"], row["phone"] or "",
                                          (row["deleted_at"] or "").replace("T", " "),
                                          row["deleted_by"] or "")))
    return 0


def cmd_restore(args) -> int:
    with database.Archive.open(args.path) as archive:
        name = customers.restore_deleted(archive.conn, args.id, settings.user_name())
    print(translate("CLI", "Restored customer no. {id} ({name}); the history is kept.")
          .format(id=args.id, name=name))
    return 0
