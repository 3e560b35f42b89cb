"""After the activity: who took part, the review, the figures, and past activities side by side.

    OutcomeDialog.record(parent, archive, plan_id) -> bool      # True when an outcome was saved
    table = CompareTable(parent); table.show_plans(conn, first_id=plan_id)

Participants are customers picked from the archive (by search, or the members of
the plan's circle at once) plus a count of walk-ins. Saving records the outcome
(``promotions.record_outcome``) and shows the figures the model works out from the
transactions: share of the target audience reached, deals and amount in the deal
window, new customers, cost per participant and per deal. Below them, every
finished activity in one table, so a manager can see which kind works for whom.
"""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QFrame, QGroupBox, QHBoxLayout, QLabel,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QSplitter, QTableView, QVBoxLayout,
                               QWidget)
from PySide6.QtCore import Qt

from gui.common.forms import error_label, show_problem, table_view
from gui.common.operations import Changes, write
from gui.marketing.circle_dialogs import CustomerFinder
from gui.common.widgets import RecordsModel, fit_columns
from model.marketing import circles, promotions
from model.core import settings
from model.archive.database import Archive


class CompareTable(QTableView):
    """Activities side by side: type, area type, audience, participants, reach, deals, amount, costs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("compare_table")
        self.model_ = RecordsModel(parent=self)
        self.setModel(self.model_)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.horizontalHeader().setStretchLastSection(True)
        self.plan_ids: list[int] = []

    def show_plans(self, conn, first_id: int | None = None) -> int:
        """Every finished activity (and ``first_id`` first, whatever its status); the rows shown."""
        from reports.promotion import compare_cells, compare_header
        ids = [p.id for p in promotions.list_plans(conn, promotions.DONE) if p.id != first_id]
        if first_id is not None:
            ids.insert(0, first_id)
        rows = promotions.compare(conn, ids)
        self.plan_ids = [e.plan_id for e in rows]
        self.model_.set_rows(compare_header(), [compare_cells(e) for e in rows])
        fit_columns(self, self.fontMetrics().horizontalAdvance("M") * 16)
        return len(rows)


class OutcomeDialog(QDialog):
    """Record who took part and the review; see the figures and compare with past activities."""

    def __init__(self, parent: QWidget | None, archive: Archive, plan_id: int):
        super().__init__(parent)
        self.archive = archive
        self.plan_id = plan_id
        self.saved = False
        conn = archive.conn
        self.plan = promotions.get(conn, plan_id)
        self.setWindowTitle(self.tr("Outcome: {title}").format(title=self.plan.title))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        stored = promotions.evaluate(conn, plan_id)
        extra = promotions.new_customers_extra(conn, plan_id)
        self.participant_ids: list[int] = list(stored.participant_ids)

        self.participants_model = RecordsModel(parent=self)
        self.participants_view = table_view(self, "participants", several=True)
        self.participants_view.setModel(self.participants_model)
        self.count_label = QLabel(self)
        add = QPushButton(self.tr("&Add customers…"), self)
        add.setObjectName("add_participants")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_participants)
        self.circle_button = QPushButton(self.tr("Add the circle's &members"), self)
        self.circle_button.setObjectName("add_circle_members")
        self.circle_button.setAutoDefault(False)
        self.circle_button.setVisible(self.plan.circle_id is not None)
        self.circle_button.clicked.connect(self.add_circle_members)
        remove = QPushButton(self.tr("&Remove"), self)
        remove.setAutoDefault(False)
        remove.clicked.connect(self.remove_participants)
        row = QHBoxLayout()
        row.addWidget(self.count_label, 1)
        row.addWidget(add)
        row.addWidget(self.circle_button)
        row.addWidget(remove)

        self.walk_ins = QSpinBox(self)
        self.walk_ins.setObjectName("walk_ins")
        self.walk_ins.setRange(0, 100000)
        self.walk_ins.setValue(stored.walk_ins)
        self.walk_ins.setToolTip(self.tr("People who took part but are not customers in the archive"))
        self.new_extra = QSpinBox(self)
        self.new_extra.setObjectName("new_customers_extra")
        self.new_extra.setRange(0, 100000)
        self.new_extra.setValue(extra)
        self.window_days = QSpinBox(self)
        self.window_days.setObjectName("window_days")
        self.window_days.setRange(0, 366)
        self.window_days.setValue(stored.window_days)
        self.window_days.setSuffix(self.tr(" days"))
        self.review = QPlainTextEdit(stored.review, self)
        self.review.setObjectName("review")
        self.review.setTabChangesFocus(True)
        self.review.setMaximumHeight(self.fontMetrics().height() * 6)
        self.review.setMinimumHeight(self.fontMetrics().height() * 3)    # fits a laptop at 150 %
        self.review.setPlaceholderText(self.tr("What worked, what did not, what customers liked, what to change "
                                               "next time"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Walk-ins:"), self.walk_ins)
        form.addRow(self.tr("&New customers not yet entered:"), self.new_extra)
        form.addRow(self.tr("&Deals counted up to:"), self.window_days)
        form.addRow(self.tr("Re&view:"), self.review)
        for widget in (self.walk_ins, self.new_extra, self.window_days, self.review):
            form.labelForField(widget).setBuddy(widget)
        self.window_days.setToolTip(self.tr("Transactions of participants from the first day of the activity to "
                                            "this many days after its end count as its deals"))
        outcome = QGroupBox(self.tr("Participants and review"), self)
        outcome_layout = QVBoxLayout(outcome)
        outcome_layout.addWidget(self.participants_view, 1)
        outcome_layout.addLayout(row)
        outcome_layout.addLayout(form)

        self.figures = QLabel(self)
        self.figures.setObjectName("figures")
        self.figures.setWordWrap(True)
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.figures.setAlignment(Qt.AlignmentFlag.AlignTop)
        figures_box = QGroupBox(self.tr("Figures"), self)
        figures_scroll = QScrollArea(figures_box)     # a laptop at 150 % has few lines
        figures_scroll.setWidgetResizable(True)
        figures_scroll.setFrameShape(QFrame.Shape.NoFrame)
        figures_scroll.setWidget(self.figures)
        figures_scroll.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 22)   # not a word a line
        QVBoxLayout(figures_box).addWidget(figures_scroll)
        self.compare = CompareTable(self)
        compare_box = QGroupBox(self.tr("Compared with past activities (this one first)"), self)
        QVBoxLayout(compare_box).addWidget(self.compare)

        top = QSplitter(self)
        top.addWidget(outcome)
        top.addWidget(figures_box)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(top)
        split.addWidget(compare_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        self.error = error_label(self)
        self.error.setObjectName("outcome_error")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(self.tr("&Save and work out"), QDialogButtonBox.ButtonRole.ApplyRole)
        self.save_button.setObjectName("save_outcome")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_participants()
        self._show_figures()
        self.resize(self.fontMetrics().horizontalAdvance("M") * 100, self.fontMetrics().height() * 54)

    def _show_participants(self) -> None:
        rows = circles.customer_rows(self.archive.conn, self.participant_ids)
        self.participant_ids = [r[0] for r in rows]
        self.participants_model.set_rows([self.tr("Customer"), self.tr("Area"), self.tr("Phone")],
                                         [r[1:] for r in rows])
        fit_columns(self.participants_view, self.fontMetrics().horizontalAdvance("M") * 14)
        self.count_label.setText(self.tr("{count} customers took part").format(count=len(rows)))

    def add_participants(self) -> None:
        chosen = CustomerFinder.pick(self, self.archive, True, self.tr("Add participants"),
                                     leave_out=self.participant_ids)
        if chosen:
            self.participant_ids.extend(chosen)
            self._show_participants()

    def add_circle_members(self) -> None:
        ids = [m.customer_id for m in circles.members(self.archive.conn, self.plan.circle_id)]
        self.participant_ids.extend(i for i in ids if i not in self.participant_ids)
        self._show_participants()

    def remove_participants(self) -> None:
        rows = {i.row() for i in self.participants_view.selectionModel().selectedRows()}
        self.participant_ids = [c for n, c in enumerate(self.participant_ids) if n not in rows]
        self._show_participants()

    def _show_figures(self) -> None:
        from reports.promotion import figure_rows
        conn = self.archive.conn
        evaluation = promotions.evaluate(conn, self.plan_id)
        if evaluation.evaluated_at is None:
            self.figures.setText(self.tr("No outcome recorded yet: add who took part and save."))
        else:
            cells = "".join(f"<tr><td><b>{html_text(k)}</b></td><td>{html_text(v)}</td></tr>"
                            for k, v in figure_rows(evaluation))
            self.figures.setText(f"<table cellspacing='4'>{cells}</table>")
        self.compare.show_plans(conn, self.plan_id)

    def save(self) -> None:
        self.error.hide()
        try:
            plan_id, participants = self.plan_id, list(self.participant_ids)
            values = {"walk_ins": self.walk_ins.value(), "new_customers_extra": self.new_extra.value(),
                      "review": self.review.toPlainText().strip(), "window_days": self.window_days.value(),
                      "by": settings.user_name()}
            write(self, lambda conn: promotions.record_outcome(conn, plan_id, participants, **values),
                  Changes.of(Changes.MARKETING), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; the transaction rolled back
            show_problem(self.error, exc)
            return
        self.saved = True
        self._show_figures()

    @classmethod
    def record(cls, parent: QWidget | None, archive: Archive, plan_id: int) -> bool:
        dialog = cls(parent, archive, plan_id)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()


def html_text(text) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
