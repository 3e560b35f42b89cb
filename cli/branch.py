"""Branch work across managers (issue 21): ``branch duplicates PATH [--csv FILE]``
lists the customer pairs that may be the same person (model.branch.archive_duplicates)."""
from __future__ import annotations

from pathlib import Path

from model.archive import database
from model.core import settings
from model.branch import archive_duplicates
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("branch", help=translate(
        "CLI", "branch work across managers: customers that may be the same person"))
    from cli import describe_commands
    sub = describe_commands(p.add_subparsers(dest="branch_command", metavar="WHAT", required=True))
    d = sub.add_parser("duplicates", help=translate(
        "CLI", "list the customer pairs that may be the same person (same phone, or similar name and "
               "the same birth date)"))
    d.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    d.add_argument("--csv", type=Path, metavar="FILE",
                   help=translate("CLI", "also write the pairs to this .csv (or .xlsx) file"))
    d.set_defaults(run=cmd_duplicates)


def cmd_duplicates(args) -> int:
    with database.Archive.open(args.path) as archive:
        pairs = archive_duplicates.archive_candidates(archive.conn)
        if args.csv:
            written = archive_duplicates.export(archive.conn, pairs, args.csv, settings.user_name())
    print(translate("CLI", "Duplicate candidates: {count}").format(count=len(pairs)))
    for p in pairs:
        print(translate("CLI", "  #{first_id} {first_name} ({first_manager}) / #{second_id} {second_name} "
                               "({second_manager}): {reason}, score {score}").format(
            first_id=p.first_id, first_name=p.first_name, first_manager=p.first_manager or "-",
            second_id=p.second_id, second_name=p.second_name, second_manager=p.second_manager or "-",
            reason=archive_duplicates.reason_label(p.reason), score=f"{p.score:g}"))
    if args.csv:
        print(translate("CLI", "Wrote {count} pairs to {path}").format(count=written, path=args.csv.resolve()))
    return 0
