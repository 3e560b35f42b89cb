"""The one ``sqlite3`` of the program: SQLCipher's DB-API module (encrypted archives),
never the standard library's. Import it from here (``from model.core.sqlite import
sqlite3``) or, as before, from :mod:`model.archive.database`, which re-exports it.
"""
from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3

__all__ = ["sqlite3"]
