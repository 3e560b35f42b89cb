"""The passphrase dialogs and the window's encryption flows, driven as a user would."""
from __future__ import annotations


import keyring
import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from gui.archive import passphrase_dialogs as dialogs
from gui.main_window.main_window import MainWindow
from model.archive import backup, database
from model.customers import customers
from model.archive import passphrase as passphrases
from model.archive.database import Archive
from tests.gui_helpers import on_modal_of, type_text
from tests.archive.test_encryption import MemoryKeyring

PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    passphrases.throttle.reset()
    yield backend
    keyring.set_keyring(previous)
    passphrases.throttle.reset()


@pytest.fixture
def boxes(monkeypatch):
    """Message boxes answered without showing them; their texts recorded."""
    texts: list[str] = []

    def record(answer):
        def box(parent, title, text, *args, **kwargs):
            texts.append(text)
            return answer
        return box
    monkeypatch.setattr(QMessageBox, "warning", record(QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", record(QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "critical", record(QMessageBox.StandardButton.Ok))
    return texts


def answer_modal(act) -> None:
    """Act on the next modal dialog once it is shown (``act(dialog)``)."""
    on_modal_of(QDialog, act)


def test_new_passphrase_dialog_meter_weak_confirmation_and_mismatch(qtbot, tmp_path, boxes):
    dialog = dialogs.NewPassphraseDialog(tmp_path / "n.kehu", dialogs.NEW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.first.echoMode() == dialog.first.EchoMode.Password
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.first, "abc12")
    assert "Weak" in dialog.meter.label.text() and dialog.meter.bar.value() <= 1
    qtbot.keyClicks(dialog.second, "abc1")
    assert dialog.mismatch.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.second, "2")
    assert not dialog.mismatch.isVisibleTo(dialog)
    assert dialog.weak_ok.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    dialog.weak_ok.setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.first.clear()
    dialog.second.clear()
    type_text(dialog.first, "客户经营助手的密码很长很长")
    type_text(dialog.second, "客户经营助手的密码很长很长")
    assert not dialog.weak_ok.isVisibleTo(dialog) and dialog.ok_button.isEnabled()
    assert "Strong" in dialog.meter.label.text()
    dialog.show_text.setChecked(True)
    assert dialog.first.echoMode() == dialog.first.EchoMode.Normal
    qtbot.keyClick(dialog.second, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.passphrase() == "客户经营助手的密码很长很长"


def test_no_encryption_is_a_choice_that_warns(qtbot, tmp_path, boxes):
    dialog = dialogs.NewPassphraseDialog(tmp_path / "n.kehu", dialogs.NEW)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.plain.isChecked()      # encrypted is the default
    dialog.plain.setChecked(True)
    assert dialog.plain_warning.isVisibleTo(dialog) and not dialog.first.isEnabled()
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert "without encryption" in boxes[-1]
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase() is None


def test_remember_is_disabled_without_a_keychain(qtbot, tmp_path):
    from keyring.backends import fail
    keyring.set_keyring(fail.Keyring())
    dialog = dialogs.UnlockDialog(tmp_path / "x.kehu")
    qtbot.addWidget(dialog)
    assert not dialog.remember_box.isEnabled()
    assert "keychain" in dialog.remember_box.toolTip().lower()


@pytest.fixture
def locked(tmp_path):
    arch = Archive.create(tmp_path / "book.kehu", passphrase=PASS)
    customers.create(arch.conn, {"name": "李四", "phone": "13900001111"}, "test")
    arch.close()
    return tmp_path / "book.kehu"


def test_unlock_dialog_wrong_tries_slow_down_then_opens(qtbot, locked, monkeypatch, memory_keyring):
    monkeypatch.setattr(passphrases.throttle, "base_delay", 0.4)
    dialog = dialogs.UnlockDialog(locked)
    qtbot.addWidget(dialog)
    dialog.show()
    for n in range(5):
        dialog.field.clear()
        qtbot.keyClicks(dialog.field, f"wrong {n}")
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert "does not open" in dialog.error.text()
    # After the fifth wrong try the next one is held back, and the dialog says so.
    assert "waits longer" in dialog.error.text()
    assert dialog.wait_label.isVisibleTo(dialog) and not dialog.ok_button.isEnabled()
    assert "try again in" in dialog.wait_label.text()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=3000)
    assert not dialog.wait_label.isVisibleTo(dialog)
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, PASS)
    dialog.remember_box.setChecked(True)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.key is not None
    assert passphrases.remembered(locked) == PASS
    # A remembered passphrase is used without asking.
    assert dialogs.ask_key(None, locked) == dialog.key


@pytest.fixture
def window(qtbot):
    made = MainWindow("en")
    made.show()
    yield made
    if shiboken6.isValid(made):
        qtbot.waitUntil(lambda: not made.busy(), timeout=15000)
        made.close()
        made.deleteLater()


def _settle(qtbot, window):
    qtbot.waitUntil(lambda: not window.busy(), timeout=15000)


def test_window_creates_an_encrypted_archive_and_shows_it(qtbot, window, tmp_path, monkeypatch, boxes):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh"), ""))

    def fill(dialog):
        qtbot.keyClicks(dialog.first, PASS)
        qtbot.keyClicks(dialog.second, PASS)
        dialog.remember_box.setChecked(True)
        dialog.accept()
    answer_modal(fill)
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.new_archive()
    _settle(qtbot, window)
    assert window.archive.encrypted and database.is_encrypted(tmp_path / "fresh.kehu")
    assert "Encrypted" in window.lock_label.text()
    assert window.action("decrypt").isVisible() and not window.action("encrypt").isVisible()
    assert window.action("change_passphrase").isEnabled()
    assert passphrases.remembered(tmp_path / "fresh.kehu") == PASS


def test_window_opens_changes_decrypts_and_encrypts(qtbot, window, locked, boxes):
    # Open: the passphrase is asked (nothing remembered), a wrong one first.
    tries = iter(["not it", PASS])

    def type_in(dialog):
        dialog.field.clear()
        qtbot.keyClicks(dialog.field, next(tries))
        dialog.accept()
        if dialog.result() != QDialog.DialogCode.Accepted:
            assert "does not open" in dialog.error.text()
            answer_modal(type_in)
    answer_modal(type_in)
    with qtbot.waitSignal(window.archive_changed, timeout=15000):
        window.open_archive(locked)
    _settle(qtbot, window)
    assert window.archive.encrypted and window.page().model.total() == 1
    assert "Encrypted" in window.lock_label.text()

    # Change the passphrase: the current one is asked first.
    def change(dialog):
        qtbot.keyClicks(dialog.current, "wrong")
        qtbot.keyClicks(dialog.first, "a brand new passphrase")
        qtbot.keyClicks(dialog.second, "a brand new passphrase")
        dialog.accept()
        assert "wrong" in dialog.error.text()
        dialog.current.clear()
        qtbot.keyClicks(dialog.current, PASS)
        dialog.accept()
    answer_modal(change)
    window.change_passphrase()
    assert "changed" in boxes[-1]
    assert not database.key_opens(locked, database.derive_key(PASS, database.read_salt(locked)))
    assert database.key_opens(locked, database.derive_key("a brand new passphrase",
                                                          database.read_salt(locked)))

    # Remove the encryption (warned, answered yes): the window shows the plain archive.
    window.decrypt_archive()
    _settle(qtbot, window)
    assert "anyone" in boxes[-1].lower()
    assert not window.archive.encrypted and not database.is_encrypted(locked)
    assert window.lock_label.text() == "Not encrypted"
    assert window.action("encrypt").isVisible() and not window.action("decrypt").isVisible()
    assert not window.action("change_passphrase").isEnabled()
    assert window.page().model.total() == 1

    # Encrypt it again.
    def encrypt(dialog):
        assert dialog.plain is None   # no "no encryption" choice here
        qtbot.keyClicks(dialog.first, "yet another long passphrase")
        qtbot.keyClicks(dialog.second, "yet another long passphrase")
        dialog.accept()
    answer_modal(encrypt)
    window.encrypt_archive()
    _settle(qtbot, window)
    assert window.archive.encrypted and database.is_encrypted(locked)
    assert "encrypted" in boxes[-1]
    assert all(database.is_encrypted(p) for p in backup.list_backups(locked))
    assert window.page().model.total() == 1


def test_restore_dialog_previews_an_encrypted_backup(qtbot, locked, boxes):
    arch = Archive.open(locked, PASS)
    made = backup.make_backup(arch.conn, arch.path)
    key = arch.key
    arch.close()
    from gui.archive.archive_dialogs import RestoreDialog
    dialog = RestoreDialog(locked)      # no key: it asks for one
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.passphrase_button.isVisibleTo(dialog), timeout=5000)
    assert "encrypted" in dialog.fields["healthy"].text()

    def type_in(unlock):
        qtbot.keyClicks(unlock.field, PASS)
        unlock.accept()
    answer_modal(type_in)
    dialog.passphrase_button.click()
    qtbot.waitUntil(dialog.restore_button.isEnabled, timeout=5000)
    assert dialog.fields["customers"].text() == "1"
    assert dialog.chosen() == made and dialog.key == key


def test_window_calls_a_damaged_encrypted_archive_damaged_and_offers_its_backup(qtbot, window, locked,
                                                                                 monkeypatch):
    with Archive.open(locked, PASS) as archive:
        made = backup.make_backup(archive.conn, archive.path)
    data = bytearray(locked.read_bytes())
    data[5] ^= 0x10                      # a bit of the salt: the passphrase fits only the backup
    locked.write_bytes(bytes(data))
    offered = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: offered.append(box.text()) or QMessageBox.StandardButton.No)

    def type_passphrase(dialog):
        type_text(dialog.field, PASS)
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    answer_modal(type_passphrase)
    assert window.open_archive(locked) is None
    assert len(offered) == 1 and "damaged" in offered[0] and made.name in offered[0], offered
    assert "does not open" not in offered[0] and window.archive is None
    assert locked.read_bytes() == bytes(data)
