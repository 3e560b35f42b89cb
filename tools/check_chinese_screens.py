"""Walk the window in Chinese and report any English left on screen.

    python tools/check_chinese_screens.py [--screenshots DIR] [--scale 100|125|150]
                                          [--language zh_CN|en] [--real-screen]

Builds a small graded demo archive with a saved visit plan, opens the main
window with the language set to zh_CN, visits every area, opens the menus and
the main dialogs (customer editor, contact, import and grading wizards page by
page, export, restore from backup, visit-plan dialogs, columns, About, ...) and
collects the text of every visible widget: labels, buttons, menus and their
actions, tab titles, table headers and the first rows, group boxes, window and
page titles, placeholders, chart titles and tooltips. A text with a Latin word
that is not on the allowed list (codes, RFM, KA, CSV, Excel, PDF, Ctrl+...,
file paths) is reported with where it was seen. Exit 1 when anything is found.

Every window and dialog is also checked against a 1366×768 laptop's screen
(gui/common/screen_fit.py: it fits, no label or choice is cut), at 100 % or, with --scale,
at 125 % or 150 % scaling (fewer logical pixels); --language en walks the English
edition for its layout only; --real-screen checks against the screen Qt has (e.g.
xvfb-run -s "-screen 0 1366x768x24" with QT_SCALE_FACTOR=1.25) instead of a pretended one.

``tests/core/test_translations.py`` runs the same walk (Chinese, 100 %) and
``tests/core/test_screen_walk_scaled.py`` the English one at 125 % and the Chinese one at
150 %. Dialogs are not run modally: their ``exec()`` is replaced while walking, so the walk never blocks.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 11, 20)
CUSTOMERS = 200

# The columns of names a table may be sorted by, and whether they name people (a surname
# read as a surname) or places, shops and groups (read in context).
NAME_HEADERS = {"客户": True, "姓名": True, "客户经理": True, "联系人": True, "成员": True, "圆心": True,
                "负责人": True, "区域": False, "片区": False, "合作伙伴": False, "重点客户": False,
                "圈子": False, "门店": False, "网点": False}
# Tables that list names by name (their first column) without a sort arrow; other tables
# keep an order of their own (urgency, date, rank, the KeyMan first).
NAME_TABLES = {"customer_table", "ka_list", "circles_table", "circle_members", "participants",
               "partner_outlets", "partners_table", "picker_table"}
# Latin words allowed on a Chinese screen: codes, product and file-format names, keys.
ALLOWED_WORDS = {
    "rfm", "ka", "csv", "excel", "pdf", "ics", "xlsx", "xls", "kehu", "wps", "vip", "keyman",
    "utf", "gbk", "gb", "sqlite", "json", "ctrl", "shift", "alt", "enter", "esc", "backspace",
    "tab", "del", "pgup", "pgdown", "home", "end", "ok",
    "yyyy", "mm", "dd", "ap",          # date formats shown by Qt's date edits
    "english",                         # a language chooser names each language in itself
    "qq",                              # a chat app (QQ群), like 微信
}
# Also allowed in Qt's own dialogs: its Chinese paper names keep the English name in
# brackets ("美国信纸 (Letter)"), units, and the colour dialog's HTML field. The file list's
# sizes ("5 bytes") come from the system locale's own data (字节 on a Chinese system), not
# from a translation.
QT_ALLOWED_WORDS = {"jis", "ansi", "envelope", "folio", "in", "pt", "cc", "letter", "tabloid",
                    "legal", "executive", "ledger", "dl", "html", "kib", "mib", "gib", "bytes"}
_TAGS = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot|#\d+);")
_PATH = re.compile(r"(?:[A-Za-z]:)?[\w.\-~]*[/\\][^\s，。；：）)]*"
                   r"|\b[\w\-]+\.(?:kehu|csv|xlsx|pdf|ics|json|txt|png|jpg|jpeg)\b")
_SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt|Meta)\+\S+|\bF\d{1,2}\b")
_WORD = re.compile(r"[A-Za-z]{2,}")


def latin_words(text: str) -> list[str]:
    """The Latin words in ``text`` that a Chinese screen should not show."""
    text = _ENTITY.sub(" ", _TAGS.sub(" ", text))
    text = _SHORTCUT.sub(" ", _PATH.sub(" ", text))
    return [w for w in _WORD.findall(text) if w.lower() not in ALLOWED_WORDS]


# -- collecting texts -------------------------------------------------------------------

def _model_texts(view, rows: int = 25) -> Iterator[tuple[str, str]]:
    from PySide6.QtCore import QModelIndex, Qt
    model = view.model()
    if model is None:
        return
    header = getattr(view, "horizontalHeader", None) or getattr(view, "header", None)
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:   # a list model keeps it private
        columns = 1
    for column in range(columns):
        if header is not None and header().isSectionHidden(column):
            continue
        value = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if value:
            yield "header", str(value)
        tip = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        if tip:
            yield "header tooltip", str(tip)

    def walk(parent: QModelIndex, depth: int) -> Iterator[tuple[str, str]]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(max(columns, 1)):
                index = model.index(row, column, parent)
                for role, where in ((Qt.ItemDataRole.DisplayRole, "cell"),
                                    (Qt.ItemDataRole.ToolTipRole, "cell tooltip")):
                    value = model.data(index, role)
                    if isinstance(value, str) and value:
                        yield where, value
            if depth < 2:
                yield from walk(model.index(row, 0, parent), depth + 1)
    yield from walk(QModelIndex(), 0)


def _action_texts(actions, seen: set) -> Iterator[tuple[str, str]]:
    for action in actions:
        if id(action) in seen or action.isSeparator():
            continue
        seen.add(id(action))
        if action.text():
            yield "action", action.text()
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            yield "action tooltip", action.toolTip()
        if action.statusTip():
            yield "action status tip", action.statusTip()
        menu = action.menu()
        if menu is not None:
            if menu.title():
                yield "menu", menu.title()
            yield from _action_texts(menu.actions(), seen)


def _tab_texts(w) -> Iterator[tuple[str, str]]:
    for i in range(w.count()):
        yield "tab", w.tabText(i)
        if w.tabToolTip(i):
            yield "tab tooltip", w.tabToolTip(i)


def _combo_texts(w, kind: str) -> Iterator[tuple[str, str]]:
    for i in range(min(w.count(), 40)):
        yield kind, w.itemText(i)
    if w.isEditable() and w.lineEdit() is not None:
        yield "placeholder", w.lineEdit().placeholderText()


def _chart_texts(chart) -> Iterator[tuple[str, str]]:
    yield "chart title", chart.title()
    for axis in chart.axes():
        yield "chart axis", axis.titleText()
        if hasattr(axis, "categories"):
            for category in axis.categories():
                yield "chart category", category
    for series in chart.series():
        yield "chart series", series.name()
        for bar_set in getattr(series, "barSets", lambda: [])():
            yield "chart bars", bar_set.label()


def _wizard_button_texts(w) -> Iterator[tuple[str, str]]:
    from PySide6.QtWidgets import QWizard
    for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                  QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton,
                  QWizard.WizardButton.CancelButton):
        yield "wizard button", w.buttonText(which)


def _content_texts(w, kind: str) -> Iterator[tuple[str, str]]:
    """The texts a widget shows, by its kind (label, button, tabs, combo items, fields, views, charts)."""
    from PySide6.QtCharts import QChartView
    from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox,
                                   QGroupBox, QLabel, QLineEdit, QPlainTextEdit, QTabBar, QTextEdit)
    if isinstance(w, QLabel):
        yield kind, w.text()
    elif isinstance(w, QAbstractButton):
        yield kind, w.text()
    elif isinstance(w, QGroupBox):
        yield kind, w.title()
    elif isinstance(w, QTabBar):
        yield from _tab_texts(w)
    elif isinstance(w, QComboBox):
        yield from _combo_texts(w, kind)
    elif isinstance(w, QLineEdit):
        yield "placeholder", w.placeholderText()
    elif isinstance(w, (QTextEdit, QPlainTextEdit)):
        yield kind, w.toPlainText()
        yield "placeholder", w.placeholderText()
    elif isinstance(w, QAbstractSpinBox):
        for attr in ("prefix", "suffix", "specialValueText"):
            if hasattr(w, attr):
                yield kind, getattr(w, attr)()
    elif isinstance(w, QAbstractItemView):
        for where, text in _model_texts(w):
            yield f"{kind} {where}", text
    elif isinstance(w, QChartView):
        yield from _chart_texts(w.chart())


def widget_texts(root) -> Iterator[tuple[str, str]]:
    """(kind, text) of every visible widget under ``root``, ``root`` included."""
    from PySide6.QtWidgets import (QMenu, QWizard, QWizardPage)
    seen_actions: set = set()
    widgets = [root, *root.findChildren(QWidget_type())]
    for w in widgets:
        if w is not root and not w.isVisibleTo(root) and not isinstance(w, QMenu):
            continue
        kind = type(w).__name__
        if w.isWindow() and w.windowTitle():
            yield f"{kind} title", w.windowTitle()
        if w.toolTip():
            yield f"{kind} tooltip", w.toolTip()
        yield from _content_texts(w, kind)
        if isinstance(w, QWizardPage):
            yield "page title", w.title()
            yield "page subtitle", w.subTitle()
        if isinstance(w, QWizard):
            yield from _wizard_button_texts(w)
        if not isinstance(w, QMenu) or w is root:
            yield from ((f"{kind} {k}", t) for k, t in _action_texts(w.actions(), seen_actions))


def QWidget_type():  # noqa: N802 - a type
    from PySide6.QtWidgets import QWidget
    return QWidget


# -- walking the window ---------------------------------------------------------------

class ScreenWalk:
    """Opens the window and its dialogs in Chinese and gathers what they show."""

    def __init__(self, archive_path: Path, shots: Path | None = None, language: str = "zh_CN"):
        self.archive_path = archive_path
        self.language = language
        self.shots = shots
        self.found: dict[str, set[str]] = {}     # text -> where it was seen
        self.layout: dict[str, set[str]] = {}    # what does not fit a 1366×768 screen -> where
        self.misordered: dict[str, set[str]] = {}  # a list of names not in pinyin order -> where
        self.name_lists: set[str] = set()          # the lists of names checked (view, column)
        self.known_names: dict[str, tuple[set[str], bool]] = {}
        self.screens: list[str] = []             # what was visited, in order
        self.prepare_dialog: dict[str, Callable] = {}
        self.import_file: Path | None = None

    # recording
    def record(self, where: str, texts) -> None:
        if self.language != "zh_CN":      # the English edition: only its layout is checked
            return
        for kind, text in texts:
            words = latin_words(text) if text else []
            if where.startswith("Qt "):
                words = [w for w in words if w.lower() not in QT_ALLOWED_WORDS]
            if words:
                self.found.setdefault(text, set()).add(f"{where} ({kind})")

    def look(self, where: str, widget) -> None:
        from gui.common import screen_fit
        self.settle()
        self.screens.append(where)
        self.record(where, widget_texts(widget))
        if not where.startswith("Qt "):          # Qt's own dialogs are Qt's layouts
            for problem in screen_fit.layout_problems(widget.window()):
                self.layout.setdefault(problem, set()).add(where)
            self.check_name_order(where, widget.window())
        self.shoot(where, widget)

    def check_name_order(self, where: str, root) -> None:
        """Lists of names in pinyin order, the program's sort key (model.customers.search.sort_key),
        either way: every table or tree sorted by a column of names (its header's sort
        arrow on it), the tables that list names by name (NAME_TABLES), and every combo
        box or list whose choices are the archive's areas, managers, circles or partners."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QComboBox, QListWidget, QTableView, QTreeView
        for view in [*root.findChildren(QTableView), *root.findChildren(QTreeView)]:
            header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
            model = view.model()
            if model is None or not view.isVisibleTo(root):
                continue
            if header.isSortIndicatorShown():
                column = header.sortIndicatorSection()
            elif view.objectName() in NAME_TABLES:
                column = 0
            else:
                continue
            title = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            if title in NAME_HEADERS:
                texts = [model.index(row, column).data() for row in range(min(model.rowCount(), 300))]
                self._in_order(where, f"{view.objectName() or type(view).__name__} ({title})", texts,
                               NAME_HEADERS[title])
        for widget in [*root.findChildren(QComboBox), *root.findChildren(QListWidget)]:
            if not widget.isVisibleTo(root):
                continue
            items = [widget.itemText(i) if isinstance(widget, QComboBox) else widget.item(i).text()
                     for i in range(widget.count())]
            for kind, (names, person) in self.known_names.items():
                texts = [t for t in items if t in names]
                if len(texts) >= 3:
                    self._in_order(where, f"{widget.objectName() or type(widget).__name__} ({kind})", texts,
                                   person)

    def _in_order(self, where: str, name: str, texts, person: bool) -> None:
        from model.customers.search import sort_key
        keys = [sort_key(t, person) for t in texts if isinstance(t, str) and t]
        self.name_lists.add(name)
        if keys != sorted(keys) and keys != sorted(keys, reverse=True):
            shown = ", ".join(k.split("\t")[-1] for k in keys[:6])
            self.misordered.setdefault(f"{name}: {shown}…", set()).add(where)

    def learn_names(self, conn) -> None:
        """The archive's areas, managers, circles and partners (for the lists' order)."""
        self.known_names = {
            "areas": ({r[0] for r in conn.execute("SELECT name FROM areas")}, False),
            "managers": ({r[0] for r in conn.execute("SELECT DISTINCT manager FROM customers "
                                                     "WHERE manager IS NOT NULL")}, True),
            "circles": ({r[0] for r in conn.execute("SELECT name FROM circles")}, False),
            "partners": ({r[0] for r in conn.execute("SELECT name FROM partners")}, False),
        }

    def shoot(self, where: str, widget) -> None:
        if self.shots is not None:
            name = re.sub(r"[^\w]+", "-", where).strip("-").lower()
            widget.grab().save(str(self.shots / f"{len(self.screens):02d}-{name}.png"))

    def settle(self, most: float = 20.0) -> None:
        """Let timers and background work finish."""
        from PySide6.QtCore import QThreadPool
        from PySide6.QtWidgets import QApplication
        pool = QThreadPool.globalInstance()
        deadline = time.monotonic() + most
        quiet = 0
        while time.monotonic() < deadline and quiet < 4:
            QApplication.processEvents()
            pool.waitForDone(30)
            time.sleep(0.01)
            QApplication.processEvents()
            quiet = quiet + 1 if pool.activeThreadCount() == 0 else 0

    # dialogs, without running them modally
    @contextmanager
    def patched_dialogs(self) -> Iterator[None]:
        from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWizard
        walk = self

        def exec_(dialog) -> int:
            name = type(dialog).__name__
            dialog.show()
            if name in walk.prepare_dialog:
                walk.settle()
                walk.prepare_dialog[name](dialog)
            if isinstance(dialog, QWizard):
                walk._walk_wizard(dialog)
            else:
                walk.look(f"dialog {name}: {dialog.windowTitle()}", dialog)
            dialog.done(0)
            dialog.hide()
            return 0

        def static(title_arg: int, text_arg: int | None, result):
            def call(*args, **kw):
                args = list(args)
                texts = [("title", str(args[title_arg]) if len(args) > title_arg else "")]
                if text_arg is not None and len(args) > text_arg:
                    texts.append(("text", str(args[text_arg])))
                for key in ("caption", "filter", "title", "label", "text"):
                    if key in kw:
                        texts.append((key, str(kw[key])))
                walk.screens.append(f"static dialog: {texts[0][1]}")
                walk.record("static dialog", texts)
                return result() if callable(result) else result
            return staticmethod(call)

        with ExitStack() as stack:
            def patch(owner, name, value):
                # A name the class only inherits is deleted again afterwards: putting back
                # what getattr found would leave a patched base class's value on it for good.
                if name in owner.__dict__:
                    stack.callback(setattr, owner, name, owner.__dict__[name])
                else:
                    stack.callback(delattr, owner, name)
                setattr(owner, name, value)

            for cls in (QDialog, QMessageBox, QWizard, QFileDialog, QInputDialog):
                patch(cls, "exec", exec_)
            patch(QFileDialog, "getOpenFileName", static(1, 3, ("", "")))
            patch(QFileDialog, "getSaveFileName", static(1, 3, ("", "")))
            patch(QFileDialog, "getExistingDirectory", static(1, None, ""))
            patch(QInputDialog, "getText", static(1, 2, ("", False)))
            patch(QInputDialog, "getItem", static(1, 2, ("", False)))
            patch(QMessageBox, "about", static(1, 2, None))
            for name in ("question", "warning", "information", "critical"):
                patch(QMessageBox, name, static(1, 2, QMessageBox.StandardButton.No))
            yield

    def _walk_wizard(self, wizard) -> None:
        from PySide6.QtWidgets import QWizard
        name = type(wizard).__name__
        for _ in range(10):
            self.settle()
            page = wizard.currentPage()
            self.look(f"wizard {name}: {page.title() if page else ''}", wizard)
            before = wizard.currentId()
            button = (wizard.button(QWizard.WizardButton.CommitButton)
                      if page is not None and page.isCommitPage() else
                      wizard.button(QWizard.WizardButton.NextButton))
            if not button.isVisible() or not button.isEnabled():
                break
            button.click()
            self.settle()
            if wizard.currentId() == before:
                self.look(f"wizard {name}: after {button.text()}", wizard)
                break

    # the walk
    def run(self) -> None:
        from PySide6.QtWidgets import QApplication, QMenu

        from gui.main_window.main_window import MainWindow
        window = MainWindow(self.language)
        window.show()             # sized for the laptop screen the walk pretends (gui/common/screen_fit.py)
        try:
            self.look("start page", window)
            window.open_archive(self.archive_path)
            self.settle()
            self.learn_names(window.archive.conn)
            with self.patched_dialogs():
                self._areas(window)
                for key, menu in window.menus.items():   # read, not popped up (no grabs offscreen)
                    self.screens.append(f"menu {key}")
                    self.record(f"menu {key}", widget_texts(menu))
                self._customer_dialogs(window)
                self._visit_dialogs(window)
                self._marketing_dialogs(window)
                self._key_account_dialogs(window)
                self._partner_dialogs(window)
                self._passphrase_dialogs(window)
                for key in ("export", "backup", "restore", "check", "columns", "preferences", "about",
                            "save_view", "grade", "import", "audit_trail", "purge"):
                    self._trigger(window, key)
                self._guide(window)
                for menu in window.findChildren(QMenu):
                    if menu.parent() is not window.menuBar() and menu.actions():
                        self.record("menu", widget_texts(menu))
                self._lock_screen(window)
                self.qt_dialogs(window)
                self.look("main window at the end", window)
        finally:
            window.close()
            window.deleteLater()
            QApplication.processEvents()

    def _trigger(self, window, key: str) -> None:
        try:
            action = window.action(key)
        except KeyError:
            return
        if action.isEnabled():
            action.trigger()
            self.settle()
            self.look(f"main window after {key}", window)

    def qt_dialogs(self, parent) -> None:
        """Qt's own standard dialogs (file, colour, print, print preview,
        message box buttons, input, a text field's menu): Qt's Chinese translation leaves a
        few texts in English, which the program's translation fills (gui/common/qt_strings.py)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
        from PySide6.QtWidgets import (QColorDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox,
                                       QPushButton, QTabWidget)
        folder = Path(tempfile.mkdtemp(prefix="kehu-qt-"))
        (folder / "客户").mkdir()
        (folder / "名单.csv").write_bytes(b"x" * 2000)
        (folder / "说明.txt").write_bytes(b"x" * 5)
        dialogs = []
        for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
            for view in (QFileDialog.ViewMode.List, QFileDialog.ViewMode.Detail):
                dialog = QFileDialog(parent, "", str(folder))
                dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
                dialog.setAcceptMode(mode)
                dialog.setViewMode(view)
                dialogs.append((f"file dialog {mode.name} {view.name}", dialog))
        dialogs.append(("colour dialog", QColorDialog(parent)))
        printer = QPrinter()
        dialogs.append(("print dialog", QPrintDialog(printer, parent)))
        dialogs.append(("print preview", QPrintPreviewDialog(printer, parent)))
        standard = [button for button in QMessageBox.StandardButton if button not in (
            QMessageBox.StandardButton.NoButton, QMessageBox.StandardButton.FlagMask,
            QMessageBox.StandardButton.ButtonMask, QMessageBox.StandardButton.Default,
            QMessageBox.StandardButton.Escape, QMessageBox.StandardButton.FirstButton,
            QMessageBox.StandardButton.LastButton)]
        for part in range(0, len(standard), 6):     # six at a time: each button whole on the picture
            box = QMessageBox(parent)
            buttons = QMessageBox.StandardButton.NoButton
            for button in standard[part:part + 6]:
                buttons |= button
            box.setStandardButtons(buttons)
            box.setText("客户")
            box.setDetailedText("客户")
            dialogs.append((f"message box {part // 6 + 1}", box))
        dialogs.append(("input dialog", QInputDialog(parent)))
        for name, dialog in dialogs:
            dialog.show()
            if isinstance(dialog, QFileDialog):
                self._file_dialog(name, dialog, folder)
                continue
            for button in dialog.findChildren(QPushButton):   # the print dialog's Options >>
                if button.text().endswith(">>"):
                    button.click()
            tabs = dialog.findChildren(QTabWidget)
            for tab in tabs or [None]:
                for index in range(tab.count() if tab is not None else 1):
                    if tab is not None:
                        tab.setCurrentIndex(index)
                    self.look(f"Qt {name}" + (f", tab {index}" if tab is not None else ""), dialog)
            dialog.hide()
            dialog.deleteLater()
        field = QLineEdit(parent)
        menu = field.createStandardContextMenu()
        self.screens.append("Qt text field menu")
        self.record("Qt text field menu", widget_texts(menu))
        menu.deleteLater()
        field.deleteLater()

    def _file_dialog(self, name: str, dialog, folder: Path) -> None:
        """A file dialog's own texts and the Type and Size it gives our files (the names
        in the list are the user's files, not the program's texts)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QFileSystemModel
        self.settle(2)
        self.screens.append(f"Qt {name}")
        self.shoot(f"Qt {name}", dialog)
        self.record(f"Qt {name}", ((kind, text) for kind, text in widget_texts(dialog)
                                   if "cell" not in kind))
        model = dialog.findChild(QFileSystemModel)
        for column in range(model.columnCount()):
            self.record(f"Qt {name}", [("header", str(model.headerData(
                column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)))])
        for entry in folder.iterdir():
            index = model.index(str(entry))
            for column in (1, 2):     # size, type
                self.record(f"Qt {name}", [("cell", str(index.siblingAtColumn(column).data() or ""))])
        dialog.hide()
        dialog.deleteLater()

    def _guide(self, window) -> None:
        """Help → Guide, scrolled through (a non-modal window of its own)."""
        window.action("guide").trigger()
        guide = window._guide
        self.settle()
        self.look(f"guide: {guide.windowTitle()}", guide)
        guide.close()

    def _areas(self, window) -> None:
        for row in range(window.nav.count()):
            window.nav.setCurrentRow(row)
            self.settle()
            self.look(f"area {window.nav.item(row).text()}", window)
            page = window.stack.currentWidget()
            tabs = page.findChildren(_tab_widget_type()) if page is not None else []
            for tab in tabs:
                for index in range(tab.count()):
                    if tab.currentIndex() != index and tab.isVisible():
                        tab.setCurrentIndex(index)
                        self.look(f"area {window.nav.item(row).text()}, tab {tab.tabText(index)}", window)
        window.show_area("customers")
        self.settle()

    def _customer_dialogs(self, window) -> None:
        page = window.page()
        page.table.selectRow(0)
        page.table.setFocus()
        self.settle()
        self.look("customer list with a selection", window)
        for key in ("edit_customer", "log_contact", "new_customer", "delete_customer"):
            self._trigger(window, key)

    def editor_tabs(self, editor) -> None:
        """Every tab of the customer editor, and the grade panel's dialogs."""
        tabs = getattr(editor, "tabs", None)
        if tabs is not None:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                self.look(f"customer editor, tab {tabs.tabText(index)}", editor)
        panel = getattr(editor, "grade_panel", None)
        if panel is not None:
            buttons = list(getattr(panel, "override_buttons", {}).values())[:1]
            for button in [*buttons, getattr(panel, "answer_button", None)]:
                if button is not None and button.isEnabled():
                    button.click()
                    self.settle()

    def _visit_dialogs(self, window) -> None:
        page = window.show_area("visits")
        self.settle()
        if page is None:
            return
        for key in ("plan_visits", "tracking_log"):
            self._trigger(window, key)
        window.show_area("visits")
        panel = getattr(page, "plans", None)
        tabs = getattr(page, "tabs", None)
        if panel is None or tabs is None:
            return
        tabs.setCurrentWidget(panel)
        self.settle()
        plan = getattr(panel, "plan", None)
        planned = [v for day in plan.days for v in day.visits] if plan is not None else []
        if planned:
            panel.select_visit(planned[0].id)
            self.look("visit plan with a visit selected", window)
        for method, args in (("log_visit", ()), ("add_customer", ()), ("print_plan", ()),
                             ("export", ("ics",)), ("export", ("csv",)), ("delete_plan", ())):
            if hasattr(panel, method):
                getattr(panel, method)(*args)
                self.settle()
        menus = [a.menu() for a in panel.findChildren(QAction_type()) if a.menu() is not None]
        for menu in menus:
            self.record("visit plan menu", widget_texts(menu))


    def dialog_tabs(self, dialog) -> None:
        """Every tab of a dialog (the activity plan editor)."""
        tabs = getattr(dialog, "tabs", None)
        if tabs is not None:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                self.look(f"dialog {type(dialog).__name__}, tab {tabs.tabText(index)}", dialog)

    def _lock_screen(self, window) -> None:
        """The lock screen: plain and encrypted, after the idle time with kept edits,
        and an archive that cannot be opened again; then unlocked."""
        lock = getattr(window, "app_lock", None)
        if lock is None:
            return
        from PySide6.QtWidgets import QApplication
        lock.lock()
        deadline = time.monotonic() + 10
        while lock.closing and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        self.look("lock screen", window)
        name = lock.where.path.name
        lock.screen.show_locked(name, True, "idle", 10, True)
        self.look("lock screen, encrypted, after the idle time, edits kept", window)
        lock.screen.show_failure(f"{name}: 档案已被移动。")
        self.look("lock screen, archive cannot be opened", window)
        lock.screen.show_locked(name, False, "manual", 10, False)
        lock.unlock()
        deadline = time.monotonic() + 20
        while lock.locked and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.02)
        self.settle()

    def _passphrase_dialogs(self, window) -> None:
        """New / encrypt / change passphrase (a weak one typed: meter, mismatch, tick) and unlock
        (a wrong try said, the wait after five shown)."""
        from gui.archive import passphrase_dialogs as dialogs
        from model.archive import database
        from model.core.i18n import translate
        path = window.archive.path
        for mode in (dialogs.NEW, dialogs.ENCRYPT, dialogs.CHANGE):
            dialog = dialogs.NewPassphraseDialog(path, mode, window, database.new_key("x"))
            dialog.first.setText("abc")
            dialog.second.setText("abd")
            dialog.show()
            self.look(f"passphrase dialog ({mode}), weak and different", dialog)
            dialog.second.setText("abc")
            if dialog.plain is not None:
                dialog.plain.setChecked(True)
            self.look(f"passphrase dialog ({mode}), confirmed", dialog)
            dialog.close()
            dialog.deleteLater()
        dialog = dialogs.UnlockDialog(path, window, note=translate(
            "PassphraseDialogs", "The passphrase remembered on this computer no longer opens it, "
            "so it was forgotten."))
        dialog.error.setText(translate("Archive", "The passphrase does not open {path}. Check it "
                                       "(Caps Lock, keyboard layout) and try again.").format(path=path.name))
        dialog.error.setVisible(True)
        dialog.wait_label.setText(dialog.tr("Too many wrong tries: you can try again in {seconds} s.")
                                  .format(seconds=8))
        dialog.wait_label.setVisible(True)
        dialog.show()
        self.look("unlock dialog, wrong passphrase, waiting", dialog)
        dialog.close()
        dialog.deleteLater()

    def _marketing_dialogs(self, window) -> None:
        """Circles & activities: the circle, evaluation and activity dialogs, the plan editor,
        the outcome with its comparison, and printing."""
        page = window.show_area("marketing")
        self.settle()
        if page is None:
            return
        circles_panel, activities = page.circles, page.activities
        page.tabs.setCurrentWidget(circles_panel)
        circles_panel.new_circle()
        if circles_panel.ids:
            circles_panel.table.selectRow(0)
            for method in ("edit_circle", "evaluate", "record_activity"):
                getattr(circles_panel, method)()
                self.settle()
        page.tabs.setCurrentWidget(activities)
        activities.new_plan()
        from model.marketing import promotions
        from gui.marketing.promotion_dialogs import PlanDialog
        statuses = {}
        for plan_id in activities.ids:
            statuses.setdefault(promotions.get(window.archive.conn, plan_id).status, plan_id)
        for status, plan_id in statuses.items():
            activities.table.selectRow(activities.ids.index(plan_id))
            self.settle()
            self.look(f"activity plan ({status})", window)
            if status != promotions.DONE:
                PlanDialog.edit(window, window.archive, promotions.get(window.archive.conn, plan_id))
            else:
                activities.record_outcome()
                activities.print_plan(True)
            activities.print_plan(False)
            self.settle()
        self._trigger(window, "add_to_circle")

    def _key_account_dialogs(self, window) -> None:
        """Key accounts: every tab of an account with stores and checks, the ranking, and the
        account, store, region, contact, team, commitment, volume, store check and print dialogs."""
        page = window.show_area("key_accounts")
        self.settle()
        if page is None or not page.ids:
            return
        page.tabs.setCurrentWidget(page.splitter)     # the area walk left the ranking shown
        view = page.account
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            self.look(f"key account, tab {view.tabs.tabText(index)}", window)
        view.checks.view.selectRow(0)
        view.tabs.setCurrentIndex(4)
        self.look("key account, a store check chosen", window)
        page.tabs.setCurrentWidget(page.ranking)
        self.look("key accounts ranking", window)
        page.tabs.setCurrentWidget(page.splitter)
        page.new_account()
        view.edit_account()
        view.edit_team()
        view.add_store("store")
        view.add_store("region")
        view.add_contact()
        view.add_commitment()
        view.enter_volume()
        view.print_dossier()
        view.check_store.setCurrentIndex(1)
        view.new_check()
        view.print_check()
        self.settle()


    def _partner_dialogs(self, window) -> None:
        """Partners: every tab of a partner with runs, actions and targets, and the partner,
        agreement, outlet, checklist run (answered, with evidence and an action), action,
        done, target and print dialogs."""
        page = window.show_area("partners")
        self.settle()
        if page is None or not page.ids:
            return
        view = page.view
        flagged = [n for n in range(page.model.rowCount()) if page.model.index(n, 1).data()]
        page.table.selectRow(flagged[0] if flagged else 0)
        self.settle()
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            self.look(f"partner, tab {view.tabs.tabText(index)}", window)
        page.new_partner()
        view.edit_partner()
        view.edit_agreement()
        view.add_outlet()
        view.new_run()
        view.print_run()
        view.new_action()
        view.mark_done()
        view.set_target(None)
        self.settle()

    def _answer_checklist(self, dialog) -> None:
        """Answer a checklist run (met, not met, N/A), attach a file and add an action, so the
        live score, the evidence and the actions table show."""
        from pathlib import Path
        from gui.partners.checklist_run_dialog import PendingFile
        for n, row in enumerate(dialog.rows.values()):
            row.set_result(("met", "not_met", "na")[n % 3])
        first = next(iter(dialog.rows.values()))
        first.add_file(PendingFile(Path("盘点表.pdf").name, b"%PDF-1.4", False))
        dialog.action_text.setText("整理仓库")
        dialog.add_action()


def QAction_type():  # noqa: N802 - a type
    from PySide6.QtGui import QAction
    return QAction


def _tab_widget_type():
    from PySide6.QtWidgets import QTabWidget
    return QTabWidget




# -- the demo archive --------------------------------------------------------------------

def prepare_archive(folder: Path) -> Path:
    """A small graded demo archive with a saved visit plan, and a file to import."""
    from model.archive import backup, database
    from model.demo import demo
    from model import grading
    from model.visits import visit_plan
    path = folder / "演示档案.kehu"
    demo.build_demo(path, customers=CUSTOMERS, seed=1, as_of=AS_OF)
    with database.Archive.open(path) as archive:
        grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, AS_OF)))
        start = AS_OF + timedelta(days=(7 - AS_OF.weekday()) % 7 or 7)
        plan = visit_plan.build(archive.conn, visit_plan.PlanRequest(start=start, days=5, per_day=6,
                                                                     time_limit=0.2))
        visit_plan.save(archive.conn, plan, by="李经理")
        # An automatic backup, so the restore dialog lists one with its reason said.
        backup.make_backup(archive.conn, path, reason="before-import")
    return path


def write_import_file(folder: Path) -> Path:
    """A customer table with one column the import does not know (for the mapping page)."""
    path = folder / "新客户.csv"
    path.write_text("姓名,手机,小区,爱好\n"
                    "赵一,13811112222,阳光小区,钓鱼\n"
                    "钱二,12345,阳光小区,书法\n"
                    "孙三,13811112222,科技园,跑步\n", encoding="utf-8")
    return path


def english_on_screens(folder: Path, shots: Path | None = None) -> tuple[dict[str, set[str]], list[str]]:
    """Walk the Chinese window on a fresh demo archive in ``folder``.

    Returns ({text with English: where it was seen}, the screens visited)."""
    walk = walk_screens(folder, shots)
    return walk.found, walk.screens


def walk_screens(folder: Path, shots: Path | None = None, scale: int | None = 100,
                 language_code: str = "zh_CN") -> ScreenWalk:
    """Walk the Chinese window on a fresh demo archive in ``folder``, on a pretended
    1366×768 laptop screen (at ``scale`` per cent: 125 and 150 leave fewer logical
    pixels; None: the real screen, e.g. Xvfb with QT_SCALE_FACTOR); the walk's ``found``
    holds the English seen, its ``layout`` what did not fit. The caller owns the
    QApplication; Chinese translators are installed for the walk and the previous language is put back afterwards."""
    from gui.common import screen_fit
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from model.core import language, settings
    app = QApplication.instance()
    previous = settings.get(settings.LANGUAGE)
    previous_locale = QLocale()
    settings.put(settings.LANGUAGE, language_code)
    settings.put(settings.USER_NAME, "李经理")
    language.install_translators(app, language_code)
    QLocale.setDefault(QLocale(language_code))
    previous_area = screen_fit.simulated_area
    screen_fit.simulated_area = screen_fit.laptop_area(scale) if scale else None
    screen_fit.install(app)
    try:
        # The plan's reasons are written in the language of the day it is made.
        walk = ScreenWalk(prepare_archive(folder), shots, language_code)
        import_file = write_import_file(folder)
        walk.prepare_dialog["CustomerEditor"] = walk.editor_tabs
        walk.prepare_dialog["PlanDialog"] = walk.dialog_tabs
        walk.prepare_dialog["ChecklistRunDialog"] = walk._answer_checklist
        walk.prepare_dialog["StoreCheckDialog"] = (
            lambda dialog: dialog.rows and dialog.rows[0].result.setCurrentIndex(1))
        walk.prepare_dialog["ImportDialog"] = lambda wizard: wizard.currentPage().path_edit.setText(
            str(import_file))
        walk.run()
    finally:
        language.install_translators(app, previous if previous in language.SUPPORTED else "en")
        QLocale.setDefault(previous_locale)
        settings.put(settings.LANGUAGE, previous or "")
        screen_fit.simulated_area = previous_area
    return walk


def report(found: dict[str, set[str]]) -> str:
    lines = []
    for text, places in sorted(found.items()):
        words = ", ".join(dict.fromkeys(latin_words(text)))
        lines.append(f"{text!r}\n    English: {words}\n    seen in: {'; '.join(sorted(places)[:3])}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--screenshots", type=Path, help="save a PNG of every screen visited here")
    parser.add_argument("--scale", type=int, default=100, choices=(100, 125, 150),
                        help="the laptop's display scaling in per cent (fewer logical pixels)")
    parser.add_argument("--language", default="zh_CN", choices=("zh_CN", "en"),
                        help="en: walk the English edition for its layout only")
    parser.add_argument("--real-screen", action="store_true",
                        help="check against the real screen (xvfb-run with QT_SCALE_FACTOR) instead")
    args = parser.parse_args(argv)
    if not args.real_screen:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    with tempfile.TemporaryDirectory(prefix="kehu-zh-") as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        os.environ["KEHU_SETTINGS_DIR"] = tmp
        from gui.main_window.app import make_application
        app = make_application()
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
        walk = walk_screens(Path(tmp), args.screenshots, None if args.real_screen else args.scale,
                            args.language)
        del app
    print(f"{len(walk.screens)} screens visited:")
    for screen in walk.screens:
        print(f"  {screen}")
    for problem, places in sorted(walk.layout.items()):
        print(f"{problem}\n    seen in: {'; '.join(sorted(places)[:3])}")
    if walk.found:
        print(report(walk.found))
        print(f"{len(walk.found)} texts with English on Chinese screens")
    print(f"{len(walk.name_lists)} tables sorted by names checked for pinyin order")
    for problem, places in sorted(walk.misordered.items()):
        print(f"not in pinyin order: {problem}\n    seen in: {'; '.join(sorted(places)[:3])}")
    if walk.found or walk.layout or walk.misordered:
        print(f"{len(walk.layout)} layout problems" + ("" if args.real_screen else
                                                       f" on a 1366×768 screen at {args.scale} %"))
        return 1
    english = "No English left on the Chinese screens, and e" if args.language == "zh_CN" else "E"
    where = "this screen" if args.real_screen else f"1366×768 at {args.scale} %"
    print(f"{english}very screen fits {where}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
