"""Every menu and toolbar action of the main window, in one list (STYLE.md pattern 8).

An :class:`ActionSpec` names its text, shortcut, icon, the main-window method
that handles it, when it is enabled, and where it appears. An action that
needs a feature module (``requires``) exists only once that module is in the
program, so the window never shows an action that cannot work.
"""
from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QWidget

from model.core.i18n import translate
from model.core.resources import resource_path

# When an action is enabled: names of facts the main window reports (see MainWindow.state()).
ALWAYS = "always"
ARCHIVE = "archive"           # an archive is open
CUSTOMER = "customer"         # exactly one customer is selected
CUSTOMERS = "customers"       # one or more customers are selected
ONE_ROW = "one_row"           # exactly one row is selected (a deleted customer the search shows too)


@dataclass(frozen=True)
class ActionSpec:
    key: str
    text: str                         # translated; "&" marks the mnemonic
    handler: str                      # name of the MainWindow method it calls
    menu: str                         # "archive" / "customers" / "view" / "help"
    shortcut: str | QKeySequence.StandardKey | tuple[str, ...] | None = None
    icon: str | None = None           # resources/icons/<icon>.svg
    enabled_when: str = ALWAYS
    toolbar: bool = False
    tip: str = ""
    requires: str | None = None       # a module that must exist, e.g. "gui.customers.customer_editor"
    list_shortcut: bool = False       # the shortcut works only while the list has focus
    role: QAction.MenuRole = QAction.MenuRole.NoRole
    separator_before: bool = False


def specs() -> list[ActionSpec]:
    """The registry, in menu order. Texts are translated when this is called."""
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
        ActionSpec("audit_trail", translate("Actions", "&Audit trail…"), "show_audit_trail", "archive",
                   enabled_when=ARCHIVE, separator_before=True, requires="gui.archive.audit_dialog",
                   tip=translate("Actions", "Who exported, printed, backed up, restored, deleted or purged "
                                 "what, and when")),
        ActionSpec("purge", translate("Actions", "P&urge deleted customers…"), "purge_deleted", "archive",
                   enabled_when=ARCHIVE, requires="gui.archive.purge_dialog",
                   tip=translate("Actions", "Remove deleted customers for good, from the archive and its "
                                 "backups")),
        ActionSpec("import", translate("Actions", "&Import customers…"), "import_customers", "archive",
                   "Ctrl+I", "import", ARCHIVE, toolbar=True, separator_before=True,
                   requires="gui.customers.import_dialog",
                   tip=translate("Actions", "Read customers from a CSV or Excel file")),
        ActionSpec("export", translate("Actions", "&Export…"), "export_customers", "archive", "Ctrl+E",
                   "export", ARCHIVE, toolbar=True, requires="gui.customers.export_dialog",
                   tip=translate("Actions", "Write the customers shown, or all, to CSV or Excel")),
        ActionSpec("lock", translate("Actions", "&Lock now"), "lock_now", "archive", "Ctrl+Shift+K",
                   "lock", ARCHIVE, separator_before=True, requires="gui.main_window.app_lock",
                   tip=translate("Actions", "Hide the customers and close the archive until you "
                                            "unlock it (also after the idle time in Preferences)")),
        ActionSpec("quit", translate("Actions", "&Quit"), "close", "archive",
                   QKeySequence.StandardKey.Quit, separator_before=True,
                   role=QAction.MenuRole.QuitRole),
        # Customers
        ActionSpec("new_customer", translate("Actions", "&New customer…"), "new_customer", "customers",
                   QKeySequence.StandardKey.New, "customer-new", ARCHIVE, toolbar=True,
                   requires="gui.customers.customer_editor", tip=translate("Actions", "Add a customer")),
        ActionSpec("edit_customer", translate("Actions", "&Edit customer…"), "edit_customer",
                   "customers", ("Return", "Enter"), "customer-edit", ONE_ROW,
                   requires="gui.customers.customer_editor", list_shortcut=True,
                   tip=translate("Actions", "Open the selected customer (Enter or double-click)")),
        ActionSpec("log_contact", translate("Actions", "&Log a contact…"), "log_contact",
                   "customers", "Ctrl+L", "contact", CUSTOMER, toolbar=True, requires="gui.customers.contact_dialog",
                   tip=translate("Actions", "Record a visit, call or message with the selected customer")),
        ActionSpec("add_to_circle", translate("Actions", "Add to c&ircle…"), "add_to_circle", "customers",
                   icon="circles", enabled_when=CUSTOMERS, requires="gui.marketing.marketing_page",
                   tip=translate("Actions", "Add the selected customers to a circle (圈子), or start a new one "
                                            "with them")),
        ActionSpec("grade", translate("Actions", "&Grade customers…"), "grade_customers", "customers",
                   "Ctrl+G", "grade", ARCHIVE, toolbar=True, requires="gui.grading.grading_wizard",
                   tip=translate("Actions", "Work out value tiers, RFM types and personas; set "
                                            "opportunity grades")),
        ActionSpec("plan_visits", translate("Actions", "New &visit plan…"), "new_visit_plan", "customers",
                   "Ctrl+Shift+P", "visits", ARCHIVE, requires="gui.visits.plan_page", separator_before=True,
                   tip=translate("Actions", "Plan the visits due in the coming days: who, which day, in what "
                                            "order")),
        ActionSpec("tracking_log", translate("Actions", "Print &tracking log…"), "print_tracking_log",
                   "customers", "Ctrl+Shift+L", "print", ARCHIVE, requires="gui.visits.plan_page",
                   tip=translate("Actions", "Print the tracking log (客户追踪志) of a day, week, half month "
                                            "or month")),
        ActionSpec("a_service", translate("Actions", "A-tier &service…"), "show_a_service", "customers",
                   icon="grade", enabled_when=ARCHIVE, requires="gui.visits.a_service_dialog",
                   tip=translate("Actions", "The senior leader's monthly calls, the volume rewards and the "
                                            "year's top ten (十佳) of the A-tier customers")),
        ActionSpec("complaints", translate("Actions", "Open co&mplaints…"), "show_complaints", "customers",
                   enabled_when=ARCHIVE, requires="gui.customers.complaints",
                   tip=translate("Actions", "Every complaint not yet confirmed with the customer (抱怨处理): "
                                            "overdue ones, moving them on")),
        ActionSpec("satisfaction", translate("Actions", "Satisfaction by a&rea…"), "show_satisfaction",
                   "customers", enabled_when=ARCHIVE, requires="gui.customers.surveys",
                   tip=translate("Actions", "The satisfaction surveys (满意度调查) of the last months: the mean "
                                            "score per area and month, and its change")),
        ActionSpec("delete_customer", translate("Actions", "&Delete customer…"), "delete_customer",
                   "customers", QKeySequence.StandardKey.Delete, "customer-delete", CUSTOMERS,
                   list_shortcut=True, separator_before=True,
                   tip=translate("Actions", "Delete the selected customers (their history is kept)")),
        ActionSpec("deleted_customers", translate("Actions", "Deleted c&ustomers…"), "show_deleted",
                   "customers", enabled_when=ARCHIVE, requires="gui.customers.deleted_dialog",
                   tip=translate("Actions", "Find deleted customers and restore them, with their history")),
        ActionSpec("find", translate("Actions", "&Find…"), "focus_search", "customers",
                   QKeySequence.StandardKey.Find, "search", ARCHIVE, separator_before=True,
                   requires="model.customers.search",
                   tip=translate("Actions", "Search by name, pinyin, phone digits or area")),
        # View
        ActionSpec("save_view", translate("Actions", "&Save this view…"), "save_view", "view",
                   icon="view-save", enabled_when=ARCHIVE,
                   tip=translate("Actions", "Keep the current filters and sort as a named view")),
        ActionSpec("delete_view", translate("Actions", "&Delete this view"), "delete_view", "view",
                   enabled_when="user_view"),
        ActionSpec("columns", translate("Actions", "Choose &columns…"), "choose_columns", "view",
                   icon="columns", enabled_when=ARCHIVE, separator_before=True,
                   tip=translate("Actions", "Which columns the customer list shows, and their order")),
        ActionSpec("preferences", translate("Actions", "&Preferences…"), "show_preferences", "view",
                   "Ctrl+,", role=QAction.MenuRole.PreferencesRole, separator_before=True,
                   requires="gui.main_window.preferences",
                   tip=translate("Actions", "Language, your name, the branch on printouts")),
        ActionSpec("branch_rules", translate("Actions", "&Branch rules…"), "show_branch_rules", "view",
                   requires="gui.branch.branch_rules",
                   tip=translate("Actions", "The branch pack in force; export it or import another")),
        # Help
        ActionSpec("guide", translate("Actions", "&Guide"), "show_guide", "help",
                   QKeySequence.StandardKey.HelpContents, requires="gui.main_window.guide_dialog",
                   tip=translate("Actions", "The working loop in a few pages, with pictures")),
        ActionSpec("about", translate("Actions", "&About Kehu"), "show_about", "help", icon="kehu",
                   role=QAction.MenuRole.AboutRole),
    ]


def available(spec: ActionSpec) -> bool:
    return spec.requires is None or importlib.util.find_spec(spec.requires) is not None


def icon(name: str) -> QIcon:
    """An icon from resources/icons (SVG, so it is sharp at any scale)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))


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
        handler: Callable = getattr(handlers, spec.handler)
        action.triggered.connect(lambda _checked=False, h=handler: h())
        built[spec.key] = (spec, action)
    return built


def _tooltip(spec: ActionSpec, action: QAction) -> str:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    return f"{spec.tip} ({keys})" if keys else spec.tip


def update_enabled(actions: dict[str, tuple[ActionSpec, QAction]], facts: set[str]) -> None:
    for spec, action in actions.values():
        action.setEnabled(spec.enabled_when == ALWAYS or spec.enabled_when in facts)
