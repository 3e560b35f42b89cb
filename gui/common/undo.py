"""Edit → Undo / Redo (Ctrl+Z, Ctrl+Shift+Z): what the user did in the window, taken back.

The main window owns one ``QUndoStack`` (``window.undo_stack``), emptied when
another archive opens. Each step is a pair of model writes (do, take back),
each its own transaction through the model, so an undo is recorded like any
change (history rows, who and when): field edits in the editor, deletes, a
logged contact, a visit marked done, a move in a visit plan.

    undo.record(widget, text, redo, undo, after)    # the work is already done
    undo.perform(widget, text, redo, undo, after)   # do it now, through the stack

A text field's own Ctrl+Z (unsaved typing) comes first while it has the focus.
A step that can no longer be taken back (the customer was purged, say) says why
and leaves the stack.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from model.core.i18n import translate
from model.customers import customers
from model.core import settings
from model.archive.database import ArchiveError


def stack_for(widget: QWidget | None) -> QUndoStack | None:
    """The undo stack of the window ``widget`` belongs to (dialogs: their parent's)."""
    while widget is not None:
        stack = getattr(widget, "undo_stack", None)
        if isinstance(stack, QUndoStack):
            return stack
        widget = widget.parentWidget()
    return None


class Step(QUndoCommand):
    """One undoable step: ``redo()`` and ``undo()`` call model writes, then ``after``."""

    def __init__(self, text: str, redo: Callable[[], Any], undo: Callable[[], Any],
                 after: Callable[[], None] | None = None, done: bool = False,
                 parent_widget: QWidget | None = None):
        super().__init__(text)
        self._redo, self._undo, self._after = redo, undo, after
        self._skip = done          # pushed after the work was done: the first redo does nothing
        self._widget = parent_widget

    def _call(self, work: Callable[[], Any]) -> None:
        try:
            work()
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


def record(widget: QWidget | None, text: str, redo: Callable[[], Any], undo: Callable[[], Any],
           after: Callable[[], None] | None = None) -> None:
    """Put work already done on the window's stack (nothing happens without a stack).
    ``after`` (default: the window's refresh after a customer change) runs after each
    undo and redo."""
    stack = stack_for(widget)
    if stack is not None:
        after = after or getattr(stack.parent(), "_after_customer_change", None)
        stack.push(Step(text, redo, undo, after, done=True, parent_widget=stack.parent()))


def perform(widget: QWidget | None, text: str, redo: Callable[[], Any], undo: Callable[[], Any],
            after: Callable[[], None] | None = None) -> None:
    """Do the work now, through the window's stack when there is one."""
    stack = stack_for(widget)
    if stack is None:
        redo()
        if after is not None:
            after()
        return
    stack.push(Step(text, redo, undo, after, parent_widget=stack.parent()))


def actions(stack: QUndoStack, owner: QWidget, undo_text: str, redo_text: str) -> list:
    """The Edit menu's Undo and Redo actions, with their keys (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y)."""
    undo_action = stack.createUndoAction(owner, undo_text)
    undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
    undo_action.setObjectName("action_undo")
    redo_action = stack.createRedoAction(owner, redo_text)
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    redo_action.setObjectName("action_redo")
    return [undo_action, redo_action]


def record_contact(widget: QWidget | None, archive, contact_id: int,
                   after: Callable[[], None] | None = None) -> None:
    """A contact just logged: Undo takes it back, Redo puts it back as it was (each through
    the write API, ``gui.common.operations.write``)."""
    row = customers.contact(archive.conn, contact_id)
    if row is None:
        return
    changes = Changes.of(Changes.CONTACTS, ids=[row["customer_id"]])
    record(widget, translate("Undo", "Log a contact"),
           lambda: write(None, lambda conn: customers.put_back_contact(conn, row), changes, archive=archive),
           lambda: write(None, lambda conn: customers.remove_contact(conn, contact_id), changes, archive=archive),
           after)


def record_edit(widget: QWidget | None, archive, customer_id: int, name: str, before: dict, after_values: dict,
                after: Callable[[], None] | None = None) -> None:
    """Fields saved in the editor: Undo writes the old values back (a history row each),
    through the write API."""
    if not after_values:
        return
    changes = Changes.of(Changes.CUSTOMERS, ids=None if "area_type" in after_values else [customer_id])

    def put(values: dict):
        def update():
            by = settings.user_name()
            write(None, lambda conn: customers.update(conn, customer_id, values, by), changes, archive=archive)
        return update
    record(widget, translate("Undo", "Edit {name}").format(name=name), put(after_values), put(before), after)
