"""The print preview: a printout's PDF shown in the window (Qt PDF, ``QPdfView``) before
it is saved or sent to a printer. Small result API::

    choice = PrintPreview.ask(parent, pdf_path, title)   # "save", "print" or None

Printing renders each page of the PDF at the printer's resolution onto a
``QPrinter`` chosen in the system's print dialog (:func:`print_pdf`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from model.core.i18n import translate


class PrintPreview(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, title: str = ""):
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.choice: str | None = None
        self.setWindowTitle(translate("PrintPreview", "Preview: {title}").format(title=title) if title
                            else translate("PrintPreview", "Preview"))
        self.document = QPdfDocument(self)
        self.document.load(str(path))
        self.view = QPdfView(self)
        self.view.setObjectName("preview_pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages = QLabel(translate("PrintPreview", "Pages: {count}").format(count=self.document.pageCount()), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = buttons.addButton(translate("PrintPreview", "&Save as PDF"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = buttons.addButton(translate("PrintPreview", "&Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(lambda: self._choose("save"))
        self.print_button.clicked.connect(lambda: self._choose("print"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = (1000, 700) if screen is None else (min(1000, screen.width() - 60),
                                                            min(760, screen.height() - 80))
        self.resize(width, height)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()

    def page_count(self) -> int:
        return self.document.pageCount()

    @classmethod
    def ask(cls, parent: QWidget | None, path: Path, title: str = "") -> str | None:
        dialog = cls(parent, path, title)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.document.close()
            dialog.deleteLater()


def print_pdf(parent: QWidget | None, path: Path, printer: QPrinter | None = None) -> str | None:
    """Send the PDF's pages to a printer the user chooses; the printer's name, or None
    when the user cancelled. With ``printer`` given, print there without asking."""
    if printer is None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
    document = QPdfDocument()
    document.load(str(path))
    try:
        painter = QPainter()
        if not painter.begin(printer):
            from model.archive.database import ArchiveError
            raise ArchiveError(translate("PrintPreview", "The printer could not be started; check that it "
                                                         "is connected and try again."))
        try:
            for page in range(document.pageCount()):
                if page:
                    printer.newPage()
                target = printer.pageRect(QPrinter.Unit.DevicePixel).toRect()
                size = document.pagePointSize(page).toSize()
                size.scale(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                image = document.render(page, QSize(size.width(), size.height()))
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()
    finally:
        document.close()
    return printer.printerName() or printer.outputFileName() or translate("PrintPreview", "printer")
