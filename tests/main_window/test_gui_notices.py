"""Change notices (issue 15): the pages refresh from ``changes_of(archive).changed``, the
window connects only the signals an area declares, and a page's own notice does not
reload it twice."""
from __future__ import annotations

import pytest

from gui.common import operations
from gui.common.operations import Changes
from gui.main_window.areas import AREAS
from model.archive.database import Archive
from model.customers import customers
from tests.gui_helpers import close_window, open_window

pytestmark = pytest.mark.gui


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.kehu"
    with Archive.create(path) as archive:
        for name in ("张伟", "李娜"):
            customers.create(archive.conn, {"name": name}, by="t")
    return path


def test_a_notice_marks_the_pages_that_show_it_stale(qtbot, book):
    window = open_window(qtbot, book)
    dashboard = window._make_page(next(a for a in window.areas if a.key == "dashboard"))
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)
    dashboard._stale = False
    operations.notify(window.archive, Changes.of(Changes.RULES))      # not what it shows
    assert not dashboard._stale
    operations.notify(window.archive, Changes.of(Changes.GRADES))
    assert dashboard._stale
    dashboard._stale = False     # closing shows the pages left in turn: a stale one would read the closed archive
    close_window(qtbot, window)


def test_the_list_reads_its_rows_again_from_a_notice(qtbot, book):
    window = open_window(qtbot, book)
    page = window.page()
    qtbot.waitUntil(lambda: page.model.total() == 2, timeout=15000)
    customers.create(window.archive.conn, {"name": "王芳"}, by="t")
    operations.notify(window.archive, Changes.of(Changes.CONTACTS))    # the list does not show contacts
    qtbot.wait(50)
    assert page.model.total() == 2
    operations.notify(window.archive, Changes.of(Changes.CUSTOMERS))
    qtbot.waitUntil(lambda: page.model.total() == 3, timeout=15000)
    qtbot.waitUntil(lambda: window.count_label.text() == "3 customers", timeout=15000)
    close_window(qtbot, window)


def test_areas_declare_what_their_pages_offer():
    offers = {area.key: area.offers for area in AREAS}
    assert offers["dashboard"] >= {"customers_requested", "grade_requested"}
    assert offers["today"] >= {"customer_requested", "area_requested"}
    for area in AREAS:
        assert area.offers <= set(area.SIGNALS) | {"busy"}
