"""The branch rules dialog, as a main-window action.

Each handler takes the main window (:class:`gui.main_window.main_window.MainWindow`);
:func:`specs` gives their entries of the window's action registry.
"""
from __future__ import annotations

from gui.common.actions import ActionSpec
from model.core.i18n import translate


def specs() -> list[ActionSpec]:
    """This feature's actions (texts translated when called)."""
    return [
        ActionSpec("branch_rules", translate("Actions", "&Branch rules…"), show_branch_rules, "view",
                   requires="gui.branch.branch_rules",
                   tip=translate("Actions", "The branch pack in force; export it or import another")),
    ]


def show_branch_rules(window) -> None:
    from gui.branch.branch_rules import BranchRulesDialog
    if window.archive is None:
        BranchRulesDialog.ask(window)
    else:   # a pack may be imported there: a restore point first, if it changed
        window._auto_backup("before-branch-pack", lambda: BranchRulesDialog.ask(window, window.archive))
