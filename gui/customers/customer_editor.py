"""The customer editor: every field of the record, its change history, contacts, grades,
circles, complaints and satisfaction surveys.

    saved = CustomerEditor.edit(parent, archive, customer_id)   # None: a new customer

Edits stay in the widgets until Save: the model checks them first
(``customers.clean``) and the problems show beside the fields; Save writes
only the changed fields through ``customers.update`` (one transaction, one
history row per field). Revert, and Ctrl+Z in a field, undo unsaved edits.
Every write goes through ``gui.common.operations.write``. The form is
``editor_fields.EditorFields``, the side tabs ``editor_tabs.EditorTabs``.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QMessageBox, QPushButton, QSplitter,
                               QVBoxLayout, QWidget)

from gui.common import screen_fit, undo
from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.common.widgets import ERROR_STYLE, field_label
from gui.customers.contact_dialog import ContactDialog
from gui.customers.editor_fields import GROUPS, LONG_TEXT, EditorFields
from gui.customers.editor_tabs import EditorTabs, when_text
from model.archive.database import Archive, ArchiveError
from model.core import settings
from model.customers import customers

__all__ = ["CustomerEditor", "GROUPS", "LONG_TEXT"]


class CustomerEditor(EditorFields, EditorTabs, QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive, customer_id: int | None):
        super().__init__(parent)
        self.archive = archive
        self.customer_id: int | None = None
        self.created_id: int | None = None    # the last customer this dialog created, if any
        self.saved = False          # something was written during this session
        self.stored: dict = {}      # the record as stored ({} for a new customer)
        self.loaded: dict[str, Any] = {}   # the widgets' values as loaded
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.area_types: dict[str, str | None] = {}
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        self.load(customer_id)
        self._fit_to_screen()

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        self._build_form()
        self._build_tabs()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.restore_button = QPushButton(self.tr("&Restore customer"))
        self.restore_button.clicked.connect(self.restore)
        self.restore_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.restore_button)

        self.new_button = QPushButton(self.tr("&New customer"))
        self.new_button.setToolTip(self.tr("Start a new customer record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_customer)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.setToolTip(self.tr("Undo every unsaved edit: show what is stored"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(banner_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_customer)
        QShortcut(QKeySequence("Ctrl+L"), self, self.log_contact)

    def _fit_to_screen(self) -> None:
        room = screen_fit.available_area(self)
        width = min(1280, room.width() - 40)
        height = min(800, room.height() - 40)
        self.resize(width, height)
        # The side gets at least what its widest tab needs, so opening a tab never moves the splitter.
        side = max(int(width * 0.38), max(self.tabs.widget(i).minimumSizeHint().width()
                                          for i in range(self.tabs.count())) + 8)
        self.splitter.setSizes([width - side, side])

    def load(self, customer_id: int | None) -> None:
        """Show the stored record (or an empty one for a new customer)."""
        record = customers.get(self.archive.conn, customer_id) if customer_id is not None else None
        self.customer_id = customer_id if record is not None else None
        self.stored = record or {}
        self._fill_choices()
        for field in self.fields():
            self.set_value(field, self.stored.get(field))
        if record is None:
            self.set_value("created_on", date.today().isoformat())
            self.set_value("manager", settings.user_name())
        self.loaded = {field: self.value(field) for field in self.fields()}
        self.clear_problems()
        self._refresh_histories()
        self._update_state()
        self.inputs["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        deleted = bool(self.stored.get("deleted_at"))
        exists = self.customer_id is not None
        name = self.stored.get("name") or ""
        title = (self.tr("Customer: {name}").format(name=name) if exists
                 else self.tr("New customer"))
        self.setWindowTitle(title + " [*]")
        self.setWindowModified(dirty)
        self.revert_button.setEnabled(dirty)
        self.save_button.setEnabled(not deleted)
        self.delete_button.setEnabled(exists and not deleted)
        self.log_button.setEnabled(exists and not deleted)
        self.grade_panel.setEnabled(exists and not deleted)
        self.scroll.widget().setEnabled(not deleted)
        self.restore_button.setVisible(deleted)
        if deleted:
            self._show_banner(self.tr("This customer was deleted on {when}. Restore the customer "
                                      "to change the record or log contacts.")
                              .format(when=when_text(self.stored["deleted_at"])), error=False)

    # -- messages ------------------------------------------------------------
    def _show_banner(self, text: str, *, error: bool) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(ERROR_STYLE if error else "")
        self.banner.setVisible(bool(text))

    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self._show_banner("", error=False)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem beside its field; the first bad field gets the focus."""
        self.clear_problems()
        for field, reason in problems.items():
            label = self.errors.get(field)
            if label is not None:
                label.setText(reason)
                label.show()
        names = ", ".join(field_label(f) for f in self.fields() if f in problems)
        self._show_banner(self.tr("Nothing was saved. Correct the marked fields: {fields}.")
                          .format(fields=names), error=True)
        for field in self.fields():
            if field in problems:
                widget = self.inputs[field]
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.ensureWidgetVisible(widget)
                break

    # -- actions ---------------------------------------------------------------
    def save(self) -> bool:
        """Check and store the edits; False (and the problems shown) if nothing was saved."""
        if self.stored.get("deleted_at"):
            return False
        problems = self.check()
        if problems:
            self.show_problems(problems)
            return False
        if not self._settle_same_customer():
            return False
        by = settings.user_name()
        values = self.values()
        try:
            if self.customer_id is None:
                record = {k: v for k, v in values.items() if v is not None}
                new_id = self._write_op(lambda conn: customers.create(conn, record, by),
                                        Changes.of(Changes.CUSTOMERS))
                message = self.tr("The new customer was saved.")
                self.saved = True
                self.created_id = new_id
                self.load(new_id)
            else:
                customer_id = self.customer_id
                changes = {f: values[f] for f in self.changed_fields()}
                written = self._write_op(lambda conn: customers.update(conn, customer_id, changes, by),
                                         _edit_changes(customer_id, changes)) if changes else []
                if written:
                    self.saved = True
                    undo.record_edit(self, self.archive, customer_id, values.get("name") or "",
                                     {f: self.stored.get(f) for f in written}, {f: changes[f] for f in written})
                message = (self.tr("Saved: {fields}.").format(
                    fields=", ".join(field_label(f) for f in written)) if written
                    else self.tr("Nothing had changed."))
                self.load(self.customer_id)
        except customers.ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ArchiveError as exc:
            show_error(self, exc)
            return False
        self._show_banner(message, error=False)
        return True

    def same_customers(self) -> list[dict]:
        """Other customers this one would be the same person as (customers.identity)."""
        keys = ("name", "phone", "phone2", "birth_date")
        if self.customer_id is not None and not set(keys) & set(self.changed_fields()):
            return []
        try:
            cleaned = customers.clean({k: self.value(k) for k in keys}, partial=True)
        except customers.ValidationError:
            return []
        return customers.same_customers(self.archive.conn, cleaned, exclude=self.customer_id)

    def _settle_same_customer(self) -> bool:
        """The same phone (or name and birth date) as another customer: say so before
        saving, with a way to open the other; True to save all the same."""
        same = self.same_customers()
        if not same:
            return True
        other = same[0]
        why = (self.tr("{name} (no. {id}) already has this phone number.") if other["why"] == "phone"
               else self.tr("{name} (no. {id}) has the same name and birth date, and no phone."))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The same customer?"),
                          why.format(name=other["name"], id=other["id"]),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("same_customer")
        box.setInformativeText(self.tr("The import treats such a row as a duplicate. Open the other "
                                       "customer to compare, or save this one as a different person."))
        open_other = box.addButton(self.tr("&Open {name}").format(name=other["name"]),
                                   QMessageBox.ButtonRole.ActionRole)
        save = box.addButton(self.tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is save:
            return True
        if box.clickedButton() is open_other:
            if CustomerEditor.edit(self, self.archive, other["id"]):
                self.saved = True
        self._show_banner(why.format(name=other["name"], id=other["id"]) + " "
                          + self.tr("Nothing was saved."), error=True)
        return False

    def revert(self) -> None:
        """Forget every unsaved edit and show what is stored."""
        self.load(self.customer_id)

    def _settle_unsaved(self) -> bool:
        """Ask what to do with unsaved edits; False if the user cancelled."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This customer has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_customer(self) -> None:
        if self._settle_unsaved():
            self.load(None)

    def delete(self) -> None:
        if self.customer_id is None or self.stored.get("deleted_at"):
            return
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Delete {name}? The customer leaves the lists; the record, its contacts and "
                    "its change history are kept and it can be restored.")
            .format(name=self.stored.get("name") or ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._write(customers.delete):
            archive, customer_id = self.archive, self.customer_id
            undo.record(self, self.tr("Delete {name}").format(name=self.stored.get("name") or ""),
                        lambda: _customer_write(archive, customers.delete, customer_id),
                        lambda: _customer_write(archive, customers.undelete, customer_id))
            self.loaded = {field: self.value(field) for field in self.fields()}  # nothing to ask
            self.done(QDialog.DialogCode.Accepted)

    def restore(self) -> None:
        if self.customer_id is not None and self._write(customers.undelete):
            self.load(self.customer_id)

    def _write_op(self, op, changes: Changes):
        """``op(conn)`` through the write API (one transaction); its result, or its error raised."""
        return write(self, op, changes, archive=self.archive)

    def _write(self, model_write) -> bool:
        """A model write on this customer, e.g. ``customers.delete``; a refusal is shown."""
        try:
            customer_id, by = self.customer_id, settings.user_name()
            self._write_op(lambda conn: model_write(conn, customer_id, by),
                           Changes.of(Changes.CUSTOMERS, ids=[customer_id]))
        except ArchiveError as exc:
            show_error(self, exc)
            return False
        self.saved = True
        return True

    def log_contact(self) -> None:
        if self.customer_id is None or self.stored.get("deleted_at"):
            return
        contact_id = ContactDialog.ask(self, self.archive, self.customer_id)
        if contact_id is not None:
            undo.record_contact(self, self.archive, contact_id)
            self.saved = True
            self._refresh_histories()
            self.tabs.setCurrentIndex(0)

    def reject(self) -> None:
        """Close (Esc, the Close button, the window's close box): unsaved edits are asked about."""
        if self._settle_unsaved():
            self.done(QDialog.DialogCode.Accepted if self.saved else QDialog.DialogCode.Rejected)

    @classmethod
    def edit(cls, parent: QWidget | None, archive: Archive, customer_id: int | None) -> bool:
        """Open the editor (modal); True when something was saved."""
        dialog = cls(parent, archive, customer_id)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()

    @classmethod
    def add(cls, parent: QWidget | None, archive: Archive) -> tuple[bool, int | None]:
        """Open the editor on a new customer (modal): whether something was saved, and the
        id of the last customer it created (None when none was)."""
        dialog = cls(parent, archive, None)
        try:
            dialog.exec()
            return dialog.saved, dialog.created_id
        finally:
            dialog.deleteLater()


def _edit_changes(customer_id: int, fields: dict) -> Changes:
    """What saving these fields changes: the customer, or every customer of the area when
    its area type changes (the area type belongs to the area)."""
    return Changes.of(Changes.CUSTOMERS, ids=None if "area_type" in fields else [customer_id])


def _customer_write(archive: Archive, model_write, customer_id: int) -> None:
    """``model_write(conn, customer_id, by)`` through the write API (an undo step's write)."""
    by = settings.user_name()
    write(None, lambda conn: model_write(conn, customer_id, by),
          Changes.of(Changes.CUSTOMERS, ids=[customer_id]), archive=archive)
