"""The lifecycle stage (model.customers.lifecycle): ``lifecycle PATH [--date D] [--stage STAGE]``
prints the customers per stage, or lists the customers of one stage."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from cli._args import date_arg
from model.archive import database
from model.customers import lifecycle
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("lifecycle", help=translate(
        "CLI", "customers per lifecycle stage (潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失), or the customers of one stage"))  # noqa: E501
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--date", type=date_arg, metavar="DATE", help=translate("CLI", "the day (default: today)"))
    p.add_argument("--stage", choices=lifecycle.STAGES, help=translate(
        "CLI", "list the customers of this stage (潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失, in this order)"))
    p.set_defaults(run=cmd_lifecycle)


def cmd_lifecycle(args) -> int:
    day = args.date or date.today()
    with database.Archive.open(args.path) as archive:
        if args.stage:
            rows = lifecycle.customers_in(archive.conn, args.stage, day)
        else:
            counts = lifecycle.counts(archive.conn, day)
    if args.stage:
        print(translate("CLI", "{stage}: {count} customers as of {date}").format(
            stage=lifecycle.stage_label(args.stage), count=len(rows), date=day.isoformat()))
        for _, name, manager in rows:
            print(f"{name}\t{manager or ''}")
        return 0
    print(translate("CLI", "Lifecycle stages as of {date}:").format(date=day.isoformat()))
    for key, count in counts.items():
        print(translate("CLI", "{stage}: {count}").format(stage=lifecycle.stage_label(key), count=count))
    return 0
