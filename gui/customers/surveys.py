"""Satisfaction surveys in the window (model.customers.surveys): a customer's surveys and their trend
(the editor's Satisfaction tab, with Record survey…) and the mean score per area and month.

    SurveysPanel(archive)                     # the editor's tab: set_customer(id, writable)
    AreaSatisfactionDialog.show_for(parent, archive)
"""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from gui.common.operations import Changes
from gui.customers.complaints import SaveFormDialog
from gui.common.forms import date_edit, from_qdate, manager_combo
from gui.common.widgets import RecordsModel, fit_columns, records_view
from model.customers import customers, surveys
from model.core import settings
from model.archive.database import Archive


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}"


class SurveyDialog(SaveFormDialog):
    """Ask the customer the survey's questions, each scored 1 to the scale."""

    def __init__(self, parent: QWidget | None, archive: Archive, customer_id: int):
        super().__init__(parent)
        self.setObjectName("survey_dialog")
        self.archive = archive
        self.customer_id = customer_id
        self.survey_id: int | None = None
        name = (customers.get(archive.conn, customer_id) or {}).get("name") or ""
        self.setWindowTitle(self.tr("Satisfaction survey: {name}").format(name=name))
        t = surveys.template()
        self.date = date_edit(date.today(), self)
        self.scores: dict[str, QSpinBox] = {}
        rows = [(self.tr("Customer:"), QLabel(f"<b>{html.escape(name)}</b>", self)), (self.tr("&Date:"), self.date)]
        for q in t.questions:
            box = QSpinBox(self)
            box.setRange(1, t.scale)
            box.setValue(t.scale)
            box.setSuffix(self.tr(" of {scale}").format(scale=t.scale))
            self.scores[q.key] = box
            rows.append((self.tr("{question}:").format(question=q.label()), box))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("optional: what the customer added"))
        rows.append((self.tr("&Note:"), self.note))
        hint = QLabel(self.tr("1 very dissatisfied … {scale} very satisfied").format(scale=t.scale), self)
        self._lay_out(rows, hint)

    def accept(self) -> None:
        customer_id, on, note = self.customer_id, from_qdate(self.date.date()), self.note.text()
        by = settings.user_name()
        answers = {key: box.value() for key, box in self.scores.items()}

        def record(conn):
            self.survey_id = surveys.record(conn, customer_id, on=on, answers=answers, by=by, note=note)
        self._write(record, Changes.of(Changes.CARE, ids=[customer_id]))


class SurveysPanel(QWidget):
    """A customer's surveys, oldest first, each with its score and the change from the one before."""
    changed = Signal()

    def __init__(self, archive: Archive, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("surveys_panel")
        self.archive = archive
        self.customer_id: int | None = None
        self.items: list[surveys.Survey] = []
        self.model = RecordsModel(parent=self)
        self.view = records_view(self.model)
        self.view.setObjectName("surveys_table")
        self.record_button = QPushButton(self.tr("Record &survey…"), self)
        self.record_button.setToolTip(self.tr("Ask the satisfaction survey (满意度调查) and keep the answers"))
        self.record_button.clicked.connect(self.record)
        self.trend = QLabel(self)
        self.trend.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.record_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.trend)

    def set_customer(self, customer_id: int | None, writable: bool) -> None:
        self.customer_id = customer_id
        self.record_button.setEnabled(customer_id is not None and writable)
        self.load()

    def load(self) -> None:
        t = surveys.template()
        self.items = surveys.of_customer(self.archive.conn, self.customer_id) if self.customer_id else []
        headers = [self.tr("Date")] + [q.label() for q in t.questions] + [self.tr("Score"), self.tr("Change"),
                                                                          self.tr("Note"), self.tr("By")]
        rows = [[s.date.isoformat()] + [s.answers.get(q.key, "") for q in t.questions]
                + [f"{s.score:.2f}", _signed(s.change), s.note or "", s.created_by] for s in self.items]
        self.model.set_rows(headers, rows)
        fit_columns(self.view, 160)
        if self.items:
            first, last = self.items[0], self.items[-1]
            self.trend.setText(self.tr("{count} survey(s); latest {score:.2f} of {scale} on {date}; "
                                       "{change} since the first").format(
                count=len(self.items), score=last.score, scale=t.scale, date=last.date.isoformat(),
                change=_signed(round(last.score - first.score, 2))))
        else:
            self.trend.setText(self.tr("No survey yet."))

    def record(self) -> int | None:
        if self.customer_id is None:
            return None
        dialog = SurveyDialog(self, self.archive, self.customer_id)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            made = dialog.survey_id
        finally:
            dialog.deleteLater()
        self.load()
        self.changed.emit()
        return made


class AreaSatisfactionDialog(QDialog):
    """Per area, the surveys of the last months: how many, the mean and the mean per month."""

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.setObjectName("area_satisfaction_dialog")
        self.setWindowTitle(self.tr("Satisfaction by area"))
        self.archive = archive
        self.manager = manager_combo(archive.conn, None, self, self.tr("All managers"))
        self.manager.currentIndexChanged.connect(lambda *_: self.load())
        self.model = RecordsModel(parent=self)
        self.view = records_view(self.model)
        self.view.setObjectName("area_satisfaction_table")
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        label = QLabel(self.tr("M&anager:"), self)
        label.setBuddy(self.manager)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.manager)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.about)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(860, 420)
        self.load()

    def load(self) -> None:
        today = date.today()
        t = surveys.template()
        months = surveys.months_back(today, t.months)
        trends = surveys.by_area(self.archive.conn, today, manager=self.manager.currentData())
        headers = [self.tr("Area"), self.tr("Surveys"), self.tr("Customers"), self.tr("Mean")] + months + \
            [self.tr("Change")]
        rows = [[trend.area or self.tr("(no area)"), trend.surveys, trend.customers, f"{trend.mean:.2f}"]
                + [f"{trend.by_month[m]:.2f}" if m in trend.by_month else "" for m in months]
                + [_signed(trend.change)] for trend in trends]
        self.model.set_rows(headers, rows)
        fit_columns(self.view, 160)
        self.about.setText(self.tr("Mean scores, 1 to {scale}, of the surveys from {first} to {last}; the change "
                                   "is the latest month's mean less the month before with surveys.")
                           .format(scale=t.scale, first=months[0], last=months[-1]))

    @classmethod
    def show_for(cls, parent: QWidget | None, archive: Archive) -> None:
        dialog = cls(parent, archive)
        dialog.exec()
        dialog.deleteLater()
