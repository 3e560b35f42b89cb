"""Complaints (model.customers.complaints, m0020): recording with the rules' defaults, the status
flow (forward only, reopen from resolved) with its history, refusals with a message,
and the overdue and confirming follow-ups in the due list (model.visits.due)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from model.customers import complaints, customers
from model.visits import due, today
from model.archive import migrations
from model.archive.database import ArchiveError
from tests.planning_data import customer

DAY = date(2026, 12, 1)      # a Tuesday


@pytest.fixture
def book(archive):
    conn = archive.conn
    calm = customer(conn, "张三", tier="C", last_contact=DAY - timedelta(days=2), manager="王经理")
    other = customer(conn, "李四", tier="C", last_contact=DAY - timedelta(days=2), manager="李经理")
    return archive, calm, other


def _record(conn, cid, **kw):
    kw.setdefault("on", DAY)
    kw.setdefault("channel", "counter")
    kw.setdefault("category", "waiting")
    kw.setdefault("what", "排队等了一个小时")
    return complaints.create(conn, cid, by="小王", **kw)


def test_the_migration_is_the_latest_and_the_rules_carry_their_sources(archive):
    assert migrations.LATEST >= 20
    assert {"complaints", "complaint_history"} <= {r[0] for r in archive.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    from model.core import rules
    data = rules.load_json("complaints.json")
    for key in ("due_days", "confirm_days", "satisfaction_scale", "channels", "categories"):
        assert data[f"{key}_source"]
    assert "抱怨" in data["source"]


def test_a_complaint_is_recorded_with_the_defaults(book):
    archive, calm, _ = book
    conn = archive.conn
    cid = _record(conn, calm)
    c = complaints.get(conn, cid)
    assert (c.status, c.owner, c.due_date, c.channel, c.category) == ("open", "王经理", DAY + timedelta(days=3),
                                                                       "counter", "waiting")
    assert c.customer == "张三" and c.created_by == "小王"
    assert complaints.complaint_rules().category_label("waiting") == "Waiting time"
    assert [(h["from_status"], h["to_status"], h["by"]) for h in complaints.history(conn, cid)] == \
        [(None, "open", "小王")]
    own = _record(conn, calm, owner="大堂经理", due_date="2026-12-10")
    assert complaints.get(conn, own).owner == "大堂经理"
    assert complaints.get(conn, own).due_date == date(2026, 12, 10)
    # the customer's free-text complaints field is untouched
    assert not customers.get(conn, calm).get("complaints")


@pytest.mark.parametrize("kw, words", [
    ({"channel": "pigeon"}, "Unknown channel pigeon"),
    ({"category": "weather"}, "Unknown category weather"),
    ({"what": "  "}, "Say what the complaint is about"),
    ({"on": "2026-13-01"}, "is not a date"),
    ({"due_date": "2026-11-30"}, "before the complaint's date"),
])
def test_a_bad_complaint_is_refused_and_nothing_written(book, kw, words):
    archive, calm, _ = book
    with pytest.raises(ArchiveError, match=words):
        _record(archive.conn, calm, **kw)
    assert archive.conn.execute("SELECT count(*) FROM complaints").fetchone()[0] == 0
    assert archive.conn.execute("SELECT count(*) FROM complaint_history").fetchone()[0] == 0
    assert archive.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'complaint'").fetchone()[0] == 0


def test_the_status_flow_forward_reopen_and_confirm(book):
    archive, calm, _ = book
    conn = archive.conn
    cid = _record(conn, calm)
    complaints.move(conn, cid, "in_hand", by="小王", on=DAY, note="已联系网点主任")
    complaints.move(conn, cid, "resolved", by="小王", on=DAY + timedelta(days=1))
    assert complaints.get(conn, cid).resolved_at == DAY + timedelta(days=1)
    complaints.move(conn, cid, "in_hand", by="小王", on=DAY + timedelta(days=2), note="客户仍不满意")   # reopen
    c = complaints.get(conn, cid)
    assert c.status == "in_hand" and c.resolved_at is None
    complaints.move(conn, cid, "resolved", by="小王", on=DAY + timedelta(days=3))
    complaints.move(conn, cid, "confirmed", by="小王", on=DAY + timedelta(days=4), satisfaction=4)
    c = complaints.get(conn, cid)
    assert (c.status, c.confirmed_at, c.satisfaction) == ("confirmed", DAY + timedelta(days=4), 4)
    steps = [(h["from_status"], h["to_status"], h["note"]) for h in complaints.history(conn, cid)]
    assert steps == [(None, "open", None), ("open", "in_hand", "已联系网点主任"), ("in_hand", "resolved", None),
                     ("resolved", "in_hand", "客户仍不满意"), ("in_hand", "resolved", None),
                     ("resolved", "confirmed", None)]
    # each step is an audit entry too, with ids only
    from model.archive import audit
    trail = [e for e in audit.entries(conn, action="complaint") if e.detail["complaint_id"] == cid]
    trail.sort(key=lambda e: e.id)
    assert [e.what for e in trail] == [f"Complaint {cid} recorded", f"Complaint {cid} taken in hand",
                                       f"Complaint {cid} resolved", f"Complaint {cid} reopened",
                                       f"Complaint {cid} resolved", f"Complaint {cid} confirmed with the customer"]
    assert trail[-1].detail == {"complaint_id": cid, "customer_id": calm, "from": "resolved", "to": "confirmed"}
    assert all(e.by == "小王" and e.count == 1 for e in trail)
    assert audit.action_label("complaint") == "Complaint"
    # settled on the spot: open straight to resolved
    quick = _record(conn, calm)
    complaints.move(conn, quick, "resolved", by="小王", on=DAY)
    assert complaints.get(conn, quick).status == "resolved"


def test_invalid_moves_are_refused_with_a_message(book):
    archive, calm, _ = book
    conn = archive.conn
    cid = _record(conn, calm)
    with pytest.raises(ArchiveError, match="Only a resolved complaint can be confirmed with the customer; "
                                           "this one is Open"):
        complaints.move(conn, cid, "confirmed", by="t", satisfaction=5)
    complaints.move(conn, cid, "in_hand", by="t", on=DAY)
    with pytest.raises(ArchiveError, match="cannot go from In hand back to Open"):
        complaints.move(conn, cid, "open", by="t")
    complaints.move(conn, cid, "resolved", by="t", on=DAY)
    with pytest.raises(ArchiveError, match="satisfaction, 1 to 5"):
        complaints.move(conn, cid, "confirmed", by="t", on=DAY, satisfaction=6)
    with pytest.raises(ArchiveError, match="satisfaction, 1 to 5"):
        complaints.move(conn, cid, "confirmed", by="t", on=DAY)
    with pytest.raises(ArchiveError, match="before the complaint's date"):
        complaints.move(conn, cid, "confirmed", by="t", on=DAY - timedelta(days=1), satisfaction=3)
    complaints.move(conn, cid, "confirmed", by="t", on=DAY, satisfaction=3)
    with pytest.raises(ArchiveError, match="closed; record a new complaint"):
        complaints.move(conn, cid, "in_hand", by="t")
    with pytest.raises(ArchiveError, match="no longer exists"):
        complaints.move(conn, 999, "in_hand", by="t")
    assert len(complaints.history(conn, cid)) == 4       # the refusals wrote nothing
    assert conn.execute("SELECT count(*) FROM audit_log WHERE action = 'complaint'").fetchone()[0] == 4


def test_lists_open_and_overdue(book):
    archive, calm, other = book
    conn = archive.conn
    late = _record(conn, calm)                                   # due 12-04
    later = _record(conn, other, due_date="2026-12-20")
    done = _record(conn, calm)
    complaints.move(conn, done, "resolved", by="t", on=DAY)
    complaints.move(conn, done, "confirmed", by="t", on=DAY, satisfaction=5)
    assert [c.id for c in complaints.list_complaints(conn, open_only=True)] == [later, late]
    assert [c.id for c in complaints.list_complaints(conn, customer_id=calm)] == [done, late]
    assert [c.id for c in complaints.overdue(conn, date(2026, 12, 5))] == [late]
    assert complaints.overdue(conn, date(2026, 12, 4)) == []                     # due that day: not yet late
    assert [c.id for c in complaints.overdue(conn, date(2026, 12, 21), "李经理")] == [later]


def test_overdue_and_confirming_complaints_are_due_calls(book):
    archive, calm, other = book
    conn = archive.conn
    late = _record(conn, calm)                                   # due 12-04
    start = date(2026, 12, 7)                                    # a Monday
    listed = due.due_list(conn, start, start)
    (call,) = listed.calls
    assert call.customer_id == calm and call.complaints == (late,) and call.channel == "phone"
    assert call.reason == "complaint of 2026-12-01 (Waiting time) overdue since 2026-12-04"
    assert call.overdue_days == 3 and call.rank_class == 2 and call.purpose == "Complaint follow-up"
    assert [c.customer_id for c in today.today(conn, start, "王经理").calls] == [calm]
    # resolved: the confirming call two days later
    complaints.move(conn, late, "resolved", by="t", on=start)
    assert due.due_list(conn, start, start).calls == []
    (confirm,) = due.due_list(conn, start + timedelta(days=2), start + timedelta(days=2)).calls
    assert confirm.reason == "complaint of 2026-12-01 (Waiting time) resolved: confirm with the customer"
    complaints.move(conn, late, "confirmed", by="t", on=start + timedelta(days=2), satisfaction=4)
    assert due.due_list(conn, start + timedelta(days=2), start + timedelta(days=2)).calls == []
    # due within the range, not yet overdue; another manager's
    _record(conn, other, due_date="2026-12-09")
    (soon,) = due.due_list(conn, start, start + timedelta(days=4)).calls
    assert soon.customer_id == other and not soon.overdue and "to resolve by 2026-12-09" in soon.reason
    assert due.due_list(conn, start, start + timedelta(days=4), "王经理").calls == []


def test_a_customer_already_due_carries_the_complaint_on_the_same_row(book):
    archive, calm, _ = book
    conn = archive.conn
    start = date(2026, 12, 7)
    visited = customer(conn, "老赵", tier="A", last_visit=start - timedelta(days=45), lat=31.2, lon=121.4)
    _record(conn, visited)
    listed = due.due_list(conn, start, start)
    (visit,) = listed.visits
    assert visit.customer_id == visited and len(visit.complaints) == 1 and listed.calls == []
    assert "value tier A" in visit.reason and "overdue since 2026-12-04" in visit.reason


def test_cli_lists_all_open_and_overdue(qapp, book, capsys):
    from cli import run_cli
    archive, calm, other = book
    conn = archive.conn
    late = _record(conn, calm)                                   # due 12-04
    _record(conn, other, due_date="2026-12-20", category="fees", what="年费收得不明白")
    done = _record(conn, calm)
    complaints.move(conn, done, "resolved", by="t", on=DAY)
    complaints.move(conn, done, "confirmed", by="t", on=DAY, satisfaction=5)
    path = archive.path
    archive.close()
    assert run_cli(["complaints", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Complaints: 3") and "satisfaction 5/5" in out and "年费收得不明白" in out
    assert run_cli(["complaints", str(path), "--open"]) == 0
    assert capsys.readouterr().out.startswith("Complaints: 2")
    assert run_cli(["complaints", str(path), "--overdue", "--date", "2026-12-07"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Complaints: 1") and (
        f"#{late} 2026-12-01 张三 (王经理): Waiting time, At the branch counter; Open; owner 王经理, due 2026-12-04, "
        "3 days overdue") in out
    assert run_cli(["complaints", str(path), "--open", "--manager", "李经理"]) == 0
    assert "Fees and charges" in capsys.readouterr().out
