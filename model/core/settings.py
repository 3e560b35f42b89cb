"""Settings, declared once with their type and default (stored with QSettings).

QtCore only, so the window and the command line read the same values.
Tests point QSettings at a temporary folder (see tests/conftest.py).
"""
from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "Kehu"
APPLICATION = "Kehu"


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any


# Not under "general/": in an INI file QSettings writes that group as [%General] and
# reads it back as "General", so a value stored there is lost when the program restarts.
LANGUAGE = Setting("interface/language", str, "")        # "" = the system's language
USER_NAME = Setting("user/name", str, "")                 # "" = the login name
RECENT_ARCHIVES = Setting("archive/recent", list, [])
LAST_ARCHIVE = Setting("archive/last", str, "")
FIRST_RUN_DONE = Setting("interface/first_run_done", bool, False)   # the first-run dialog was answered
IMPORT_MAPPINGS = Setting("import/mappings", dict, {})
LAST_CONTACT_CHANNEL = Setting("contacts/last_channel", str, "visit")
FILE_FOLDER = Setting("files/last_folder", str, "")        # where import/export file choosers start
# The main window (gui/main_window/main_window.py, gui/customers/columns.py, gui/customers/customer_filters.py).
WINDOW_GEOMETRY = Setting("window/geometry", bytes, b"")   # QWidget.saveGeometry()
WINDOW_STATE = Setting("window/state", bytes, b"")         # QMainWindow.saveState()
WINDOW_SPLITTERS = Setting("window/splitters", dict, {})   # splitter name -> [sizes]
CUSTOMER_COLUMNS = Setting("customers/columns", str, "")   # JSON: [{"key", "visible", "width"}]
SAVED_VIEWS = Setting("customers/saved_views", str, "[]")  # JSON: [{"name", "filter", "sort"}]
# Visit plans and printouts (gui/visits/plan_page.py, gui/visits/plan_dialogs.py).
BRANCH_NAME = Setting("printing/branch", str, "")          # printed in the page header
PRINT_FULL_PHONE = Setting("printing/full_phone", bool, False)   # else 138****5678
DAYS_OFF = Setting("planning/days_off", list, [])          # ISO dates the planner leaves out
PLAN_START_POINT = Setting("planning/start_point", str, "")  # "lat,lon" where the day starts
# The senior leader (副总级领导) who phones the A-tier customers monthly (model/grading/a_service.py);
# "" = the name in the branch's rules (a_service.json), if any.
SENIOR_LEADER = Setting("service/senior_leader", str, "")
BACKUP_ON_CLOSE = Setting("backup/on_close", bool, True)  # back up a changed archive when the window closes
# App lock (gui/main_window/app_lock.py): minutes without input before the window locks; 0 = never.
LOCK_IDLE_MINUTES = Setting("security/lock_idle_minutes", int, 10)


def store() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


def get(setting: Setting):
    value = store().value(setting.key, setting.default)
    if value is None:
        return setting.default
    if setting.type is list and not isinstance(value, list):
        return [value] if value else []
    if setting.type is dict and not isinstance(value, dict):
        return dict(setting.default)
    if setting.type in (str, int, float) and not isinstance(value, setting.type):
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default
    if setting.type is bool and not isinstance(value, bool):
        return str(value).lower() in ("1", "true", "yes")
    return value


def put(setting: Setting, value) -> None:
    s = store()
    s.setValue(setting.key, value)
    s.sync()


def name_is_set() -> bool:
    """Whether the user gave a name (in the window, or ``KEHU_USER`` for the command line);
    without one, changes are recorded under the login name, and the program says so."""
    return bool(get(USER_NAME) or os.environ.get("KEHU_USER", "").strip())


def user_name() -> str:
    """Who is recorded as making a change: the name given, else ``KEHU_USER``, else the login."""
    name = get(USER_NAME) or os.environ.get("KEHU_USER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "user"
