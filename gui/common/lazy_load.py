"""Pages that read their data the first time they are shown and again when marked
stale (``mark_stale``): the Visits area's due list, the Today page. A subclass sets
``self.task`` (a ``gui.common.tasks.TaskHandle``) in its ``load()``.

A page (not a panel inside one) connects ``gui.common.operations.changes_of(archive).changed``
to ``on_changes`` in its constructor: a notice that touches one of ``STALE_ON`` marks it stale."""
from __future__ import annotations

from gui.common.operations import Changes


class LoadsWhenShown:
    """Mixin for a QWidget page: put it before QWidget among the bases."""

    task = None
    _shown_once = False
    STALE_ON: tuple[str, ...] = (Changes.CUSTOMERS, Changes.CONTACTS)

    def load(self):  # pragma: no cover - each page says what it reads
        raise NotImplementedError

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self.busy():
                self.load()

    def busy(self) -> bool:
        return self.task is not None and not self.task.finished

    def mark_stale(self) -> None:
        """The data may have changed: read again now if shown, else when next shown."""
        if self.isVisible():
            if not self.busy():
                self.load()
        else:
            self._shown_once = False

    def on_changes(self, changes: Changes) -> None:
        """A change notice: read again if it touches what the page shows."""
        if changes.touches(*self.STALE_ON):
            self.mark_stale()
