"""The program's icons: ``icon("archive-open")`` is resources/icons/archive-open.svg."""
from __future__ import annotations

from PySide6.QtGui import QIcon

from model.core.resources import resource_path


def icon(name: str) -> QIcon:
    """An icon from resources/icons (SVG, so it is sharp at any scale)."""
    return QIcon(str(resource_path("icons", f"{name}.svg")))
