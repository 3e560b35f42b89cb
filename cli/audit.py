"""``audit``: show the audit trail of an archive (who exported, printed, backed up,
restored, imported a branch pack, deleted in bulk or purged what, and when), or
export it to CSV / .xlsx."""
from __future__ import annotations

from pathlib import Path

from cli._args import date_arg
from model.archive import audit, database
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("audit", help=translate(
        "CLI", "show the audit trail: exports, prints, backups, restores, branch-pack imports, "
               "bulk deletes and purges, newest first"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--since", type=date_arg, metavar="DATE", help=translate("CLI", "from this day on"))
    p.add_argument("--until", type=date_arg, metavar="DATE", help=translate("CLI", "up to this day"))
    p.add_argument("--action", choices=audit.ACTIONS, help=translate("CLI", "only this kind of entry"))
    p.add_argument("--export", type=Path, metavar="OUT.csv|OUT.xlsx",
                   help=translate("CLI", "write the entries shown to this file instead"))
    p.set_defaults(run=cmd_audit)


def cmd_audit(args) -> int:
    with database.Archive.open(args.path) as archive:
        items = audit.entries(archive.conn, args.since, args.until, args.action)
        if args.export:
            written = audit.export(archive.conn, args.export, items)
            print(translate("CLI", "Wrote {count} audit entries to {path}")
                  .format(count=written, path=args.export.resolve()))
            return 0
    if not items:
        print(translate("CLI", "No audit entries."))
        return 0
    for entry in items:
        cells = audit.row_cells(entry)
        count = "" if entry.count is None else str(entry.count)
        line = f"{cells[0]}  {entry.by}  {cells[2]}  {cells[3]}"
        if count:
            line += "  " + translate("CLI", "({count} records)").format(count=count)
        print(line)
        if entry.reason:
            print("    " + translate("CLI", "Reason: {reason}").format(reason=entry.reason))
        details = audit.detail_text(entry)
        if details:
            print("    " + details)
    return 0
