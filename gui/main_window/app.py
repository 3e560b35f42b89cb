"""Start the window: ``python main.py [--archive PATH]``.

Opens ``--archive PATH``, else the archive used last, else shows the start
page (new / open / recent).

Environment:
- ``KEHU_SETTINGS_DIR``: keep settings in this folder instead of the user's
  (benchmarks, screenshots, trying things out).
- ``KEHU_BENCH_FIRST_PAINT=1``: print ``first-paint <seconds since the process
  started> <peak RSS in MB>`` right after the customer list first paints with
  rows, then quit (``benchmarks/bench_gui.py`` uses it). With
  ``KEHU_BENCH_FIRST_PAINT=settled`` it then waits until the background work
  of opening (search index, view counts) is done and prints ``settled ...``
  the same way before quitting.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication

from model.core import language, settings
from model.core.resources import resource_path


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python main.py")
    parser.add_argument("--archive", type=Path)
    return parser.parse_args(argv)


def make_application(argv0: str = "kehu") -> QApplication:
    """The QApplication with the program's names, language and high-DPI policy."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        if getattr(sys, "frozen", False) and sys.platform.startswith("linux"):
            # The bundle carries only the xcb platform plugin (build/kehu.spec): on a
            # Wayland desktop the window goes through XWayland.
            os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
        app = QApplication([argv0])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    chosen = language.chosen_language()
    language.install_translators(app, chosen)
    QLocale.setDefault(QLocale(chosen))
    app.setApplicationDisplayName(app.translate("MainWindow", "Kehu"))
    use_bundled_fonts(app)
    from gui.common import screen_fit
    screen_fit.install(app)      # every window and dialog whole on a laptop's screen
    return app


def use_bundled_fonts(app: QApplication) -> list[str]:
    """Register the CJK font the installer carries (``resources/fonts/``) and put it
    after the default family in the application font, so Chinese shows on a machine
    without a Chinese font; returns the families added. From source there is none."""
    folder = resource_path("fonts")
    if not folder.is_dir() or getattr(app, "_kehu_fonts", None) is not None:
        return getattr(app, "_kehu_fonts", None) or []
    families: list[str] = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".ttf", ".ttc", ".otf"):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    app._kehu_fonts = families
    if families:
        font = app.font()
        font.setFamilies([*font.families(), *(f for f in families if f not in font.families())])
        app.setFont(font)
    return families


def run_window(argv: list[str]) -> int:
    args = _parse(argv)
    folder = os.environ.get("KEHU_SETTINGS_DIR")
    if folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    app = make_application(sys.argv[0] if sys.argv else "kehu")
    from gui.main_window import first_run
    first_choice = None
    if not settings.get(settings.FIRST_RUN_DONE):
        first_run.apply_installer_pack()     # the pack an installer carries, once
    if first_run.should_show(args.archive is not None):
        first_choice = first_run.FirstRunDialog.ask()
    from gui.main_window.main_window import MainWindow
    window = MainWindow(language.chosen_language())
    if os.environ.get("KEHU_BENCH_FIRST_PAINT"):
        window._bench = _FirstPaint(window, app)   # keep it alive
    window.show()
    if not settings.name_is_set() and first_run.NameDialog.ask(window) is None:
        window.statusBar().showMessage(first_run.name_note(), 30000)
    path = args.archive
    if path is None:
        last = settings.get(settings.LAST_ARCHIVE)
        path = Path(last) if last and Path(last).exists() else None
    if path is not None:
        window.open_archive(path)
    elif first_choice is not None:
        QTimer.singleShot(0, lambda: first_run.start(window, first_choice))
    return app.exec()


class _FirstPaint(QObject):
    """Reports the first paint of a customer list with rows, then quits."""

    def __init__(self, window, app: QApplication):
        super().__init__(window)
        self._window, self._app = window, app
        self._done = False
        window.archive_changed.connect(self._watch)

    def _watch(self) -> None:
        # The figure is the customer list's first paint (Today is the first area now).
        if self._window.archive is not None:
            self._window.show_area("customers")
        page = self._window.page()
        if page is not None:
            page.table.viewport().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and not self._done:
            page = self._window.page()
            if page is not None and page.model.rowCount() > 0:
                self._done = True
                QTimer.singleShot(0, self._report)   # after this paint has finished
        return False

    def _report(self, what: str = "first-paint") -> None:
        import psutil
        started = psutil.Process().create_time()
        try:
            import resource
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        except ImportError:   # Windows
            peak = psutil.Process().memory_info().peak_wset / 2**20
        print(f"{what} {time.time() - started:.3f} {peak:.1f}", flush=True)
        if what == "first-paint" and os.environ.get("KEHU_BENCH_FIRST_PAINT") == "settled":
            self._wait_settled()
            return
        # Leave at once, without waiting for background work.
        os._exit(0)

    def _wait_settled(self) -> None:
        if self._window.busy():
            QTimer.singleShot(50, self._wait_settled)
        else:
            self._report("settled")
