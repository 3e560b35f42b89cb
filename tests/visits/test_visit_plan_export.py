"""The plan as .ics (parsed back with icalendar) and CSV; the plan and print commands."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta, timezone

import icalendar
import pytest

from model.visits import calendar_export, visit_plan
from tests.planning_data import customer, overdue_a_customers, spread

START = date(2026, 11, 23)


@pytest.fixture
def plan(archive):
    conn = archive.conn
    overdue_a_customers(conn, 3, START)
    lat, lon = spread(5)
    customer(conn, "欧阳·长名字客户，逗号；分号\\反斜杠", lat=lat, lon=lon, tier="A",
             last_visit=START - timedelta(days=40), area="金色家园（北区）")
    conn.execute("UPDATE customers SET address = ? WHERE name LIKE '欧阳%'",
                 ("浙江省杭州市西湖区文一西路一百二十三号金色家园北区十二幢四单元一四零二室，靠近地铁站\n东门进",))
    built = visit_plan.build(conn, visit_plan.PlanRequest(START, days=2, per_day=4, time_limit=0.3,
                                                          start_point=spread(0)))
    visit_plan.save(conn, built, by="王经理")
    return visit_plan.load(conn, built.id)


def test_ics_parses_back_with_chinese_text_and_times(plan, tmp_path):
    path = calendar_export.write_ics(plan, tmp_path / "plan.ics")
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan.planned()) == 4
    by_uid = {str(e["UID"]): e for e in events}
    assert len(by_uid) == 4
    long_one = next(v for v in plan.planned() if v.name.startswith("欧阳"))
    event = next(e for e in events if "欧阳" in str(e["SUMMARY"]))
    assert str(event["SUMMARY"]) == f"Visit {long_one.name}: {long_one.purpose}"
    assert str(event["LOCATION"]).startswith("浙江省杭州市西湖区文一西路") and "\n东门进" in str(event["LOCATION"])
    start = event.decoded("DTSTART")
    assert start.date() == long_one.day
    assert start.hour * 60 + start.minute == long_one.planned_time
    assert start.utcoffset() == timedelta(hours=8)
    assert event.decoded("DTEND") - start == timedelta(minutes=long_one.duration)
    assert "138****5678" in str(event["DESCRIPTION"])


def test_ics_lines_are_folded_at_75_octets_without_breaking_characters(plan):
    text = calendar_export.ics_text(plan, now=datetime(2026, 11, 22, 8, 0, tzinfo=timezone.utc))
    lines = text.encode("utf-8").split(b"\r\n")
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)          # the long address was folded
    for line in lines:
        line.decode("utf-8")                                     # no character split across lines
    assert "DTSTAMP:20261122T080000Z" in text


def test_ics_escaping():
    assert calendar_export.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = calendar_export.fold("SUMMARY:" + "客" * 40)
    parts = folded.split("\r\n ")
    assert all(len(p.encode()) <= 75 for p in parts) and "".join(parts) == "SUMMARY:" + "客" * 40


def test_plan_csv_columns_and_bom(plan, tmp_path):
    path = calendar_export.write_csv(plan, tmp_path / "plan.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["date", "order", "customer_id", "name", "area", "window_start", "window_end",
                             "purpose"]
    assert len(rows) == 4
    first = plan.days[0].visits[0]
    assert rows[0]["date"] == plan.days[0].day.isoformat() and rows[0]["order"] == "1"
    assert rows[0]["customer_id"] == str(first.customer_id) and rows[0]["name"] == first.name
    assert rows[0]["window_start"] == "09:00" and rows[0]["window_end"] == "17:30"


def _run(argv):
    from cli import run_cli
    return run_cli([str(a) for a in argv])


def test_plan_command_builds_saves_and_exports(tmp_path, capsys):
    from model.archive.database import Archive
    path = tmp_path / "a.kehu"
    with Archive.create(path) as archive:
        overdue_a_customers(archive.conn, 5, START)
    out = tmp_path / "out"
    out.mkdir()
    code = _run(["plan", path, "--start", "2026-11-23", "--days", "2", "--per-day", "2",
                 "--seconds", "0.3", "--pdf", out / "p.pdf", "--ics", out / "p.ics", "--csv", out / "p.csv"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "4 visits planned, 1 not planned" in printed and "Saved as plan 1." in printed
    assert all((out / name).stat().st_size > 0 for name in ("p.pdf", "p.ics", "p.csv"))
    assert _run(["print", "visit-plan", path, "--pdf", out / "again.pdf"]) == 0
    assert (out / "again.pdf").stat().st_size > 0


def test_printouts_name_the_manager_of_a_plan_made_for_everyone(tmp_path, capsys, monkeypatch):
    """A plan, log or due list of all managers names the user who prints it, not '-'."""
    import subprocess
    from model.archive.database import Archive
    monkeypatch.setenv("KEHU_USER", "李经理")
    path = tmp_path / "a.kehu"
    with Archive.create(path) as archive:
        overdue_a_customers(archive.conn, 3, START, opportunity=("clear", "1m"))
    for args, pdf in ((["plan", path, "--start", "2026-11-23", "--days", "1", "--seconds", "0.3"], "plan.pdf"),
                      (["print", "due-list", path, "--start", "2026-11-23"], "due.pdf"),
                      (["print", "tracking-log", path, "--grade", "A", "--start", "2026-11-23"], "log.pdf")):
        assert _run([*args, "--pdf", tmp_path / pdf]) == 0
        text = subprocess.run(["pdftotext", str(tmp_path / pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "Manager: 李经理" in text and "Manager: -" not in text, pdf
    capsys.readouterr()


def test_print_tracking_log_and_due_list_commands(tmp_path, capsys):
    import subprocess
    from model.archive.database import Archive
    path = tmp_path / "a.kehu"
    with Archive.create(path) as archive:
        overdue_a_customers(archive.conn, 3, START, opportunity=("clear", "3m"))
    code = _run(["print", "tracking-log", path, "--grade", "B", "--start", "2026-11-23",
                 "--pdf", tmp_path / "log.pdf"])
    assert code == 0
    assert "3 customers of opportunity grade B from 2026-11-23 to 2026-11-29" in capsys.readouterr().out
    code = _run(["print", "tracking-log", path, "--grade", "A", "--start", "2026-11-23",
                 "--pdf", tmp_path / "a.pdf"])
    assert code == 0
    assert "0 customers of opportunity grade A from 2026-11-23 to 2026-11-23" in capsys.readouterr().out
    code = _run(["print", "due-list", path, "--start", "2026-11-23", "--pdf", tmp_path / "due.pdf"])
    assert code == 0
    assert "3 visits and 0 calls due from 2026-11-23 to 2026-11-29" in capsys.readouterr().out
    text = subprocess.run(["pdftotext", str(tmp_path / "due.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Due list" in text and "甲客户0" in text and "30 d" in text


def test_language_option_makes_the_whole_printout_and_messages_chinese(tmp_path, capsys):
    import subprocess
    from model.archive.database import Archive
    path = tmp_path / "a.kehu"
    with Archive.create(path) as archive:
        overdue_a_customers(archive.conn, 3, START)
    try:
        code = _run(["print", "due-list", path, "--start", "2026-11-23",
                     "--pdf", tmp_path / "log.pdf", "--language", "zh_CN"])
        assert code == 0
        assert "应拜访 3 位" in capsys.readouterr().out       # the message after the printout
        text = subprocess.run(["pdftotext", str(tmp_path / "log.pdf"), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert "到期客户清单" in text and "A类客户" in text
        assert "value tier" not in text and "visit every" not in text   # the reasons too
    finally:
        from PySide6.QtCore import QCoreApplication

        from model.core import language
        language.install_translators(QCoreApplication.instance(), "en")


def test_plan_command_errors_are_for_users(tmp_path, capsys):
    assert _run(["plan", tmp_path / "missing.kehu", "--start", "2026-11-23"]) == 2
    assert "There is no archive" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _run(["plan", tmp_path / "missing.kehu", "--start-point", "north"])
    assert "latitude,longitude" in capsys.readouterr().err


def test_print_has_room_for_more_printouts():
    import argparse
    from cli._print import print_subcommands
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers(dest="command")
    first = print_subcommands(commands)
    first.add_parser("tracking-log")
    second = print_subcommands(commands)
    assert second is first
    second.add_parser("promotion")
    assert parser.parse_args(["print", "promotion"]).printout == "promotion"


def _plans_and_prints(path):
    from model.archive.database import Archive
    with Archive.open(path) as archive:
        return (archive.conn.execute("SELECT count(*) FROM visit_plans").fetchone()[0],
                archive.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@pytest.mark.parametrize("broken", ["missing folder", "folder as file", "writer fails"])
def test_plan_command_saves_nothing_unless_every_output_is_written(tmp_path, capsys, monkeypatch, broken):
    """plan --pdf/--ics/--csv: the plan is saved and the files are there, or nothing is."""
    from model.visits import calendar_export
    from model.archive.database import Archive
    path = tmp_path / "a.kehu"
    with Archive.create(path) as archive:
        overdue_a_customers(archive.conn, 5, START)
    before = _plans_and_prints(path)
    out = tmp_path / "out"
    out.mkdir()
    csv = out / "p.csv"
    if broken == "missing folder":
        csv = tmp_path / "nowhere" / "p.csv"
    elif broken == "folder as file":
        csv.mkdir()
    else:
        def fail(plan, target):
            with open(target, "w") as handle:
                handle.write("half a file")
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(calendar_export, "write_csv", fail)
    code = _run(["plan", path, "--start", "2026-11-23", "--days", "2", "--per-day", "2", "--seconds", "0.3",
                 "--pdf", out / "p.pdf", "--ics", out / "p.ics", "--csv", csv])
    captured = capsys.readouterr()
    assert code == 2, captured
    assert "Traceback" not in captured.err and captured.err.strip()
    assert _plans_and_prints(path) == before                  # no plan saved, no audit entry
    assert sorted(p.name for p in out.iterdir()) == ([] if broken != "folder as file" else ["p.csv"])
    assert "Saved as plan" not in captured.out and "Wrote" not in captured.out
