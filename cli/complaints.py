"""Complaints (model.customers.complaints): ``complaints PATH [--open] [--overdue]`` lists them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from cli._args import date_arg
from model.customers import complaints
from model.archive import database
from model.core.i18n import translate


def register(commands) -> None:
    p = commands.add_parser("complaints", help=translate(
        "CLI", "list the customers' complaints (抱怨处理) with their status, owner and due date"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--open", action="store_true",
                   help=translate("CLI", "only those not yet confirmed with the customer"))
    p.add_argument("--overdue", action="store_true",
                   help=translate("CLI", "only those not resolved by their due date"))
    p.add_argument("--date", type=date_arg, metavar="DATE",
                   help=translate("CLI", "the day overdue is reckoned on (default: today)"))
    p.add_argument("--manager", metavar="NAME", help=translate("CLI", "only this manager's customers"))
    p.set_defaults(run=cmd_complaints)


def cmd_complaints(args) -> int:
    day = args.date or date.today()
    with database.Archive.open(args.path) as archive:
        found = complaints.list_complaints(archive.conn, open_only=args.open,
                                           overdue_on=day if args.overdue else None, manager=args.manager)
    r = complaints.complaint_rules()
    print(translate("CLI", "Complaints: {count}").format(count=len(found)))
    for c in found:
        late = c.overdue_days(day)
        line = translate("CLI", "  #{id} {date} {customer} ({manager}): {category}, {channel}; {status}; "
                                "owner {owner}, due {due}").format(
            id=c.id, date=c.date.isoformat(), customer=c.customer, manager=c.manager or "-",
            category=r.category_label(c.category), channel=r.channel_label(c.channel),
            status=complaints.status_label(c.status), owner=c.owner, due=c.due_date.isoformat())
        if late:
            line += translate("CLI", ", {days} days overdue").format(days=late)
        if c.satisfaction is not None:
            line += translate("CLI", ", satisfaction {score}/{scale}").format(score=c.satisfaction,
                                                                              scale=r.satisfaction_scale)
        print(line)
        print(f"      {c.what}")
    return 0
