"""The program's version, shown in Help → About and written by the build step.

``BUILD_DATE`` stays None when running from source; the packaging step may
write the date it built the installer into ``model/_build_info.py``
(``BUILD_DATE = "YYYY-MM-DD"``), and only then is it shown.
"""
from __future__ import annotations

__version__ = "0.1.0"

try:  # written by the build step only
    from model._build_info import BUILD_DATE  # type: ignore[import-not-found]
except ImportError:
    BUILD_DATE: str | None = None
