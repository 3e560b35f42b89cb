"""The grading wizard: scope → computed grades → opportunity answers → review → apply.

    changed = GradingWizard.run(parent, archive)    # True when grades were written

1. **Scope** and as-of date: my book (everyone, or one manager's customers), an
   area, a saved view, the ungraded customers, or those whose grade is older
   than N days. An unfinished session is offered first ("Continue where you
   stopped").
2. **Computed grades** (value tier, RFM type, persona) for the scope, worked
   out in a worker on its own connection (:mod:`model.grading.preparing`); the Pareto curve with its cut
   lines, the distribution of each scheme, and the explanation of the
   selected customer's grades (:mod:`gui.grading.grading_computed`).
3. **Opportunity grading**, one customer at a time, by keys
   (:mod:`gui.grading.opportunity_page`); saved as the manager goes, so the wizard
   can be closed and resumed (``model.grading.grading_session``).
4. **Review** of every change, old → new with the reason; **Apply** writes
   the computed grades and the answers in one transaction on the archive's
   writer (``run_write``; cancel writes nothing), :mod:`gui.grading.grading_review`
   over :mod:`model.grading.review`.
"""
from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDateEdit, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QPushButton, QRadioButton, QSpinBox, QVBoxLayout, QWidget, QWizard, QWizardPage)

from gui.common.operations import Changes, write
from gui.grading.grading_computed import ComputedPage, error_label
from gui.grading.grading_review import ResultPage, ReviewPage
from gui.grading.opportunity_page import OpportunityPage
from gui.common.widgets import show_failure
from model import grading
from model.grading import grading_session
from model.grading.preparing import Prepared, resolve_scope, saved_views, scope_count
from model.grading.review import ApplyOutcome
from model.core import settings
from model.customers.customer_filters import filter_choices
from model.archive.database import Archive, ArchiveError
from model.core.datetime_text import datetime_text


# -- scope ---------------------------------------------------------------------------

class ScopePage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.setTitle(self.tr("Whom to grade"))
        self.setSubTitle(self.tr("Choose the customers and the day to grade them for. Value tier, "
                                 "RFM type and persona are worked out from the archive; you then "
                                 "answer two questions per customer for the opportunity grade."))
        conn = wizard.archive.conn
        # An unfinished session: offered first.
        self.resume_box = QFrame()
        self.resume_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.resume_text = QLabel()
        self.resume_text.setWordWrap(True)
        self.continue_button = QPushButton(self.tr("&Continue where you stopped"))
        self.continue_button.clicked.connect(self._continue)
        self.afresh_button = QPushButton(self.tr("Start &afresh"))
        self.afresh_button.setToolTip(self.tr("Choose a new scope; the answers not yet applied are "
                                              "forgotten when you go on"))
        self.afresh_button.clicked.connect(self._afresh)
        resume_buttons = QHBoxLayout()
        resume_buttons.addWidget(self.continue_button)
        resume_buttons.addWidget(self.afresh_button)
        resume_buttons.addStretch(1)
        resume_layout = QVBoxLayout(self.resume_box)
        resume_layout.addWidget(self.resume_text)
        resume_layout.addLayout(resume_buttons)

        areas, managers = filter_choices(conn)
        self.group = QButtonGroup(self)
        self.book = QRadioButton(self.tr("My &book:"))
        self.manager = QComboBox()
        self.manager.addItem(self.tr("All customers"), "")
        for name in managers:
            self.manager.addItem(name, name)
        me = self.manager.findData(settings.user_name())
        if me > 0:
            self.manager.setCurrentIndex(me)
        self.area_choice = QRadioButton(self.tr("An a&rea:"))
        self.area = QComboBox()
        for name in areas:
            self.area.addItem(name, name)
        self.view_choice = QRadioButton(self.tr("A saved &view:"))
        self.view = QComboBox()
        for view in saved_views():
            self.view.addItem(view.name, view.name)
        self.ungraded = QRadioButton(self.tr("&Ungraded customers (missing a value tier, RFM type or "
                                             "persona)"))
        self.older = QRadioButton(self.tr("Customers whose grade is &older than"))
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        grid = QGridLayout()
        rows = [(self.book, self.manager), (self.area_choice, self.area), (self.view_choice, self.view),
                (self.ungraded, None), (self.older, self.days)]
        for row, (radio, widget) in enumerate(rows):
            self.group.addButton(radio, row)
            grid.addWidget(radio, row, 0, 1, 1 if widget is not None else 3)
            if widget is not None:
                grid.addWidget(widget, row, 1)
                if isinstance(widget, QComboBox):
                    widget.setMinimumContentsLength(16)
                    widget.currentIndexChanged.connect(lambda _i, r=radio: r.setChecked(True))
                else:
                    widget.valueChanged.connect(lambda _v, r=radio: r.setChecked(True))
        grid.setColumnStretch(2, 1)
        self.area_choice.setEnabled(bool(areas))
        self.area.setEnabled(bool(areas))
        self.view_choice.setVisible(self.view.count() > 0)
        self.view.setVisible(self.view.count() > 0)
        self.book.setChecked(True)
        self.group.idToggled.connect(lambda *_: self._update_count())
        for widget in (self.manager, self.area, self.view):
            widget.currentIndexChanged.connect(lambda *_: self._update_count())
        self.days.valueChanged.connect(lambda *_: self._update_count())

        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.dateChanged.connect(lambda *_: self._update_count())
        as_of_label = QLabel(self.tr("Grade as of &date:"))
        as_of_label.setBuddy(self.as_of)
        as_of_row = QHBoxLayout()
        as_of_row.addWidget(as_of_label)
        as_of_row.addWidget(self.as_of)
        as_of_row.addStretch(1)
        self.count = QLabel()
        self.last_run = QLabel()
        self.last_run.setWordWrap(True)
        self.error = error_label()

        layout = QVBoxLayout(self)
        layout.addWidget(self.resume_box)
        layout.addLayout(grid)
        layout.addSpacing(8)
        layout.addLayout(as_of_row)
        layout.addWidget(self.count)
        layout.addWidget(self.last_run)
        layout.addWidget(self.error)
        layout.addStretch(1)
        run = grading.last_run(conn)
        if run:
            self.last_run.setText(self.tr("Last grading run: as of {as_of}, on {when} by {by}.").format(
                as_of=run["as_of"], when=datetime_text(run["run_on"]),
                by=grading.set_by_label(run["run_by"])))
        self._show_session()
        self._update_count()

    # -- the saved session ------------------------------------------------------------
    def _show_session(self) -> None:
        session = self.wiz.session
        self.resume_box.setVisible(session is not None)
        if session is None:
            return
        self.resume_text.setText(self.tr(
            "You stopped grading <b>{scope}</b> (as of {as_of}) at customer {position} of {total}, "
            "with {answered} answers not yet applied. Saved {when}.").format(
            scope=html.escape(session.scope_label or session.scope), as_of=session.as_of.isoformat(),
            position=min(session.position + 1, len(session.queue)), total=len(session.queue),
            answered=len(session.answers), when=datetime_text(session.saved_on)))
        self.continue_button.setDefault(True)

    def _continue(self) -> None:
        self.wiz.resume = True
        self.wiz.next()

    def _afresh(self) -> None:
        self.wiz.resume = False
        self.wiz.session = None
        self.resume_box.hide()
        self.book.setFocus()

    # -- the choice ---------------------------------------------------------------------
    def spec(self) -> tuple[str, str]:
        """The scope spec and how to show it."""
        checked = self.group.checkedId()
        if checked == 0:
            name = self.manager.currentData()
            return (f"manager:{name}", self.tr("the customers of {name}").format(name=name)) if name \
                else ("all", self.tr("all customers"))
        if checked == 1:
            return f"area:{self.area.currentData()}", self.tr("area {name}").format(
                name=self.area.currentText())
        if checked == 2:
            return f"view:{self.view.currentData()}", self.tr("view {name}").format(
                name=self.view.currentText())
        if checked == 3:
            return "ungraded", self.tr("ungraded customers")
        days = self.days.value()
        return f"older:{days}", self.tr("customers graded more than {days} days ago").format(days=days)

    def as_of_date(self) -> date:
        d = self.as_of.date()
        return date(d.year(), d.month(), d.day())

    def _update_count(self) -> None:
        spec, _label = self.spec()
        try:
            total = scope_count(self.wiz.archive.conn, spec, self.as_of_date())
        except ArchiveError as exc:
            self.count.setText(str(exc))
            return
        self.count.setText(self.tr("{count} customers in this scope.").format(
            count=QLocale().toString(total)))
        self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt naming
        self.error.hide()
        if self.wiz.resume and self.wiz.session is not None:
            return True
        spec, label = self.spec()
        try:
            ids = resolve_scope(self.wiz.archive.conn, spec, self.as_of_date())
        except ArchiveError as exc:
            show_failure(self.error, exc)
            return False
        if ids is not None and not ids:
            self.error.setText(self.tr("No customer is in this scope; choose another."))
            self.error.show()
            return False
        self.wiz.choose(spec, label, self.as_of_date(), ids if spec.startswith("view:") else None)
        return True


# -- the wizard ---------------------------------------------------------------------------------

class GradingWizard(QWizard):
    SCOPE, COMPUTED, OPPORTUNITY, REVIEW, RESULT = range(5)

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.user = settings.user_name()
        self.session: grading_session.GradingSession | None = grading_session.load(archive.conn, self.user)
        self.resume = False
        self.spec, self.scope_label, self.as_of, self.fixed_ids = "all", "", date.today(), None
        self.prepared: Prepared | None = None
        self.outcome: ApplyOutcome | None = None
        self.setWindowTitle(self.tr("Grade customers"))
        self.setObjectName("grading_wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.scope_page = ScopePage(self)
        self.computed_page = ComputedPage(self)
        self.opportunity_page = OpportunityPage(self)
        self.review_page = ReviewPage(self)
        self.result_page = ResultPage(self)
        for page_id, page in ((self.SCOPE, self.scope_page), (self.COMPUTED, self.computed_page),
                              (self.OPPORTUNITY, self.opportunity_page), (self.REVIEW, self.review_page),
                              (self.RESULT, self.result_page)):
            self.setPage(page_id, page)
        self.resize(1180, 760)

    # -- state shared by the pages ---------------------------------------------------
    def choose(self, spec: str, label: str, as_of: date, fixed_ids: list[int] | None) -> None:
        """A new scope: a new session (replacing an unfinished one once it is saved)."""
        self.spec, self.scope_label, self.as_of, self.fixed_ids = spec, label, as_of, fixed_ids
        s = self.session
        if s is None or (s.scope, s.as_of, s.scope_ids) != (spec, as_of, fixed_ids):
            self.session = grading_session.GradingSession(spec, as_of, label, fixed_ids)
        self.resume = False

    def validateCurrentPage(self) -> bool:  # noqa: N802
        if self.currentId() == self.SCOPE and self.resume and self.session is not None:
            s = self.session
            self.spec, self.scope_label, self.as_of, self.fixed_ids = s.scope, s.scope_label, s.as_of, s.scope_ids
        return super().validateCurrentPage()

    def queue_ready(self) -> None:
        """The computed page is done: a new session takes its queue; a resumed one (or one
        whose scope was not changed) keeps its own, and its position."""
        if not self.session.queue:
            self.session.queue = list(self.prepared.queue)
            self.session.position = 0

    def save_session(self) -> None:
        """Keep where the manager is (nothing in a session is a grade yet: no page's
        figures change, so the notice names no kind)."""
        if self.session is not None and self.session.queue:
            session, user, state = self.session, self.user, self.session.to_json()
            session.saved_on = write(self, lambda conn: grading_session.store(conn, user, state),
                                     Changes(), archive=self.archive)

    # -- keys and closing -------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        if self.currentId() == self.OPPORTUNITY and self.opportunity_page.handle_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        for page in (self.computed_page, self.review_page):
            if page.progress.running():
                page.progress.cancel()
            page.progress.forget()
            page.progress.wait()
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive) -> bool:
        """Run the wizard; True when grades were written."""
        wizard = cls(parent, archive)
        try:
            wizard.exec()
            return wizard.outcome is not None
        finally:
            wizard.deleteLater()
