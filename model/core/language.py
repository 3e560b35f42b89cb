"""The user's language: chosen in settings, else the system's; translators for Qt."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from model.core import settings
from model.core.resources import resource_path

SUPPORTED = ("en", "zh_CN")
_installed: list[QTranslator] = []
_current = "en"   # the language whose translators are installed now


def chosen_language() -> str:
    chosen = settings.get(settings.LANGUAGE)
    if chosen in SUPPORTED:
        return chosen
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def install_translators(app: QCoreApplication, language: str) -> bool:
    """Load the program's and Qt's own translations; True if the program's loaded."""
    global _current
    _current = language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "en":
        return True
    ours = QTranslator(app)
    loaded = ours.load(str(resource_path("translations", f"kehu_{language}.qm")))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded


def installed_language() -> str:
    """The language the program speaks now (what :func:`install_translators` installed)."""
    return _current
