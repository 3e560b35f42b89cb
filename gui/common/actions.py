"""What a menu or toolbar action is (STYLE.md pattern 8): every gui/<feature>/actions.py
lists its actions as :class:`ActionSpec`; the main window's registry
(:mod:`gui.main_window.actions`) collects them and builds the QActions.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtGui import QAction, QKeySequence

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
    handler: str | Callable[[Any], Any]   # a MainWindow method's name, or a function of the window
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
