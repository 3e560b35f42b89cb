"""Visit plans, the tracking log and the A-tier service, as main-window actions.

Each handler takes the main window (:class:`gui.main_window.main_window.MainWindow`);
:func:`specs` gives their entries of the window's action registry.
"""
from __future__ import annotations

from gui.common.actions import ARCHIVE, ActionSpec
from model.core.i18n import translate


def specs() -> list[ActionSpec]:
    """This feature's actions (texts translated when called)."""
    return [
        ActionSpec("plan_visits", translate("Actions", "New &visit plan…"), new_visit_plan, "customers",
                   "Ctrl+Shift+P", "visits", ARCHIVE, requires="gui.visits.plan_page", separator_before=True,
                   tip=translate("Actions", "Plan the visits due in the coming days: who, which day, in what "
                                            "order")),
        ActionSpec("tracking_log", translate("Actions", "Print &tracking log…"), print_tracking_log,
                   "customers", "Ctrl+Shift+L", "print", ARCHIVE, requires="gui.visits.plan_page",
                   tip=translate("Actions", "Print the tracking log (客户追踪志) of a day, week, half month "
                                            "or month")),
        ActionSpec("a_service", translate("Actions", "A-tier &service…"), show_a_service, "customers",
                   icon="grade", enabled_when=ARCHIVE, requires="gui.visits.a_service_dialog",
                   tip=translate("Actions", "The senior leader's monthly calls, the volume rewards and the "
                                            "year's top ten (十佳) of the A-tier customers")),
    ]


def new_visit_plan(window) -> None:
    page = window.show_area("visits")
    if page is not None:
        page.new_plan()


def print_tracking_log(window) -> None:
    page = window.show_area("visits")
    if page is not None:
        page.print_tracking_log()


def show_a_service(window) -> None:
    from gui.visits.a_service_dialog import ServiceDialog
    if window.archive is not None:
        ServiceDialog.show_for(window, window.archive)
