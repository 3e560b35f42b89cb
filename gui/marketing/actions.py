"""Adding the selected customers to a circle, as a main-window action.

Each handler takes the main window (:class:`gui.main_window.main_window.MainWindow`);
:func:`specs` gives their entries of the window's action registry.
"""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from gui.common import operations
from gui.common.operations import Changes
from gui.common.tasks import show_error
from gui.common.actions import CUSTOMERS, ActionSpec
from model.core import settings
from model.core.i18n import translate


def specs() -> list[ActionSpec]:
    """This feature's actions (texts translated when called)."""
    return [
        ActionSpec("add_to_circle", translate("Actions", "Add to c&ircle…"), add_to_circle, "customers",
                   icon="circles", enabled_when=CUSTOMERS, requires="gui.marketing.marketing_page",
                   tip=translate("Actions", "Add the selected customers to a circle (圈子), or start a new one "
                                            "with them")),
    ]


def add_to_circle(window) -> None:
    """The selected customers join a circle chosen from a list, or a new one."""
    from model.marketing import circles
    page = window.page()
    ids = page.selected_ids() if page else []
    if window.archive is None or not ids:
        return
    existing = circles.list_circles(window.archive.conn)
    new = translate("MainWindow", "A new circle…")
    choices = [new] + [c.name for c in existing]
    chosen, ok = QInputDialog.getItem(window, translate("MainWindow", "Add to circle"), translate(
        "MainWindow", "Add {count} customer(s) to:").format(count=len(ids)), choices, 0, False)
    if not ok:
        return
    marketing = window._make_page(next(a for a in window.areas if a.key == "marketing"))
    changes = Changes.of(Changes.CUSTOMERS, Changes.MARKETING, ids=ids)
    if chosen == new:
        if marketing.circles.new_circle(members=ids) is None:
            return
        window._after_customer_change(changes=changes)   # the circle dialog wrote it
    else:
        circle = existing[choices.index(chosen) - 1]
        try:
            operations.write(window, lambda conn: circles.add_members(conn, circle.id, ids, settings.user_name()),
                             changes, archive=window.archive)
        except Exception as exc:  # noqa: BLE001 - shown, nothing was written
            show_error(window, exc)
            return
    window.statusBar().showMessage(translate("MainWindow", "Added {count} customer(s) to the circle.").format(
        count=len(ids)), 5000)
