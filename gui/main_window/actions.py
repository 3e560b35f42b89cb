"""Every menu and toolbar action of the main window, in one registry (STYLE.md pattern 8).

An :class:`~gui.common.actions.ActionSpec` names its text, shortcut, icon, its handler, when it is
enabled, and where it appears. The window's own actions (archive files, the session,
preferences, help) are listed here, their handlers being the window's methods; each
feature lists its own in ``gui/<feature>/actions.py`` (``specs()``, handlers that take
the window), and :func:`specs` collects them in the menus' order (:data:`ORDER`). An
action that needs a feature module (``requires``) exists only once that module is in
the program, so the window never shows an action that cannot work.
"""
from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from gui.common.actions import ALWAYS, ARCHIVE, ActionSpec
from gui.common.icons import icon
from model.core.i18n import translate

# The features whose gui/<feature>/actions.py adds actions, and the menus' order of all.
FEATURES = ("gui.archive.actions", "gui.customers.actions", "gui.marketing.actions", "gui.grading.actions",
            "gui.visits.actions", "gui.branch.actions")
ORDER = ("new_archive", "open_archive", "backup", "restore", "check", "change_passphrase", "encrypt", "decrypt",
         "audit_trail", "purge", "import", "export", "lock", "quit",
         "new_customer", "edit_customer", "log_contact", "add_to_circle", "grade", "plan_visits", "tracking_log",
         "a_service", "complaints", "satisfaction", "delete_customer", "deleted_customers", "find",
         "save_view", "delete_view", "columns", "preferences", "branch_rules",
         "guide", "about")


def specs() -> list[ActionSpec]:
    """The registry, in menu order (:data:`ORDER`, then any other). Texts are translated
    when this is called."""
    found = {spec.key: spec for spec in window_specs()}
    for name in FEATURES:
        if importlib.util.find_spec(name) is not None:
            found.update((spec.key, spec) for spec in importlib.import_module(name).specs())
    return [found.pop(key) for key in ORDER if key in found] + list(found.values())


def window_specs() -> list[ActionSpec]:
    """The window's own actions: archive files and the session, search, preferences, help."""
    return [
        # Archive
        ActionSpec("new_archive", translate("Actions", "&New archive…"), "new_archive", "archive",
                   "Ctrl+Shift+N", "archive-new",
                   tip=translate("Actions", "Create an empty archive file")),
        ActionSpec("open_archive", translate("Actions", "&Open archive…"), "open_archive", "archive",
                   QKeySequence.StandardKey.Open, "archive-open", toolbar=True,
                   tip=translate("Actions", "Open an archive file")),
        ActionSpec("backup", translate("Actions", "&Back up now"), "backup_now", "archive", "Ctrl+B",
                   "backup", ARCHIVE, toolbar=True, separator_before=True,
                   tip=translate("Actions", "Make a verified copy of the archive beside it")),
        ActionSpec("restore", translate("Actions", "&Restore from backup…"), "restore_backup", "archive",
                   icon="restore", tip=translate("Actions", "Put a backup in place of the archive")),
        ActionSpec("check", translate("Actions", "&Check archive"), "check_archive", "archive",
                   icon="check", enabled_when=ARCHIVE,
                   tip=translate("Actions", "Check the archive file for damage without changing it")),
        ActionSpec("change_passphrase", translate("Actions", "Change &passphrase…"), "change_passphrase",
                   "archive", enabled_when=ARCHIVE, separator_before=True,
                   tip=translate("Actions", "Give the encrypted archive and its backups a new passphrase")),
        ActionSpec("encrypt", translate("Actions", "Encr&ypt archive…"), "encrypt_archive", "archive",
                   enabled_when=ARCHIVE,
                   tip=translate("Actions", "Protect the archive and its backups with a passphrase")),
        ActionSpec("decrypt", translate("Actions", "Remove encr&yption…"), "decrypt_archive", "archive",
                   enabled_when=ARCHIVE,
                   tip=translate("Actions", "Store the archive unencrypted (not recommended)")),
        ActionSpec("lock", translate("Actions", "&Lock now"), "lock_now", "archive", "Ctrl+Shift+K",
                   "lock", ARCHIVE, separator_before=True, requires="gui.main_window.app_lock",
                   tip=translate("Actions", "Hide the customers and close the archive until you "
                                            "unlock it (also after the idle time in Preferences)")),
        ActionSpec("quit", translate("Actions", "&Quit"), "close", "archive",
                   QKeySequence.StandardKey.Quit, separator_before=True,
                   role=QAction.MenuRole.QuitRole),
        # Customers
        ActionSpec("find", translate("Actions", "&Find…"), "focus_search", "customers",
                   QKeySequence.StandardKey.Find, "search", ARCHIVE, separator_before=True,
                   requires="model.customers.search",
                   tip=translate("Actions", "Search by name, pinyin, phone digits or area")),
        # View
        ActionSpec("preferences", translate("Actions", "&Preferences…"), "show_preferences", "view",
                   "Ctrl+,", role=QAction.MenuRole.PreferencesRole, separator_before=True,
                   requires="gui.main_window.preferences",
                   tip=translate("Actions", "Language, your name, the branch on printouts")),
        # Help
        ActionSpec("guide", translate("Actions", "&Guide"), "show_guide", "help",
                   QKeySequence.StandardKey.HelpContents, requires="gui.main_window.guide_dialog",
                   tip=translate("Actions", "The working loop in a few pages, with pictures")),
        ActionSpec("about", translate("Actions", "&About Kehu"), "show_about", "help", icon="kehu",
                   role=QAction.MenuRole.AboutRole),
    ]


def available(spec: ActionSpec) -> bool:
    return spec.requires is None or importlib.util.find_spec(spec.requires) is not None


def build(owner: QWidget, handlers: object, list_widget: QWidget | None = None
          ) -> dict[str, tuple[ActionSpec, QAction]]:
    """QActions for every available spec, connected to ``handlers``' methods."""
    built: dict[str, tuple[ActionSpec, QAction]] = {}
    for spec in specs():
        if not available(spec):
            continue
        action = QAction(spec.text, owner)
        action.setObjectName(f"action_{spec.key}")
        if isinstance(spec.shortcut, tuple):
            action.setShortcuts([QKeySequence(k) for k in spec.shortcut])
        elif spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.icon:
            action.setIcon(icon(spec.icon))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(_tooltip(spec, action))
        action.setMenuRole(spec.role)
        if spec.list_shortcut and list_widget is not None:
            # Enter and Del belong to the list; elsewhere (the search field) they edit text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            list_widget.addAction(action)
        action.triggered.connect(lambda _checked=False, s=spec: run(s, handlers))
        built[spec.key] = (spec, action)
    return built


def run(spec: ActionSpec, window: object) -> Any:
    """Do what the action does, for ``window``."""
    if isinstance(spec.handler, str):
        return getattr(window, spec.handler)()
    return spec.handler(window)


def _tooltip(spec: ActionSpec, action: QAction) -> str:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{spec.tip} ({keys})" if keys else spec.tip


def update_enabled(actions: dict[str, tuple[ActionSpec, QAction]], facts: set[str]) -> None:
    for spec, action in actions.values():
        action.setEnabled(spec.enabled_when == ALWAYS or spec.enabled_when in facts)
