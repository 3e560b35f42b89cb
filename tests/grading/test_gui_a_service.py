"""The A-tier service dialog: the senior's calls due, rewards and top ten, and the printouts;
the senior leader named in Preferences."""
from __future__ import annotations

from datetime import date

import pytest

from gui.visits.a_service_dialog import RewardsPrintDialog, ServiceDialog, senior_calls_dialog
from model.grading import a_service
from model.customers import customers
from model.archive import database
from model import grading
from model.core import settings
from tests.core.test_reports import pdf_pages

YEAR = date.today().year


@pytest.fixture(autouse=True)
def english(qapp, monkeypatch):
    settings.put(settings.LANGUAGE, "en")
    monkeypatch.setattr("gui.visits.print_dialogs.open_file", lambda path: None)


@pytest.fixture
def book(archive):
    conn = archive.conn
    ids = []
    for name, tonnes in (("大棉企", 5200), ("中棉企", 1500)):
        cid = customers.create(conn, {"name": name, "phone": "13812345678", "keyman_name": "张总"}, "t")
        grading.override(conn, cid, "value_tier", "A", "test data", by="t")
        with database.transaction(conn):
            conn.execute("INSERT INTO transactions(customer_id, txn_date, amount, quantity) VALUES (?, ?, ?, ?)",
                         (cid, f"{YEAR}-01-05", tonnes * 100, tonnes))
        ids.append(cid)
    return archive, ids


def open_dialog(qtbot, archive) -> ServiceDialog:
    dialog = ServiceDialog(None, archive)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.progress.running() and dialog.rewards_model.rowCount() > 0, timeout=10000)
    return dialog


def test_the_dialog_lists_the_calls_rewards_and_top_ten(qtbot, book):
    archive, ids = book
    dialog = open_dialog(qtbot, archive)
    assert "No senior leader is named" in dialog.senior_label.text()
    assert dialog.calls_model.rowCount() == 0 and not dialog.print_calls.isEnabled()
    assert dialog.top_model.rowCount() == 2
    assert dialog.rewards_model.index(0, 1).data() == "大棉企"
    assert "the top tier" in dialog.rewards_model.index(0, 3).data()
    assert "500 tonnes missing" in dialog.rewards_model.index(1, 3).data()
    dialog.reject()
    settings.put(settings.SENIOR_LEADER, "刘副总")
    dialog = open_dialog(qtbot, archive)
    assert "刘副总" in dialog.senior_label.text() and dialog.calls_model.rowCount() == 2
    assert "张总" in dialog.calls_model.index(0, 3).data()
    assert dialog.print_calls.isEnabled()
    dialog.year.setValue(YEAR - 1)
    qtbot.waitUntil(lambda: not dialog.progress.running() and dialog.top_model.rowCount() == 0, timeout=10000)
    dialog.reject()


def test_the_printouts_from_the_window(qtbot, book, tmp_path):
    archive, _ = book
    settings.put(settings.SENIOR_LEADER, "刘副总")
    for make, args, name, expected in (
            (senior_calls_dialog, (archive, "刘副总"), "calls.pdf", "刘副总"),
            (RewardsPrintDialog, (archive, YEAR), "rewards.pdf", "Top ten members of the year")):
        dialog = make(None, *args)
        qtbot.addWidget(dialog)
        dialog.path_edit.setText(str(tmp_path / name))
        dialog.start()
        qtbot.waitUntil(lambda dialog=dialog: dialog.written is not None, timeout=15000)
        text = "\n".join(pdf_pages(tmp_path / name))
        assert expected in text and "大棉企" in text
    what = [r[0] for r in archive.conn.execute("SELECT what FROM audit_log WHERE action = 'print'")]
    assert any("A-tier rewards" in w for w in what) and len(what) == 2


def test_the_senior_leader_is_named_in_preferences(qtbot):
    from gui.main_window.preferences import PreferencesDialog
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    dialog.senior.setText("  刘副总 ")
    dialog.save()
    assert settings.get(settings.SENIOR_LEADER) == "刘副总" and a_service.senior_leader() == "刘副总"
