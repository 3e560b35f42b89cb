"""The customer editor, driven through its real widgets (offscreen)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from gui.customers.customer_editor import CustomerEditor
from gui.common.widgets import DimensionCombo
from model.customers import customers
from model.core import settings
from tests.gui_helpers import on_modal_of, type_text

pytestmark = pytest.mark.gui


@pytest.fixture
def customer(archive):
    settings.put(settings.USER_NAME, "李经理")
    return customers.create(archive.conn, {
        "name": "张三丰", "gender": "男", "phone": "13800138000", "area": "阳光小区",
        "area_type": "community", "dim_age": "1.3"}, "李经理")


@pytest.fixture(autouse=True)
def never_ask_at_teardown(monkeypatch):
    """A test that fails with unsaved edits must not hang on the question when
    pytest-qt closes the dialog; tests that want an answer set their own."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def editor(qtbot, archive, customer):
    dialog = CustomerEditor(None, archive, customer)
    qtbot.addWidget(dialog)
    return dialog


def _answer(monkeypatch, button):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return button
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_every_field_of_the_record_has_an_input(editor):
    assert set(editor.inputs) == set(customers.record_fields())
    assert editor.value("name") == "张三丰"
    assert editor.value("gender") == "male"
    assert editor.value("area") == "阳光小区"
    assert editor.value("area_type") == "community"
    assert editor.value("dim_age") == "1.3"
    assert not editor.is_dirty()


def test_dimensions_are_labelled_in_english_with_the_chinese_term(editor):
    age = editor.inputs["dim_age"]
    assert isinstance(age, DimensionCombo)
    assert age.currentText() == "1.3 23-35 (23-35岁)"
    assert age.itemText(0) == "Unknown"
    labels = [w.text() for w in editor.findChildren(type(editor.banner))]
    assert "Age (年龄):" in labels


def test_dimensions_in_a_chinese_interface_show_the_chinese_labels(qtbot, archive, customer):
    settings.put(settings.LANGUAGE, "zh_CN")
    dialog = CustomerEditor(None, archive, customer)
    qtbot.addWidget(dialog)
    assert dialog.inputs["dim_age"].currentText() == "1.3 23-35岁"
    labels = [w.text() for w in dialog.findChildren(type(dialog.banner))]
    assert any(text.startswith("年龄") for text in labels)


def test_edit_a_customer_and_see_the_history_entry(qtbot, editor, archive, customer):
    editor.inputs["phone"].clear()
    qtbot.keyClicks(editor.inputs["phone"], "139 0013 9000")
    age = editor.inputs["dim_age"]
    age.setCurrentIndex(age.findData("1.4"))
    assert editor.is_dirty() and editor.isWindowModified()
    assert editor.save()
    stored = customers.get(archive.conn, customer)
    assert stored["phone"] == "13900139000" and stored["dim_age"] == "1.4"
    history = customers.history(archive.conn, customer)
    assert {h["field"] for h in history if h["changed_by"] == "李经理"} >= {"phone", "dim_age"}
    # The history tab shows labels, not column names or bare codes.
    model = editor.history_model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]
    assert ["Age (年龄)", "1.3 23-35 (23-35岁) → 1.4 35-50 (35-50岁)"] in [r[2:] for r in rows]
    assert ["Phone", "13800138000 → 13900139000"] in [r[2:] for r in rows]
    assert all(r[1] == "李经理" for r in rows)
    assert not editor.is_dirty() and editor.saved


def test_chinese_text_typed_into_a_field_is_saved(editor, archive, customer):
    type_text(editor.inputs["needs"], "想了解理财产品")
    assert editor.save()
    assert customers.get(archive.conn, customer)["needs"] == "想了解理财产品"


def test_only_changed_fields_are_written(editor, archive, customer):
    before = len(customers.history(archive.conn, customer))
    editor.inputs["occupation"].setText("教师")
    assert editor.save()
    history = customers.history(archive.conn, customer)
    assert len(history) == before + 1 and history[0]["field"] == "occupation"


def test_a_bad_value_is_shown_beside_its_field_and_nothing_is_saved(qtbot, editor, archive,
                                                                       customer):
    editor.show()
    qtbot.waitExposed(editor)
    before = len(customers.history(archive.conn, customer))
    editor.inputs["phone"].setText("12345")
    editor.inputs["name"].setText("")
    editor.inputs["employer"].setText("某公司")
    assert not editor.save()
    assert editor.errors["name"].isVisible() and "name" in editor.errors["name"].text()
    assert editor.errors["phone"].isVisible() and "12345" in editor.errors["phone"].text()
    assert not editor.errors["employer"].isVisible()
    assert "Nothing was saved" in editor.banner.text()
    assert editor.focusWidget() is editor.inputs["name"]  # the first bad field
    assert customers.get(archive.conn, customer)["employer"] is None
    assert len(customers.history(archive.conn, customer)) == before
    # Fixing the values and saving clears the messages.
    editor.inputs["name"].setText("张三丰")
    editor.inputs["phone"].setText("13800138001")
    assert editor.save()
    assert not editor.errors["phone"].isVisible()


def test_half_a_coordinate_pair_is_refused(editor, archive, customer):
    editor.inputs["latitude"].setText("31.23")
    assert not editor.save()
    assert editor.errors["latitude"].text()
    assert customers.get(archive.conn, customer)["latitude"] is None


def test_revert_restores_what_is_stored(qtbot, editor):
    editor.inputs["name"].setText("王五")
    editor.inputs["gender"].setCurrentIndex(editor.inputs["gender"].findData("female"))
    assert editor.revert_button.isEnabled()
    qtbot.mouseClick(editor.revert_button, Qt.MouseButton.LeftButton)
    assert editor.value("name") == "张三丰" and editor.value("gender") == "male"
    assert not editor.is_dirty() and not editor.revert_button.isEnabled()


def test_ctrl_z_undoes_an_edit_in_a_field(qtbot, editor):
    line = editor.inputs["address"]
    qtbot.keyClicks(line, "No 5")
    qtbot.keyClick(line, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert line.text() == ""
    combo = editor.inputs["dim_family"]
    combo.setCurrentIndex(combo.findData("2.2"))
    combo.setCurrentIndex(combo.findData("2.3"))
    qtbot.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert combo.value() == "2.2"
    qtbot.keyClick(combo, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert combo.value() is None and not editor.is_dirty()


def test_picking_a_known_area_brings_its_area_type(qtbot, archive, customer):
    customers.create(archive.conn, {"name": "李四", "area": "科技园", "area_type": "industrial_park"},
                     "x")
    dialog = CustomerEditor(None, archive, customer)
    qtbot.addWidget(dialog)
    area = dialog.inputs["area"]
    area.setCurrentIndex(area.findText("科技园"))
    area.textActivated.emit("科技园")
    assert dialog.value("area_type") == "industrial_park"


def test_new_customer(qtbot, archive):
    dialog = CustomerEditor(None, archive, None)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().startswith("New customer")
    assert not dialog.delete_button.isEnabled() and not dialog.log_button.isEnabled()
    type_text(dialog.inputs["name"], "赵六")
    qtbot.keyClicks(dialog.inputs["phone"], "13700137000")
    type_text(dialog.inputs["area"].lineEdit(), "幸福里")
    dialog.inputs["dim_channel"].setCurrentIndex(dialog.inputs["dim_channel"].findData("9.2"))
    assert dialog.save()
    assert dialog.customer_id is not None
    stored = customers.get(archive.conn, dialog.customer_id)
    assert (stored["name"], stored["phone"], stored["dim_channel"]) == ("赵六", "13700137000", "9.2")
    assert customers.history(archive.conn, dialog.customer_id)[0]["field"] == "*created"
    assert stored["area"] == "幸福里" and dialog.inputs["area"].findText("幸福里") >= 0
    assert dialog.delete_button.isEnabled()


def test_new_customer_button_asks_about_unsaved_edits(qtbot, monkeypatch, editor, archive,
                                                      customer):
    editor.inputs["employer"].setText("某公司")
    asked = _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    editor.new_customer()
    assert asked and editor.customer_id == customer and editor.value("employer") == "某公司"
    _answer(monkeypatch, QMessageBox.StandardButton.Discard)
    editor.new_customer()
    assert editor.customer_id is None and editor.value("name") is None
    assert customers.get(archive.conn, customer)["employer"] is None


def test_delete_asks_first_and_keeps_the_history(qtbot, monkeypatch, editor, archive, customer):
    asked = _answer(monkeypatch, QMessageBox.StandardButton.No)
    editor.delete()
    assert asked and customers.get(archive.conn, customer)["deleted_at"] is None
    _answer(monkeypatch, QMessageBox.StandardButton.Yes)
    editor.delete()
    stored = customers.get(archive.conn, customer)
    assert stored["deleted_at"] is not None
    assert customers.history(archive.conn, customer)[0]["field"] == "*deleted"
    assert editor.result() == QDialog.DialogCode.Accepted and editor.saved


def test_a_deleted_customer_opens_read_only_and_can_be_restored(qtbot, archive, customer):
    customers.delete(archive.conn, customer, "x")
    dialog = CustomerEditor(None, archive, customer)
    qtbot.addWidget(dialog)
    assert "deleted" in dialog.banner.text()
    assert not dialog.save_button.isEnabled() and not dialog.scroll.widget().isEnabled()
    dialog.restore()
    assert customers.get(archive.conn, customer)["deleted_at"] is None
    assert dialog.save_button.isEnabled()


@pytest.mark.parametrize("answer, saved", [(QMessageBox.StandardButton.Save, True),
                                           (QMessageBox.StandardButton.Discard, False)])
def test_closing_with_unsaved_changes_asks(qtbot, monkeypatch, editor, archive, customer, answer,
                                           saved):
    editor.inputs["employer"].setText("某公司")
    _answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    editor.reject()
    assert editor.result() == 0 and editor.value("employer") == "某公司"
    asked = _answer(monkeypatch, answer)
    editor.reject()
    assert asked
    assert (customers.get(archive.conn, customer)["employer"] == "某公司") is saved


def test_edit_returns_whether_something_was_saved(qtbot, monkeypatch, archive, customer):
    def run(dialog):
        dialog.inputs["source"].setEditText("朋友介绍")
        dialog.save()
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(CustomerEditor, "exec", run)
    assert CustomerEditor.edit(None, archive, customer) is True
    assert customers.get(archive.conn, customer)["source"] == "朋友介绍"
    monkeypatch.setattr(CustomerEditor, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    assert CustomerEditor.edit(None, archive, customer) is False


def test_log_contact_from_the_editor_shows_it_in_the_contact_history(qtbot, monkeypatch, editor,
                                                                      archive, customer):
    from gui.customers.contact_dialog import ContactDialog

    def run(dialog):
        type_text(dialog.purpose_edit, "介绍理财产品")
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(ContactDialog, "exec", run)
    editor.log_contact()
    assert len(customers.contacts(archive.conn, customer)) == 1
    assert editor.contacts_model.rowCount() == 1
    assert editor.contacts_model.index(0, 2).data() == "介绍理财产品"
    assert editor.saved


def _same_customer_box(action):
    def act(box):
        assert box.objectName() == "same_customer"
        seen.append(box.text())
        next(b for b in box.buttons() if action in b.text().replace("&", "")).click()
    seen: list[str] = []
    on_modal_of(QMessageBox, act)
    return seen


def test_a_new_customer_with_an_existing_phone_is_flagged_before_saving(qtbot, archive, customer):
    dialog = CustomerEditor(None, archive, None)
    qtbot.addWidget(dialog)
    type_text(dialog.inputs["name"], "张三")
    qtbot.keyClicks(dialog.inputs["phone"], "13800138000")
    seen = _same_customer_box("Cancel")
    assert not dialog.save()
    assert "张三丰 (no. 1) already has this phone number." in seen[0]
    assert customers.count(archive.conn) == 1 and "Nothing was saved" in dialog.banner.text()

    opened = []

    def look_at_the_other(editor):
        opened.append(editor.customer_id)
        editor.reject()
    on_modal_of(CustomerEditor, look_at_the_other)   # after the box: the other customer's editor
    _same_customer_box("Open 张三丰")
    assert not dialog.save() and opened == [customer]

    _same_customer_box("Save anyway")
    assert dialog.save() and customers.count(archive.conn) == 2


def test_the_same_name_and_birth_date_without_phone_is_flagged(qtbot, archive):
    customers.create(archive.conn, {"name": "李四", "birth_date": "1985-03-12"}, "x")
    dialog = CustomerEditor(None, archive, None)
    qtbot.addWidget(dialog)
    type_text(dialog.inputs["name"], "李四")
    dialog.set_value("birth_date", "1985-03-12")
    assert [o["why"] for o in dialog.same_customers()] == ["birth_date"]
    dialog.set_value("birth_date", "1985-03-13")
    assert dialog.same_customers() == []


def test_a_birth_year_alone_is_typed_kept_and_shown_with_the_age(qtbot, editor, archive, customer):
    from datetime import date
    field = editor.inputs["birth_date"]
    field.line.setFocus()
    qtbot.keyClicks(field.line, "1985")
    assert field.age.text() == f"{date.today().year - 1985} this year"
    assert editor.save()
    assert customers.get(archive.conn, customer)["birth_date"] == "1985"
    assert field.text() == "1985" and not editor.is_dirty()
    history = customers.history(archive.conn, customer)
    assert [(h["field"], h["new_value"]) for h in history if h["field"] == "birth_date"] == [
        ("birth_date", "1985")]
    # A whole date again: the exact age.
    field.line.clear()
    qtbot.keyClicks(field.line, "1985-01-01")
    assert field.age.text() == f"age {date.today().year - 1985}"
    assert editor.save()
    assert customers.get(archive.conn, customer)["birth_date"] == "1985-01-01"


def test_a_birth_year_reads_1985_nian_in_chinese(qtbot, archive, customer):
    from PySide6.QtCore import QCoreApplication
    from model.core import language
    customers.update(archive.conn, customer, {"birth_date": "1985"}, "李经理")
    app = QCoreApplication.instance()
    language.install_translators(app, "zh_CN")
    try:
        dialog = CustomerEditor(None, archive, customer)
        qtbot.addWidget(dialog)
        field = dialog.inputs["birth_date"]
        assert field.text() == "1985年" and field.age.text().startswith("今年")
        assert not dialog.is_dirty()
        type_text(dialog.inputs["needs"], "理财")      # saving another field leaves the year
        assert dialog.save()
        assert customers.get(archive.conn, customer)["birth_date"] == "1985"
    finally:
        language.install_translators(app, "en")
