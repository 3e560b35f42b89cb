"""The export command: every customer to CSV or .xlsx."""
from __future__ import annotations

from pathlib import Path

from model import database, exporting
from model.i18n import translate


def register(commands) -> None:
    p = commands.add_parser(
        "export", help=translate("CLI", "export every customer to a .csv (UTF-8, opens in Excel) "
                                 "or .xlsx file"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("out", type=Path, metavar="OUT.csv|OUT.xlsx",
                   help=translate("CLI", "the file to write (replaced if it exists)"))
    p.set_defaults(run=cmd_export)


def cmd_export(args) -> int:
    with database.Archive.open(args.path) as archive:
        written = exporting.export_customers(archive.conn, args.out)
    print(translate("CLI", "Exported {count} customers to {path}")
          .format(count=f"{written:,}", path=args.out.resolve()))
    return 0
