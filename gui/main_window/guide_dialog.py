"""Help → Guide: the working loop in a few pages, in the user's language, with screenshots.

The texts are ``resources/guide/<language>/guide.html`` (written in each language, not
through the .ts: a guide reads better written than translated sentence by sentence);
the pictures beside them are made by ``tools/screenshots.py``, so they show the
program as it is. A language without a guide falls back to English.
"""
from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from model.core import language
from model.core.resources import resource_path


def guide_folder(lang: str | None = None):
    lang = lang or language.installed_language()
    folder = resource_path("guide", lang)
    return folder if (folder / "guide.html").is_file() else resource_path("guide", "en")


class GuideDialog(QDialog):
    """The guide in a browser that follows its own links; not modal, so it can stay open."""

    def __init__(self, parent: QWidget | None = None, lang: str | None = None):
        super().__init__(parent)
        self.setObjectName("guide_dialog")
        self.setWindowTitle(self.tr("Guide"))
        folder = guide_folder(lang)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guide_text")
        self.browser.setOpenExternalLinks(False)
        self.browser.setSearchPaths([str(folder)])
        self.browser.setSource(QUrl.fromLocalFile(str(folder / "guide.html")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(em * 82, self.fontMetrics().height() * 40)   # the pictures are 720 pixels wide

    @classmethod
    def show_guide(cls, parent: QWidget | None) -> "GuideDialog":
        dialog = cls(parent)
        dialog.show()
        return dialog
