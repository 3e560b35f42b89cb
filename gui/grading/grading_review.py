"""The grading wizard's last steps: the review of every change (old → new, with
the reason, from :mod:`model.grading.review`), Apply (``run_write``: the reviewed
grades in one transaction, with progress and cancel) and the result."""
from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWizard, QWizardPage

from gui.common.operations import Changes, run_write
from gui.common.tasks import TaskHandle
from gui.common.widgets import TaskProgress, show_failure
from gui.grading.grade_text import scheme_text, value_text
from gui.grading.grading_computed import data_table, error_label
from model import grading
from model.core import settings
from model.grading import review
from model.grading.review import ApplyOutcome, ChangeRow

if TYPE_CHECKING:
    from gui.grading.grading_wizard import GradingWizard

class ChangesModel(QAbstractTableModel):
    """Every change the apply would make; the reason is worked out for the rows shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[ChangeRow] = []
        self._reasons: dict[int, str] = {}
        self._computed: grading.ComputedGrades | None = None
        self._as_of = date.today()
        self._last_contacts: dict[int, date | None] = {}
        self.headers = [self.tr("Customer"), self.tr("Grade"), self.tr("Old"), self.tr("New"),
                        self.tr("Why")]

    def set_changes(self, rows: list[ChangeRow], computed: grading.ComputedGrades | None, as_of: date,
                    last_contacts: dict[int, date | None] | None = None) -> None:
        self.beginResetModel()
        self._rows, self._computed, self._as_of, self._reasons = rows, computed, as_of, {}
        self._last_contacts = dict(last_contacts or {})
        self.endResetModel()

    def rows(self) -> list[ChangeRow]:
        return list(self._rows)

    def reason(self, row: int) -> str:
        if row not in self._reasons:
            self._reasons[row] = review.reason(self._rows[row], self._computed, self._as_of, self._last_contacts)
        return self._reasons[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        change = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return change.name
        if column == 1:
            return scheme_text(change.scheme)
        if column == 2:
            return value_text(change.scheme, change.old) if change.old else "–"
        if column == 3:
            return value_text(change.scheme, change.new)
        return self.reason(index.row())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class ReviewPage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Review the changes"))
        self.setSubTitle(self.tr("Every grade that will change, with the reason. Apply writes the "
                                 "computed grades and your answers together: all of it, or nothing."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Apply"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.apply_computed = QCheckBox(self.tr("Write the &computed grades (value tier, RFM type, persona)"))
        self.apply_answers = QCheckBox(self.tr("Write the &opportunity grades, deal status and urgency from your "
                                               "answers"))
        for box in (self.apply_computed, self.apply_answers):
            box.setChecked(True)
            box.toggled.connect(lambda *_: self.completeChanged.emit())
        self.model = ChangesModel(self)
        self.table = data_table()
        self.table.setObjectName("changes_table")
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = TaskProgress(self)
        self.progress.hide()
        self.error = error_label()
        self.outcome: ApplyOutcome | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.why)
        layout.addWidget(self.apply_computed)
        layout.addWidget(self.apply_answers)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        self.outcome = None
        self.error.hide()
        prepared, session = self.wiz.prepared, self.wiz.session
        conn = self.wiz.archive.conn
        rows = review.change_rows(conn, prepared, session)
        last_contacts = review.last_contacts(conn, session.answers, prepared.as_of)
        answered = sum(1 for cid in session.queue if cid in session.answers)
        self.model.set_changes(rows, prepared.computed, prepared.as_of, last_contacts)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        computed_changes = len(prepared.changes)
        locale = QLocale()
        self.summary.setText(self.tr(
            "{computed} computed grade changes for {customers} customers; {answers} opportunity "
            "grades from your answers ({skipped} customers skipped or not reached). {kept} grades "
            "set by hand are kept.").format(
            computed=locale.toString(computed_changes),
            customers=locale.toString(int(prepared.changes["customer_id"].nunique())),
            answers=locale.toString(answered),
            skipped=locale.toString(len(session.queue) - answered),
            kept=locale.toString(prepared.kept_overrides)))
        self.apply_computed.setEnabled(computed_changes > 0)
        self.apply_computed.setChecked(computed_changes > 0)
        self.apply_answers.setEnabled(answered > 0 or bool(session.deals))
        self.apply_answers.setChecked(answered > 0 or bool(session.deals))
        if rows:
            self.table.selectRow(0)

    def _row_changed(self, current: QModelIndex, _previous=None) -> None:
        self.why.setText(self.model.reason(current.row()) if current.isValid() else "")

    def isComplete(self) -> bool:  # noqa: N802
        return not self.progress.running() and (self.apply_computed.isChecked()
                                                 or self.apply_answers.isChecked())

    def validatePage(self) -> bool:  # noqa: N802
        if self.outcome is not None:
            return True
        if self.progress.running():
            return False
        self.error.hide()
        archive, prepared = self.wiz.archive, self.wiz.prepared
        answers = dict(self.wiz.session.answers) if self.apply_answers.isChecked() else {}
        deals = dict(self.wiz.session.deals) if self.apply_answers.isChecked() else {}
        computed = prepared.computed if self.apply_computed.isChecked() else None
        by, as_of = settings.user_name(), prepared.as_of
        ids = review.touched_customers(computed, answers, deals)
        changes = Changes.of(Changes.GRADES, *([Changes.CUSTOMERS] if deals else []), ids=ids)

        def begin(on_success, on_failure, on_cancel) -> TaskHandle:
            return run_write(self, lambda conn, progress: review.apply_reviewed(
                conn, computed, answers, as_of, by, progress, deals), changes, archive=archive,
                on_success=on_success, on_failure=on_failure, on_cancel=on_cancel)
        self.progress.follow(begin, self.tr("Writing the grades…"), on_success=self._applied,
                             on_failure=self._failed, on_cancel=self._cancelled)
        self.completeChanged.emit()
        return False

    def _applied(self, outcome: ApplyOutcome) -> None:
        self.progress.hide()
        self.outcome = outcome
        self.wiz.outcome = outcome
        self.wiz.session = None
        self.completeChanged.emit()
        self.wiz.next()

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self.completeChanged.emit()
        show_failure(self.error, exc)

    def _cancelled(self) -> None:
        self.progress.hide()
        self.completeChanged.emit()
        self.error.setText(self.tr("Cancelled: nothing was written."))
        self.error.show()


class ResultPage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Grades written"))
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setObjectName("result_text")
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        outcome, locale = self.wiz.outcome, QLocale()
        lines = []
        if outcome.computed is not None:
            counts = outcome.computed.per_scheme_counts
            lines.append(self.tr("Computed grades: {changed} changes (value tier {tier}, RFM type {rfm}, "
                                 "persona {persona}); {kept} grades set by hand were kept.").format(
                changed=locale.toString(outcome.computed.changed_rows),
                tier=locale.toString(counts.get(grading.VALUE_TIER, 0)),
                rfm=locale.toString(counts.get(grading.RFM, 0)),
                persona=locale.toString(counts.get(grading.PERSONA, 0)),
                kept=locale.toString(outcome.computed.skipped_overrides)))
        lines.append(self.tr("Opportunity grades: {written} written, {same} already as answered.").format(
            written=locale.toString(outcome.opportunity_written),
            same=locale.toString(outcome.opportunity_unchanged)))
        if outcome.missing:
            lines.append(self.tr("{count} answered customers were deleted meanwhile and left out.")
                         .format(count=outcome.missing))
        lines.append(self.tr("Every grade is in the customer's grade history with its reason."))
        self.text.setText("<p>".join(html.escape(line) for line in lines))
