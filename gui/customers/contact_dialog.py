"""Log a contact with a customer: when, how, why, what came of it, what next.

    contact_id = ContactDialog.ask(parent, archive, customer_id)

Keyboard first: the date is today and the channel is the one used last, so
the main window's Ctrl+L followed by Enter logs a contact; Alt+V/P/M/O pick
the channel.
"""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QRadioButton, QVBoxLayout,
                               QWidget)

from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.common.widgets import ERROR_STYLE, DateField
from model.customers import customers
from model.core import settings
from model.archive.database import Archive, ArchiveError
from model.core.i18n import translate


class ContactDialog(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive, customer_id: int):
        super().__init__(parent)
        self.archive = archive
        self.customer_id = customer_id
        self.contact_id: int | None = None
        record = customers.get(archive.conn, customer_id) or {}
        name = record.get("name") or ""
        self.setWindowTitle(self.tr("Log contact: {name}").format(name=name))

        self.date_edit = DateField(self)
        self.date_edit.setText(date.today().isoformat())
        self.channel_buttons: dict[str, QRadioButton] = {
            "visit": QRadioButton(self.tr("&Visit"), self),
            "phone": QRadioButton(self.tr("&Phone call"), self),
            "sms": QRadioButton(self.tr("S&MS"), self),
            "online": QRadioButton(self.tr("&Online"), self),
        }
        self.channel_group = QButtonGroup(self)
        channel_row = QWidget(self)
        row_layout = QHBoxLayout(channel_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        for button in self.channel_buttons.values():
            self.channel_group.addButton(button)
            row_layout.addWidget(button)
        row_layout.addStretch(1)
        last = settings.get(settings.LAST_CONTACT_CHANNEL)
        self.channel_buttons.get(last, self.channel_buttons["visit"]).setChecked(True)

        self.purpose_edit = QLineEdit(self)
        self.purpose_edit.setPlaceholderText(self.tr("e.g. introduce the new savings plan"))
        self.result_edit = QLineEdit(self)
        self.result_edit.setPlaceholderText(self.tr("e.g. interested, wants to talk with family"))
        self.next_step_edit = QLineEdit(self)
        self.next_step_edit.setPlaceholderText(self.tr("e.g. phone back with the rates"))
        self.next_date_edit = DateField(self)
        self.next_date_edit.line.setPlaceholderText(self.tr("optional, e.g. 2024-06-01"))

        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        customer_label = QLabel(f"<b>{html.escape(name)}</b>", self)
        form.addRow(self.tr("Customer:"), customer_label)
        self._add_row(form, "contact_date", self.tr("&Date:"), self.date_edit)
        self._add_row(form, "channel", self.tr("Channel:"), channel_row)
        self._add_row(form, "purpose", self.tr("P&urpose:"), self.purpose_edit)
        self._add_row(form, "result", self.tr("&Result:"), self.result_edit)
        self._add_row(form, "next_step", self.tr("Ne&xt step:"), self.next_step_edit)
        self._add_row(form, "next_date", self.tr("Next d&ate:"), self.next_date_edit)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.purpose_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _add_row(self, form: QFormLayout, field: str, label: str, widget: QWidget) -> None:
        form.addRow(label, widget)
        buddy = form.labelForField(widget)
        if isinstance(buddy, QLabel):
            buddy.setBuddy(widget)
        error = QLabel(self)
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        form.addRow("", error)
        self.errors[field] = error

    def channel(self) -> str:
        for key, button in self.channel_buttons.items():
            if button.isChecked():
                return key
        return ""

    def contact(self) -> customers.Contact:
        return customers.Contact(
            contact_date=self.date_edit.text(), channel=self.channel(),
            purpose=self.purpose_edit.text(),
            result=self.result_edit.text(), next_step=self.next_step_edit.text(),
            next_date=self.next_date_edit.text() or None)

    def show_problems(self, problems: dict[str, str]) -> None:
        for field, label in self.errors.items():
            label.setText(problems.get(field, ""))
            label.setVisible(field in problems)
        focus = {"contact_date": self.date_edit, "next_date": self.next_date_edit,
                 "channel": self.channel_buttons["visit"]}
        for field in ("contact_date", "channel", "next_date"):
            if field in problems:
                focus[field].setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def accept(self) -> None:
        customer_id, contact, by = self.customer_id, self.contact(), settings.user_name()
        try:
            self.contact_id = write(self, lambda conn: customers.log_contact(conn, customer_id, contact, by),
                                    Changes.of(Changes.CONTACTS, ids=[customer_id]), archive=self.archive)
        except customers.ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except ArchiveError as exc:
            show_error(self, exc)
            return
        settings.put(settings.LAST_CONTACT_CHANNEL, self.channel())
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, customer_id: int) -> int | None:
        """Log a contact with the customer; the new contact's id, or None if cancelled."""
        record = customers.get(archive.conn, customer_id)
        if record is None or record["deleted_at"]:
            show_error(parent, ArchiveError(translate(
                "ContactDialog",
                "This customer was deleted; restore the customer before logging a contact.")))
            return None
        dialog = cls(parent, archive, customer_id)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.contact_id
            return None
        finally:
            dialog.deleteLater()
