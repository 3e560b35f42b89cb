"""The main window: the frame (menus, toolbar, navigation, status bar), the areas' pages.

The areas are registered in :data:`gui.main_window.areas.AREAS`; menus and toolbar come
from the action registry (:mod:`gui.main_window.actions`, which collects each feature's
``gui/<feature>/actions.py``). The archive session is :class:`gui.main_window.session.
ArchiveSession`, the search :class:`gui.main_window.search.SearchBox`: both are bases of
:class:`MainWindow`.
"""
from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gui.archive import passphrase_dialogs
from gui.common import operations, screen_fit, undo
from gui.common.tasks import TaskHandle, run_task
from gui.customers import actions as customer_actions
from gui.customers.customer_page import CustomerPage
from gui.common.actions import ARCHIVE, CUSTOMER, CUSTOMERS, ONE_ROW
from gui.common.icons import icon
from gui.main_window import actions as registry
from gui.main_window.app_lock import AppLock
from gui.main_window.areas import AREAS, DEFERRED_MODULES, AreaSpec
from gui.main_window.search import SearchBox
from gui.main_window.session import ArchiveSession
from model.archive import backup
from model.archive.database import Archive
from model.core import settings
from model.core.datetime_text import datetime_text
from model.core.version import __version__, build_info


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


class MainWindow(SearchBox, ArchiveSession, QMainWindow):
    archive_changed = Signal()
    search_done = Signal()      # the list shows the hits of the last query (tests wait on it)
    search_ready = Signal()     # the search index is loaded and current
    deferred_loaded = Signal()  # the grade columns and the other areas' modules are loaded

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
        self._notices: operations.ChangeNotices | None = None
        # The search module loads pinyin dictionaries: imported later, in a worker.
        self._search_available = importlib.util.find_spec("model.customers.search") is not None
        self.setWindowTitle(self.tr("Kehu"))
        self.setWindowIcon(icon("kehu"))

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
        self._build_search(bar)
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
        self.lock_icon.setPixmap(icon("lock").pixmap(side, side))
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
        new = QPushButton(icon("archive-new"), self.tr("&New archive…"))
        new.clicked.connect(self.new_archive)
        open_ = QPushButton(icon("archive-open"), self.tr("&Open archive…"))
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
            facts.add(ARCHIVE)
        if page is not None and self.archive is not None:
            selected = page.selected_ids()
            if selected:
                facts.add(CUSTOMERS)
            if len(selected) == 1:
                facts.add(CUSTOMER)
            if page.row_id() is not None:
                facts.add(ONE_ROW)
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
        offers = {area.key: area.offers for area in self.areas}
        return any(not t.finished for t in self.tasks) or any(
            page.busy() for key, page in self.pages.items() if "busy" in offers.get(key, ()))

    def _make_page(self, area: AreaSpec) -> QWidget:
        page = self.pages.get(area.key)
        if page is None:
            page = area.factory(self.archive, self.language, self.stack)
            self.pages[area.key] = page
            self.stack.addWidget(page)
            handlers = {"customers_requested": self.show_customers, "area_requested": self.show_area,
                        "customer_requested": lambda customer_id: customer_actions.edit_customer(self, customer_id)}
            if "grade" in self._actions:
                handlers["grade_requested"] = lambda: self.run_action("grade")
            for name in AreaSpec.SIGNALS:
                if name in area.offers and name in handlers:
                    getattr(page, name).connect(handlers[name])
        return page

    def _on_changes(self, changes: operations.Changes) -> None:
        """A change notice (after the pages' own): the search hits and the counts again."""
        if self.archive is None or not changes.touches(operations.Changes.CUSTOMERS, operations.Changes.GRADES):
            return
        if self.page() is None:
            return
        if self._searcher is not None and self.search_field is not None \
                and self.search_field.text().strip():
            self._run_search()
        self._update_status()

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

    # -- customers ------------------------------------------------------------------
    def _after_customer_change(self, select: int | None = None,
                               changes: operations.Changes | None = None) -> None:
        """Customers changed (a dialog's own write): a notice tells the pages (the list
        reads its rows again, the others go stale), then ``select`` is selected."""
        if self.archive is None:
            return
        operations.notify(self.archive, changes or operations.Changes.of(operations.Changes.CUSTOMERS))
        page = self.page()
        if page is not None and select is not None:
            page.select_customer(select)

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

    def show_guide(self) -> None:
        from gui.main_window.guide_dialog import GuideDialog
        self._guide = GuideDialog.show_guide(self)

    def show_about(self) -> None:
        QMessageBox.about(self, self.tr("About Kehu"), self.about_text())

    def menu(self, key: str) -> QMenu:
        return self.menus[key]

    def run_action(self, key: str):
        """Do what the registry entry ``key`` does (its handler), enabled or not."""
        return registry.run(self._actions[key][0], self)

    def action(self, key: str) -> QAction:
        """The QAction of a registry entry (KeyError when its feature is absent)."""
        return self._actions[key][1]
