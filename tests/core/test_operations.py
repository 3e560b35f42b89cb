"""The write-operation API: ops run on the one writer connection, off the GUI thread,
in order, whole or not at all, and each success sends its change notice."""
import threading

import pytest

from gui.common.operations import Changes, changes_of, run_write, write
from model.archive.database import ArchiveError, sqlite3
from model.core.progress import Cancelled
from model.customers import customers


def _count(archive):
    return archive.conn.execute("SELECT count(*) FROM customers").fetchone()[0]


def test_write_runs_off_the_gui_thread_and_returns_its_result(qtbot, archive):
    seen, notices = {}, []
    changes_of(archive).changed.connect(notices.append)

    def op(conn):
        seen["thread"] = threading.current_thread()
        seen["conn"] = conn
        return customers.create(conn, {"name": "王芳", "phone": "13800138000"}, by="test")

    cid = write(None, op, Changes.of(Changes.CUSTOMERS, ids=[1]), archive=archive)
    assert seen["thread"] is not threading.main_thread()
    assert seen["conn"] is not archive.conn
    assert archive.conn.execute("SELECT name FROM customers WHERE id = ?", (cid,)).fetchone()[0] == "王芳"
    assert notices == [Changes.of(Changes.CUSTOMERS, ids=[1])]
    second = {}
    write(None, lambda conn: second.setdefault("conn", conn), Changes(), archive=archive)
    assert second["conn"] is seen["conn"]   # the one writer connection


def test_a_failing_write_raises_to_the_caller_keeps_nothing_and_sends_no_notice(qtbot, archive):
    notices = []
    changes_of(archive).changed.connect(notices.append)

    def op(conn):
        customers.create(conn, {"name": "李雷"}, by="test")
        raise ArchiveError("no")

    with pytest.raises(ArchiveError, match="no"):
        write(None, op, Changes.of(Changes.CUSTOMERS), archive=archive)
    assert _count(archive) == 0
    assert notices == []


def test_long_work_reports_progress_can_be_cancelled_and_ops_run_in_order(qtbot, archive):
    order, notices, cancelled = [], [], []
    changes_of(archive).changed.connect(notices.append)

    def long_op(conn, progress):
        order.append("long")
        progress.report(1, 2)
        progress.check()
        return 42

    results = []
    handle = run_write(None, long_op, Changes.of(Changes.GRADES), archive=archive, on_success=results.append)
    write(None, lambda conn: order.append("small"), Changes(), archive=archive)
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert order == ["long", "small"] and results == [42]
    assert Changes.of(Changes.GRADES) in notices

    def cancelled_op(conn, progress):
        progress.cancel()
        progress.check()

    handle = run_write(None, cancelled_op, Changes.of(Changes.PLANS), archive=archive,
                       on_cancel=lambda: cancelled.append(True))
    qtbot.waitUntil(lambda: handle.finished, timeout=5000)
    assert cancelled == [True] and Changes.of(Changes.PLANS) not in notices
    assert issubclass(Cancelled, BaseException)


def test_changes_combine_and_say_what_they_touch():
    a = Changes.of(Changes.CUSTOMERS, ids=[1, 2])
    b = Changes.of(Changes.CONTACTS, ids=[3])
    assert (a | b) == Changes.of(Changes.CUSTOMERS, Changes.CONTACTS, ids=[1, 2, 3])
    assert (a | Changes.of(Changes.GRADES)).customer_ids is None
    assert a.touches(Changes.CUSTOMERS) and not a.touches(Changes.PLANS)
    assert Changes.of(Changes.EVERYTHING).touches(Changes.PLANS)


def test_closing_the_archive_closes_the_writer_connection(qtbot, archive):
    got = {}
    write(None, lambda conn: got.setdefault("conn", conn), Changes(), archive=archive)
    archive.close()
    with pytest.raises(sqlite3.ProgrammingError):
        got["conn"].execute("SELECT 1")
