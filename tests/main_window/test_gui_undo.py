"""Edit → Undo / Redo (issue 17, point 4): field edits, delete, a logged contact,
a visit marked done and a move in a plan are taken back and done again."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from gui.customers import actions as customer_actions
from gui.customers.contact_dialog import ContactDialog
from gui.customers.customer_editor import CustomerEditor
from model.customers import customers
from model.archive.database import Archive
from tests.gui_helpers import close_window, on_modal_of, open_window
from tests.visits.test_gui_plan import data, planned_page, select, settle, visit_on  # noqa: F401 - fixtures

pytestmark = pytest.mark.gui


@pytest.fixture
def book(tmp_path):
    path = tmp_path / "book.kehu"
    with Archive.create(path) as archive:
        for name, phone in (("张伟", "13800000001"), ("李娜", "13800000002")):
            customers.create(archive.conn, {"name": name, "phone": phone}, by="t")
    return path


def test_undo_and_redo_an_edit_a_delete_and_a_contact(qtbot, book, monkeypatch):
    window = open_window(qtbot, book)
    conn, page = window.archive.conn, window.page()
    menu_texts = [a.text() for a in window.menus["edit"].actions()]
    assert menu_texts[0].startswith("&Undo") and menu_texts[1].startswith("&Redo")
    undo_action, redo_action = window.menus["edit"].actions()[:2]
    assert undo_action.shortcut().toString() == "Ctrl+Z" and redo_action.shortcut().toString() == "Ctrl+Shift+Z"
    assert not undo_action.isEnabled()

    # A field edit in the editor.
    def edit(editor: CustomerEditor):
        editor.inputs["notes"].setPlainText("要理财")
        assert editor.save()
        editor.reject()
    on_modal_of(CustomerEditor, edit)
    customer_actions.edit_customer(window, 1)
    assert customers.get(conn, 1)["notes"] == "要理财"
    assert undo_action.text() == "&Undo Edit 张伟"
    undo_action.trigger()
    assert customers.get(conn, 1)["notes"] is None
    assert customers.history(conn, 1)[0]["field"] == "notes"     # the undo is in the history too
    redo_action.trigger()
    assert customers.get(conn, 1)["notes"] == "要理财"

    # A delete from the list.
    assert page.select_customer(2)
    on_modal_of(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.action("delete_customer").trigger()
    assert customers.get(conn, 2)["deleted_at"]
    undo_action.trigger()
    assert customers.get(conn, 2)["deleted_at"] is None
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)

    # A contact logged from the list.
    written = customers.log_contact(conn, 1, customers.Contact(date.today().isoformat(), "phone",
                                                               result="约了下周"), by="t")
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, parent, archive, cid: written))
    assert page.select_customer(1)
    window.run_action("log_contact")
    assert undo_action.text() == "&Undo Log a contact"
    undo_action.trigger()
    assert customers.contacts(conn, 1) == []
    redo_action.trigger()
    assert [c["result"] for c in customers.contacts(conn, 1)] == ["约了下周"]
    close_window(qtbot, window)


def test_a_step_that_cannot_be_taken_back_says_why_and_leaves(qtbot, book, monkeypatch):
    window = open_window(qtbot, book)
    conn = window.archive.conn
    written = customers.log_contact(conn, 1, customers.Contact(date.today().isoformat(), "visit"), by="t")
    monkeypatch.setattr(ContactDialog, "ask", classmethod(lambda cls, parent, archive, cid: written))
    assert window.page().select_customer(1)
    window.run_action("log_contact")
    conn.execute("DELETE FROM contacts WHERE id = ?", (written,))     # gone meanwhile
    shown = []
    monkeypatch.setattr("gui.common.undo.show_error", lambda parent, exc: shown.append(str(exc)))
    window.undo_stack.undo()
    assert shown == ["This contact is no longer in the archive."]
    assert window.undo_stack.count() == 0
    close_window(qtbot, window)


def test_undo_mark_done_and_a_move_in_the_plan(qtbot, archive, data, monkeypatch):  # noqa: F811 - the fixture
    from gui.visits import plan_page
    page, panel = planned_page(qtbot, archive, per_day=3)
    # Moving onto a full day breaks it: the manager confirms (the check has its own test).
    monkeypatch.setattr(plan_page, "confirm_break", lambda parent, problems: True)
    stack = page.undo_stack = QUndoStack(page)
    first = visit_on(panel, 0, 1)
    select(qtbot, panel, first)
    panel.mark_done()
    settle(qtbot, panel)
    assert panel.plan.visit(first.id).outcome == "done" and stack.undoText() == f"Mark {first.name} done"
    logged = len(customers.contacts(archive.conn, first.customer_id))
    stack.undo()
    settle(qtbot, panel)
    assert panel.plan.visit(first.id).outcome is None
    assert len(customers.contacts(archive.conn, first.customer_id)) == logged - 1
    stack.redo()
    settle(qtbot, panel)
    assert panel.plan.visit(first.id).outcome == "done"

    other = visit_on(panel, 0, 2)
    home_day, home_position = other.day, other.position
    target = panel.plan.days[2].day
    select(qtbot, panel, other)
    panel.move_to_day(target)
    settle(qtbot, panel)
    assert panel.plan.visit(other.id).day == target
    stack.undo()
    settle(qtbot, panel)
    back = panel.plan.visit(other.id)
    assert (back.day, back.position, back.pinned_day) == (home_day, home_position, other.pinned_day)
    stack.redo()
    settle(qtbot, panel)
    assert panel.plan.visit(other.id).day == target
