"""The partner page's two imports, each on the archive's writer thread with progress and
cancel (``gui.common.operations.run_write``), all or nothing like every import:

- outlets: when rows are rejected nothing is written, and the user may then import the
  good rows (the file is read again, ``partial``); the page's note tells the result;
- targets and actuals per period: rejected rows leave everything as it was, and say so.

The texts keep the context of the page (``PartnerView``) they were written in.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.common.operations import Changes, run_write
from model.core import settings
from model.core.i18n import translate
from model.customers import importing
from model.partners import partner_outlets, partners


def choose_table(parent: QWidget, title: str) -> Path | None:
    """A CSV / Excel file chosen by the user (None when cancelled)."""
    folder = settings.get(settings.FILE_FOLDER) or str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(parent, title, folder, translate(
        "PartnerView", "Tables (*.csv *.xlsx *.txt);;All files (*)"))
    return Path(chosen) if chosen else None


def import_outlets(view, partner_id: int, path: Path, done: Callable[[importing.ImportResult], None]) -> None:
    """Import the partner's outlets from ``path``; ``done(result)`` with the last result
    (not called when the user cancelled the import)."""
    by = settings.user_name()

    def start(partial: bool) -> None:
        run_write(view, lambda conn, progress: partner_outlets.import_outlets(
                      conn, partner_id, path, by, partial=partial, progress=progress),
                  Changes.of(Changes.PARTNERS), archive=view.archive, title=translate("PartnerView", "Import outlets"),
                  cancellable=True, on_success=lambda result: finished(result, partial))

    def finished(result: importing.ImportResult, partial: bool) -> None:
        if not partial and result.rejected and result.imported and ask_partial(view, result):
            start(True)
            return
        done(result)
    start(False)


def ask_partial(view, result: importing.ImportResult) -> bool:
    """Rows were rejected, so nothing was imported: import the good rows?"""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("PartnerView", "Import outlets"),
                      translate("PartnerView", "{rejected} rows were rejected, so nothing was imported (all or "
                                               "nothing). The rows and their reasons are in {path}.").format(
                          rejected=result.rejected, path=result.rejects_path),
                      QMessageBox.StandardButton.Cancel, view)
    box.setInformativeText("\n".join(translate("PartnerView", "Row {row}: {reasons}").format(
        row=r.row_number, reasons="; ".join(r.reasons)) for r in result.rejects[:5]))
    partial = box.addButton(translate("PartnerView", "Import the {count} good rows").format(count=result.imported),
                            QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is partial


def import_report(result: importing.ImportResult) -> str:
    """The outlets note after an import."""
    if result.written:
        return translate("PartnerView", "Imported {imported} outlets; {duplicates} were already listed.").format(
            imported=result.imported, duplicates=result.duplicates)
    return translate("PartnerView", "Nothing was imported: {rejected} rows were rejected (see {path}).").format(
        rejected=result.rejected, path=result.rejects_path)


def import_targets(view, partner_id: int, path: Path, done: Callable[[importing.ImportResult], None]) -> None:
    """Import targets (and actuals) per period from ``path``; a file with rejected rows
    changes nothing and says so; then ``done(result)``."""
    def finished(result: importing.ImportResult) -> None:
        if not result.written:
            QMessageBox.warning(view, translate("PartnerView", "Import targets"), translate(
                "PartnerView", "Nothing was imported: {rejected} rows were rejected (see {path}).").format(
                rejected=result.rejected, path=result.rejects_path))
        done(result)
    run_write(view, lambda conn, progress: partners.import_targets(conn, partner_id, path, progress=progress),
              Changes.of(Changes.PARTNERS), archive=view.archive, title=translate("PartnerView", "Import targets"),
              cancellable=True, on_success=finished)
