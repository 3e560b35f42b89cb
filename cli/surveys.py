"""Satisfaction surveys (model.customers.surveys): ``surveys PATH [--area A]``, the score trend per
area by month, or with ``--area`` also each surveyed customer's latest score and change."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from cli._args import date_arg
from model.archive import database
from model.customers import surveys
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("surveys", help=translate(
        "CLI", "satisfaction surveys (满意度调查): the mean score per area and month, and its change"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--area", metavar="A", help=translate("CLI", "only this area, with each customer's latest "
                                                                "score and its change"))
    p.add_argument("--date", type=date_arg, metavar="DATE", help=translate("CLI", "the last day (default: today)"))
    p.add_argument("--manager", metavar="NAME", help=translate("CLI", "only this manager's customers"))
    p.set_defaults(run=cmd_surveys)


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


def cmd_surveys(args) -> int:
    day = args.date or date.today()
    t = surveys.template()
    months = surveys.months_back(day, t.months)
    with database.Archive.open(args.path) as archive:
        trends = surveys.by_area(archive.conn, day, args.area, args.manager)
        people = surveys.latest_in_area(archive.conn, args.area, day, args.manager) if args.area else []
    print(translate("CLI", "Satisfaction (1 to {scale}) from {first} to {last}").format(
        scale=t.scale, first=months[0], last=months[-1]))
    for trend in trends:
        line = translate("CLI", "  {area}: {surveys} survey(s) of {customers} customer(s), mean {mean:.2f}").format(
            area=trend.area or translate("CLI", "(no area)"), surveys=trend.surveys, customers=trend.customers,
            mean=trend.mean)
        if trend.change is not None:
            line += translate("CLI", ", change {change} on the month before").format(change=_signed(trend.change))
        print(line)
        print("      " + "  ".join(f"{m} {trend.by_month[m]:.2f}" for m in months if m in trend.by_month))
    for name, survey in people:
        print(translate("CLI", "    {name}: {date} {score:.2f} {change}").format(
            name=name, date=survey.date.isoformat(), score=survey.score, change=_signed(survey.change)).rstrip())
    return 0
