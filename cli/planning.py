"""Visit planning commands: ``plan`` (build, save and export a visit plan),
``print tracking-log`` (one opportunity grade's log), ``print due-list`` and
``print visit-plan``."""
from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from cli._args import date_arg
from cli._print import branch_name, output_options, print_subcommands, use_language
from model.archive import audit, database
from model.visits import calendar_export, due, tracking_logs, visit_plan
from model.customers import customer_filters
from model.core import outputs, settings
from model.core.i18n import translate
from model.visits.planning_rules import minutes


def register(commands) -> None:
    p = commands.add_parser("plan", help=translate("CLI", "plan the visits due for the coming days, save "
                                                   "the plan and export it (PDF, .ics, CSV)"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--start", type=date_arg, metavar="DATE", help=translate("CLI", "first day (default: today)"))
    p.add_argument("--days", type=_positive, default=7, metavar="N",
                   help=translate("CLI", "calendar days from the start (default 7); weekends, holidays "
                                         "and days off are left out"))
    p.add_argument("--per-day", type=_positive, metavar="K", help=translate("CLI", "visits per day"))
    p.add_argument("--manager", metavar="M", help=translate("CLI", "only this manager's customers"))
    p.add_argument("--view", metavar="NAME",
                   help=translate("CLI", "only the customers of this saved view of the list"))
    p.add_argument("--days-off", type=_dates, default=(), metavar="DATES",
                   help=translate("CLI", "days off, comma separated (2026-11-25,2026-11-26)"))
    p.add_argument("--hours", type=_hours, metavar="HH:MM-HH:MM",
                   help=translate("CLI", "working hours (default from the planning rules)"))
    p.add_argument("--start-point", type=_point, metavar="LAT,LON",
                   help=translate("CLI", "where each day starts (e.g. the branch)"))
    p.add_argument("--seconds", type=float, metavar="S", help=translate("CLI", "route search time limit"))
    p.add_argument("--plan", type=int, metavar="ID", help=translate("CLI", "export a saved plan instead of "
                                                                      "making a new one"))
    p.add_argument("--no-save", action="store_true", help=translate("CLI", "do not keep the plan in the archive"))
    output_options(p)
    p.add_argument("--ics", type=Path, metavar="OUT.ics", help=translate("CLI", "write the plan as a calendar"))
    p.add_argument("--csv", type=Path, metavar="OUT.csv", help=translate("CLI", "write the plan as CSV"))
    _unplanned_option(p)
    p.set_defaults(run=cmd_plan)

    printing = print_subcommands(commands)
    p = printing.add_parser("tracking-log", help=translate("CLI", "the tracking log (客户追踪志) of one "
                                                                  "opportunity grade"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--grade", choices=tracking_logs.GRADES, required=True,
                   help=translate("CLI", "the opportunity grade: A (daily log, 追踪日志), B (weekly, 周志), "
                                         "C (half-monthly, 半月志), D (monthly, 月志); periods from the "
                                         "planning rules"))
    p.add_argument("--period", choices=tracking_logs.PERIODS,
                   help=translate("CLI", "another period than the grade's own: day, week, half-month or month"))
    p.add_argument("--start", type=date_arg, metavar="DATE", help=translate("CLI", "first day (default: today)"))
    p.add_argument("--manager", metavar="M", help=translate("CLI", "only this manager's customers"))
    output_options(p, required=True)
    p.set_defaults(run=cmd_print_tracking_log)

    p = printing.add_parser("due-list", help=translate("CLI", "who is due for a visit or a call in a period"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--start", type=date_arg, metavar="DATE", help=translate("CLI", "first day (default: today)"))
    p.add_argument("--days", type=_positive, default=7, metavar="N",
                   help=translate("CLI", "calendar days from the start (default 7)"))
    p.add_argument("--manager", metavar="M", help=translate("CLI", "only this manager's customers"))
    output_options(p, required=True)
    p.set_defaults(run=cmd_print_due_list)

    p = printing.add_parser("visit-plan", help=translate("CLI", "a saved visit plan"))
    p.add_argument("path", type=Path, help=translate("CLI", "the archive"))
    p.add_argument("--plan", type=int, metavar="ID", help=translate("CLI", "the plan (default: the latest)"))
    output_options(p, required=True)
    _unplanned_option(p)
    p.set_defaults(run=cmd_print_visit_plan)


def _unplanned_option(p) -> None:
    p.add_argument("--no-unplanned", action="store_true",
                   help=translate("CLI", "leave the visits not planned out of the printed plan"))


def _dates(text: str) -> tuple[date, ...]:
    return tuple(date_arg(part) for part in text.split(",") if part.strip())


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(translate("CLI", "give a whole number of 1 or more, not '{text}'")
                                         .format(text=text))
    return value


def _hours(text: str) -> tuple[str, str]:
    start, _, end = text.partition("-")
    try:
        if minutes(start) >= minutes(end):
            raise ValueError
    except ValueError:
        raise argparse.ArgumentTypeError(translate("CLI", "give working hours as 09:00-18:00")) from None
    return start.strip(), end.strip()


def _point(text: str) -> tuple[float, float]:
    try:
        lat, lon = (float(v) for v in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(translate("CLI", "give the start point as latitude,longitude, "
                                                          "e.g. 31.23,121.47")) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise argparse.ArgumentTypeError(translate("CLI", "the start point is not a position on Earth"))
    return lat, lon


def print_plan(plan: visit_plan.Plan) -> None:
    for day in plan.days:
        km = sum(v.leg_m or 0 for v in day.visits) / 1000
        print(translate("CLI", "{date}: {count} visits, {km} km").format(
            date=day.day.isoformat(), count=len(day.visits), km=f"{km:.1f}"))
        for v in day.visits:
            print(f"  {v.position:>2}. {v.time_text}  {v.name}  [{v.area or '-'}]  {v.window_text}  {v.purpose}")
    if plan.unplanned:
        print(translate("CLI", "Not planned: {count}").format(count=len(plan.unplanned)))
        for v in plan.unplanned[:20]:
            print(f"  - {v.name}: {v.unplanned_detail}")
        if len(plan.unplanned) > 20:
            print(translate("CLI", "  ... and {count} more").format(count=len(plan.unplanned) - 20))
    for warning in plan.warnings:
        print(warning)


def _export(conn, plan: visit_plan.Plan, args, pdf=None, ics=None, csv=None) -> list[Path]:
    """Write the outputs asked for (to ``pdf``/``ics``/``csv``, the temporary files that
    :func:`model.core.outputs.staged` moves onto ``args.pdf``/``args.ics``/``args.csv``) and
    record them in the audit trail; returns the final paths."""
    written = []
    if args.pdf:
        from reports.visit_plan import visit_plan_pdf
        visit_plan_pdf(plan, pdf, branch=branch_name(conn, args.branch), show_full_phone=args.full_phone,
                       language=args.language, include_unplanned=not args.no_unplanned,
                       manager=settings.user_name())
        audit.record_print(conn, _plan_what(plan), args.pdf, len(plan.planned()),
                           full_phone=args.full_phone, detail={"plan": plan.id})
        written.append(args.pdf)
    if getattr(args, "ics", None):
        calendar_export.write_ics(plan, ics, show_full_phone=args.full_phone)
        audit.record(conn, "export", _plan_what(plan), len(plan.planned()), detail={
            "file": str(Path(args.ics).resolve()), "plan": plan.id, "full_phone": args.full_phone})
        written.append(args.ics)
    if getattr(args, "csv", None):
        calendar_export.write_csv(plan, csv)
        audit.record(conn, "export", _plan_what(plan), len(plan.planned()), detail={
            "file": str(Path(args.csv).resolve()), "plan": plan.id})
        written.append(args.csv)
    return written


def _export_all(conn, plan: visit_plan.Plan, args, save: bool) -> list[Path]:
    """Save the plan (when asked) and write every output as one: if any output cannot be
    written, no file is left behind and the plan is not saved."""
    with database.transaction(conn), outputs.staged(args.pdf, getattr(args, "ics", None),
                                                    getattr(args, "csv", None)) as (pdf, ics, csv):
        if save:
            visit_plan.save(conn, plan, settings.user_name())
        return _export(conn, plan, args, pdf, ics, csv)


def _plan_what(plan: visit_plan.Plan) -> str:
    return audit.visit_plan_what(plan.start, plan.end)


def cmd_plan(args) -> int:
    use_language(args)
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        if args.plan is not None:
            plan = visit_plan.load(conn, args.plan)
        else:
            start = args.start or date.today()
            hours = args.hours or (None, None)
            only = (frozenset(customer_filters.view_customer_ids(conn, args.view)) if args.view
                    else None)
            request = visit_plan.PlanRequest(
                start=start, days=args.days, manager=args.manager, per_day=args.per_day,
                day_start=hours[0], day_end=hours[1], start_point=args.start_point,
                days_off=tuple(args.days_off), time_limit=args.seconds, only_customers=only)
            plan = visit_plan.build(conn, request)
        written = _export_all(conn, plan, args, save=args.plan is None and not args.no_save)
        print_plan(plan)
        print(translate("CLI", "{planned} visits planned, {unplanned} not planned, {calls} calls due; "
                               "{km} km by straight line.").format(
            planned=len(plan.planned()), unplanned=len(plan.unplanned), calls=plan.calls_due,
            km=f"{plan.route_m / 1000:.1f}"))
        if plan.id is not None:
            print(translate("CLI", "Saved as plan {id}.").format(id=plan.id))
    for path in written:
        print(translate("CLI", "Wrote {path}").format(path=path))
    return 0


def cmd_print_tracking_log(args) -> int:
    use_language(args)
    from reports.tracking_log import tracking_log_pdf
    with database.Archive.open(args.path) as archive:
        log = tracking_logs.tracking_log(archive.conn, args.grade, args.start or date.today(), args.manager,
                                         kind=args.period)
        with database.transaction(archive.conn), outputs.staged(args.pdf) as (pdf,):
            tracking_log_pdf(log, pdf, branch=branch_name(archive.conn, args.branch),
                             show_full_phone=args.full_phone, language=args.language,
                             manager=settings.user_name())
            audit.record_print(archive.conn, audit.tracking_log_what(log.start, log.end), args.pdf,
                               len(log.entries), full_phone=args.full_phone,
                               detail={"period": log.kind, "grade": log.grade})
    print(translate("CLI", "{count} customers of opportunity grade {grade} from {start} to {end}; wrote {path}")
          .format(count=len(log.entries), grade=log.grade, start=log.start.isoformat(), end=log.end.isoformat(),
                  path=args.pdf))
    return 0


def cmd_print_due_list(args) -> int:
    use_language(args)
    from reports.due_list import due_list_pdf
    start = args.start or date.today()
    end = start + timedelta(days=args.days - 1)
    with database.Archive.open(args.path) as archive:
        listed = due.due_list(archive.conn, start, end, args.manager)
        with database.transaction(archive.conn), outputs.staged(args.pdf) as (pdf,):
            due_list_pdf(listed, pdf, branch=branch_name(archive.conn, args.branch),
                         manager=args.manager or settings.user_name(),
                         show_full_phone=args.full_phone, language=args.language)
            audit.record_print(archive.conn, audit.due_list_what(start, end), args.pdf,
                               len(listed.visits) + len(listed.calls), full_phone=args.full_phone)
    print(translate("CLI", "{visits} visits and {calls} calls due from {start} to {end}; wrote {path}").format(
        visits=len(listed.visits), calls=len(listed.calls), start=start.isoformat(), end=end.isoformat(),
        path=args.pdf))
    return 0


def cmd_print_visit_plan(args) -> int:
    use_language(args)
    with database.Archive.open(args.path) as archive:
        conn = archive.conn
        plan_id = args.plan
        if plan_id is None:
            plans = visit_plan.list_plans(conn)
            if not plans:
                raise visit_plan.PlanError(translate("CLI", "There is no saved visit plan in this archive; "
                                                            "make one with 'python main.py plan'."))
            plan_id = plans[0].id
        plan = visit_plan.load(conn, plan_id)
        args.ics = args.csv = None
        written = _export_all(conn, plan, args, save=False)
    for path in written:
        print(translate("CLI", "Wrote {path}").format(path=path))
    return 0
