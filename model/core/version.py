"""The program's version, shown in Help → About, and what the build step recorded.

From source there is no build information. The build (``build/build.sh``)
writes ``resources/build_info.json`` into the bundle::

    {"version": "0.1.0", "date": "2026-11-22", "commit": "7f9028f"}

and :func:`build_info` reads it; ``BUILD_DATE`` is its date (None from source).
"""
from __future__ import annotations

import json
from functools import lru_cache

from model.core.resources import resource_path

__version__ = "0.1.0"

BUILD_INFO_FILE = "build_info.json"


@lru_cache(maxsize=1)
def build_info() -> dict[str, str]:
    """What the build recorded (version, date, commit); empty when running from source
    or when the file cannot be read."""
    try:
        data = json.loads(resource_path(BUILD_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: str(value) for key, value in data.items() if key in ("version", "date", "commit") and value}


BUILD_DATE: str | None = build_info().get("date")
BUILD_COMMIT: str | None = build_info().get("commit")
