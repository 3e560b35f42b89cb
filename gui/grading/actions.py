"""Grading customers (the grading wizard), as a main-window action.

Each handler takes the main window (:class:`gui.main_window.main_window.MainWindow`);
:func:`specs` gives their entries of the window's action registry.
"""
from __future__ import annotations

from gui.common.operations import Changes
from gui.common.actions import ARCHIVE, ActionSpec
from model.core.i18n import translate


def specs() -> list[ActionSpec]:
    """This feature's actions (texts translated when called)."""
    return [
        ActionSpec("grade", translate("Actions", "&Grade customers…"), grade_customers, "customers",
                   "Ctrl+G", "grade", ARCHIVE, toolbar=True, requires="gui.grading.grading_wizard",
                   tip=translate("Actions", "Work out value tiers, RFM types and personas; set "
                                            "opportunity grades")),
    ]


def grade_customers(window) -> None:
    from gui.grading.grading_wizard import GradingWizard
    if window.archive is not None and GradingWizard.run(window, window.archive):
        window._after_customer_change(changes=Changes.of(Changes.CUSTOMERS, Changes.GRADES))
