"""The A-tier service of seed 002 in the window (model.grading.a_service): the senior
leader's monthly calls due, the volume rewards of a year with the tier reached and
what is missing, the year's top ten (十佳), and their printouts.

    ServiceDialog.show_for(parent, archive)

Loading runs in a worker on its own connection; printing goes through the print
dialogs (``gui.visits.print_dialogs``), like every printout.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpinBox,
                               QTabWidget, QVBoxLayout, QWidget)

from gui.common.forms import error_label

from model.archive.page_header import branch_name
from gui.visits.print_dialogs import DueListDialog, PrintDialog
from gui.common.widgets import RecordsModel, TaskProgress, fit_columns, records_view, show_failure
from model.grading import a_service
from model.key_accounts import ka_rewards
from model.archive.database import Archive
from model.core.i18n import translate


class ServiceDialog(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("A-tier service"))
        self.setObjectName("a_service_dialog")
        self.senior = a_service.senior_leader()
        self.senior_label = QLabel()
        self.senior_label.setWordWrap(True)
        self.calls_model = RecordsModel(parent=self)
        self.calls_view = records_view(self.calls_model)
        self.rewards_model = RecordsModel(parent=self)
        self.rewards_view = records_view(self.rewards_model)
        self.top_model = RecordsModel(parent=self)
        self.top_view = records_view(self.top_model)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.valueChanged.connect(lambda *_: self.load())
        self.print_calls = QPushButton(self.tr("Print the &call list…"))
        self.print_calls.clicked.connect(self._print_calls)
        self.print_rewards = QPushButton(self.tr("Print &rewards and top ten…"))
        self.print_rewards.clicked.connect(self._print_rewards)
        calls_page = QWidget()
        calls_layout = QVBoxLayout(calls_page)
        calls_layout.addWidget(self.senior_label)
        calls_layout.addWidget(self.calls_view, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.print_calls)
        calls_layout.addLayout(row)
        rewards_page = QWidget()
        rewards_layout = QVBoxLayout(rewards_page)
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("&Year:"))
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        year_row.addWidget(self.print_rewards)
        rewards_layout.addLayout(year_row)
        rewards_layout.addWidget(QLabel(a_service.reward_rules().ranking_title()))
        rewards_layout.addWidget(self.top_view, 1)
        rewards_layout.addWidget(QLabel(self.tr("Volume rewards of the A-tier customers")))
        rewards_layout.addWidget(self.rewards_view, 2)
        self.tabs = QTabWidget()
        self.tabs.addTab(calls_page, self.tr("Senior leader's calls"))
        self.tabs.addTab(rewards_page, self.tr("Rewards and top ten"))
        self.progress = TaskProgress(self)
        self.progress.hide()
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(900, 560)
        self.load()

    def load(self) -> None:
        archive, year, start = self.archive, self.year.value(), date.today()

        def work(progress):
            conn = archive.reader()
            try:
                calls = a_service.senior_calls(conn, start, start + timedelta(days=29))
                return calls, a_service.reward_standings(conn, year), a_service.top_ten(conn, year)
            finally:
                conn.close()
        if self.progress.running():
            self.progress.cancel()
        self.error.hide()
        self.progress.start(work, self.tr("Finding the A-tier customers…"), on_success=self._loaded,
                            on_failure=lambda exc: show_failure(self.error, exc), on_cancel=self.progress.hide)

    def _loaded(self, result) -> None:
        self.progress.hide()
        calls, lines, top = result
        if self.senior:
            self.senior_label.setText(self.tr("{name} phones the head of each A-tier customer once a month "
                                              "(seed 002: 副总级领导每月电话沟通). Due in the next 30 days: {count}.")
                                      .format(name=self.senior, count=len(calls)))
        else:
            self.senior_label.setText(self.tr("No senior leader is named: name one in Preferences (or in the "
                                              "branch pack) to plan the monthly calls."))
        self.print_calls.setEnabled(bool(self.senior))
        self.calls_model.set_rows(
            [self.tr("Due"), self.tr("Customer"), self.tr("Phone"), self.tr("Why")],
            [[c.due_date.isoformat() if c.due_date else "", c.name, c.phone or "", c.reason] for c in calls])
        tiers = a_service.reward_rules()
        unit = tiers.unit()
        volume = self.tr("Volume ({unit})").format(unit=unit)
        self.top_model.set_rows([self.tr("Rank"), self.tr("Customer"), self.tr("Manager"), volume],
                                [[line.rank, line.name, line.manager or "", ka_rewards.number_text(line.volume)]
                                 for line in top])
        self.rewards_model.set_rows(
            [self.tr("Rank"), self.tr("Customer"), volume, self.tr("Tier reached and what is missing")],
            [[line.rank, line.name, ka_rewards.number_text(line.volume), line.standing.text(tiers)]
             for line in lines])
        for view in (self.calls_view, self.top_view, self.rewards_view):
            fit_columns(view, 360)

    def _print_calls(self) -> None:
        print_senior_calls(self, self.archive, self.senior)

    def _print_rewards(self) -> None:
        RewardsPrintDialog.run(self, self.archive, self.year.value())

    def reject(self) -> None:
        self.progress.forget()
        super().reject()

    @classmethod
    def show_for(cls, parent: QWidget | None, archive: Archive) -> None:
        dialog = cls(parent, archive)
        try:
            dialog.exec()
        finally:
            dialog.progress.wait()
            dialog.deleteLater()


def print_senior_calls(parent: QWidget | None, archive: Archive, senior: str) -> Path | None:
    """The senior leader's call list: the due list of the coming 30 days for the senior
    (the due-list dialog with the senior as its manager). The PDF written, or None."""
    return DueListDialog.run_dialog(senior_calls_dialog(parent, archive, senior))


def senior_calls_dialog(parent: QWidget | None, archive: Archive, senior: str) -> DueListDialog:
    start = date.today()
    dialog = DueListDialog(parent, archive, start, start + timedelta(days=29), senior)
    dialog.setWindowTitle(translate("AService", "Print the senior leader's calls"))
    return dialog


class RewardsPrintDialog(PrintDialog):
    """The year's top ten and the A-tier volume rewards (``reports.a_rewards``)."""

    def __init__(self, parent: QWidget | None, archive: Archive, year: int):
        super().__init__(parent, branch_name(archive.conn),
                         translate("AService", "a-tier-rewards-{year}").format(year=year) + ".pdf")
        self.archive = self.audit_archive = archive
        self.year = year
        self.full_phone.hide()          # the sheet has no phone numbers
        self.setWindowTitle(self.tr("Print the rewards and top ten"))
        self.form.addRow(QLabel(self.tr("Year {year}").format(year=year)))

    def job(self, path: Path, branch: str | None, full_phone: bool):
        from reports.a_rewards import rewards_pdf
        archive, year, printed = self.archive, self.year, self.printed

        def work(progress) -> Path:
            conn = archive.reader()
            try:
                lines, top = a_service.reward_standings(conn, year), a_service.top_ten(conn, year)
            finally:
                conn.close()
            printed.update(what=translate("Audit", "A-tier rewards {year}").format(year=year), count=len(lines))
            return rewards_pdf(year, top, lines, path, branch=branch)
        return work
