"""The export command: every customer, or a saved view's, to CSV or .xlsx."""
from __future__ import annotations

import sys
from pathlib import Path

from model.archive import audit, database
from model.customers import customer_filters, exporting
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser(
        "export", help=translate("CLI", "export every customer to a .csv (UTF-8, opens in Excel) "
                                 "or .xlsx file"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("out", type=Path, metavar="OUT.csv|OUT.xlsx",
                   help=translate("CLI", "the file to write (replaced if it exists)"))
    p.add_argument("--reason", metavar="TEXT", default=None,
                   help=translate("CLI", "why the customers are exported (kept in the audit trail; "
                                  "required above 100 customers)"))
    p.add_argument("--include-sensitive", action="store_true",
                   help=translate("CLI", "also export the sensitive fields (financial assets, "
                                  "property, risk appetite); left out otherwise"))
    p.add_argument("--view", metavar="NAME",
                   help=translate("CLI", "only the customers of this saved view of the list (default: every customer)"))
    p.set_defaults(run=cmd_export)


def cmd_export(args) -> int:
    with database.Archive.open(args.path) as archive:
        exporting.check_target(args.out)
        ids = customer_filters.view_customer_ids(archive.conn, args.view) if args.view else None
        count = exporting.export_count(archive.conn, ids)
        if exporting.needs_reason(count) and not (args.reason or "").strip():
            print(translate("CLI", "Exporting {count} customers (more than {limit}) needs a reason, "
                            "which is kept in the audit trail: add --reason \"TEXT\".")
                  .format(count=count, limit=audit.REASON_THRESHOLD), file=sys.stderr)
            return 2
        written = exporting.export_customers(archive.conn, args.out, ids, reason=args.reason,
                                             include_sensitive=args.include_sensitive)
    print(translate("CLI", "Exported {count} customers to {path}")
          .format(count=f"{written:,}", path=args.out.resolve()))
    note = exporting.damaged_note(written)
    if note:
        print(note, file=sys.stderr)
    if args.include_sensitive:
        print(translate("CLI", "The file holds the sensitive fields (financial assets, property, "
                        "risk appetite): keep it safe."))
    return 0
