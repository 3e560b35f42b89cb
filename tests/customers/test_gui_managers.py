"""The Managers area: the books against the 500-800 standard with their tier mix, and the
hand-over of chosen customers or a whole book through the real dialog."""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from gui.customers.managers_page import HandoverDialog, ManagersPage
from model.archive import audit
from model.customers import books, customers
from model import grading
from tests.gui_helpers import close_window, on_modal_of, open_window, type_text


def _fill(conn) -> list[int]:
    ids = [customers.create(conn, {"name": name, "manager": manager, "phone": f"1390000{n:04d}"}, by="t")
           for n, (name, manager) in enumerate([("张三", "王经理"), ("李四", "王经理"), ("王五", "王经理"),
                                                ("赵六", "安经理")])]
    grading.override(conn, ids[0], "value_tier", "A", "test", by="t")
    return ids


def _page(qtbot, archive) -> ManagersPage:
    page = ManagersPage(archive, "en")
    qtbot.addWidget(page)
    page.resize(1366, 700)
    with qtbot.waitSignal(page.loaded, timeout=15000):
        page.show()
    return page


def test_books_show_size_standard_and_tier_mix(qtbot, archive):
    _fill(archive.conn)
    page = _page(qtbot, archive)
    assert "500" in page.rule.text() and "800" in page.rule.text()
    model = page.books_model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == ["安经理", "王经理"]            # pinyin order: an before wang
    assert rows[1][:4] == ["王经理", "3", "under 500", "1"]         # size, standard, tier A
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Standard 500-800"
    assert page.members_model.rowCount() == 1                         # the first book is shown


def test_hand_over_the_chosen_customers_through_the_dialog(qtbot, archive):
    ids = _fill(archive.conn)
    page = _page(qtbot, archive)
    page.books_view.setCurrentIndex(page.books_model.index(1, 0))
    assert page.members_model.rowCount() == 3 and not page.hand_chosen.isEnabled()
    type_text(page.filter, "李")
    assert page.proxy.rowCount() == 1
    page.members_view.selectionModel().select(page.proxy.index(0, 0), QItemSelectionModel.SelectionFlag.Select
                                              | QItemSelectionModel.SelectionFlag.Rows)
    assert page.chosen_ids() == [ids[1]] and page.hand_chosen.isEnabled()

    def answer(dialog: HandoverDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert "1 customers of 王经理" in dialog.summary.text() and not ok.isEnabled()
        type_text(dialog.to.lineEdit(), "安经理")
        assert ok.isEnabled()
        ok.click()
    on_modal_of(HandoverDialog, answer)
    with qtbot.waitSignal(page.customers_changed, timeout=15000):
        page.hand_chosen.click()
    qtbot.waitUntil(lambda: not page.busy(), timeout=15000)
    assert "1 customers handed over from 王经理 to 安经理" in page.status.text()
    assert customers.get(archive.conn, ids[1])["manager"] == "安经理"
    assert [(b.manager, b.size) for b in books.books(archive.conn)] == [("安经理", 2), ("王经理", 2)]
    assert audit.entries(archive.conn, action="handover")[0].count == 1


def test_hand_over_a_whole_book_from_the_window(qtbot, tmp_path):
    from model.archive.database import Archive
    path = tmp_path / "w.kehu"
    with Archive.create(path) as made:
        _fill(made.conn)
    window = open_window(qtbot, path)
    page = window.show_area("managers") or window.pages["managers"]
    qtbot.waitUntil(lambda: page.books_model.rowCount() == 2 and not page.busy(), timeout=15000)
    page.books_view.setCurrentIndex(page.books_model.index(1, 0))
    with qtbot.waitSignal(page.loaded, timeout=15000):
        page.hand_over(chosen=False, to="安经理")
    assert [(b.manager, b.size) for b in books.books(window.archive.conn)] == [("安经理", 4)]
    close_window(qtbot, window)
