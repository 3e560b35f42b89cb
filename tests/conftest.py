"""Each test gets its own temporary archive folder and its own settings."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """QSettings and the home folder point into a per-test temporary folder."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("KEHU_SETTINGS_DIR", str(folder))
    monkeypatch.delenv("KEHU_RULES_DIR", raising=False)
    yield folder


@pytest.fixture(autouse=True)
def modal_pollers_end_with_their_test():
    """A test's on_modal/on_modal_of pollers never answer a later test's boxes."""
    yield
    from tests import gui_helpers
    gui_helpers.end_of_test()


@pytest.fixture(autouse=True)
def laptop_screen(monkeypatch):
    """Windows fit themselves on the screen (gui/common/screen_fit.py); the offscreen screen is
    800×800, so tests pretend the field laptop's 1366×768 instead."""
    from gui.common import screen_fit
    monkeypatch.setattr(screen_fit, "simulated_area", screen_fit.LAPTOP)


@pytest.fixture
def archive(tmp_path):
    """A new, empty archive in the test's own folder."""
    from model.archive.database import Archive
    arch = Archive.create(tmp_path / "test.kehu")
    yield arch
    arch.close()


# A dialog nobody answers blocks the test in its exec(); without this the run would wait
# for the watchdog (pytest.ini's timeout) and end with no summary. A modal dialog still
# up after MODAL_SECONDS is closed and the test fails, naming the dialog and its text.
MODAL_SECONDS = 8.0


def _visible_text(widget) -> str:
    from PySide6.QtWidgets import QLabel, QMessageBox
    if isinstance(widget, QMessageBox):
        return " ".join(t for t in (widget.text(), widget.informativeText()) if t)
    return " | ".join(label.text() for label in widget.findChildren(QLabel)
                      if label.isVisible() and label.text())


@pytest.fixture(autouse=True)
def modal_guard(request):
    if not ({"qtbot", "qapp"} & set(request.fixturenames)):
        yield
        return
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog
    request.getfixturevalue("qapp")
    stuck: list[str] = []
    seen: dict[int, float] = {}

    def look() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            seen.clear()
            return
        first = seen.setdefault(id(widget), time.monotonic())
        if time.monotonic() - first < MODAL_SECONDS:
            return
        stuck.append(f"{type(widget).__name__} {widget.windowTitle()!r} was left open for "
                     f"{MODAL_SECONDS:.0f} s: {_visible_text(widget)!r}")
        seen.clear()
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)
        else:
            widget.close()

    timer = QTimer()
    timer.setInterval(250)
    timer.timeout.connect(look)
    timer.start()
    yield
    timer.stop()
    if stuck:
        pytest.fail("a modal dialog blocked the test: " + "; ".join(stuck), pytrace=False)
