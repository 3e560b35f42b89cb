"""The demo command: a realistic demo archive, the same for the same seed."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from model.demo import demo
from model.core.i18n import translate
from model.core.progress import Progress


def register(commands) -> None:
    p = commands.add_parser(
        "demo", help=translate("CLI", "create a demo archive with realistic customers, areas, "
                               "transactions and contacts"))
    p.add_argument("path", type=Path, help=translate("CLI", "the new archive (must not exist yet)"))
    p.add_argument("--customers", type=_customer_count, default=demo.CUSTOMERS_PER_MANAGER,
                   metavar="N", help=translate("CLI", "how many customers (default 800, one "
                                               "manager's book; at most 1,000,000)"))
    p.add_argument("--seed", type=int, default=1, metavar="S",
                   help=translate("CLI", "the same seed gives the same archive (default 1)"))
    p.add_argument("--no-grades", action="store_true",
                   help=translate("CLI", "leave the customers ungraded (by default the demo is "
                                  "graded: value tier, RFM and persona)"))
    p.set_defaults(run=cmd_demo)


def _customer_count(text: str) -> int:
    try:
        count = int(text.replace(",", "").replace("_", ""))
    except ValueError:
        count = 0
    if not 1 <= count <= demo.MAX_CUSTOMERS:
        raise argparse.ArgumentTypeError(
            translate("CLI", "give a whole number of customers from 1 to 1,000,000, not '{text}'")
            .format(text=text))
    return count


class _Dots(Progress):
    """A line on stderr every tenth of the way, for big demos in a terminal."""

    def __init__(self) -> None:
        super().__init__()
        self._shown = -1

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        if total and sys.stderr.isatty():
            tenth = done * 10 // total
            if tenth != self._shown:
                self._shown = tenth
                print(f"{text} {done:,}/{total:,}", file=sys.stderr)


def cmd_demo(args) -> int:
    path = args.path
    if path.exists():
        print(translate("CLI", "{path} already exists; the demo never writes into an existing "
                        "file. Choose a new file name, or delete the old file first.")
              .format(path=path), file=sys.stderr)
        return 2
    started = time.perf_counter()
    counts = demo.build_demo(path, customers=args.customers, seed=args.seed, progress=_Dots())
    seconds = time.perf_counter() - started
    print(translate("CLI", "Created a demo archive at {path} (seed {seed}) in {seconds} s:")
          .format(path=path.resolve(), seed=args.seed, seconds=f"{seconds:.1f}"))
    print(translate("CLI", "  customers: {customers} (red list: {red}), areas: {areas}, managers: "
                    "{managers}, transactions: {transactions}, contacts: {contacts}")
          .format(customers=f"{counts['customers']:,}", red=f"{counts['red_list']:,}",
                  areas=f"{counts['areas']:,}", managers=f"{counts['managers']:,}",
                  transactions=f"{counts['transactions']:,}",
                  contacts=f"{counts['contacts']:,}"))
    if counts.get("key_accounts"):
        print(translate("CLI", "  key accounts: {accounts} with {stores} stores, {checks} store checks, {photos} "
                        "photos").format(accounts=counts["key_accounts"], stores=counts["stores"],
                                                checks=counts["store_checks"], photos=counts["photos"]))
    if counts.get("partners"):
        print(translate("CLI", "  partners: {partners} with {outlets} outlets, {runs} 101 checklist runs, {actions} "
                        "open follow-up actions").format(partners=counts["partners"], outlets=counts["partner_outlets"],
                                                         runs=counts["checklist_runs"],
                                                         actions=counts["partner_open_actions"]))
    print(translate("CLI", "  not encrypted: the demo holds made-up customers only"))
    if not args.no_grades:
        _grade(path)
    return 0


def _grade(path: Path) -> None:
    """Grade the demo as a manager would after loading it, so every screen has data."""
    as_of, result = demo.grade_demo(path)
    print(translate("CLI", "  graded as of {date}: {rows} grades (value tier, RFM, persona)")
          .format(date=as_of.isoformat(), rows=f"{result.changed_rows:,}"))
    week = demo.plan_demo_week(path)
    print(translate("CLI", "  planned {visits} visits from {start} to {end}; {targets} targets set for the month")
          .format(visits=week["planned_visits"], start=week["plan_start"].isoformat(),
                  end=week["plan_end"].isoformat(), targets=week["targets"]))
