"""The program's areas in the main window's navigation: one :class:`AreaSpec` each."""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Callable

from PySide6.QtWidgets import QWidget

from gui.customers.customer_page import CustomerPage
from model.archive.database import Archive
from model.core.i18n import translate


@dataclass(frozen=True)
class AreaSpec:
    """One of the program's areas in the navigation.

    The page is made the first time the area is shown. ``offers`` names what the page
    offers the window (the window connects exactly these): the signals
    ``customers_requested(CustomerFilter)`` (show those customers in the list),
    ``grade_requested()``, ``customer_requested(int)`` (open that customer),
    ``area_requested(str)`` (show that area), and ``busy`` (``busy() -> bool``: its
    background work still runs). A page refreshes itself from the archive's change
    notices (``gui.common.operations.changes_of(archive).changed``), and tells the others
    what it changed through a notice.
    """
    key: str
    title: Callable[[], str]                          # translated when called
    icon: str
    module: str | None                                # the area exists once this module does
    factory: Callable[[Archive, str, QWidget], QWidget]   # (archive, language, parent)
    offers: frozenset[str] = frozenset()

    SIGNALS = ("customers_requested", "grade_requested", "customer_requested", "area_requested")

    def available(self) -> bool:
        return self.module is None or importlib.util.find_spec(self.module) is not None


def _dashboard(archive: Archive, language: str, parent: QWidget) -> QWidget:
    from gui.grading.dashboard import DashboardPage
    return DashboardPage(archive, language, parent)


def _today(archive: Archive, language: str, parent: QWidget) -> QWidget:
    from gui.visits.today_page import TodayPage
    return TodayPage(archive, language, parent)


def _visits(archive: Archive, language: str, parent: QWidget) -> QWidget:
    from gui.visits.plan_page import PlanPage
    return PlanPage(archive, language, parent)


def _marketing(archive: Archive, language: str, parent: QWidget) -> QWidget:
    from gui.marketing.marketing_page import MarketingPage
    return MarketingPage(archive, language, parent)


AREAS: list[AreaSpec] = [
    AreaSpec("today", lambda: translate("MainWindow", "Today"), "visits", "gui.visits.today_page", _today,
             frozenset({"customer_requested", "area_requested", "busy"})),
    AreaSpec("customers", lambda: translate("MainWindow", "Customers"), "customers", None,
             lambda archive, language, parent: CustomerPage(archive, language, parent), frozenset({"busy"})),
    AreaSpec("visits", lambda: translate("MainWindow", "Visits"), "visits", "gui.visits.plan_page",
             _visits, frozenset({"busy"})),
    AreaSpec("marketing", lambda: translate("MainWindow", "Circles & activities"), "circles",
             "gui.marketing.marketing_page", _marketing),
    AreaSpec("partners", lambda: translate("MainWindow", "Partners"), "partners", "gui.partners.partners_page",
             lambda a, lang, p: importlib.import_module("gui.partners.partners_page").PartnersPage(a, lang, p)),
    AreaSpec("key_accounts", lambda: translate("MainWindow", "Key accounts"), "key-accounts",
             "gui.key_accounts.key_accounts_page",
             lambda a, lang, p: importlib.import_module("gui.key_accounts.key_accounts_page").KeyAccountsPage(
                 a, lang, p)),
    AreaSpec("dashboard", lambda: translate("MainWindow", "Dashboard"), "dashboard",
             "gui.grading.dashboard", _dashboard, frozenset({"customers_requested", "grade_requested", "busy"})),
    AreaSpec("managers", lambda: translate("MainWindow", "Managers"), "customers", "gui.customers.managers_page",
             lambda a, lang, p: importlib.import_module("gui.customers.managers_page").ManagersPage(a, lang, p),
             frozenset({"busy"})),
]

# Loaded in a worker after the list is shown (each imports pandas or more), so that
# the grade columns appear and the other areas open without a pause.
DEFERRED_MODULES = ("gui.grading.grade_columns", "gui.grading.dashboard", "gui.visits.plan_page",
                    "gui.grading.grading_wizard")
