"""A customer's grades: each with its explanation, the history, and overrides.

    panel = GradePanel(archive)         # the customer editor's "Grades" tab
    panel.load(customer_id)
    panel.changed.connect(...)          # after an override, a cleared override or new answers

A computed grade (value tier, RFM type, persona) can be overridden by hand
with a reason: the grade is marked ✎, the reason is kept in the history, and
grading runs leave it alone until the override is cleared. The opportunity
grade is set from the manager's two answers (need, expected close).
"""
from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QGridLayout, QGroupBox, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.grading.grade_text import scheme_text, value_text
from gui.common.tasks import show_error
from gui.common.widgets import RecordsModel
from model import grading
from model.customers import lifecycle
from model.core import settings
from model.archive.database import Archive, ArchiveError
from model.core.datetime_text import datetime_text


class OverrideDialog(QDialog):
    """Choose the value and give the reason (required) for overriding a computed grade."""

    def __init__(self, scheme: str, current: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Override the {grade}").format(grade=scheme_text(scheme)))
        self.value = QComboBox()
        rules = grading.load_rules()
        for key in grading.value_order(scheme, rules):
            self.value.addItem(value_text(scheme, key, long=True, rules=rules), key)
        if current is not None and self.value.findData(current) >= 0:
            self.value.setCurrentIndex(self.value.findData(current))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the computed grade does not fit (required)"))
        self.reason.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        note = QLabel(self.tr("The grade is marked as set by hand and kept in the history with your "
                              "reason; grading runs leave it alone until you clear the override."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Grade:"), self.value)
        form.addRow(self.tr("&Reason:"), self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Override"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.reason.setFocus()
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    def result_value(self) -> tuple[str, str]:
        return self.value.currentData(), self.reason.text().strip()

    @classmethod
    def ask(cls, parent: QWidget | None, scheme: str, current: str | None) -> tuple[str, str] | None:
        dialog = cls(scheme, current, parent)
        try:
            return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class OpportunityDialog(QDialog):
    """The manager's two answers for one customer's opportunity grade."""

    def __init__(self, current: grading.GradeRecord | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Opportunity grade"))
        rules = grading.load_rules().opportunity
        lang = grading.explain.current_language()
        self.need, self.close = QComboBox(), QComboBox()
        for need in rules.needs:
            self.need.addItem(need.label(lang), need.key)
        for close in rules.closes:
            self.close.addItem(close.label(lang), close.key)
        if current is not None:
            self.need.setCurrentIndex(max(self.need.findData(current.detail.get("need")), 0))
            self.close.setCurrentIndex(max(self.close.findData(current.detail.get("close")), 0))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Optional: what you learned"))
        self.grade = QLabel()
        self.rules = rules
        for combo in (self.need, self.close):
            combo.currentIndexChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self.tr("&Need:"), self.need)
        form.addRow(self.tr("Expected &close:"), self.close)
        form.addRow(self.tr("N&ote:"), self.note)
        form.addRow(self.tr("Grade:"), self.grade)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update()

    def _update(self) -> None:
        value = self.rules.grades[self.need.currentData()][self.close.currentData()]
        self.grade.setText(value_text(grading.OPPORTUNITY, value, long=True))

    @classmethod
    def ask(cls, parent: QWidget | None, current: grading.GradeRecord | None) -> tuple[str, str, str] | None:
        dialog = cls(current, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.need.currentData(), dialog.close.currentData(), dialog.note.text().strip()
        finally:
            dialog.deleteLater()


class GradePanel(QWidget):
    changed = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("grade_panel")
        self.archive = archive
        self.customer_id: int | None = None
        self.current: dict[str, grading.GradeRecord] = {}
        self.values: dict[str, QLabel] = {}
        self.explanations: dict[str, QLabel] = {}
        self.meta: dict[str, QLabel] = {}
        self.override_buttons: dict[str, QPushButton] = {}
        self.clear_buttons: dict[str, QPushButton] = {}
        grades = QGroupBox(self.tr("Grades"))
        grid = QGridLayout(grades)
        grid.setColumnStretch(1, 1)
        for row, scheme in enumerate(grading.SCHEMES):
            name = QLabel(f"<b>{html.escape(scheme_text(scheme))}</b>")
            value = QLabel()
            value.setObjectName(f"value_{scheme}")
            bold = value.font()
            bold.setBold(True)
            value.setFont(bold)
            explanation = QLabel()
            explanation.setObjectName(f"explanation_{scheme}")
            explanation.setWordWrap(True)
            explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            meta = QLabel()
            meta.setStyleSheet("color: palette(placeholder-text);")
            # Wrapped, so the tab never needs more width than the editor's splitter gives it.
            value.setWordWrap(True)
            meta.setWordWrap(True)
            self.values[scheme], self.explanations[scheme], self.meta[scheme] = value, explanation, meta
            text = QVBoxLayout()
            text.setSpacing(2)
            text.addWidget(value)
            text.addWidget(explanation)
            text.addWidget(meta)
            buttons = QVBoxLayout()
            if scheme in grading.COMPUTED_SCHEMES:
                override = QPushButton(self.tr("Override…"))
                override.setObjectName(f"override_{scheme}")
                override.setToolTip(self.tr("Set this grade by hand, with a reason"))
                override.clicked.connect(lambda _c=False, s=scheme: self.override(s))
                clear = QPushButton(self.tr("Clear override"))
                clear.setObjectName(f"clear_{scheme}")
                clear.setToolTip(self.tr("Hand this grade back to the rules"))
                clear.clicked.connect(lambda _c=False, s=scheme: self.clear_override(s))
                self.override_buttons[scheme], self.clear_buttons[scheme] = override, clear
                buttons.addWidget(override)
                buttons.addWidget(clear)
            else:
                answer = QPushButton(self.tr("Answer…"))
                answer.setObjectName("answer_opportunity")
                answer.setToolTip(self.tr("Grade the opportunity from the need and the expected close"))
                answer.clicked.connect(self.answer_opportunity)
                self.answer_button = answer
                buttons.addWidget(answer)
            buttons.addStretch(1)
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addLayout(text, row, 1)
            grid.addLayout(buttons, row, 2)
        # The lifecycle stage (model.customers.lifecycle): worked out as of today, never stored or set by hand.
        self.lifecycle_value, self.lifecycle_explanation = QLabel(), QLabel()
        self.lifecycle_value.setObjectName("value_lifecycle")
        self.lifecycle_explanation.setObjectName("explanation_lifecycle")
        bold = self.lifecycle_value.font()
        bold.setBold(True)
        self.lifecycle_value.setFont(bold)
        for label in (self.lifecycle_value, self.lifecycle_explanation):
            label.setWordWrap(True)
        self.lifecycle_explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.lifecycle_value)
        text.addWidget(self.lifecycle_explanation)
        row = len(grading.SCHEMES)
        title = self.tr("Lifecycle stage")
        grid.addWidget(QLabel(f"<b>{html.escape(title)}</b>"), row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text, row, 1)
        self.history_model = RecordsModel(parent=self)
        self.history = QTableView()
        self.history.setObjectName("grade_history")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setAlternatingRowColors(True)
        self.history.setWordWrap(False)
        self.history.setTabKeyNavigation(False)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setStretchLastSection(True)
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        history_box = QGroupBox(self.tr("Grade history (newest first; ✎ set by hand)"))
        history_layout = QVBoxLayout(history_box)
        history_layout.addWidget(self.history)
        layout = QVBoxLayout(self)
        layout.addWidget(grades)
        layout.addWidget(history_box, 1)
        self.load(None)

    # -- showing ------------------------------------------------------------------------
    def load(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        conn = self.archive.conn
        self.current = grading.current(conn, customer_id) if customer_id is not None else {}
        lang = grading.explain.current_language()
        for scheme in grading.SCHEMES:
            record = self.current.get(scheme)
            if record is None:
                self.values[scheme].setText(self.tr("Not graded yet"))
                self.explanations[scheme].setText("")
                self.meta[scheme].setText("")
            else:
                text = value_text(scheme, record.value, long=True)
                if record.override:
                    text += "  " + self.tr("✎ set by hand")
                self.values[scheme].setText(text)
                self.explanations[scheme].setText(record.explanation(lang))
                self.meta[scheme].setText(self.tr("As of {as_of} · set on {on} by {by}").format(
                    as_of=record.as_of.isoformat(), on=datetime_text(record.set_on),
                    by=grading.set_by_label(record.set_by)))
            if scheme in self.override_buttons:
                self.override_buttons[scheme].setEnabled(customer_id is not None)
                self.clear_buttons[scheme].setEnabled(record is not None and record.override)
        self.answer_button.setEnabled(customer_id is not None)
        if customer_id is None:
            self.lifecycle_value.setText("")
            self.lifecycle_explanation.setText("")
        else:
            key, why = lifecycle.customer_stage(conn, customer_id)
            self.lifecycle_value.setText(lifecycle.stage_label(key))
            self.lifecycle_explanation.setText(why)
        rows = []
        if customer_id is not None:
            for h in grading.history(conn, customer_id):
                rows.append((datetime_text(h.set_on), scheme_text(h.scheme),
                             value_text(h.scheme, h.value) + (" ✎" if h.override else ""),
                             grading.set_by_label(h.set_by), h.as_of.isoformat(),
                             self._history_reason(h, lang)))
        self.history_model.set_rows([self.tr("Set on"), self.tr("Grade"), self.tr("Value"), self.tr("By"),
                                     self.tr("As of"), self.tr("Reason")], rows)
        self.history.resizeColumnsToContents()
        for column in range(self.history_model.columnCount() - 1):
            self.history.setColumnWidth(column, min(self.history.columnWidth(column), 220))

    def _history_reason(self, record: grading.GradeRecord, lang: str) -> str:
        if record.detail.get("override_cleared"):
            return self.tr("Override cleared; the rules grade it again.") + (
                f" {record.reason}" if record.reason else "")
        try:
            return record.explanation(lang)
        except (KeyError, TypeError, ValueError):   # an old row the sentence cannot be built from
            return record.reason

    # -- changing -------------------------------------------------------------------------
    def override(self, scheme: str) -> None:
        if self.customer_id is None:
            return
        record = self.current.get(scheme)
        answer = OverrideDialog.ask(self, scheme, record.value if record else None)
        if answer is None:
            return
        value, reason = answer
        cid = self.customer_id
        self._write(lambda conn, by: grading.override(conn, cid, scheme, value, reason, by))

    def clear_override(self, scheme: str) -> None:
        if self.customer_id is None:
            return
        cid = self.customer_id
        self._write(lambda conn, by: grading.clear_override(conn, cid, scheme, by))

    def answer_opportunity(self) -> None:
        if self.customer_id is None:
            return
        answer = OpportunityDialog.ask(self, self.current.get(grading.OPPORTUNITY))
        if answer is None:
            return
        need, close, note = answer
        cid = self.customer_id
        self._write(lambda conn, by: grading.set_opportunity(conn, cid, need, close, by, reason=note))

    def _write(self, op) -> None:
        """``op(conn, by)`` through the write API (one transaction on the archive's writer)."""
        by = settings.user_name()
        try:
            write(self, lambda conn: op(conn, by), Changes.of(Changes.GRADES, ids=[self.customer_id]),
                  archive=self.archive)
        except ArchiveError as exc:
            show_error(self, exc)
            return
        self.load(self.customer_id)
        self.changed.emit()
