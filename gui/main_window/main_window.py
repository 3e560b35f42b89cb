"""The main window: the program's areas, menus and toolbar, the status bar, archive files.

Areas (Customers, and later others) are registered in :data:`AREAS`: one
entry each, shown in the navigation on the left once an archive is open.
Menus and toolbar come from the action registry in :mod:`gui.main_window.actions`; the
handlers named there are the public methods of :class:`MainWindow`.
"""
from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import shiboken6
from PySide6.QtCore import (QByteArray, QEvent, QLocale, QObject, QSignalBlocker, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QMainWindow, QMenu, QMessageBox, QPushButton,
                               QSizePolicy, QSplitter, QStackedWidget, QToolBar, QVBoxLayout, QWidget)

from gui.main_window import actions as registry
from gui.archive import archive_dialogs, passphrase_dialogs
from gui.common import screen_fit, undo
from gui.main_window.app_lock import AppLock
from gui.customers.customer_page import CustomerPage
from gui.common.tasks import TaskHandle, run_task, show_error
from gui.common.undo import record_contact
from model.archive import audit, backup, backup_policy, storage_location
from model.customers import customers
from model.core import settings
from model.archive import database, restore_loss
from model.archive.database import Archive
from model.core.i18n import translate
from model.core.version import __version__, build_info
from model.core.datetime_text import datetime_text

MAX_RECENT = 8


@dataclass(frozen=True)
class AreaSpec:
    """One of the program's areas in the navigation.

    The page is made the first time the area is shown. A page may offer
    ``customers_requested(CustomerFilter)`` (show those customers in the list),
    ``grade_requested()``, ``mark_stale()`` (customers or grades changed) and
    ``busy() -> bool``; the window connects what is there.
    """
    key: str
    title: Callable[[], str]                          # translated when called
    icon: str
    module: str | None                                # the area exists once this module does
    factory: Callable[[Archive, str, QWidget], QWidget]   # (archive, language, parent)

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
    AreaSpec("today", lambda: translate("MainWindow", "Today"), "visits", "gui.visits.today_page", _today),
    AreaSpec("customers", lambda: translate("MainWindow", "Customers"), "customers", None,
             lambda archive, language, parent: CustomerPage(archive, language, parent)),
    AreaSpec("visits", lambda: translate("MainWindow", "Visits"), "visits", "gui.visits.plan_page",
             _visits),
    AreaSpec("marketing", lambda: translate("MainWindow", "Circles & activities"), "circles",
             "gui.marketing.marketing_page", _marketing),
    AreaSpec("partners", lambda: translate("MainWindow", "Partners"), "partners", "gui.partners.partners_page",
             lambda a, lang, p: importlib.import_module("gui.partners.partners_page").PartnersPage(a, lang, p)),
    AreaSpec("key_accounts", lambda: translate("MainWindow", "Key accounts"), "key-accounts",
             "gui.key_accounts.key_accounts_page",
             lambda a, lang, p: importlib.import_module("gui.key_accounts.key_accounts_page").KeyAccountsPage(
                 a, lang, p)),
    AreaSpec("dashboard", lambda: translate("MainWindow", "Dashboard"), "dashboard",
             "gui.grading.dashboard", _dashboard),
    AreaSpec("managers", lambda: translate("MainWindow", "Managers"), "customers", "gui.customers.managers_page",
             lambda a, lang, p: importlib.import_module("gui.customers.managers_page").ManagersPage(a, lang, p)),
]

# Loaded in a worker after the list is shown (each imports pandas or more), so that
# the grade columns appear and the other areas open without a pause.
DEFERRED_MODULES = ("gui.grading.grade_columns", "gui.grading.dashboard", "gui.visits.plan_page",
                    "gui.grading.grading_wizard")


class _SidePaneWidth(QObject):
    """Gives a splitter's first pane (a side list) its remembered width once the
    splitter has its real width: sizes set before the first layout are scaled to
    the splitter's provisional size and lost."""

    def __init__(self, splitter: QSplitter, width: int):
        super().__init__(splitter)
        self._width = width
        splitter.installEventFilter(self)
        self._try(splitter)

    def _try(self, splitter: QSplitter) -> None:
        if splitter.isVisible() and splitter.width() >= self._width * 2:
            splitter.removeEventFilter(self)
            rest = splitter.width() - self._width - splitter.handleWidth()
            splitter.setSizes([self._width, rest])
            self.deleteLater()

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._try(watched)
        return False


class MainWindow(QMainWindow):
    archive_changed = Signal()
    search_done = Signal()      # the list shows the hits of the last query (tests wait on it)
    search_ready = Signal()     # the search index is loaded and current
    deferred_loaded = Signal()  # the grade columns and the other areas' modules are loaded

    SEARCH_DELAY_MS = 150

    def __init__(self, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.language = language
        self.archive: Archive | None = None
        self.pages: dict[str, QWidget] = {}
        self.areas: list[AreaSpec] = []
        self._user_tasks: list[TaskHandle] = []
        self.tasks: list[TaskHandle] = []
        self._searcher = None
        # The search module loads pinyin dictionaries: imported later, in a worker.
        self._search_available = importlib.util.find_spec("model.customers.search") is not None
        self.setWindowTitle(self.tr("Kehu"))
        self.setWindowIcon(registry.icon("kehu"))

        self._actions = registry.build(self, self)
        self.undo_stack = QUndoStack(self)    # Edit → Undo / Redo (gui/common/undo.py)
        self._build_menus()
        self._build_toolbar()
        self._build_status_bar()

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("Areas"))
        self.nav.currentRowChanged.connect(self._area_chosen)
        self.stack = screen_fit.PageStack()    # each area scrolls if the screen is too small for it
        self.splitter = QSplitter()
        self.splitter.setObjectName("main_splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.welcome = self._build_welcome()
        self.central = QStackedWidget()
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.splitter)
        self.setCentralWidget(self.central)
        self.app_lock = AppLock(self)     # locks after the idle time; Archive → Lock now
        self._close_backup_done = False       # the on-close backup ran (or was not needed)
        self._location_warned: set[Path] = set()
        self._location_note = ""
        self._restore_window_state()
        self._update_actions()

    # -- building -----------------------------------------------------------------
    def _build_menus(self) -> None:
        titles = {"archive": self.tr("&Archive"), "edit": self.tr("&Edit"), "customers": self.tr("&Customers"),
                  "view": self.tr("&View"), "help": self.tr("&Help")}
        self.menus = {key: self.menuBar().addMenu(title) for key, title in titles.items()}
        self.menus["edit"].addActions(undo.actions(self.undo_stack, self, self.tr("&Undo"), self.tr("&Redo")))
        for key, menu in self.menus.items():
            menu.setObjectName(f"menu_{key}")
        for spec, action in self._actions.values():
            menu = self.menus[spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(action)
            if spec.key == "open_archive":
                self.recent_menu = menu.addMenu(self.tr("Open &recent"))
                self.recent_menu.setObjectName("menu_recent")
                self.recent_menu.aboutToShow.connect(self._fill_recent_menu)

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main toolbar"))
        bar.setObjectName("main_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        for spec, action in self._actions.values():
            if spec.toolbar:
                bar.addAction(action)
        self.search_field: QLineEdit | None = None
        if self._search_available:
            spacer = QWidget()
            spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            bar.addWidget(spacer)
            field = QLineEdit()
            field.setObjectName("search_field")
            field.setClearButtonEnabled(True)
            field.setPlaceholderText(self.tr("Search: name, pinyin, phone digits, area"))
            field.setAccessibleName(self.tr("Search customers"))
            field.setToolTip(self.tr("Search as you type ({keys}); Enter goes to the list, "
                                     "Esc clears").format(
                keys=QKeySequence(QKeySequence.StandardKey.Find).toString(
                    QKeySequence.SequenceFormat.NativeText)))
            field.addAction(registry.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
            field.setMinimumWidth(field.fontMetrics().horizontalAdvance("M") * 22)
            field.setEnabled(False)
            self._search_timer = QTimer(self)
            self._search_timer.setSingleShot(True)
            self._search_timer.setInterval(self.SEARCH_DELAY_MS)
            self._search_timer.timeout.connect(self._run_search)
            field.textChanged.connect(lambda _text: self._search_timer.start())
            field.returnPressed.connect(self._search_to_list)
            field.installEventFilter(self)
            bar.addWidget(field)
            self.search_field = field
            # The deleted customers too (issue 17): greyed and marked, opened to restore.
            self.search_deleted = QCheckBox(self.tr("Deleted too"))
            self.search_deleted.setObjectName("search_deleted")
            self.search_deleted.setToolTip(self.tr("The search also finds deleted customers: they "
                                                   "show greyed, marked deleted; open one to "
                                                   "restore it"))
            self.search_deleted.toggled.connect(lambda _on: self._run_search())
            bar.addWidget(self.search_deleted)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_status_bar(self) -> None:
        self.archive_label = QLabel()
        self.count_label = QLabel()
        self.backup_label = QLabel()
        self.lock_label = QLabel()   # "Encrypted" / "Not encrypted"
        # The lock is an icon: an emoji 🔒 has no glyph in the fonts a field laptop has.
        self.lock_icon = QLabel()
        self.lock_icon.setObjectName("lock_icon")
        side = self.fontMetrics().height()
        self.lock_icon.setPixmap(registry.icon("lock").pixmap(side, side))
        self.lock_icon.hide()
        for label in (self.lock_icon, self.lock_label, self.archive_label, self.count_label, self.backup_label):
            self.statusBar().addPermanentWidget(label)

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        page.setObjectName("welcome")
        title = QLabel(self.tr("Kehu — customer archive"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        title.setFont(font)
        text = QLabel(self.tr("Open the archive you work in, or create a new one."))
        text.setWordWrap(True)
        new = QPushButton(registry.icon("archive-new"), self.tr("&New archive…"))
        new.clicked.connect(self.new_archive)
        open_ = QPushButton(registry.icon("archive-open"), self.tr("&Open archive…"))
        open_.clicked.connect(lambda: self.open_archive())
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addWidget(open_)
        buttons.addStretch(1)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent_list")
        self.recent_list.itemActivated.connect(
            lambda item: self.open_archive(Path(item.data(Qt.ItemDataRole.UserRole))))
        self.recent_title = QLabel(self.tr("Recent archives:"))
        self.recent_title.setBuddy(self.recent_list)
        column = QVBoxLayout()
        column.addWidget(title)
        column.addWidget(text)
        column.addLayout(buttons)
        column.addSpacing(12)
        column.addWidget(self.recent_title)
        column.addWidget(self.recent_list, 1)
        outer = QHBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self._fill_recent_list()
        return page

    # -- state --------------------------------------------------------------------
    def page(self) -> CustomerPage | None:
        page = self.pages.get("customers")
        return page if isinstance(page, CustomerPage) else None

    def state(self) -> set[str]:
        """Facts that decide which actions are enabled (see gui.main_window.actions)."""
        facts: set[str] = set()
        page = self.page()
        if self.archive is not None:
            facts.add(registry.ARCHIVE)
        if page is not None and self.archive is not None:
            selected = page.selected_ids()
            if selected:
                facts.add(registry.CUSTOMERS)
            if len(selected) == 1:
                facts.add(registry.CUSTOMER)
            if page.row_id() is not None:
                facts.add(registry.ONE_ROW)
            view = page.current_view()
            if view is not None and not view.builtin:
                facts.add("user_view")
        return facts

    def _update_actions(self) -> None:
        registry.update_enabled(self._actions, self.state())
        passphrase_dialogs.update_actions(self._actions, self.archive)
        self.app_lock.restrict(self._actions)

    def _update_status(self) -> None:
        locale = QLocale()
        lock_text, lock_tip = passphrase_dialogs.status_text(self.archive)
        self.lock_label.setText(lock_text)
        self.lock_label.setToolTip(lock_tip)
        self.lock_icon.setVisible(bool(self.archive is not None and self.archive.encrypted))
        self.lock_icon.setToolTip(lock_tip)
        if self.archive is None:
            self.archive_label.setText(self.tr("No archive open"))
            self.count_label.clear()
            self.backup_label.clear()
            self.setWindowTitle(self.tr("Kehu"))
            return
        self.archive_label.setText(("⚠ " if self._location_note else "") + self.archive.path.name)
        self.archive_label.setToolTip("\n\n".join(filter(None, [str(self.archive.path), self._location_note])))
        self.setWindowTitle(self.tr("{name} — Kehu").format(name=self.archive.path.stem))
        page = self.page()
        if page is not None:
            shown, total = page.model.rowCount(), page.model.total()
            if shown == total and not page.model.searching():
                self.count_label.setText(self.tr("{total} customers")
                                         .format(total=locale.toString(total)))
            else:
                self.count_label.setText(self.tr("{shown} of {total} customers").format(
                    shown=locale.toString(shown), total=locale.toString(total)))
        last = backup.latest_backup(self.archive.path)
        if last is None:
            self.backup_label.setText(self.tr("No backup yet"))
        else:
            from datetime import datetime
            taken = datetime.fromtimestamp(last.stat().st_mtime)
            self.backup_label.setText(self.tr("Last backup: {when}").format(
                when=datetime_text(taken)))
            self.backup_label.setToolTip(str(last))

    def _restore_window_state(self) -> None:
        geometry = settings.get(settings.WINDOW_GEOMETRY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        screen_fit.fit_on_screen(self)     # 800 pixels high do not fit a 1366×768 laptop
        state = settings.get(settings.WINDOW_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        metrics = self.nav.fontMetrics()
        widest = max(metrics.horizontalAdvance(a.title()) for a in AREAS)
        nav_width = widest + 5 * metrics.height()
        # The areas' names whole, beside their icons, however narrow the screen.
        self.nav.setMinimumWidth(widest + self.nav.iconSize().width() + 2 * metrics.height())
        self._restore_splitter(self.splitter, [nav_width, 1100])

    def _restore_splitter(self, splitter: QSplitter, default: list[int]) -> None:
        sizes = settings.get(settings.WINDOW_SPLITTERS).get(splitter.objectName())
        try:
            sizes = [int(s) for s in sizes] if sizes else default
        except (TypeError, ValueError):
            sizes = default
        _SidePaneWidth(splitter, max(sizes[0], 40))

    def save_window_state(self) -> None:
        settings.put(settings.WINDOW_GEOMETRY, self.saveGeometry())
        settings.put(settings.WINDOW_STATE, self.saveState())
        splitters = dict(settings.get(settings.WINDOW_SPLITTERS))
        splitters[self.splitter.objectName()] = self.splitter.sizes()
        page = self.page()
        if page is not None:
            splitters[page.splitter.objectName()] = page.splitter.sizes()
            page.save_state()
        settings.put(settings.WINDOW_SPLITTERS, splitters)

    def busy(self) -> bool:
        """Background work of this window is still running."""
        return any(not t.finished for t in self.tasks) or any(
            page.busy() for page in self.pages.values() if hasattr(page, "busy"))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.app_lock.may_close():
            event.ignore()
            return
        if any(not t.finished for t in self._user_tasks):
            answer = QMessageBox.question(
                self, self.tr("Quit Kehu"),
                self.tr("Work is still running. Quit anyway? What it was writing is not saved."))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            for task in self._user_tasks:
                task.cancel()
        if self._backing_up_before_close(event):
            return
        self.save_window_state()
        self._close_archive()
        event.accept()

    def _backing_up_before_close(self, event: QCloseEvent) -> bool:
        """Back a changed archive up before closing (setting backup/on_close): a small one
        on the spot; a big one in the background, the window closing when it is done (True)."""
        if self.archive is None or self._close_backup_done or not settings.get(settings.BACKUP_ON_CLOSE):
            return False
        self._close_backup_done = True
        waiting = []
        handle = archive_dialogs.auto_backup(
            self, self.archive, "on-close", lambda _made: waiting and QTimer.singleShot(0, self.close))
        if handle is None:
            return False
        waiting.append(self._track(handle, background=True))
        event.ignore()
        return True

    def _auto_backup(self, reason: str, then: Callable[[], None]) -> None:
        """An automatic backup (when the archive changed since its last one), then ``then()``."""
        archive = self.archive

        def done(made: Path | None) -> None:
            if made is not None and self.archive is archive:
                self._update_status()
                self.statusBar().showMessage(self.tr("Backed up first: {name}").format(name=made.name), 8000)
            then()
        handle = archive_dialogs.auto_backup(self, archive, reason, done)
        if handle is not None:
            self._track(handle)

    def _needs_backup(self) -> bool:
        try:
            return backup_policy.needs_backup(self.archive)
        except Exception:       # noqa: BLE001 - a connection already broken: assume changed
            return True

    def _track(self, handle: TaskHandle, background: bool = False) -> TaskHandle:
        """Keep a task for busy() and, unless it is quiet ``background`` work (search,
        loading modules), for asking before quitting while it runs."""
        self.tasks = [t for t in self.tasks if not t.finished] + [handle]
        if not background:
            self._user_tasks = [t for t in self._user_tasks if not t.finished] + [handle]
        return handle

    # -- archive files --------------------------------------------------------------
    def _remember(self, path: Path) -> None:
        recent = [p for p in settings.get(settings.RECENT_ARCHIVES) if p != str(path)]
        settings.put(settings.RECENT_ARCHIVES, [str(path), *recent][:MAX_RECENT])
        settings.put(settings.LAST_ARCHIVE, str(path))

    def _recent_paths(self) -> list[Path]:
        return [Path(p) for p in settings.get(settings.RECENT_ARCHIVES) if p]

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self._recent_paths()
        for path in paths:
            action = self.recent_menu.addAction(path.name)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.setEnabled(path.exists())
            action.triggered.connect(lambda _c=False, p=path: self.open_archive(p))
        if not paths:
            self.recent_menu.addAction(self.tr("No recent archives")).setEnabled(False)
        else:
            self.recent_menu.addSeparator()
            self.recent_menu.addAction(self.tr("Clear this list"), self._clear_recent)

    def _clear_recent(self) -> None:
        settings.put(settings.RECENT_ARCHIVES, [])
        self._fill_recent_list()

    def _fill_recent_list(self) -> None:
        self.recent_list.clear()
        for path in self._recent_paths():
            if path.exists():
                item = QListWidgetItem(registry.icon("archive-open"), f"{path.name}  —  {path.parent}")
                item.setData(Qt.ItemDataRole.UserRole, str(path))
                self.recent_list.addItem(item)
        shown = self.recent_list.count() > 0
        self.recent_list.setVisible(shown)
        self.recent_title.setVisible(shown)

    def _folder(self) -> str:
        if self.archive is not None:
            return str(self.archive.path.parent)
        recent = self._recent_paths()
        return str(recent[0].parent) if recent else str(Path.home())

    def new_archive(self) -> None:
        path = archive_dialogs.ask_new_path(self, self._folder())
        if path is None:
            return
        archive = archive_dialogs.create_archive(self, path)
        if archive is not None:
            self._set_archive(archive)
            self.statusBar().showMessage(self.tr("Created {path}").format(path=path), 5000)

    def open_archive(self, path: Path | str | None = None, key=None) -> TaskHandle | None:
        """Open an archive (asking which when no path is given, and its passphrase
        when it is encrypted and ``key`` is not given); the check and any
        migration run in the background."""
        if path is None:
            path = archive_dialogs.ask_open_path(self, self._folder())
            if path is None:
                return None
        path = Path(path)
        if self.archive is not None and self.archive.path == path.resolve():
            return None
        if key is None and database.is_encrypted(path):
            try:
                key = passphrase_dialogs.ask_key(self, path)
            except database.ArchiveDamaged as exc:
                self._open_failed(path, exc)
                return None
            if key is None:
                return None
        self.statusBar().showMessage(self.tr("Opening {name}…").format(name=path.name))
        return self._track(run_task(
            self, lambda progress: Archive.open(path, key), on_success=self._set_archive,
            on_failure=lambda exc: self._open_failed(path, exc),
            title=self.tr("Opening {name}…").format(name=path.name), cancellable=False))

    def _open_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if archive_dialogs.offer_restore_after_failure(self, exc):
            self.restore_backup(path)

    def _close_archive(self) -> None:
        self.undo_stack.clear()     # its steps belong to the archive being closed
        self.areas = []
        with QSignalBlocker(self.nav):   # removing rows would "choose" the areas left
            self.nav.clear()
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._searcher = None
        if self.search_field is not None:
            self.search_field.blockSignals(True)
            self.search_field.clear()
            self.search_field.blockSignals(False)
            self.search_field.setEnabled(False)
        if self.archive is not None:
            path, clean = self.archive.path, not self._needs_backup()
            self.archive.close()
            self.archive = None
            backup_policy.note_closed(path, clean)   # so the next opening knows it is unchanged
        # Finished tasks' callbacks hold the archive (and its key): let them go.
        self.tasks = [t for t in self.tasks if not t.finished]
        self._user_tasks = [t for t in self._user_tasks if not t.finished]

    def _set_archive(self, archive: Archive) -> None:
        if self.page() is not None:
            self.save_window_state()
        self._close_archive()
        self.archive = archive
        backup_policy.watch(archive)
        risk = storage_location.check(archive.path)
        self._location_note = risk.message if risk else ""
        QTimer.singleShot(0, lambda: self._remember(archive.path))
        self.areas = [area for area in AREAS if area.available()]
        for area in self.areas:
            self.nav.addItem(QListWidgetItem(registry.icon(area.icon), area.title()))
        for area in self.areas:          # the customer list always (the window's actions use it), and the first area
            if area.key == "customers":
                self._make_page(area)
        self._make_page(self.areas[0])
        page = self.page()
        if page is not None:
            self._restore_splitter(page.splitter, [page.views_width(), 1000])
            page.selection_changed.connect(self._update_actions)
            page.counts_changed.connect(lambda *_: self._update_status())
            page.clear_search_requested.connect(self._clear_search)
            page.activated.connect(self.edit_customer)
            for spec, action in self._actions.values():
                if spec.list_shortcut:
                    page.table.addAction(action)
        self.nav.setCurrentRow(0)
        self.stack.setCurrentWidget(self._make_page(self.areas[0]))
        self.central.setCurrentWidget(self.splitter)
        if self.stack.currentWidget() is page and page is not None:
            page.table.setFocus()
        else:
            self.stack.currentWidget().setFocus()
        self._update_status()
        self._update_actions()
        self._prepare_search()
        self._load_deferred()
        self.statusBar().showMessage(self.tr("Opened {path}").format(path=archive.path), 5000)
        pending, self._pending_restore = getattr(self, "_pending_restore", None), None
        if pending is not None and pending[0] == archive.path:
            restore_loss.after_restore(archive.conn, pending[1], pending[2])
        if risk is not None and archive.path not in self._location_warned:
            self._location_warned.add(archive.path)        # once a session, not at every opening
            archive_dialogs.show_location_warning(self, risk)
        self.archive_changed.emit()

    def _make_page(self, area: AreaSpec) -> QWidget:
        page = self.pages.get(area.key)
        if page is None:
            page = area.factory(self.archive, self.language, self.stack)
            self.pages[area.key] = page
            self.stack.addWidget(page)
            if hasattr(page, "customers_requested"):
                page.customers_requested.connect(self.show_customers)
            if hasattr(page, "grade_requested") and "grade" in self._actions:
                page.grade_requested.connect(self.grade_customers)
            if hasattr(page, "customer_requested"):
                page.customer_requested.connect(self.edit_customer)
            if hasattr(page, "area_requested"):
                page.area_requested.connect(self.show_area)
            if hasattr(page, "visits_logged"):
                page.visits_logged.connect(lambda source=page: self._visits_logged(source))
            if hasattr(page, "customers_changed"):
                page.customers_changed.connect(lambda: self._after_customer_change())
        return page

    def _visits_logged(self, source: QWidget) -> None:
        """A visit was logged on one page: the others read who is due again."""
        for other in self.pages.values():
            if other is not source and hasattr(other, "mark_stale"):
                other.mark_stale()

    def _area_chosen(self, row: int) -> None:
        if self.archive is not None and 0 <= row < len(self.areas):
            self.stack.setCurrentWidget(self._make_page(self.areas[row]))

    def show_area(self, key: str) -> QWidget | None:
        for row, area in enumerate(self.areas):
            if area.key == key:
                self.nav.setCurrentRow(row)
                return self.pages.get(key)
        return None

    def show_customers(self, flt) -> None:
        """Show the customer list with this filter (e.g. a dashboard bar was clicked)."""
        page = self.show_area("customers")
        if isinstance(page, CustomerPage):
            page.filter_bar.set_filter(flt, emit=True)
            page.table.setFocus()

    def _load_deferred(self) -> None:
        archive = self.archive
        wanted = [m for m in DEFERRED_MODULES if importlib.util.find_spec(m) is not None]

        def done(_result) -> None:
            if not shiboken6.isValid(self):
                return
            page = self.page()
            if self.archive is not archive or page is None:
                return
            if "gui.grading.grade_columns" in wanted:
                from gui.grading import grade_columns
                page.add_grade_features(grade_columns.grade_columns(self.language),
                                        grade_columns.GradeFilterButton(self.language))
            self.deferred_loaded.emit()
        self._track(run_task(None, lambda progress: [importlib.import_module(m) for m in wanted],
                             on_success=done), background=True)

    def backup_now(self) -> TaskHandle | None:
        if self.archive is None:
            return None

        def done(path: Path) -> None:
            if self.archive is not None:
                audit.record_backup(self.archive.conn, path)   # after the copy: the next close backs up again
                backup_policy.mark_backed_up(self.archive)
            self._update_status()
            self.statusBar().showMessage(self.tr("Backed up to {path}").format(path=path), 8000)
        return self._track(archive_dialogs.start_backup(self, self.archive, done))

    def change_passphrase(self) -> None:
        passphrase_dialogs.change_passphrase(self)

    def encrypt_archive(self) -> None:
        passphrase_dialogs.encrypt_archive(self)
        self._update_actions()

    def decrypt_archive(self) -> None:
        passphrase_dialogs.decrypt_archive(self)
        self._update_actions()

    def check_archive(self) -> TaskHandle | None:
        if self.archive is None:
            return None
        return self._track(archive_dialogs.start_check(self, self.archive.path, key=self.archive.key))

    def restore_backup(self, path: Path | None = None) -> TaskHandle | None:
        """Choose a backup of the open archive (or of ``path``) and put it in its place."""
        if path is None:
            if self.archive is not None:
                path = self.archive.path
            else:
                path = archive_dialogs.ask_open_path(self, self._folder())
                if path is None:
                    return None
        path = Path(path).resolve()
        open_key = self.archive.key if self.archive is not None and self.archive.path == path else None
        picked = archive_dialogs.RestoreDialog.choose(self, path, open_key)
        if picked is None:
            return None
        chosen, key = picked
        if self.archive is not None and self.archive.path == path:
            self.save_window_state()
            self._close_archive()
            self.central.setCurrentWidget(self.welcome)
            self._update_status()
            self._update_actions()

        def restored(kept: Path | None) -> None:
            self._pending_restore = (path, chosen, kept)
            if kept is not None:
                self.statusBar().showMessage(
                    self.tr("Restored. The file it replaced was kept as {kept}.")
                    .format(kept=kept.name), 10000)
            self.open_archive(path, key)
        return self._track(archive_dialogs.start_restore(self, path, chosen, restored, key=key))

    # -- customers ------------------------------------------------------------------
    def _after_customer_change(self, select: int | None = None) -> None:
        for other in self.pages.values():
            if hasattr(other, "mark_stale"):
                other.mark_stale()
        page = self.page()
        if page is None:
            return
        page.refresh(data_changed=True)
        if self._searcher is not None and self.search_field is not None \
                and self.search_field.text().strip():
            self._run_search()
        if select is not None:
            page.select_customer(select)
        self._update_status()

    def new_customer(self) -> None:
        from gui.customers.customer_editor import CustomerEditor
        if self.archive is None:
            return
        saved, created = CustomerEditor.add(self, self.archive)
        if saved:
            self._after_customer_change(created)

    def edit_customer(self, customer_id: int | None = None) -> None:
        """Open the customer (default: the selected one) in the editor."""
        from gui.customers.customer_editor import CustomerEditor
        page = self.page()
        if customer_id is None and page is not None:
            customer_id = page.row_id()     # a deleted one the search shows opens to restore
        if self.archive is None or customer_id is None:
            return
        if CustomerEditor.edit(self, self.archive, customer_id):
            self._after_customer_change(customer_id)

    def log_contact(self) -> None:
        from gui.customers.contact_dialog import ContactDialog
        page = self.page()
        customer_id = page.current_id() if page else None
        if self.archive is None or customer_id is None:
            return
        contact_id = ContactDialog.ask(self, self.archive, customer_id)
        if contact_id is not None:
            record_contact(self, self.archive, contact_id,
                           lambda: self._after_customer_change(customer_id))
            self._after_customer_change(customer_id)
            self.statusBar().showMessage(self.tr("Contact logged."), 5000)

    def delete_customer(self) -> None:
        page = self.page()
        ids = page.selected_ids() if page else []
        if self.archive is None or not ids:
            return
        if len(ids) == 1:
            name = customers.get(self.archive.conn, ids[0])["name"]
            question = self.tr("Delete the customer {name}?").format(name=name)
        else:
            question = self.tr("Delete {count} customers?").format(
                count=QLocale().toString(len(ids)))
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete customer"), question,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          self)
        box.setInformativeText(self.tr("They leave the list; their records and change history "
                                       "are kept in the archive."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        try:
            customers.delete_many(self.archive.conn, ids, settings.user_name())
        except Exception as exc:  # noqa: BLE001 - shown, nothing was written
            show_error(self, exc)
            return
        conn = self.archive.conn
        undo.record(self, self.tr("Delete {count} customer(s)").format(count=len(ids)),
                    lambda: customers.delete_many(conn, ids, settings.user_name()),
                    lambda: [customers.undelete(conn, i, settings.user_name()) for i in ids],
                    self._after_customer_change)
        self._after_customer_change()
        self.statusBar().showMessage(self.tr("Deleted {count} customer(s).").format(
            count=len(ids)), 5000)

    def add_to_circle(self) -> None:
        """The selected customers join a circle chosen from a list, or a new one."""
        from model.marketing import circles
        page = self.page()
        ids = page.selected_ids() if page else []
        if self.archive is None or not ids:
            return
        existing = circles.list_circles(self.archive.conn)
        new = self.tr("A new circle…")
        choices = [new] + [c.name for c in existing]
        chosen, ok = QInputDialog.getItem(self, self.tr("Add to circle"), self.tr(
            "Add {count} customer(s) to:").format(count=len(ids)), choices, 0, False)
        if not ok:
            return
        marketing = self._make_page(next(a for a in self.areas if a.key == "marketing"))
        if chosen == new:
            if marketing.circles.new_circle(members=ids) is None:
                return
        else:
            circle = existing[choices.index(chosen) - 1]
            try:
                circles.add_members(self.archive.conn, circle.id, ids, settings.user_name())
            except Exception as exc:  # noqa: BLE001 - shown, nothing was written
                show_error(self, exc)
                return
        self._after_customer_change()
        self.statusBar().showMessage(self.tr("Added {count} customer(s) to the circle.").format(
            count=len(ids)), 5000)

    def grade_customers(self) -> None:
        from gui.grading.grading_wizard import GradingWizard
        if self.archive is not None and GradingWizard.run(self, self.archive):
            self._after_customer_change()

    def show_a_service(self) -> None:
        from gui.visits.a_service_dialog import ServiceDialog
        if self.archive is not None:
            ServiceDialog.show_for(self, self.archive)

    def show_complaints(self) -> None:
        from gui.customers.complaints import ComplaintsDialog
        if self.archive is not None:
            ComplaintsDialog.show_for(self, self.archive)

    def show_satisfaction(self) -> None:
        from gui.customers.surveys import AreaSatisfactionDialog
        if self.archive is not None:
            AreaSatisfactionDialog.show_for(self, self.archive)

    def new_visit_plan(self) -> None:
        page = self.show_area("visits")
        if page is not None:
            page.new_plan()

    def print_tracking_log(self) -> None:
        page = self.show_area("visits")
        if page is not None:
            page.print_tracking_log()

    def import_customers(self) -> None:
        if self.archive is not None:   # a restore point first, if it changed since its last backup
            self._auto_backup("before-import", self._import_customers)

    def _import_customers(self) -> None:
        from gui.customers.import_dialog import ImportDialog
        if self.archive is None:
            return
        if ImportDialog.run(self, self.archive) is not None:
            self._after_customer_change()
            self._prepare_search()     # many new names: index them in the background

    def export_customers(self) -> None:
        from gui.customers.export_dialog import ExportDialog
        page = self.page()
        if self.archive is None or page is None:
            return
        written = ExportDialog.run(self, self.archive, page.model.view_ids())
        if written is not None:
            self.statusBar().showMessage(self.tr("Exported to {path}").format(path=written), 8000)

    # -- search ---------------------------------------------------------------------
    def _prepare_search(self) -> None:
        """Bring the search index up to date and load the searcher, in the background.

        Importing the search (pinyin dictionaries), indexing customers that wait
        for it and loading the index all happen in a worker with its own
        connection; the searcher is then attached to the GUI thread's connection.
        """
        if not self._search_available or self.archive is None:
            return
        archive, existing = self.archive, self._searcher
        if existing is None:
            self.search_field.setPlaceholderText(self.tr("Preparing the search…"))

        def work(progress):
            search = importlib.import_module("model.customers.search")
            conn = archive.reader()
            try:
                indexed = search.refresh(conn, progress) if search.pending(conn) else 0
                if existing is None:
                    return search.CustomerSearch(conn), indexed   # keeps conn until attached
            except BaseException:
                conn.close()
                raise
            conn.close()
            return None, indexed

        def done(outcome) -> None:
            if not shiboken6.isValid(self) or self.archive is not archive:
                return
            searcher, indexed = outcome
            page = self.page()
            if indexed and page is not None:
                page.model.refresh()   # names just indexed move into their pinyin place
            if searcher is not None:
                reader = searcher.conn
                searcher.attach(archive.conn)
                reader.close()
                self._searcher = searcher
            else:
                self._searcher.update()
            self.search_field.setEnabled(True)
            self.search_field.setPlaceholderText(self.tr("Search: name, pinyin, phone digits, "
                                                         "area"))
            if self.search_field.text().strip():
                self._run_search()
            self.search_ready.emit()
        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self) or self.archive is not archive:
                return
            self.search_field.setPlaceholderText(self.tr("Search is not available"))
            show_error(self, exc)
        # No parent: the window may close before the work ends.
        self._track(run_task(None, work, on_success=done, on_failure=failed), background=True)

    def focus_search(self) -> None:
        if self.search_field is not None:
            self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search_field.selectAll()

    def _run_search(self) -> None:
        page = self.page()
        if page is None or self.search_field is None:
            return
        text = self.search_field.text().strip()
        if not text or self._searcher is None:
            page.set_search(None)
        else:
            result = self._searcher.find(text, limit=500)
            deleted = [r["id"] for r in customers.deleted(self.archive.conn, text)] \
                if self.search_deleted.isChecked() else []
            page.set_search(list(result.ids) + deleted, deleted)
            if result.total > len(result.ids):
                self.statusBar().showMessage(self.tr("{total} found; showing the best {shown}.")
                                             .format(total=QLocale().toString(result.total),
                                                     shown=len(result.ids)), 5000)
        self._update_status()
        self.search_done.emit()

    def _search_to_list(self) -> None:
        self._search_timer.stop()
        self._run_search()
        page = self.page()
        if page is not None and page.model.rowCount():
            page.table.setFocus()

    def _clear_search(self) -> None:
        if self.search_field is not None and self.search_field.text():
            self.search_field.clear()
            self._search_to_list()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search_field and event.type() == QEvent.Type.KeyPress \
                and event.key() == Qt.Key.Key_Escape and self.search_field.text():
            self.search_field.clear()
            return True
        if watched is self.search_field and event.type() == QEvent.Type.ShortcutOverride \
                and self._window_shortcut(event):
            return True         # left unaccepted: the window's action (Ctrl+E export) runs
        return super().eventFilter(watched, event)

    def _window_shortcut(self, event) -> bool:
        """Whether a key pressed in the search field is one of the window's own action
        shortcuts that the field would otherwise take as a line-editing key (Ctrl+E is
        "end of line" in Qt's line edits on Linux); the editing keys stay the field's."""
        pressed = QKeySequence(event.keyCombination())
        editing = {QKeySequence(k) for k in ("Ctrl+A", "Ctrl+C", "Ctrl+V", "Ctrl+X", "Ctrl+Z",
                                              "Ctrl+Y", "Ctrl+Shift+Z", "Ctrl+Backspace", "Ctrl+Delete",
                                              "Ctrl+Left", "Ctrl+Right", "Ctrl+Home", "Ctrl+End")}
        if pressed in editing or not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False
        return any(action.isEnabled() and pressed in action.shortcuts()
                   for _spec, action in self._actions.values())

    # -- view -----------------------------------------------------------------------
    def save_view(self) -> None:
        page = self.page()
        if page is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Save view"),
                                        self.tr("Name of the view (the filters and the sort "
                                                "are kept):"))
        name = name.strip()
        if ok and name:
            page.save_view(name)
            self._update_actions()

    def delete_view(self) -> None:
        page = self.page()
        if page is not None:
            page.delete_view()
            self._update_actions()

    def choose_columns(self) -> None:
        page = self.page()
        if page is not None:
            page.choose_columns()

    # -- help -----------------------------------------------------------------------
    def about_text(self) -> str:
        lines = [self.tr("<h3>Kehu (客户经营助手)</h3>"),
                 self.tr("Version {version}").format(version=__version__)]
        built = build_info()   # only the installed program has it
        if built.get("date"):
            commit = f" ({built['commit']})" if built.get("commit") else ""
            lines.append(self.tr("Built on {date}").format(date=built["date"]) + commit)
        from gui.branch.branch_rules import describe
        from model.branch.branch_pack import applied_pack
        lines.append(self.tr("Branch rules: {pack}").format(pack=describe(applied_pack())))
        lines.append(self.tr("The field account manager's customer archive: works offline, "
                             "keeps every change, prints what you carry."))
        return "<p>".join(lines)

    def show_preferences(self) -> None:
        from gui.main_window.preferences import PreferencesDialog
        if PreferencesDialog.ask(self):
            self.app_lock.apply_settings()

    def show_audit_trail(self) -> None:
        from gui.archive.audit_dialog import AuditDialog
        if self.archive is not None:
            AuditDialog.show_for(self, self.archive)

    def show_deleted(self) -> None:
        from gui.customers.deleted_dialog import DeletedDialog
        if self.archive is None:
            return
        restored = DeletedDialog.run(self, self.archive)
        if restored:
            self._after_customer_change(restored[-1])
            self._update_status()

    def purge_deleted(self) -> None:
        from gui.archive.purge_dialog import PurgeDialog
        if self.archive is not None and PurgeDialog.run(self, self.archive):
            self._after_customer_change()
            self._update_status()

    def lock_now(self) -> None:
        self.app_lock.lock()

    def show_branch_rules(self) -> None:
        from gui.branch.branch_rules import BranchRulesDialog
        if self.archive is None:
            BranchRulesDialog.ask(self)
        else:   # a pack may be imported there: a restore point first, if it changed
            self._auto_backup("before-branch-pack", lambda: BranchRulesDialog.ask(self, self.archive))

    def show_guide(self) -> None:
        from gui.main_window.guide_dialog import GuideDialog
        self._guide = GuideDialog.show_guide(self)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Kehu"), self.about_text())

    def menu(self, key: str) -> QMenu:
        return self.menus[key]

    def action(self, key: str) -> QAction:
        """The QAction of a registry entry (KeyError when its feature is absent)."""
        return self._actions[key][1]
