"""The first start: language, the manager's name, the branch pack, then a new archive or the demo.

Shown by ``gui.main_window.app.run_window`` when no archive was ever opened and the dialog was
never answered (``settings.FIRST_RUN_DONE``); tests, benchmarks and the self-test
build the window themselves and never see it. A pack the installer carries
(``resources/branch-pack.zip``) is applied before the dialog opens.

``should_show(archive_given) -> bool``; ``FirstRunDialog.ask(parent) -> str | None``
(``NEW``, ``DEMO``, ``OPEN``; None when closed, and the dialog shows again next time);
``start(window, choice)`` does what was chosen.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout,
                               QWidget)

from gui.branch import branch_rules
from model.branch import branch_pack
from model.core import language, settings
from model.core.i18n import translate

NEW, DEMO, OPEN = "new", "demo", "open"
# The demo the dialog offers is the one `python main.py demo` and `bash dev.sh app` build
# (model.demo.demo.CUSTOMERS_PER_MANAGER; not imported here, to keep numpy out of the start-up).
DEMO_CUSTOMERS = 800


def should_show(archive_given: bool) -> bool:
    if archive_given or settings.get(settings.FIRST_RUN_DONE):
        return False
    return not settings.get(settings.LAST_ARCHIVE) and not settings.get(settings.RECENT_ARCHIVES)


def apply_installer_pack() -> branch_pack.PackInfo | None:
    """The installer's pack, applied once; a broken one is reported, not fatal."""
    try:
        return branch_pack.apply_bundled_pack()
    except branch_pack.BranchPackError as exc:
        print(exc, file=sys.stderr)
        return None


class FirstRunDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Kehu"))
        intro = QLabel(self.tr("A few choices before you start; each can be changed later under View."))
        intro.setWordWrap(True)

        self.language = QComboBox()
        self.language.addItem(self.tr("The system's language"), "")
        self.language.addItem("English", "en")
        self.language.addItem("简体中文", "zh_CN")
        self.language.setCurrentIndex(max(self.language.findData(settings.get(settings.LANGUAGE)), 0))
        self.user_name = QLineEdit(settings.get(settings.USER_NAME))
        self.user_name.setObjectName("first_run_name")
        self.user_name.setPlaceholderText(self.tr("e.g. 王芳: needed to start"))
        self.user_name.setToolTip(self.tr("Recorded as who made each change and logged each contact."))

        self.pack = QLabel()
        self.pack.setWordWrap(True)
        self.import_button = QPushButton(self.tr("&Import branch pack…"))
        self.import_button.clicked.connect(lambda: self.import_pack())
        pack_row = QHBoxLayout()
        pack_row.addWidget(self.pack, 1)
        pack_row.addWidget(self.import_button)

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("Your &name:"), self.user_name)
        form.addRow(self.tr("Branch rules:"), pack_row)

        start = QGroupBox(self.tr("Start with"))
        self.new = QRadioButton(self.tr("A &new, empty archive for my customers"))
        self.demo = QRadioButton(self.tr("The &demo archive ({count} made-up customers) to look around")
                                 .format(count=DEMO_CUSTOMERS))
        self.open = QRadioButton(self.tr("An &existing archive file"))
        self.new.setChecked(True)
        self.choices = QButtonGroup(self)
        start_layout = QVBoxLayout(start)
        for button, key in ((self.new, NEW), (self.demo, DEMO), (self.open, OPEN)):
            button.setProperty("choice", key)
            self.choices.addButton(button)
            start_layout.addWidget(button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.start_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Every change records who made it: no name, no start (never the login name in silence).
        self.user_name.textChanged.connect(
            lambda text: self.start_button.setEnabled(bool(text.strip())))
        self.start_button.setEnabled(bool(self.user_name.text().strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(start)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 38)
        self._show_pack()

    def _show_pack(self) -> None:
        info = branch_pack.applied_pack()
        self.pack.setText(branch_rules.describe(info))
        # A pack the installer carried is in force already: nothing to choose.
        self.import_button.setVisible(not (info is not None and branch_pack.bundled_pack() is not None))

    def import_pack(self, path: Path | None = None) -> branch_pack.PackInfo | None:
        path = path or branch_rules.ask_pack_file(self)
        if not path:
            return None
        info = branch_rules.import_pack_file(self, path)
        self._show_pack()
        return info

    def choice(self) -> str:
        return self.choices.checkedButton().property("choice")

    def save(self) -> None:
        chosen = self.language.currentData()
        settings.put(settings.LANGUAGE, chosen)
        settings.put(settings.USER_NAME, self.user_name.text().strip())
        settings.put(settings.FIRST_RUN_DONE, True)
        app = QCoreApplication.instance()
        if app is not None:                 # the window about to open speaks the chosen language
            language.install_translators(app, language.chosen_language())

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str | None:
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        dialog.save()
        return dialog.choice()


def demo_path() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents or Path.home())
    return folder / translate("FirstRun", "Kehu demo.kehu")


def start(window, choice: str | None):
    """Do what the first-run dialog chose, in the main window (already shown)."""
    if choice == NEW:
        window.new_archive()
    elif choice == OPEN:
        window.open_archive()
    elif choice == DEMO:
        path = demo_path()
        if path.exists():
            return window.open_archive(path)
        from gui.common.tasks import run_task
        from gui.common.widgets import show_error
        from model.demo.demo import build_demo, grade_demo, plan_demo_week
        path.parent.mkdir(parents=True, exist_ok=True)

        def work(progress):      # graded, as `python main.py demo` makes it: the due list needs the tiers
            counts = build_demo(path, customers=DEMO_CUSTOMERS, progress=progress)
            grade_demo(path)
            plan_demo_week(path)     # the week in hand: Today, the sheets and the plan have their data
            return counts

        return run_task(window, work,
                        on_success=lambda _counts: window.open_archive(path),
                        on_failure=lambda exc: show_error(window, exc),
                        title=translate("FirstRun", "Making the demo archive…"))
    return None


class NameDialog(QDialog):
    """Asked at start when no name is set (an archive was given, or the first start was
    answered before names were asked): who is recorded as making each change."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your name"))
        intro = QLabel(self.tr("Each change, contact and printout records who made it. Your name:"))
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setObjectName("ask_name")
        self.name.setPlaceholderText(self.tr("e.g. 王芳"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 30)

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> str | None:
        """The name given (and kept in the settings), or None when the user declined."""
        dialog = cls(parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.name.text().strip():
                return None
            name = dialog.name.text().strip()
            settings.put(settings.USER_NAME, name)
            return name
        finally:
            dialog.deleteLater()


def name_note() -> str:
    """What the status bar says while no name is set."""
    return translate("FirstRun", "Your name is not set: changes are recorded as '{login}'. Set it "
                     "under View → Preferences.").format(login=settings.user_name())
