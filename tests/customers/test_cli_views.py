"""Saved views of the customer list on the command line: ``export --view NAME`` and
``plan --view NAME`` take only the view's customers; an unknown name is an error (exit 2)."""
from __future__ import annotations

import csv
import io
import json
from datetime import date

from model.customers import customer_filters, customers
from model.archive import database
from model.core import settings
from tests.planning_data import overdue_a_customers

START = date(2026, 11, 23)


def _run(*argv) -> int:
    from cli import run_cli
    return run_cli([str(a) for a in argv])


def _save_views(*views: tuple[str, dict]) -> None:
    settings.put(settings.SAVED_VIEWS, json.dumps(
        [{"name": name, "filter": flt} for name, flt in views], ensure_ascii=False))


def _people(path) -> tuple[list[int], list[int]]:
    """Three overdue A-tier customers in 幸福小区 and two in 阳光小区."""
    with database.Archive.create(path) as archive:
        happy = overdue_a_customers(archive.conn, 3, START, area="幸福小区")
        sunny = [overdue_a_customers(archive.conn, 1, START, area="阳光小区")[0] for _ in range(2)]
    return happy, sunny


def _exported_ids(path) -> list[str]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    return [row[0] for row in rows[1:]]


def test_view_customer_ids_follow_the_saved_filter(qapp, tmp_path):
    happy, sunny = _people(tmp_path / "a.kehu")
    _save_views(("幸福", {"area": "幸福小区"}), ("阳光", {"area": "阳光小区"}))
    with database.Archive.open(tmp_path / "a.kehu") as archive:
        assert customer_filters.view_customer_ids(archive.conn, "幸福") == happy
        assert customer_filters.view_customer_ids(archive.conn, "阳光") == sunny
        where, params = customer_filters.view_where("幸福")
        assert params == ["幸福小区"] and "a.name = ?" in where


def test_customer_count_is_what_the_filter_lets_through(qapp, tmp_path):
    happy, sunny = _people(tmp_path / "a.kehu")
    with database.Archive.open(tmp_path / "a.kehu") as archive:
        count = customer_filters.customer_count
        assert count(archive.conn, customer_filters.CustomerFilter(area="幸福小区")) == len(happy) == 3
        assert count(archive.conn, customer_filters.CustomerFilter()) == len(happy) + len(sunny)
        customers.delete(archive.conn, sunny[0], "t")
        assert count(archive.conn, customer_filters.CustomerFilter(area="阳光小区")) == 1   # not the deleted


def test_export_with_a_view_writes_only_its_customers(qapp, tmp_path, capsys):
    happy, sunny = _people(tmp_path / "a.kehu")
    _save_views(("幸福", {"area": "幸福小区"}))
    out = tmp_path / "happy.csv"
    assert _run("export", tmp_path / "a.kehu", out, "--view", "幸福") == 0
    assert "Exported 3 customers" in capsys.readouterr().out
    assert _exported_ids(out) == [str(i) for i in happy]
    everyone = tmp_path / "all.csv"
    assert _run("export", tmp_path / "a.kehu", everyone) == 0
    assert _exported_ids(everyone) == [str(i) for i in happy + sunny]


def test_plan_with_a_view_plans_only_its_customers(qapp, tmp_path, capsys):
    happy, sunny = _people(tmp_path / "a.kehu")
    _save_views(("阳光", {"area": "阳光小区"}))
    assert _run("plan", tmp_path / "a.kehu", "--start", START, "--days", "2", "--per-day", "4",
                "--seconds", "0.3", "--view", "阳光") == 0
    assert "2 visits planned, 0 not planned" in capsys.readouterr().out
    from model.visits import visit_plan
    with database.Archive.open(tmp_path / "a.kehu") as archive:
        plan = visit_plan.load(archive.conn, 1)
    assert sorted(v.customer_id for v in plan.all_visits()) == sunny


def test_an_unknown_view_is_a_clear_error_and_writes_nothing(qapp, tmp_path, capsys):
    _people(tmp_path / "a.kehu")
    _save_views(("幸福", {"area": "幸福小区"}))
    out = tmp_path / "none.csv"
    assert _run("export", tmp_path / "a.kehu", out, "--view", "没有") == 2
    assert "There is no saved view named '没有'." in capsys.readouterr().err
    assert not out.exists()
    assert _run("plan", tmp_path / "a.kehu", "--start", START, "--view", "没有", "--pdf",
                tmp_path / "p.pdf") == 2
    assert "There is no saved view named '没有'." in capsys.readouterr().err
    assert not (tmp_path / "p.pdf").exists()
    with database.Archive.open(tmp_path / "a.kehu") as archive:
        assert archive.conn.execute("SELECT count(*) FROM visit_plans").fetchone()[0] == 0
    # The built-in views are not names the CLI takes.
    assert _run("export", tmp_path / "a.kehu", out, "--view", "all") == 2
