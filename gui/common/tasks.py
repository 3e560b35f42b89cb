"""Long work off the GUI thread, through one small API (STYLE.md pattern 4).

    run_task(parent, work, on_success=..., title=tr("Importing"), cancellable=True)

``work(progress)`` runs on a worker thread and must not touch widgets; it
gets a :class:`model.core.progress.Progress` to report on and to check for cancel.
Its result, or its error, comes back on the GUI thread: ``on_success(result)``,
or ``on_failure(exc)`` (default: a message box; a :class:`Cancelled` is quiet
unless ``on_cancel`` is given). A progress dialog with Cancel shows when the
work takes longer than a moment.
"""
from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from model.archive.database import ArchiveError
from model.core.i18n import translate
from model.core.progress import Cancelled, Progress


class _Signals(QObject):
    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)


class _SignalProgress(Progress):
    def __init__(self, signals: _Signals):
        super().__init__()
        self._signals = signals

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self._signals.progressed.emit(int(done), int(total or 0), text)


class _Runnable(QRunnable):
    def __init__(self, work: Callable[[Progress], Any], signals: _Signals, progress: Progress,
                 emitted: threading.Event):
        super().__init__()
        self.setAutoDelete(True)
        self._work, self._signals, self._progress, self._emitted = work, signals, progress, emitted

    def run(self) -> None:
        # Let go of the work (and what it holds, e.g. an archive and its key) as soon as
        # it returns: the pool may keep this object for a while after.
        work, self._work = self._work, None
        try:
            result = work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI
            self._signals.failed.emit(exc, traceback.format_exc())
        else:
            self._signals.succeeded.emit(result)
        finally:
            self._emitted.set()


class TaskHandle(QObject):
    """A running task: cancel it, or wait for it in tests."""

    done = Signal()

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool, show_after_ms: int):
        super().__init__(parent)
        self.signals = _Signals()
        self.progress = _SignalProgress(self.signals)
        self.finished = False
        self.emitted = threading.Event()   # set once the worker's emit has returned
        self.dialog: QProgressDialog | None = None
        if parent is not None and title:
            self.dialog = QProgressDialog(title, self.tr("Cancel") if cancellable else "", 0, 0,
                                          parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(show_after_ms)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            if not cancellable:
                self.dialog.setCancelButton(None)
            self.dialog.canceled.connect(self.cancel)
        self.signals.progressed.connect(self._on_progress)

    @Slot()
    def cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is None or self.finished:
            return
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))
        if text:
            self.dialog.setLabelText(text)

    def _finish(self) -> None:
        self.finished = True
        _unowned.discard(self)
        # The connections hold the callbacks, and they the handle and what the work used
        # (an archive and its key): a cycle Python cannot see. Nothing comes after this.
        # The queued call can arrive while the worker is still inside its emit, and
        # disconnecting then crashes it: wait (a moment) until that emit has returned.
        self.emitted.wait()
        for signal in (self.signals.succeeded, self.signals.failed, self.signals.progressed):
            signal.disconnect()
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None
        self.done.emit()


# Handles of tasks started without a parent widget, kept until their work ends.
_unowned: set[TaskHandle] = set()


def show_error(parent: QWidget | None, exc: BaseException, details: str = "") -> None:
    """A failure in words the user understands; a bug also shows its details."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("Errors", "Kehu"))
    if isinstance(exc, ArchiveError):
        box.setText(str(exc))
    else:
        box.setText(translate("Errors", "Something went wrong; nothing was saved.") + "\n\n" + str(exc))
        if details:
            box.setDetailedText(details)
    box.exec()


def run_task(parent: QWidget | None, work: Callable[[Progress], Any], *,
             on_success: Callable[[Any], None] | None = None,
             on_failure: Callable[[BaseException], None] | None = None,
             on_cancel: Callable[[], None] | None = None,
             title: str = "", cancellable: bool = True, show_after_ms: int = 400,
             pool: QThreadPool | None = None) -> TaskHandle:
    handle = TaskHandle(parent, title, cancellable, show_after_ms)
    if parent is None:
        _unowned.add(handle)   # nothing else keeps it alive until the work ends

    def succeeded(result):
        if not shiboken6.isValid(handle):
            return   # its parent widget was closed meanwhile: nobody to tell
        handle._finish()
        if on_success is not None:
            on_success(result)

    def failed(exc, details):
        if not shiboken6.isValid(handle):
            return
        handle._finish()
        if isinstance(exc, Cancelled):
            if on_cancel is not None:
                on_cancel()
            return
        if on_failure is not None:
            on_failure(exc)
        else:
            show_error(parent, exc, details)

    handle.signals.succeeded.connect(succeeded, Qt.ConnectionType.QueuedConnection)
    handle.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    runnable = _Runnable(work, handle.signals, handle.progress, handle.emitted)
    # Start on the next turn of the event loop so callers can connect to the handle first.
    QTimer.singleShot(0, lambda: (pool or QThreadPool.globalInstance()).start(runnable))
    return handle
