"""The import wizard: file → preview (and its header row) → column mapping → dry run → import.

A check that finds rejected rows never leads to an empty import: the user imports
the good rows (the rejects go to a file with their reasons) or fixes the file and
checks it again on the same page.

    result = ImportDialog.run(parent, archive)    # ImportResult, or None if nothing ran

The file is read once (in a worker) and the same table is previewed, checked
and imported (``importing.import_frame``), so what the user sees is what is
imported. The dry run runs in a worker thread on its own connection
(``archive.reader()``), the import through the write API (``run_write``, the
archive's writer connection); the import is one transaction, so Cancel
leaves the archive as it was. The user's choices for headers the program did
not recognise are remembered per kind of import (``settings.IMPORT_MAPPINGS``).

The pages are in ``import_pages`` (file, preview, mapping) and ``import_check``
(check, import).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
from PySide6.QtWidgets import QWidget, QWizard

from gui.common import screen_fit
from gui.common.operations import Changes, run_write
from gui.common.tasks import TaskHandle
from gui.customers.import_check import CheckPage, ImportPage
from gui.customers.import_pages import (FILE_FILTER, PREVIEW_ROWS, SHOWN_REJECTS, FilePage, MappingPage, PreviewPage,
                                        remember_mappings, remembered_mappings)
from model.archive.database import Archive
from model.core import settings
from model.customers import importing
from model.customers.importing import ImportResult

__all__ = ["ImportDialog", "FilePage", "PreviewPage", "MappingPage", "CheckPage", "ImportPage",
           "remembered_mappings", "remember_mappings", "PREVIEW_ROWS", "SHOWN_REJECTS", "FILE_FILTER"]


class ImportDialog(QWizard):
    FILE, PREVIEW, MAPPING, CHECK, IMPORT = range(5)

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.frame: pd.DataFrame | None = None
        self.source: tuple[Path, str] | None = None
        self.mapping: dict[str, str | None] = {}
        self.manager = settings.user_name()
        self.check: ImportResult | None = None
        self.outcome: ImportResult | None = None
        self.setWindowTitle(self.tr("Import customers or transactions"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.file_page = FilePage(self)
        self.preview_page = PreviewPage(self)
        self.mapping_page = MappingPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page_id, page in ((self.FILE, self.file_page), (self.PREVIEW, self.preview_page),
                              (self.MAPPING, self.mapping_page), (self.CHECK, self.check_page),
                              (self.IMPORT, self.import_page)):
            self.setPage(page_id, page)
        # Wide enough for the rejects' reasons on a 1366×768 laptop.
        room = screen_fit.available_area(self)
        self.resize(min(1200, room.width() - 40), min(700, room.height() - 40))

    def kind(self) -> str:
        return self.file_page.kind()

    def _import_op(self, *, dry_run: bool, partial: bool = True):
        """``op(conn, progress)``: the dry run or the import of the table already read, with
        the user's mapping and manager."""
        frame, kind, mapping = self.frame, self.kind(), dict(self.mapping)
        rejects_path = None if dry_run else importing.default_rejects_path(self.file_page.path())
        by = settings.user_name()
        manager = self.manager if kind == "customers" else None

        def op(conn, progress):
            return importing.import_frame(conn, frame, kind=kind, mapping=mapping,
                                          partial=partial, dry_run=dry_run,
                                          rejects_path=rejects_path, by=by,
                                          progress=progress, manager=manager)
        return op

    def check_work(self):
        """The dry run, for a worker thread: it only reads, on a connection of its own."""
        op, archive = self._import_op(dry_run=True), self.archive

        def work(progress):
            conn = archive.reader()
            try:
                return op(conn, progress)
            finally:
                conn.close()
        return work

    def begin_import(self, parent: QWidget, succeeded, failed, cancelled) -> TaskHandle:
        """Start the import through the write API (the archive's writer connection; the
        import is one transaction, so a cancel or a failure leaves the archive as it was)."""
        return run_write(parent, self._import_op(dry_run=False), Changes.of(Changes.CUSTOMERS),
                         archive=self.archive, on_success=succeeded, on_failure=failed, on_cancel=cancelled)

    def reject(self) -> None:
        """Cancel (Esc): during the import it cancels the import and stays to say so;
        otherwise any check still running is stopped before the window closes."""
        if self.import_page.running():
            self.import_page.cancel()
            return
        for page in (self.preview_page, self.check_page):
            page.progress.forget()
            page.progress.wait()
        super().reject()

    @classmethod
    def run(cls, parent: QWidget | None, archive: Archive) -> ImportResult | None:
        """Run the wizard; the import's result, or None if no import ran."""
        wizard = cls(parent, archive)
        try:
            wizard.exec()
            return wizard.outcome
        finally:
            wizard.deleteLater()
