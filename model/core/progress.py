"""How long work reports progress and learns it was cancelled, without knowing about Qt.

Model functions that can take long accept ``progress: Progress | None``; they
call ``progress.report(done, total)`` now and then and ``progress.check()``
between steps. ``check()`` raises :class:`Cancelled` once cancel was asked,
and the function's transaction rolls back, leaving the archive as it was.
"""
from __future__ import annotations

import threading


class Cancelled(Exception):
    """The user cancelled; nothing was written."""


class Progress:
    def __init__(self) -> None:
        self._cancel = threading.Event()

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        """Override to show progress; the base class ignores it."""

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


NO_PROGRESS = Progress()
