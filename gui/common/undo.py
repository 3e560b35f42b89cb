"""Edit → Undo / Redo (Ctrl+Z, Ctrl+Shift+Z): what the user did in the window, taken back.

The main window owns one ``QUndoStack`` (``window.undo_stack``), emptied when
another archive opens. Each step is a pair of model writes (do, take back),
each its own transaction through the model, so an undo is recorded like any
change (history rows, who and when): field edits in the editor, deletes, a
logged contact, a visit marked done, a move in a visit plan.

    undo.record(widget, text, redo, undo, after, changes=..., archive=...)  # the work is already done
    undo.perform(widget, text, redo, undo, after, changes=..., archive=...) # do it now, through the stack

With ``changes`` (a :class:`gui.common.operations.Changes`), ``redo`` and ``undo`` are
ops ``op(conn)``: each runs through :func:`gui.common.operations.write` (the archive's
writer connection, one transaction) and its notice refreshes the pages. Without it they
are plain calls for work that goes through the write API itself (a page's own task).

A text field's own Ctrl+Z (unsaved typing) comes first while it has the focus.
A step that can no longer be taken back (the customer was purged, say) says why
and leaves the stack.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from gui.common import operations
from gui.common.operations import Changes
from gui.common.tasks import show_error
from model.archive.database import Archive, ArchiveError
from model.core import settings
from model.core.i18n import translate
from model.customers import customers


def stack_for(widget: QWidget | None) -> QUndoStack | None:
    """The undo stack of the window ``widget`` belongs to (dialogs: their parent's)."""
    while widget is not None:
        stack = getattr(widget, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            return stack
        widget = widget.parentWidget()
    return None


class Step(QUndoCommand):
    """One undoable step: ``redo()`` and ``undo()`` call model writes (through
    ``operations.write`` when the step has ``changes``), then ``after``."""

    def __init__(self, text: str, redo: Callable[..., Any], undo: Callable[..., Any],
                 after: Callable[[], None] | None = None, done: bool = False,
                 parent_widget: QWidget | None = None, changes: Changes | None = None,
                 archive: Archive | None = None):
        super().__init__(text)
        self._redo, self._undo, self._after = redo, undo, after
        self._skip = done          # pushed after the work was done: the first redo does nothing
        self._widget = parent_widget
        self._changes, self._archive = changes, archive

    def _call(self, work: Callable[..., Any]) -> None:
        try:
            _run(self._widget, work, self._changes, self._archive)
        except ArchiveError as exc:
            self.setObsolete(True)   # it cannot be taken back (or done again): it leaves the stack
            show_error(self._widget, exc)
        if self._after is not None:
            self._after()

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self._call(self._redo)

    def undo(self) -> None:
        self._call(self._undo)


def _run(widget: QWidget | None, work: Callable[..., Any], changes: Changes | None,
         archive: Archive | None) -> Any:
    """``work(conn)`` through the write API when there are ``changes``, else ``work()``."""
    if changes is None:
        return work()
    if archive is None:
        raise ValueError("an undoable op needs the archive it writes to")   # a bug, not the user's
    return operations.write(widget, work, changes, archive=archive)


def record(widget: QWidget | None, text: str, redo: Callable[..., Any], undo: Callable[..., Any],
           after: Callable[[], None] | None = None, *, changes: Changes | None = None,
           archive: Archive | None = None) -> None:
    """Put work already done on the window's stack (nothing happens without a stack, or
    for ops without their archive).
    ``after`` runs after each undo and redo; its default is the window's refresh after a
    customer change for plain calls, nothing for ops (their notice refreshes)."""
    stack = stack_for(widget)
    if stack is not None and (changes is None or archive is not None):
        if changes is None:
            after = after or getattr(stack.parent(), "_after_customer_change", None)
        stack.push(Step(text, redo, undo, after, done=True, parent_widget=stack.parent(),
                        changes=changes, archive=archive))


def perform(widget: QWidget | None, text: str, redo: Callable[..., Any], undo: Callable[..., Any],
            after: Callable[[], None] | None = None, *, changes: Changes | None = None,
            archive: Archive | None = None) -> None:
    """Do the work now, through the window's stack when there is one."""
    stack = stack_for(widget)
    if stack is None:
        _run(widget, redo, changes, archive)
        if after is not None:
            after()
        return
    stack.push(Step(text, redo, undo, after, parent_widget=stack.parent(), changes=changes, archive=archive))


def actions(stack: QUndoStack, owner: QWidget, undo_text: str, redo_text: str) -> list:
    """The Edit menu's Undo and Redo actions, with their keys (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y)."""
    undo_action = stack.createUndoAction(owner, undo_text)
    undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    undo_action.setObjectName("action_undo")
    redo_action = stack.createRedoAction(owner, redo_text)
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo_action.setObjectName("action_redo")
    return [undo_action, redo_action]


def record_contact(widget: QWidget | None, archive: Archive, contact_id: int,
                   after: Callable[[], None] | None = None) -> None:
    """A contact just logged: Undo takes it back, Redo puts it back as it was (each an op
    through the write API)."""
    row = customers.contact(archive.conn, contact_id)
    if row is None:
        return
    changes = Changes.of(Changes.CUSTOMERS, Changes.CONTACTS, ids=[row["customer_id"]])
    record(widget, translate("Undo", "Log a contact"), lambda conn: customers.put_back_contact(conn, row),
           lambda conn: customers.remove_contact(conn, contact_id), after, changes=changes, archive=archive)


def record_edit(widget: QWidget | None, archive: Archive, customer_id: int, name: str, before: dict, after_values: dict,
                after: Callable[[], None] | None = None) -> None:
    """Fields saved in the editor: Undo writes the old values back (a history row each),
    through the write API."""
    if not after_values:
        return
    changes = Changes.of(Changes.CUSTOMERS, ids=None if "area_type" in after_values else [customer_id])
    record(widget, translate("Undo", "Edit {name}").format(name=name),
           lambda conn: customers.update(conn, customer_id, after_values, settings.user_name()),
           lambda conn: customers.update(conn, customer_id, before, settings.user_name()), after,
           changes=changes, archive=archive)
