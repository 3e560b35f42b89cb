"""Branch rules: which branch pack is in force, export it, import another (View → Branch rules…).

``BranchRulesDialog.ask(parent)`` shows the dialog; ``import_pack_file(parent, path)``
applies a pack and says what happened (the first-run dialog uses it too).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPushButton, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from model.branch import branch_pack
from model.core import settings
from model.core.i18n import translate


def _pack_filter() -> str:
    return translate("BranchRules", "Branch packs (*.zip);;All files (*)")


def describe(info: branch_pack.PackInfo | None) -> str:
    if info is None:
        return translate("BranchRules", "The rules shipped with Kehu (no branch pack applied)")
    text = translate("BranchRules", "{name}, version {version}").format(name=info.name, version=info.version)
    if info.created:
        text += translate("BranchRules", " (made {date})").format(date=info.created)
    return text


def ask_pack_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, translate("BranchRules", "Import branch pack"),
                                          settings.get(settings.FILE_FOLDER), _pack_filter())
    return Path(name) if name else None


def import_pack_file(parent: QWidget, path: Path, archive=None) -> branch_pack.PackInfo | None:
    """Apply the pack at ``path``; a message box lists the problems if it cannot be used.
    The import is recorded in the audit trail of ``archive`` (the open one), if given."""
    try:
        info = branch_pack.import_pack(path)
    except branch_pack.BranchPackError as exc:
        box = QMessageBox(QMessageBox.Icon.Warning, translate("BranchRules", "Branch pack not applied"),
                          translate("BranchRules", "The branch pack was not applied; the rules in force "
                                    "are unchanged. Ask your branch for a corrected pack."), parent=parent)
        box.setDetailedText("\n".join(exc.problems))
        box.setInformativeText("\n".join(exc.problems[:5]))
        box.exec()
        return None
    settings.put(settings.FILE_FOLDER, str(path.parent))
    if archive is not None:
        from model.archive import audit
        write(parent, lambda conn: audit.record_branch_pack(conn, path, info.name, info.version),
              Changes.of(Changes.RULES), archive=archive)
    return info


class BranchRulesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, archive=None):
        super().__init__(parent)
        self.archive = archive
        self.setWindowTitle(self.tr("Branch rules"))
        self.current = QLabel()
        self.current.setWordWrap(True)
        intro = QLabel(self.tr("A branch pack holds the branch's name, address and logo for printouts and "
                               "every rules file: dimensions, personas, grading thresholds, cadences, "
                               "planning and holidays. The rules apply to every archive on this computer."))
        intro.setWordWrap(True)

        self.name = QLineEdit()
        self.address = QLineEdit()
        self.version = QLineEdit()
        self.logo = QLineEdit()
        self.logo.setPlaceholderText(self.tr("No logo"))
        choose_logo = QPushButton(self.tr("Choose…"))
        choose_logo.clicked.connect(self._choose_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(choose_logo)
        form = QFormLayout()
        form.addRow(self.tr("Branch &name:"), self.name)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("Pack &version:"), self.version)
        form.addRow(self.tr("&Logo (PNG):"), logo_row)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.error.hide()
        self.export_button = QPushButton(self.tr("&Export pack…"))
        self.export_button.clicked.connect(self.export_pack)
        self.import_button = QPushButton(self.tr("&Import pack…"))
        self.import_button.clicked.connect(self.import_pack)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.current)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 40)
        self._show_current()

    def _show_current(self) -> None:
        info = branch_pack.applied_pack()
        self.current.setText(self.tr("In force: {pack}").format(pack=describe(info)))
        self.name.setText(info.name if info else settings.get(settings.BRANCH_NAME))
        self.address.setText(info.address if info else "")
        self.version.setText(info.version if info else "1")

    def _choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Logo"), settings.get(settings.FILE_FOLDER),
                                              self.tr("PNG images (*.png)"))
        if name:
            self.logo.setText(name)

    def export_pack(self, path: Path | None = None) -> branch_pack.PackInfo | None:
        if not path:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export branch pack"),
                str(Path(settings.get(settings.FILE_FOLDER)) / self.tr("branch-pack.zip")), _pack_filter())
            if not name:
                return None
            path = Path(name)
        logo = self.logo.text().strip()
        try:
            info = branch_pack.export_pack(path, name=self.name.text(), address=self.address.text(),
                                           version=self.version.text(), logo=Path(logo) if logo else None)
        except branch_pack.BranchPackError as exc:
            self.error.setText("\n".join(exc.problems))
            self.error.show()
            return None
        self.error.hide()
        settings.put(settings.FILE_FOLDER, str(path.parent))
        self.current.setText(self.current.text() + "\n"
                             + self.tr("Exported {pack} to {file}.").format(pack=describe(info), file=path))
        return info

    def import_pack(self, path: Path | None = None) -> branch_pack.PackInfo | None:
        path = path or ask_pack_file(self)
        if not path:
            return None
        info = import_pack_file(self, path, self.archive)
        if info is not None:
            self._show_current()
            self.current.setText(self.current.text() + "\n"
                                 + self.tr("Grade and plan again to apply the new rules to your customers."))
        return info

    @classmethod
    def ask(cls, parent: QWidget | None = None, archive=None) -> None:
        """Show the dialog; a pack imported while ``archive`` is open is recorded in its audit trail."""
        cls(parent, archive).exec()
