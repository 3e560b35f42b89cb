"""The archive's audit trail and purging deleted customers, as main-window actions.

Each handler takes the main window (:class:`gui.main_window.main_window.MainWindow`);
:func:`specs` gives their entries of the window's action registry.
"""
from __future__ import annotations

from gui.common.actions import ARCHIVE, ActionSpec
from model.core.i18n import translate


def specs() -> list[ActionSpec]:
    """This feature's actions (texts translated when called)."""
    return [
        ActionSpec("audit_trail", translate("Actions", "&Audit trail…"), show_audit_trail, "archive",
                   enabled_when=ARCHIVE, separator_before=True, requires="gui.archive.audit_dialog",
                   tip=translate("Actions", "Who exported, printed, backed up, restored, deleted or purged "
                                 "what, and when")),
        ActionSpec("purge", translate("Actions", "P&urge deleted customers…"), purge_deleted, "archive",
                   enabled_when=ARCHIVE, requires="gui.archive.purge_dialog",
                   tip=translate("Actions", "Remove deleted customers for good, from the archive and its "
                                 "backups")),
    ]


def show_audit_trail(window) -> None:
    from gui.archive.audit_dialog import AuditDialog
    if window.archive is not None:
        AuditDialog.show_for(window, window.archive)


def purge_deleted(window) -> None:
    from gui.archive.purge_dialog import PurgeDialog
    if window.archive is not None and PurgeDialog.run(window, window.archive):
        window._after_customer_change()
        window._update_status()
