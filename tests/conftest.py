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
def laptop_screen(monkeypatch):
    """Windows fit themselves on the screen (gui/screen_fit.py); the offscreen screen is
    800×800, so tests pretend the field laptop's 1366×768 instead."""
    from gui import screen_fit
    monkeypatch.setattr(screen_fit, "simulated_area", screen_fit.LAPTOP)


@pytest.fixture
def archive(tmp_path):
    """A new, empty archive in the test's own folder."""
    from model.database import Archive
    arch = Archive.create(tmp_path / "test.kehu")
    yield arch
    arch.close()
