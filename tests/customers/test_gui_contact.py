"""The contact dialog: keyboard first, validated by the model, saved in one step."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from gui.customers.contact_dialog import ContactDialog
from model.customers import customers
from model.core import settings
from tests.gui_helpers import type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def customer(archive):
    settings.put(settings.USER_NAME, "李经理")
    return customers.create(archive.conn, {"name": "张三丰", "phone": "13800138000"}, "李经理")


@pytest.fixture
def dialog(qtbot, archive, customer):
    d = ContactDialog(None, archive, customer)
    qtbot.addWidget(d)
    return d


def test_log_a_contact_with_every_field(qtbot, dialog, archive, customer):
    dialog.date_edit.setText("2024-05-01")
    qtbot.mouseClick(dialog.channel_buttons["phone"], Qt.MouseButton.LeftButton)
    type_text(dialog.purpose_edit, "介绍理财产品")
    type_text(dialog.result_edit, "有兴趣")
    type_text(dialog.next_step_edit, "周五回电")
    dialog.next_date_edit.setText("2024/5/3")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [stored] = customers.contacts(archive.conn, customer)
    assert stored["id"] == dialog.contact_id
    assert (stored["contact_date"], stored["channel"], stored["purpose"], stored["result"],
            stored["next_step"], stored["next_date"], stored["recorded_by"]) == (
        "2024-05-01", "phone", "介绍理财产品", "有兴趣", "周五回电", "2024-05-03", "李经理")


def test_enter_saves_a_contact_dated_today(qtbot, dialog, archive, customer):
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.purpose_edit
    qtbot.keyClick(dialog.purpose_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [stored] = customers.contacts(archive.conn, customer)
    assert stored["contact_date"] == date.today().isoformat()
    assert stored["channel"] == "visit"


def test_the_channel_used_last_is_the_default_next_time(qtbot, archive, customer):
    first = ContactDialog(None, archive, customer)
    qtbot.addWidget(first)
    first.channel_buttons["sms"].setChecked(True)
    first.accept()
    second = ContactDialog(None, archive, customer)
    qtbot.addWidget(second)
    assert second.channel() == "sms"


def test_channel_labels_are_translatable_text_not_keys(dialog):
    texts = [b.text().replace("&", "") for b in dialog.channel_buttons.values()]
    assert texts == ["Visit", "Phone call", "SMS", "Online"]


def test_a_bad_date_shows_the_models_message_and_saves_nothing(qtbot, dialog, archive, customer):
    dialog.date_edit.setText("2024-05-01")
    dialog.next_date_edit.setText("2024-04-01")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert not dialog.errors["next_date"].isHidden()
    assert "before the contact date" in dialog.errors["next_date"].text()
    dialog.date_edit.setText("not a date")
    dialog.accept()
    assert not dialog.errors["contact_date"].isHidden()
    assert dialog.errors["next_date"].isHidden()
    assert customers.contacts(archive.conn, customer) == []


def test_ask_returns_the_new_contacts_id(qtbot, monkeypatch, archive, customer):
    def run(d):
        type_text(d.purpose_edit, "回访")
        d.accept()
        return d.result()
    monkeypatch.setattr(ContactDialog, "exec", run)
    contact_id = ContactDialog.ask(None, archive, customer)
    assert contact_id == customers.contacts(archive.conn, customer)[0]["id"]
    monkeypatch.setattr(ContactDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    assert ContactDialog.ask(None, archive, customer) is None
    assert len(customers.contacts(archive.conn, customer)) == 1


def test_ask_for_a_deleted_customer_explains_instead(qtbot, monkeypatch, archive, customer):
    customers.delete(archive.conn, customer, "x")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    assert ContactDialog.ask(None, archive, customer) is None
    assert shown and "restore" in shown[0]
