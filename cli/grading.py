"""Grading commands: grade (the computed schemes) and opportunity (the manager's answers)."""
from __future__ import annotations

import time
import unicodedata
from datetime import date
from pathlib import Path

from cli._args import date_arg
from model.archive import database
from model import grading
from model.core import settings
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("grade", help=translate("CLI", "compute value tiers, RFM types and personas, "
                                                    "store them and print the distribution"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--as-of", type=date_arg, metavar="DATE",
                   help=translate("CLI", "grade as of this date (default: today)"))
    p.add_argument("--scope", default="all", metavar="SCOPE",
                   help=translate("CLI", "all (default), ungraded, area:NAME, manager:NAME or older:DAYS"))
    p.add_argument("--replace-overrides", action="store_true",
                   help=translate("CLI", "also replace grades a manager set by hand"))
    p.set_defaults(run=cmd_grade)

    p = commands.add_parser("opportunity", help=translate("CLI", "set a customer's opportunity grade from "
                                                          "the need and the expected close"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("customer_id", type=int, help=translate("CLI", "the customer's number"))
    p.add_argument("--need", required=True, help=translate("CLI", "clear, latent or none"))
    p.add_argument("--close", required=True,
                   help=translate("CLI", "1m, 3m, 6m, later, never, or the expected close date"))
    p.add_argument("--as-of", type=date_arg, metavar="DATE",
                   help=translate("CLI", "answered on this date (default: today)"))
    p.add_argument("--reason", default="", help=translate("CLI", "a note kept with the grade"))
    p.set_defaults(run=cmd_opportunity)


def _width(text: str) -> int:
    """Terminal columns of ``text`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _padded(text: str, width: int) -> str:
    """``text`` filled with spaces to ``width`` terminal columns."""
    return text + " " * max(0, width - _width(text))


def print_distribution(distribution: dict[str, dict[str, int]], schemes=grading.SCHEMES) -> None:
    for scheme in schemes:
        counts = distribution.get(scheme, {})
        if not counts:
            continue
        total = sum(counts.values())
        print(translate("CLI", "{scheme}:").format(scheme=grading.scheme_label(scheme)))
        labels = {value: grading.value_label(scheme, value) for value in counts}
        width = max([28, *(_width(label) for label in labels.values())])     # the seed's RFM names are long
        for value, count in counts.items():
            share = 100 * count / total if total else 0
            print(f"  {_padded(labels[value], width)} {count:>8}  {share:5.1f}%")


def cmd_grade(args) -> int:
    as_of = args.as_of or date.today()
    started = time.perf_counter()
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        ids = grading.scope_ids(conn, args.scope, as_of)
        if ids is not None and not ids:
            print(translate("CLI", "No customer is in the scope {scope}; nothing to grade.").format(
                scope=args.scope))
            return 0
        computed = grading.compute(grading.load_inputs(conn, as_of, ids))
        result = grading.apply(conn, computed, by=grading.RULES_BY, replace_overrides=args.replace_overrides)
        print(translate("CLI", "Graded {count} customers as of {as_of} in {seconds:.1f} s.").format(
            count=len(computed.customer_ids), as_of=as_of.isoformat(), seconds=time.perf_counter() - started))
        print_distribution(grading.distribution(conn, ids), grading.COMPUTED_SCHEMES)
        per_scheme = translate("CLI", ", ").join(f"{grading.scheme_label(s)} {n}"
                                                 for s, n in result.per_scheme_counts.items())
        print(translate("CLI", "Grades changed: {count} ({per_scheme}).").format(
            count=result.changed_rows, per_scheme=per_scheme))
        if result.refreshed_rows:
            print(translate("CLI", "Explanations brought up to date without a grade change: {count}.")
                  .format(count=result.refreshed_rows))
        if result.skipped_overrides:
            print(translate("CLI", "Left as set by hand (overrides): {count}; use --replace-overrides to "
                            "replace them.").format(count=result.skipped_overrides))
    return 0


def cmd_opportunity(args) -> int:
    as_of = args.as_of or date.today()
    with database.Archive.open(args.path) as archive:
        record = grading.set_opportunity(archive.conn, args.customer_id, args.need, args.close,
                                         by=settings.user_name(), as_of=as_of, reason=args.reason)
        print(translate("CLI", "Customer {id}: opportunity grade {grade}.").format(
            id=args.customer_id, grade=record.value))
        print(record.explanation())
    return 0
