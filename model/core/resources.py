"""Where the program's own files are, from source and from the frozen installer."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

# Resolved once: the rules are looked up on every customers.clean() call.
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def base_dir() -> Path:
    """The folder that holds ``resources/``: the source tree, or PyInstaller's bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return _SOURCE_ROOT


@lru_cache(maxsize=256)
def resource_path(*parts: str) -> Path:
    return base_dir().joinpath("resources", *parts)
