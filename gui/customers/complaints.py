"""Complaints in the window (model.customers.complaints): record one, move it along its status flow,
and list them, a customer's (the editor's Complaints tab) or everyone's open ones.

    ComplaintsPanel(archive)                      # the editor's tab: set_customer(id, writable)
    ComplaintsPanel(archive, everyone=True)       # all open ones
    ComplaintsDialog.show_for(parent, archive)    # the window's list of open complaints
"""
from __future__ import annotations

import html
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.common.forms import date_edit, error_label, from_qdate, manager_combo, to_qdate
from gui.common.widgets import RecordsModel, fit_columns, records_view, whole_choices
from model.customers import complaints, customers
from model.core import settings
from model.archive.database import Archive, ArchiveError
from model.core.datetime_text import datetime_text


def _buddy(form: QFormLayout, label: str, widget: QWidget) -> None:
    form.addRow(label, widget)
    buddy = form.labelForField(widget)
    if isinstance(buddy, QLabel):
        buddy.setBuddy(widget)


class SaveFormDialog(QDialog):
    """A small form with Save and Cancel; a refused write shows its message and stays open."""

    def _lay_out(self, rows: list[tuple[str, QWidget]], above: QWidget | None = None) -> None:
        self.error = error_label(self)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in rows:
            _buddy(form, label, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if above is not None:
            layout.addWidget(above)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _write(self, op, changes: Changes) -> None:
        """``op(conn)`` through the write API (one transaction); a refusal stays on the form."""
        try:
            write(self, op, changes, archive=self.archive)
        except ArchiveError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()


class ComplaintDialog(SaveFormDialog):
    """Record a complaint of a customer: date, channel, category, what, owner, due date."""

    def __init__(self, parent: QWidget | None, archive: Archive, customer_id: int):
        super().__init__(parent)
        self.setObjectName("complaint_dialog")
        self.archive = archive
        self.customer_id = customer_id
        self.complaint_id: int | None = None
        record = customers.get(archive.conn, customer_id) or {}
        self.setWindowTitle(self.tr("Record complaint: {name}").format(name=record.get("name") or ""))
        r = complaints.complaint_rules()
        self.due_days = r.due_days
        today = date.today()
        self.date = date_edit(today, self)
        self.due = date_edit(today + timedelta(days=r.due_days), self)
        self._due_touched = False
        self.date.dateChanged.connect(self._date_changed)
        self.due.dateChanged.connect(self._due_changed)
        self.channel = QComboBox(self)
        for choice in r.channels:
            self.channel.addItem(choice.label(), choice.key)
        self.category = QComboBox(self)
        for choice in r.categories:
            self.category.addItem(choice.label(), choice.key)
        for combo in (self.channel, self.category):
            whole_choices(combo)
        self.what = QPlainTextEdit(self)
        self.what.setTabChangesFocus(True)
        self.what.setPlaceholderText(self.tr("What the customer said, in their words"))
        self.what.setFixedHeight(self.what.fontMetrics().lineSpacing() * 4 + 12)
        self.owner = QLineEdit(record.get("manager") or settings.user_name(), self)
        self.owner.setToolTip(self.tr("Who handles it (default: the customer's manager)"))
        self._lay_out([(self.tr("Customer:"), QLabel(f"<b>{html.escape(record.get('name') or '')}</b>", self)),
                       (self.tr("&Date:"), self.date), (self.tr("C&hannel:"), self.channel),
                       (self.tr("Ca&tegory:"), self.category), (self.tr("&What:"), self.what),
                       (self.tr("&Owner:"), self.owner), (self.tr("D&ue by:"), self.due)])
        self.what.setFocus(Qt.FocusReason.OtherFocusReason)

    def _date_changed(self, _qdate) -> None:
        if not self._due_touched:
            self.due.blockSignals(True)
            self.due.setDate(to_qdate(from_qdate(self.date.date()) + timedelta(days=self.due_days)))
            self.due.blockSignals(False)

    def _due_changed(self, _qdate) -> None:
        self._due_touched = True

    def accept(self) -> None:
        customer_id, on, due = self.customer_id, from_qdate(self.date.date()), from_qdate(self.due.date())
        channel, category = self.channel.currentData(), self.category.currentData()
        what, owner, by = self.what.toPlainText(), self.owner.text(), settings.user_name()

        def create(conn):
            self.complaint_id = complaints.create(conn, customer_id, on=on, channel=channel, category=category,
                                                  what=what, owner=owner, due_date=due, by=by)
        self._write(create, Changes.of(Changes.CARE, ids=[customer_id]))


class MoveDialog(SaveFormDialog):
    """Move a complaint on: to in hand, resolved, confirmed with the customer (with the
    satisfaction), or reopen a resolved one."""

    def __init__(self, parent: QWidget | None, archive: Archive, complaint: complaints.Complaint):
        super().__init__(parent)
        self.setObjectName("complaint_move_dialog")
        self.archive = archive
        self.complaint = complaint
        r = complaints.complaint_rules()
        self.setWindowTitle(self.tr("Move complaint: {name}").format(name=complaint.customer))
        summary = QLabel(self.tr("{date}, {category}: {what}").format(
            date=complaint.date.isoformat(), category=r.category_label(complaint.category), what=complaint.what), self)
        summary.setWordWrap(True)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        self.to = QComboBox(self)
        for status in complaints.MOVES.get(complaint.status, ()):
            label = complaints.status_label(status)
            if complaint.status == complaints.RESOLVED and status == complaints.IN_HAND:
                label = self.tr("{status} (reopen)").format(status=label)
            self.to.addItem(label, status)
        whole_choices(self.to)
        self.on = date_edit(date.today(), self)
        self.satisfaction = QSpinBox(self)
        self.satisfaction.setRange(1, r.satisfaction_scale)
        self.satisfaction.setValue(r.satisfaction_scale)
        self.satisfaction.setSuffix(self.tr(" of {scale}").format(scale=r.satisfaction_scale))
        self.satisfaction.setToolTip(self.tr("The customer's satisfaction with how it was handled: "
                                             "1 very dissatisfied, {scale} very satisfied")
                                     .format(scale=r.satisfaction_scale))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("optional: what was done, what was said"))
        self._lay_out([(self.tr("Now:"), QLabel(complaints.status_label(complaint.status), self)),
                       (self.tr("&Move to:"), self.to), (self.tr("&Date:"), self.on),
                       (self.tr("&Satisfaction:"), self.satisfaction), (self.tr("&Note:"), self.note)], summary)
        self.to.currentIndexChanged.connect(self._to_changed)
        self._to_changed()

    def _to_changed(self, *_args) -> None:
        self.satisfaction.setEnabled(self.to.currentData() == complaints.CONFIRMED)

    def accept(self) -> None:
        to, complaint_id, on = self.to.currentData(), self.complaint.id, from_qdate(self.on.date())
        note, by = self.note.text(), settings.user_name()
        satisfaction = self.satisfaction.value() if to == complaints.CONFIRMED else None
        self._write(lambda conn: complaints.move(conn, complaint_id, to, by=by, on=on, note=note,
                                                 satisfaction=satisfaction),
                    Changes.of(Changes.CARE, ids=[self.complaint.customer_id]))


class ComplaintsPanel(QWidget):
    """A customer's complaints (:meth:`set_customer`) or, ``everyone``, all open ones; with
    Record (a customer's) and Move on."""
    changed = Signal()

    def __init__(self, archive: Archive, everyone: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("complaints_panel")
        self.archive = archive
        self.customer_id: int | None = None
        self.everyone = everyone
        self.items: list[complaints.Complaint] = []
        self.model = RecordsModel(parent=self)
        self.view = records_view(self.model)
        self.view.setObjectName("complaints_table")
        self.view.doubleClicked.connect(lambda *_: self.move_selected())
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.record_button = QPushButton(self.tr("&Record complaint…"), self)
        self.record_button.setToolTip(self.tr("Record a complaint of this customer (抱怨处理)"))
        self.record_button.clicked.connect(self.record)
        self.move_button = QPushButton(self.tr("&Move on…"), self)
        self.move_button.setToolTip(self.tr("Move the chosen complaint on: in hand, resolved, confirmed with "
                                            "the customer (double-click)"))
        self.move_button.clicked.connect(self.move_selected)
        self.overdue_only = QCheckBox(self.tr("O&verdue only"), self)
        self.overdue_only.toggled.connect(lambda *_: self.load())
        self.manager = manager_combo(archive.conn, None, self, self.tr("All managers")) if self.everyone else None
        if self.manager is not None:
            self.manager.currentIndexChanged.connect(lambda *_: self.load())
        self.history = QLabel(self)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        if self.everyone:
            label = QLabel(self.tr("M&anager:"), self)
            label.setBuddy(self.manager)
            row.addWidget(label)
            row.addWidget(self.manager)
            row.addWidget(self.overdue_only)
            self.record_button.hide()
        else:
            row.addWidget(self.record_button)
            self.overdue_only.hide()
        row.addWidget(self.move_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.history)

    def set_customer(self, customer_id: int | None, writable: bool) -> None:
        self.customer_id = customer_id
        self.record_button.setEnabled(customer_id is not None and writable)
        self.load()

    def load(self) -> None:
        conn, today = self.archive.conn, date.today()
        if self.everyone:
            self.items = complaints.list_complaints(
                conn, open_only=True, overdue_on=today if self.overdue_only.isChecked() else None,
                manager=self.manager.currentData())
        elif self.customer_id is not None:
            self.items = complaints.list_complaints(conn, customer_id=self.customer_id)
        else:
            self.items = []
        r = complaints.complaint_rules()
        headers = [self.tr("Date"), self.tr("Category"), self.tr("Channel"), self.tr("What"), self.tr("Owner"),
                   self.tr("Due by"), self.tr("Status"), self.tr("Overdue"), self.tr("Satisfaction")]
        rows = []
        for c in self.items:
            late = c.overdue_days(today)
            rows.append([c.date.isoformat(), r.category_label(c.category), r.channel_label(c.channel), c.what,
                         c.owner, c.due_date.isoformat(), complaints.status_label(c.status),
                         self.tr("{days} d").format(days=late) if late else "",
                         f"{c.satisfaction}/{r.satisfaction_scale}" if c.satisfaction is not None else ""])
        if self.everyone:
            headers.insert(1, self.tr("Customer"))
            for c, row in zip(self.items, rows):
                row.insert(1, c.customer)
        self.model.set_rows(headers, rows)
        fit_columns(self.view, 220)
        self.history.clear()
        self._selected()

    def chosen(self) -> complaints.Complaint | None:
        rows = self.view.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def _selected(self, *_args) -> None:
        chosen = self.chosen()
        self.move_button.setEnabled(chosen is not None and bool(complaints.MOVES.get(chosen.status)))
        if chosen is None:
            self.history.clear()
            return
        steps = []
        for h in complaints.history(self.archive.conn, chosen.id):
            to = complaints.status_label(h["to_status"])
            step = (self.tr("{when} {who}: {to}").format(when=datetime_text(h["at"]), who=h["by"], to=to)
                    if h["from_status"] is None else
                    self.tr("{when} {who}: {frm} → {to}").format(when=datetime_text(h["at"]), who=h["by"],
                                                                 frm=complaints.status_label(h["from_status"]), to=to))
            steps.append(step + (f" ({h['note']})" if h["note"] else ""))
        self.history.setText("\n".join(steps))

    def select(self, complaint_id: int) -> None:
        for row, c in enumerate(self.items):
            if c.id == complaint_id:
                self.view.selectRow(row)

    def record(self) -> int | None:
        if self.customer_id is None:
            return None
        dialog = ComplaintDialog(self, self.archive, self.customer_id)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            made = dialog.complaint_id
        finally:
            dialog.deleteLater()
        self.load()
        self.select(made)
        self.changed.emit()
        return made

    def move_selected(self) -> bool:
        chosen = self.chosen()
        if chosen is None or not complaints.MOVES.get(chosen.status):
            return False
        dialog = MoveDialog(self, self.archive, chosen)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        finally:
            dialog.deleteLater()
        self.load()
        self.select(chosen.id)
        self.changed.emit()
        return True


class ComplaintsDialog(QDialog):
    """Every complaint not yet confirmed with the customer, of a manager or all."""

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.setObjectName("complaints_dialog")
        self.setWindowTitle(self.tr("Open complaints"))
        self.panel = ComplaintsPanel(archive, everyone=True, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
        self.resize(860, 440)
        self.panel.load()

    @classmethod
    def show_for(cls, parent: QWidget | None, archive: Archive) -> None:
        dialog = cls(parent, archive)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
