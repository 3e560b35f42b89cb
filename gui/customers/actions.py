"""The customer actions of the main window (Customers, View and some of the Archive menu): the
record, contacts, deletion, import and export, the list's views and columns.

Each handler takes the main window (:class:`gui.main_window.main_window.MainWindow`);
:func:`specs` gives their entries of the window's action registry.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QInputDialog, QMessageBox

from gui.common import operations, undo
from gui.common.operations import Changes
from gui.common.tasks import show_error
from gui.common.undo import record_contact
from gui.common.actions import ARCHIVE, CUSTOMER, CUSTOMERS, ONE_ROW, ActionSpec
from model.core import settings
from model.core.i18n import translate
from model.customers import customers


def specs() -> list[ActionSpec]:
    """This feature's actions (texts translated when called)."""
    return [
        ActionSpec("import", translate("Actions", "&Import customers…"), import_customers, "archive",
                   "Ctrl+I", "import", ARCHIVE, toolbar=True, separator_before=True,
                   requires="gui.customers.import_dialog",
                   tip=translate("Actions", "Read customers from a CSV or Excel file")),
        ActionSpec("export", translate("Actions", "&Export…"), export_customers, "archive", "Ctrl+E",
                   "export", ARCHIVE, toolbar=True, requires="gui.customers.export_dialog",
                   tip=translate("Actions", "Write the customers shown, or all, to CSV or Excel")),
        ActionSpec("new_customer", translate("Actions", "&New customer…"), new_customer, "customers",
                   QKeySequence.StandardKey.New, "customer-new", ARCHIVE, toolbar=True,
                   requires="gui.customers.customer_editor", tip=translate("Actions", "Add a customer")),
        ActionSpec("edit_customer", translate("Actions", "&Edit customer…"), edit_customer,
                   "customers", ("Return", "Enter"), "customer-edit", ONE_ROW,
                   requires="gui.customers.customer_editor", list_shortcut=True,
                   tip=translate("Actions", "Open the selected customer (Enter or double-click)")),
        ActionSpec("log_contact", translate("Actions", "&Log a contact…"), log_contact,
                   "customers", "Ctrl+L", "contact", CUSTOMER, toolbar=True, requires="gui.customers.contact_dialog",
                   tip=translate("Actions", "Record a visit, call or message with the selected customer")),
        ActionSpec("complaints", translate("Actions", "Open co&mplaints…"), show_complaints, "customers",
                   enabled_when=ARCHIVE, requires="gui.customers.complaints",
                   tip=translate("Actions", "Every complaint not yet confirmed with the customer (抱怨处理): "
                                            "overdue ones, moving them on")),
        ActionSpec("satisfaction", translate("Actions", "Satisfaction by a&rea…"), show_satisfaction,
                   "customers", enabled_when=ARCHIVE, requires="gui.customers.surveys",
                   tip=translate("Actions", "The satisfaction surveys (满意度调查) of the last months: the mean "
                                            "score per area and month, and its change")),
        ActionSpec("delete_customer", translate("Actions", "&Delete customer…"), delete_customer,
                   "customers", QKeySequence.StandardKey.Delete, "customer-delete", CUSTOMERS,
                   list_shortcut=True, separator_before=True,
                   tip=translate("Actions", "Delete the selected customers (their history is kept)")),
        ActionSpec("deleted_customers", translate("Actions", "Deleted c&ustomers…"), show_deleted,
                   "customers", enabled_when=ARCHIVE, requires="gui.customers.deleted_dialog",
                   tip=translate("Actions", "Find deleted customers and restore them, with their history")),
        ActionSpec("save_view", translate("Actions", "&Save this view…"), save_view, "view",
                   icon="view-save", enabled_when=ARCHIVE,
                   tip=translate("Actions", "Keep the current filters and sort as a named view")),
        ActionSpec("delete_view", translate("Actions", "&Delete this view"), delete_view, "view",
                   enabled_when="user_view"),
        ActionSpec("columns", translate("Actions", "Choose &columns…"), choose_columns, "view",
                   icon="columns", enabled_when=ARCHIVE, separator_before=True,
                   tip=translate("Actions", "Which columns the customer list shows, and their order")),
    ]


def import_customers(window) -> None:
    if window.archive is not None:   # a restore point first, if it changed since its last backup
        window._auto_backup("before-import", lambda: _import_customers(window))


def _import_customers(window) -> None:
    from gui.customers.import_dialog import ImportDialog
    if window.archive is None:
        return
    if ImportDialog.run(window, window.archive) is not None:
        window._after_customer_change()
        window._prepare_search()     # many new names: index them in the background


def export_customers(window) -> None:
    from gui.customers.export_dialog import ExportDialog
    page = window.page()
    if window.archive is None or page is None:
        return
    written = ExportDialog.run(window, window.archive, page.model.view_ids())
    if written is not None:
        window.statusBar().showMessage(translate("MainWindow", "Exported to {path}").format(path=written), 8000)


def new_customer(window) -> None:
    from gui.customers.customer_editor import CustomerEditor
    if window.archive is None:
        return
    saved, created = CustomerEditor.add(window, window.archive)
    if saved:
        window._after_customer_change(created)


def edit_customer(window, customer_id: int | None = None) -> None:
    """Open the customer (default: the selected one) in the editor."""
    from gui.customers.customer_editor import CustomerEditor
    page = window.page()
    if customer_id is None and page is not None:
        customer_id = page.row_id()     # a deleted one the search shows opens to restore
    if window.archive is None or customer_id is None:
        return
    if CustomerEditor.edit(window, window.archive, customer_id):
        window._after_customer_change(customer_id)


def log_contact(window) -> None:
    from gui.customers.contact_dialog import ContactDialog
    page = window.page()
    customer_id = page.current_id() if page else None
    if window.archive is None or customer_id is None:
        return
    contact_id = ContactDialog.ask(window, window.archive, customer_id)
    if contact_id is not None:
        record_contact(window, window.archive, contact_id, lambda: _select(window, customer_id))
        window._after_customer_change(customer_id, Changes.of(Changes.CUSTOMERS, Changes.CONTACTS,
                                                              ids=[customer_id]))
        window.statusBar().showMessage(translate("MainWindow", "Contact logged."), 5000)


def show_complaints(window) -> None:
    from gui.customers.complaints import ComplaintsDialog
    if window.archive is not None:
        ComplaintsDialog.show_for(window, window.archive)


def show_satisfaction(window) -> None:
    from gui.customers.surveys import AreaSatisfactionDialog
    if window.archive is not None:
        AreaSatisfactionDialog.show_for(window, window.archive)


def _select(window, customer_id: int) -> None:
    """After an undo or redo (whose notice refreshed the list): select that customer."""
    page = window.page()
    if page is not None:
        page.select_customer(customer_id)


def delete_customer(window) -> None:
    page = window.page()
    ids = page.selected_ids() if page else []
    if window.archive is None or not ids:
        return
    if len(ids) == 1:
        name = customers.get(window.archive.conn, ids[0])["name"]
        question = translate("MainWindow", "Delete the customer {name}?").format(name=name)
    else:
        question = translate("MainWindow", "Delete {count} customers?").format(
            count=QLocale().toString(len(ids)))
    box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Delete customer"), question,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                      window)
    box.setInformativeText(translate("MainWindow", "They leave the list; their records and change history "
                                                   "are kept in the archive."))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if box.exec() != QMessageBox.StandardButton.Yes:
        return
    changes = Changes.of(Changes.CUSTOMERS, ids=ids)
    try:
        operations.write(window, lambda conn: customers.delete_many(conn, ids, settings.user_name()), changes,
                         archive=window.archive)
    except Exception as exc:  # noqa: BLE001 - shown, nothing was written
        show_error(window, exc)
        return
    undo.record(window, translate("MainWindow", "Delete {count} customer(s)").format(count=len(ids)),
                lambda conn: customers.delete_many(conn, ids, settings.user_name()),
                lambda conn: [customers.undelete(conn, i, settings.user_name()) for i in ids],
                changes=changes, archive=window.archive)
    window.statusBar().showMessage(translate("MainWindow", "Deleted {count} customer(s).").format(
        count=len(ids)), 5000)


def show_deleted(window) -> None:
    from gui.customers.deleted_dialog import DeletedDialog
    if window.archive is None:
        return
    restored = DeletedDialog.run(window, window.archive)
    if restored:
        window._after_customer_change(restored[-1])
        window._update_status()


def save_view(window) -> None:
    page = window.page()
    if page is None:
        return
    name, ok = QInputDialog.getText(window, translate("MainWindow", "Save view"),
                                    translate("MainWindow", "Name of the view (the filters and the sort "
                                                            "are kept):"))
    name = name.strip()
    if ok and name:
        page.save_view(name)
        window._update_actions()


def delete_view(window) -> None:
    page = window.page()
    if page is not None:
        page.delete_view()
        window._update_actions()


def choose_columns(window) -> None:
    page = window.page()
    if page is not None:
        page.choose_columns()
