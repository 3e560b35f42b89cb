"""Showing evidence (photos and files stored in the archive, :mod:`model.partners.evidence`) in
the window, shared by the areas that attach it (store checks, checklist runs):

    thumb = EvidenceThumb(parent, size=72)
    thumb.show_file(path)            # a picture chosen but not saved yet; False if it is no picture
    thumb.show_evidence(conn, id)    # one stored in the archive
    thumb.clear()
    path = choose_photo(parent)      # a file dialog for pictures; None when cancelled
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QFrame, QLabel, QWidget

from model.partners import evidence
from model.core import settings
from model.core.i18n import translate


class EvidenceThumb(QLabel):
    """A small framed picture (or the file's name for a file that is no picture)."""

    def __init__(self, parent: QWidget | None = None, size: int = 72):
        super().__init__(parent)
        self.size_px = size
        self.setFixedSize(size, size)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.clear()

    def clear(self) -> None:
        super().clear()
        self.setToolTip("")

    def _show(self, pixmap: QPixmap, tip: str) -> bool:
        if pixmap.isNull():
            self.clear()
            return False
        self.setPixmap(pixmap.scaled(self.size_px - 4, self.size_px - 4, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation))
        self.setToolTip(tip)
        return True

    def show_file(self, path: Path | str) -> bool:
        pixmap = QPixmap(str(path))
        return self._show(pixmap, Path(path).name)

    def show_evidence(self, conn, evidence_id: int | None) -> bool:
        if evidence_id is None:
            self.clear()
            return False
        thumb = evidence.thumbnail_png(conn, evidence_id, self.size_px * 2)
        if thumb is None:
            item = evidence.load(conn, evidence_id)
            self.clear()
            self.setText(item.filename)
            self.setToolTip(item.filename)
            return True
        pixmap = QPixmap()
        pixmap.loadFromData(thumb, "PNG")
        return self._show(pixmap, evidence.load(conn, evidence_id).filename)


def choose_photo(parent: QWidget | None) -> Path | None:
    """Ask for a picture file (the folder last used is remembered)."""
    folder = settings.get(settings.FILE_FOLDER) or str(Path.home())
    chosen, _ = QFileDialog.getOpenFileName(
        parent, translate("EvidenceWidgets", "Attach a photo"), folder,
        translate("EvidenceWidgets", "Pictures (*.jpg *.jpeg *.png *.bmp *.gif *.webp *.tif *.tiff)"))
    if not chosen:
        return None
    settings.put(settings.FILE_FOLDER, str(Path(chosen).parent))
    return Path(chosen)
