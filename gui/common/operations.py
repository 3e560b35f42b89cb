"""Every write from the window goes through this one API (the pattern of Anki's ``CollectionOp``).

    from gui.common.operations import Changes, write, run_write

    # a small write: the caller reads on as if it were a plain call; the GUI thread keeps
    # running its event loop meanwhile (a progress box shows if it takes long)
    contact_id = write(self, lambda conn: customers.add_contact(conn, cid, ..., by=user),
                       Changes.of(Changes.CONTACTS, ids=[cid]), archive=self.archive)

    # long work with progress and cancel (an import, a grading run):
    run_write(self, lambda conn, progress: importing.import_file(conn, path, progress=progress),
              Changes.of(Changes.CUSTOMERS), archive=self.archive,
              on_success=self._imported, title=self.tr("Importing"))

Each op runs on the archive's **one writer connection**, on the archive's writer thread
(one thread: ops run one after another, in the order given). ``write`` wraps its op in
``database.transaction(conn)``, so it lands whole or not at all; ``run_write`` leaves the
transactions to the long work (it commits in steps and rolls back on cancel).

When an op succeeds, its :class:`Changes` notice is sent on the GUI thread through
``changes_of(archive).changed``: pages connect to it (``changes_of(archive).changed.connect(
self.on_changes)``) and refresh what the notice touches. No page is probed for methods.

The GUI thread keeps ``archive.conn`` for its reads (the lazy table model, the pages);
WAL lets it read while the writer writes, and it sees each op's rows once the op returns.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtCore import QEventLoop, QObject, QThreadPool, Signal
from PySide6.QtWidgets import QWidget

from gui.common.tasks import TaskHandle, run_task
from model.archive import database
from model.core.progress import Progress


@dataclass(frozen=True)
class Changes:
    """What an op changed: kinds of records, and (when known) which customers."""

    kinds: frozenset[str] = field(default_factory=frozenset)
    customer_ids: frozenset[int] | None = None   # None: any customer (or not known)

    # The kinds a page may care about.
    CUSTOMERS = "customers"        # the record, a deletion, a purge, an import
    CONTACTS = "contacts"          # contacts (visits, calls) and their outcomes
    GRADES = "grades"              # computed grades, overrides, opportunity answers
    PLANS = "plans"                # visit plans and their visits
    PARTNERS = "partners"          # partners, outlets, 101 checklists, actions
    KEY_ACCOUNTS = "key_accounts"  # KA records, stores, volumes, store checks
    MARKETING = "marketing"        # circles and promotion activities
    CARE = "care"                  # complaints, surveys, care calls, A-tier service
    TARGETS = "targets"            # targets and the day's sheets
    RULES = "rules"                # the branch pack in force
    EVERYTHING = "everything"      # a restore, an archive-wide change

    @classmethod
    def of(cls, *kinds: str, ids=None) -> "Changes":
        return cls(frozenset(kinds), None if ids is None else frozenset(int(i) for i in ids))

    def __or__(self, other: "Changes") -> "Changes":
        ids = None if self.customer_ids is None or other.customer_ids is None \
            else self.customer_ids | other.customer_ids
        return Changes(self.kinds | other.kinds, ids)

    def touches(self, *kinds: str) -> bool:
        """Whether the op changed any of these kinds (EVERYTHING touches every kind)."""
        return self.EVERYTHING in self.kinds or any(k in self.kinds for k in kinds)


class ChangeNotices(QObject):
    """One per open archive: ``changed(Changes)`` after each op that succeeded."""

    changed = Signal(object)


class _Writer:
    """The archive's writer thread and the one connection that thread writes on."""

    def __init__(self, archive: database.Archive):
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)     # one writer: ops run in order, one at a time
        self.notices = ChangeNotices()
        self._archive = weakref.ref(archive)
        self._conn = None

    def connection(self):
        """The writer connection, opened the first time an op needs it (only the writer
        thread uses it: the pool runs one op at a time)."""
        if self._conn is None:
            archive = self._archive()
            if archive is None:
                raise database.ArchiveError("closed")
            self._conn = archive.reader()
        return self._conn

    def close(self) -> None:
        """Wait for the ops in hand, then close the connection (when the archive closes)."""
        self.pool.waitForDone()
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()


_writers: "weakref.WeakKeyDictionary[database.Archive, _Writer]" = weakref.WeakKeyDictionary()


def _writer(archive: database.Archive) -> _Writer:
    writer = _writers.get(archive)
    if writer is None:
        writer = _writers[archive] = _Writer(archive)
        archive.on_close(writer.close)
    return writer


def changes_of(archive: database.Archive) -> ChangeNotices:
    """The archive's change notices: connect a page's ``on_changes`` to ``.changed``."""
    return _writer(archive).notices


def notify(archive: database.Archive, changes: Changes) -> None:
    """Send a notice for a change made elsewhere (a dialog's own op that already ran)."""
    _writer(archive).notices.changed.emit(changes)


def run_write(parent: QWidget | None, op: Callable[[Any, Progress], Any], changes: Changes, *,
              archive: database.Archive,
              on_success: Callable[[Any], None] | None = None,
              on_failure: Callable[[BaseException], None] | None = None,
              on_cancel: Callable[[], None] | None = None,
              title: str = "", cancellable: bool = True, show_after_ms: int = 400) -> TaskHandle:
    """Long work that writes: ``op(conn, progress)`` on the writer thread, with progress
    and cancel; the notice goes out, then ``on_success(result)``. A cancelled op sends
    no notice (its transaction rolled back)."""
    writer = _writer(archive)

    def work(progress: Progress):
        return op(writer.connection(), progress)

    def succeeded(result):
        writer.notices.changed.emit(changes)
        if on_success is not None:
            on_success(result)

    return run_task(parent, work, on_success=succeeded, on_failure=on_failure, on_cancel=on_cancel,
                    title=title, cancellable=cancellable, show_after_ms=show_after_ms, pool=writer.pool)


def write(parent: QWidget | None, op: Callable[[Any], Any], changes: Changes, *,
          archive: database.Archive, title: str = "") -> Any:
    """A small write: ``op(conn)`` on the writer thread inside one transaction. Returns
    its result, or raises its error, to the caller; the GUI thread's event loop runs
    meanwhile. The notice goes out before this returns."""
    writer = _writer(archive)
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def work(_progress: Progress):
        conn = writer.connection()
        with database.transaction(conn):
            return op(conn)

    def succeeded(result):
        outcome["result"] = result
        loop.quit()

    def failed(exc):
        outcome["error"] = exc
        loop.quit()

    handle = run_task(parent, work, on_success=succeeded, on_failure=failed, on_cancel=loop.quit,
                      title=title or "", cancellable=False, show_after_ms=600, pool=writer.pool)
    if not handle.finished:
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    if "error" in outcome:
        raise outcome["error"]
    writer.notices.changed.emit(changes)
    return outcome.get("result")
