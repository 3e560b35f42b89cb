"""Printing from the window: the visit plan to carry, the tracking log
(客户追踪志) of an opportunity grade and the due list of a period, as PDFs (``reports``), each with a small result API:

    path = PlanPrintDialog.run(parent, plan, branch=...)             # the PDF written, or None
    path = TrackingLogDialog.run(parent, archive, manager=...)       # the PDF written, or None
    path = DueListDialog.run(parent, archive, start, end, manager)   # the PDF written, or None

The PDF is written in a worker (``gui.common.tasks``), then opened with the system's
PDF viewer; or *Preview…* writes it to a private temporary file and shows it in
the window (``gui.common.print_preview``), to save or print from there. The branch name
and "phone numbers in full" are remembered settings (``model.core.settings``), shared
by every printout.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from gui.common.forms import date_edit, error_label, from_qdate, manager_combo

from model.archive.page_header import branch_name
from gui.common.operations import Changes, run_write, write
from gui.common.widgets import TaskProgress, show_failure
from model.archive import audit, database
from model.visits import due, tracking_logs, visit_plan
from model.core import settings
from model.archive.database import Archive
from model.core.i18n import translate


def preview_available() -> bool:
    """Whether Qt's PDF view and printing are installed (a source install; not the bundle)."""
    import importlib.util
    try:
        return all(importlib.util.find_spec(f"PySide6.{name}") is not None
                   for name in ("QtPdf", "QtPdfWidgets", "QtPrintSupport"))
    except (ImportError, ValueError):
        return False


def open_file(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def reading(archive: Archive, read):
    """``read(conn)`` on a connection of the worker's own (a print job runs off the GUI thread)."""
    conn = archive.reader()
    try:
        return read(conn)
    finally:
        conn.close()


class PrintDialog(QDialog):
    """A printout's options (branch, phone numbers), where to write it, and the work."""

    def __init__(self, parent: QWidget | None, branch: str, file_name: str):
        super().__init__(parent)
        self.written: Path | None = None
        # A printout whose job writes in the archive (the report records its printing in the
        # same transaction as it reads) sets this: its job is then ``work(conn, progress)``
        # and runs on the archive's writer (gui.common.operations.run_write).
        self.writer_archive: Archive | None = None
        # Filled by the job as it writes: the archive, what was printed and how many
        # records, recorded in the audit trail once the PDF is there.
        self.audit_archive: Archive | None = None
        self.printed: dict = {}
        self._full_phone = False
        self.branch_edit = QLineEdit(branch, self)
        self.branch_edit.setPlaceholderText(translate("PrintDialogs", "e.g. 城东支行 (printed in the page header)"))
        self.full_phone = QCheckBox(translate("PrintDialogs", "Print phone numbers in &full (else 138****5678)"), self)
        self.full_phone.setChecked(bool(settings.get(settings.PRINT_FULL_PHONE)))
        folder = Path(settings.get(settings.FILE_FOLDER) or Path.home())
        self.path_edit = QLineEdit(str(folder / file_name), self)
        browse = QPushButton(translate("PrintDialogs", "&Browse…"), self)
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        path_row = QWidget(self)
        path_layout = QHBoxLayout(path_row)
        path_layout.setContentsMargins(0, 0, 0, 0)
        path_layout.addWidget(self.path_edit, 1)
        path_layout.addWidget(browse)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.progress = TaskProgress(self)
        self.progress.hide()
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.print_button = self.buttons.addButton(translate("PrintDialogs", "&Print to PDF"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button.setDefault(True)
        self.preview_button = self.buttons.addButton(translate("PrintDialogs", "Pre&view…"),
                                                     QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setToolTip(translate("PrintDialogs", "See the pages first, then save or print them"))
        self.preview_button.clicked.connect(self.preview)
        # The installers leave Qt's PDF viewer and printing out (the bundle's size cap):
        # there the printout is saved as a PDF only, without a preview.
        self.preview_button.setVisible(preview_available())
        self.printed_on: str | None = None       # the printer, when printed from the preview
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        options = QFormLayout()
        options.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        options.addRow(translate("PrintDialogs", "&Branch:"), self.branch_edit)
        options.labelForField(self.branch_edit).setBuddy(self.branch_edit)
        options.addRow("", self.full_phone)
        options.addRow(translate("PrintDialogs", "&Save as:"), path_row)
        options.labelForField(path_row).setBuddy(self.path_edit)
        layout.addLayout(options)
        layout.addWidget(self.progress)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 46)

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, translate("PrintDialogs", "Save the PDF as"),
                                                self.path_edit.text(),
                                                translate("PrintDialogs", "PDF files (*.pdf)"))
        if chosen:
            self.path_edit.setText(chosen)

    def target(self) -> Path:
        path = Path(self.path_edit.text().strip()).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def job(self, path: Path, branch: str | None, full_phone: bool):
        """The work that writes the PDF, with every choice read from the widgets now
        (it runs on a worker thread, which must not touch them)."""
        raise NotImplementedError   # each printout says what it writes

    def busy_text(self) -> str:
        return translate("PrintDialogs", "Writing the PDF…")

    def _ready(self) -> tuple[Path, str, bool] | None:
        """The target path, branch and phone choice, remembered; None (with the reason
        shown) when the place to save is not usable."""
        self.error.hide()
        if not self.path_edit.text().strip():
            self.error.setText(translate("PrintDialogs", "Choose where to save the PDF."))
            self.error.show()
            return None
        path = self.target()
        if not path.parent.is_dir():
            self.error.setText(translate("PrintDialogs", "The folder {folder} does not exist; choose another place.")
                               .format(folder=path.parent))
            self.error.show()
            return None
        branch = self.branch_edit.text().strip()
        full = self.full_phone.isChecked()
        settings.put(settings.BRANCH_NAME, branch)
        settings.put(settings.PRINT_FULL_PHONE, full)
        settings.put(settings.FILE_FOLDER, str(path.parent))
        self._full_phone = full
        self.printed = {}
        return path, branch, full

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy)
        self.preview_button.setEnabled(not busy)

    def start(self) -> None:
        ready = self._ready()
        if ready is None:
            return
        path, branch, full = ready
        self._busy(True)
        self._begin(self.job(path, branch or None, full), on_success=self._written)

    def preview(self) -> None:
        """Write the printout to a private temporary file and show it (gui.common.print_preview);
        from there it is saved where the dialog says, or printed."""
        import tempfile
        ready = self._ready()
        if ready is None:
            return
        path, branch, full = ready
        folder = Path(tempfile.mkdtemp(prefix="kehu-preview-"))
        self._busy(True)
        self._begin(self.job(folder / path.name, branch or None, full),
                    on_success=lambda temp: self._previewed(Path(temp), path))

    def _begin(self, work, on_success) -> None:
        if self.writer_archive is None:
            self.progress.start(work, self.busy_text(), on_success=on_success, on_failure=self._failed,
                                on_cancel=self._cancelled, cancellable=False)
            return
        archive = self.writer_archive
        self.progress.follow(
            lambda succeeded, failed, cancelled: run_write(
                self, work, Changes(), archive=archive, on_success=succeeded, on_failure=failed,
                on_cancel=cancelled, cancellable=False),      # an audit entry: no page shows it
            self.busy_text(), on_success=on_success, on_failure=self._failed, on_cancel=self._cancelled,
            cancellable=False)

    def _previewed(self, temp: Path, path: Path) -> None:
        import shutil
        from gui.common.print_preview import PrintPreview, print_pdf
        self.progress.hide()
        try:
            choice = PrintPreview.ask(self, temp, self.windowTitle())
            if choice == "save":
                shutil.copyfile(temp, path)
                self._written(path, open_after=False)
                return
            if choice == "print":
                printer = print_pdf(self, temp)
                if printer is not None:
                    if self.audit_archive is not None and self.printed.get("what"):
                        detail = {"printer": printer, **(self.printed.get("detail") or {})}
                        if self._full_phone:
                            detail["full_phone"] = True
                        what, count = self.printed["what"], self.printed.get("count")
                        write(self, lambda conn: audit.record(conn, "print", what, count, detail=detail),
                              Changes(), archive=self.audit_archive)
                    self.printed_on = printer
                    super().accept()
                    return
            self._busy(False)
        except (OSError, database.ArchiveError) as exc:
            self._failed(exc)
        finally:
            shutil.rmtree(temp.parent, ignore_errors=True)

    def _written(self, path: Path, open_after: bool = True) -> None:
        self.written = path
        if self.audit_archive is not None and self.printed.get("what"):
            what, count, full_phone = self.printed["what"], self.printed.get("count"), self._full_phone
            detail = self.printed.get("detail")
            write(self, lambda conn: audit.record_print(conn, what, path, count, full_phone=full_phone,
                                                        detail=detail),
                  Changes(), archive=self.audit_archive)     # an audit entry: no page shows it
        if open_after:
            open_file(path)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.progress.hide()
        show_failure(self.error, exc)

    def _cancelled(self) -> None:
        self._busy(False)
        self.progress.hide()

    def reject(self) -> None:
        self.progress.forget()
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, *args, **kw) -> Path | None:
        """Ask, print, open the PDF; the path written, or None when cancelled."""
        return cls.run_dialog(cls(parent, *args, **kw))

    @staticmethod
    def run_dialog(dialog: "PrintDialog") -> Path | None:
        """:meth:`run` for a dialog already made (e.g. with its title or choices set)."""
        try:
            dialog.exec()
            return dialog.written
        finally:
            dialog.progress.wait()
            dialog.deleteLater()


class PlanPrintDialog(PrintDialog):
    """Print a visit plan to carry (``reports.visit_plan``)."""

    def __init__(self, parent: QWidget | None, plan: visit_plan.Plan, branch: str,
                 archive: Archive | None = None):
        super().__init__(parent, branch, translate("PrintDialogs", "visit-plan-{date}")
                         .format(date=plan.start.isoformat()) + ".pdf")
        self.plan = plan
        self.audit_archive = archive
        self.setWindowTitle(self.tr("Print the visit plan"))
        days = sum(1 for d in plan.days if d.visits)
        summary = QLabel(self.tr("{title}: {count} visits on {days} days, {start} to {end}").format(
            title=plan.title or self.tr("Visit plan"), count=len(plan.planned()), days=days,
            start=plan.start.isoformat(), end=plan.end.isoformat()), self)
        summary.setWordWrap(True)
        self.form.addRow(summary)
        self.unplanned = QCheckBox(self.tr("List the &visits not planned ({count}), one line each, "
                                           "grouped by why").format(count=len(plan.unplanned)), self)
        self.unplanned.setChecked(bool(plan.unplanned))
        self.unplanned.setEnabled(bool(plan.unplanned))
        self.form.addRow("", self.unplanned)

    def job(self, path: Path, branch: str | None, full_phone: bool):
        from reports.visit_plan import visit_plan_pdf
        plan, unplanned, user = self.plan, self.unplanned.isChecked(), settings.user_name()
        self.printed = {"what": audit.visit_plan_what(plan.start, plan.end), "count": len(plan.planned()),
                        "detail": {"plan": plan.id}}
        return lambda progress: visit_plan_pdf(plan, path, branch=branch, show_full_phone=full_phone,
                                               include_unplanned=unplanned, manager=user)


def period_labels() -> dict[str, str]:
    return {"day": translate("PlanDialogs", "Day (追踪日志)"), "week": translate("PlanDialogs", "Week (周志)"),
            "half-month": translate("PlanDialogs", "Half month (半月志)"),
            "month": translate("PlanDialogs", "Month (月志)")}


def period_file_words() -> dict[str, str]:
    """The period in a file name (tracking-log-week-2026-11-23.pdf)."""
    return {"day": translate("PlanDialogs", "day"), "week": translate("PlanDialogs", "week"),
            "half-month": translate("PlanDialogs", "half-month"), "month": translate("PlanDialogs", "month")}


class TrackingLogDialog(PrintDialog):
    """Print the tracking log (客户追踪志) of one opportunity grade for its period
    (``model.visits.tracking_logs``): A daily, B weekly, C half-monthly, D monthly by default."""

    def __init__(self, parent: QWidget | None, archive: Archive, manager: str | None = None,
                 start: date | None = None, grade: str = "A"):
        base_name = translate("PrintDialogs", "tracking-log")
        super().__init__(parent, branch_name(archive.conn), base_name + ".pdf")
        self.base_name = base_name
        self.archive = self.audit_archive = archive
        self.setWindowTitle(self.tr("Print a tracking log"))
        self.grade = QComboBox(self)
        labels = period_labels()
        for key in tracking_logs.GRADES:
            self.grade.addItem(self.tr("Opportunity grade {grade}: {period}").format(
                grade=key, period=labels[tracking_logs.log_period(key)]), key)
        self.grade.setCurrentIndex(max(0, self.grade.findData(grade)))
        self.start_edit = date_edit(start or date.today(), self)
        self.manager = manager_combo(archive.conn, manager, self, self.tr("All managers"))
        self.range_label = QLabel(self)
        self.form.addRow(self.tr("&Log:"), self.grade)
        self.form.labelForField(self.grade).setBuddy(self.grade)
        self.form.addRow(self.tr("&First day:"), self.start_edit)
        self.form.labelForField(self.start_edit).setBuddy(self.start_edit)
        self.form.addRow("", self.range_label)
        self.form.addRow(self.tr("&Manager:"), self.manager)
        self.form.labelForField(self.manager).setBuddy(self.manager)
        self.grade.currentIndexChanged.connect(self._period_changed)
        self.start_edit.dateChanged.connect(self._period_changed)
        self._period_changed()
        self.grade.setFocus(Qt.FocusReason.OtherFocusReason)

    def kind(self) -> str:
        return tracking_logs.log_period(self.grade.currentData())

    def period_range(self) -> tuple[date, date]:
        return tracking_logs.period_range(self.kind(), from_qdate(self.start_edit.date()))

    def _period_changed(self) -> None:
        first, last = self.period_range()
        text = first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"
        self.range_label.setText(self.tr("Covers {range}").format(range=text))
        path = self.target()
        if path.name.startswith(self.base_name):
            name = translate("PrintDialogs", "tracking-log-{grade}-{period}-{date}").format(
                grade=self.grade.currentData(), period=period_file_words()[self.kind()], date=first.isoformat())
            self.path_edit.setText(str(path.with_name(name + ".pdf")))

    def busy_text(self) -> str:
        return self.tr("Finding the grade's customers and writing the log…")

    def job(self, path: Path, branch: str | None, full_phone: bool):
        from reports.tracking_log import tracking_log_pdf
        archive, grade, manager = self.archive, self.grade.currentData(), self.manager.currentData()
        user = settings.user_name()
        start = from_qdate(self.start_edit.date())
        printed = self.printed

        def work(progress) -> Path:
            log = reading(archive, lambda conn: tracking_logs.tracking_log(conn, grade, start, manager))
            printed.update(what=audit.tracking_log_what(log.start, log.end), count=len(log.entries),
                           detail={"period": log.kind, "grade": grade})
            return tracking_log_pdf(log, path, branch=branch, show_full_phone=full_phone, manager=user)
        return work


class DueListDialog(PrintDialog):
    """Print the due list of a period (``reports.due_list``): who is due for a visit or a call."""

    def __init__(self, parent: QWidget | None, archive: Archive, start: date, end: date,
                 manager: str | None = None):
        super().__init__(parent, branch_name(archive.conn),
                         translate("PrintDialogs", "due-list-{date}").format(date=start.isoformat()) + ".pdf")
        self.archive = self.audit_archive = archive
        self.first, self.last, self.manager_name = start, end, manager
        self.setWindowTitle(self.tr("Print the due list"))
        summary = QLabel(self.tr("Who is due from {start} to {end} ({manager})").format(
            start=start.isoformat(), end=end.isoformat(), manager=manager or self.tr("all managers")), self)
        summary.setWordWrap(True)
        self.form.addRow(summary)

    def job(self, path: Path, branch: str | None, full_phone: bool):
        from reports.due_list import due_list_pdf
        archive, start, end, manager = self.archive, self.first, self.last, self.manager_name
        user = settings.user_name()
        printed = self.printed

        def work(progress) -> Path:
            listed = reading(archive, lambda conn: due.due_list(conn, start, end, manager))
            printed.update(what=audit.due_list_what(start, end), count=len(listed.visits) + len(listed.calls))
            return due_list_pdf(listed, path, branch=branch, manager=manager or user, show_full_phone=full_phone)
        return work
