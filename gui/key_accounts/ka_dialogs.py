"""Small dialogs of the Key accounts area, each with a small result API:

    account_id = AccountDialog.edit(parent, archive, account_id=None)        # saved id or None
    store_id = StoreDialog.edit(parent, archive, account_id, store_id=None, kind="store")
    contact_id = ContactDialog.edit(parent, archive, account_id, contact_id=None)
    TeamDialog.edit(parent, archive, account_id) -> bool
    commitment_id = CommitmentDialog.edit(parent, archive, account_id, commitment_id=None, store_id=None)
    period = VolumeDialog.edit(parent, archive, account_id, period=None)      # the period saved or None
    KaPrintDialog.run(parent, archive, account_id)                          # the PDF written or None
    StoreCheckPrintDialog.run(parent, archive, check_id)

Every save is one ``model.key_accounts.key_accounts`` call in one write operation
(``gui.common.operations.write``: the writer thread, one transaction, a KEY_ACCOUNTS
change notice); a problem is shown in the dialog's own error line and nothing is saved.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (QCheckBox, QDialog, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QSpinBox,
                               QWidget)

from gui.common.operations import Changes, write
from gui.common.forms import form_dialog, show_problem
from model.archive.page_header import branch_name
from gui.visits.print_dialogs import PrintDialog
from gui.common.widgets import ChoiceCombo, DateField
from model.key_accounts import ka_volumes, key_accounts as ka
from model.core import settings
from model.archive.database import Archive
from model.core.i18n import translate


def scope_choices() -> list[tuple[str, str]]:
    return [(ka.scope_label(s), s) for s in ka.SCOPES]


def kind_choices() -> list[tuple[str, str]]:
    return [(ka.kind_label(k), k) for k in ka.COMMITMENT_KINDS]


def store_choices(conn, account_id: int, everywhere: str) -> list[tuple[str, int | None]]:
    """'All stores' (None) and each store of the account, by code."""
    return [(everywhere, None)] + [(f"{s.code} {s.name}", s.id) for s in ka.stores(conn, account_id, ka.STORE)]


class _Dialog(QDialog):
    """A form, an error line, Save and Cancel; ``save()`` writes and returns the id."""

    def __init__(self, parent: QWidget | None, archive: Archive):
        super().__init__(parent)
        self.archive = archive
        self.saved = None
        self.form = QFormLayout()

    def finish(self, width_chars: int = 44) -> None:
        self.error = form_dialog(self, self.form, width_chars)

    def save(self):
        raise NotImplementedError   # each dialog says what it writes

    def _write(self, op):
        """Run ``op(conn)`` as the dialog's one write operation; returns its result."""
        return write(self, op, Changes.of(Changes.KEY_ACCOUNTS), archive=self.archive)

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except Exception as exc:  # noqa: BLE001 - shown in the dialog; nothing saved
            show_problem(self.error, exc)
            return
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, *args, **kw):
        dialog = cls(parent, *args, **kw)
        try:
            return dialog.saved if dialog.exec() else None
        finally:
            dialog.deleteLater()


class AccountDialog(_Dialog):
    """A key account's name, national or regional, channel, head office and notes."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int | None = None):
        super().__init__(parent, archive)
        self.setWindowTitle(self.tr("Key account"))
        self.account_id = account_id
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("ka_name")
        self.scope = ChoiceCombo(scope_choices(), self)
        self.channel_edit = QLineEdit(self)
        self.channel_edit.setPlaceholderText(self.tr("e.g. 大卖场, 社区超市, 便利店"))
        self.head_office_edit = QLineEdit(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 4)
        if account_id is not None:
            a = ka.get_account(archive.conn, account_id)
            self.name_edit.setText(a.name)
            self.scope.set_value(a.scope)
            self.channel_edit.setText(a.channel or "")
            self.head_office_edit.setText(a.head_office or "")
            self.notes_edit.setPlainText(a.notes or "")
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.form.addRow(self.tr("&Type:"), self.scope)
        self.form.addRow(self.tr("&Channel / format:"), self.channel_edit)
        self.form.addRow(self.tr("&Head office address:"), self.head_office_edit)
        self.form.addRow(self.tr("N&otes:"), self.notes_edit)
        self.finish()

    def save(self) -> int:
        values = {"name": self.name_edit.text(), "scope": self.scope.value(), "channel": self.channel_edit.text(),
                  "head_office": self.head_office_edit.text(), "notes": self.notes_edit.toPlainText()}
        account_id, by = self.account_id, settings.user_name()
        if account_id is None:
            return self._write(lambda conn: ka.create_account(conn, values, by))
        self._write(lambda conn: ka.update_account(conn, account_id, values, by))
        return account_id


class StoreDialog(_Dialog):
    """A store (code, name, region, city, address, coordinates, notes) or a region (code, name)."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int, store_id: int | None = None,
                 kind: str = ka.STORE):
        store = ka.get_store(archive.conn, store_id) if store_id is not None else None
        kind = store.kind if store else kind
        super().__init__(parent, archive)
        self.setWindowTitle(self.tr("Region") if kind == ka.REGION else self.tr("Store"))
        self.account_id, self.store_id, self.kind = account_id, store_id, kind
        self.code_edit = QLineEdit(self)
        self.code_edit.setObjectName("store_code")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("store_name")
        self.form.addRow(self.tr("&Code:"), self.code_edit)
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.region = ChoiceCombo([(self.tr("(directly under the head office)"), None)] + [
            (f"{r.code} {r.name}", r.code) for r in ka.stores(archive.conn, account_id, ka.REGION)], self)
        self.city_edit, self.address_edit = QLineEdit(self), QLineEdit(self)
        self.latitude_edit, self.longitude_edit = QLineEdit(self), QLineEdit(self)
        self.latitude_edit.setPlaceholderText(self.tr("e.g. 31.23"))
        self.longitude_edit.setPlaceholderText(self.tr("e.g. 121.47"))
        self.notes_edit = QLineEdit(self)
        if kind == ka.STORE:
            self.form.addRow(self.tr("&Region:"), self.region)
            self.form.addRow(self.tr("C&ity:"), self.city_edit)
            self.form.addRow(self.tr("&Address:"), self.address_edit)
            self.form.addRow(self.tr("&Latitude:"), self.latitude_edit)
            self.form.addRow(self.tr("L&ongitude:"), self.longitude_edit)
            self.form.addRow(self.tr("No&tes:"), self.notes_edit)
        for edit in (self.region, self.city_edit, self.address_edit, self.latitude_edit, self.longitude_edit,
                     self.notes_edit):
            edit.setVisible(kind == ka.STORE)
        if store is not None:
            self.code_edit.setText(store.code)
            self.name_edit.setText(store.name)
            if store.parent_id:
                self.region.set_value(ka.get_store(archive.conn, store.parent_id).code)
            self.city_edit.setText(store.city or "")
            self.address_edit.setText(store.address or "")
            self.latitude_edit.setText("" if store.latitude is None else f"{store.latitude:g}")
            self.longitude_edit.setText("" if store.longitude is None else f"{store.longitude:g}")
            self.notes_edit.setText(store.notes or "")
        self.finish(40)

    def save(self) -> int:
        values = {"kind": self.kind, "code": self.code_edit.text(), "name": self.name_edit.text()}
        if self.kind == ka.STORE:
            values.update(parent=self.region.value(), city=self.city_edit.text(), address=self.address_edit.text(),
                          latitude=self.latitude_edit.text(), longitude=self.longitude_edit.text(),
                          notes=self.notes_edit.text())
        account_id, store_id, by = self.account_id, self.store_id, settings.user_name()
        return self._write(lambda conn: ka.save_store(conn, account_id, values, by, store_id))


class ContactDialog(_Dialog):
    """A contact at the chain: name, role, phone, store (or head office), KeyMan, notes."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int, contact_id: int | None = None):
        super().__init__(parent, archive)
        self.setWindowTitle(self.tr("Contact"))
        self.account_id, self.contact_id = account_id, contact_id
        self.name_edit, self.role_edit, self.phone_edit = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.name_edit.setObjectName("contact_name")
        self.role_edit.setPlaceholderText(self.tr("e.g. 采购总监, 品类经理, 店长"))
        self.store = ChoiceCombo(store_choices(archive.conn, account_id, self.tr("Head office")), self)
        self.keyman = QCheckBox(self.tr("&KeyMan: the decision maker (at most one per account)"), self)
        self.notes_edit = QLineEdit(self)
        if contact_id is not None:
            c = next(c for c in ka.contacts(archive.conn, account_id) if c.id == contact_id)
            self.name_edit.setText(c.name)
            self.role_edit.setText(c.role or "")
            self.phone_edit.setText(c.phone or "")
            self.store.set_value(c.store_id)
            self.keyman.setChecked(c.is_keyman)
            self.notes_edit.setText(c.notes or "")
        self.form.addRow(self.tr("&Name:"), self.name_edit)
        self.form.addRow(self.tr("&Role:"), self.role_edit)
        self.form.addRow(self.tr("&Phone:"), self.phone_edit)
        self.form.addRow(self.tr("&Works at:"), self.store)
        self.form.addRow("", self.keyman)
        self.form.addRow(self.tr("No&tes:"), self.notes_edit)
        self.finish()

    def save(self) -> int:
        values = {"name": self.name_edit.text(), "role": self.role_edit.text(), "phone": self.phone_edit.text(),
                  "store_id": self.store.value(), "is_keyman": self.keyman.isChecked(),
                  "notes": self.notes_edit.text()}
        account_id, contact_id, by = self.account_id, self.contact_id, settings.user_name()
        return self._write(lambda conn: ka.save_contact(conn, account_id, values, by, contact_id))


class TeamDialog(_Dialog):
    """The KA team: the account manager, and the people for service, operation and
    merchandising (several names separated by commas)."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int):
        super().__init__(parent, archive)
        self.setWindowTitle(self.tr("KA team"))
        self.account_id = account_id
        current = ka.team(archive.conn, account_id)
        self.edits: dict[str, QLineEdit] = {}
        for role in ka.TEAM_ROLES:
            edit = QLineEdit("、".join(p for r, p in current if r == role), self)
            edit.setObjectName(f"team_{role}")
            if role != "manager":
                edit.setPlaceholderText(self.tr("several names: separate them with commas"))
            self.edits[role] = edit
            self.form.addRow(ka.role_label(role) + ":", edit)
        self.finish()

    def save(self) -> bool:
        members = []
        for role, edit in self.edits.items():
            for name in edit.text().replace("，", ",").replace("、", ",").split(","):
                members.append((role, name))
        account_id, by = self.account_id, settings.user_name()
        self._write(lambda conn: ka.set_team(conn, account_id, members, by))
        return True


class CommitmentDialog(_Dialog):
    """A merchandising commitment: what kind, what exactly, for which store (or all), when."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int, commitment_id: int | None = None,
                 store_id: int | None = None):
        super().__init__(parent, archive)
        self.setWindowTitle(self.tr("Merchandising commitment"))
        self.account_id, self.commitment_id = account_id, commitment_id
        self.kind = ChoiceCombo(kind_choices(), self)
        self.description_edit = QLineEdit(self)
        self.description_edit.setObjectName("commitment_description")
        self.description_edit.setPlaceholderText(self.tr("e.g. 主通道端架1组，满陈列"))
        self.store = ChoiceCombo(store_choices(archive.conn, account_id, self.tr("All stores")), self)
        self.store.set_value(store_id)
        self.starts, self.ends = DateField(self), DateField(self)
        if commitment_id is not None:
            c = next(c for c in ka.commitments(archive.conn, account_id) if c.id == commitment_id)
            self.kind.set_value(c.kind)
            self.description_edit.setText(c.description)
            self.store.set_value(c.store_id)
            self.starts.setText(c.starts_on)
            self.ends.setText(c.ends_on)
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&What:"), self.description_edit)
        self.form.addRow(self.tr("&For:"), self.store)
        self.form.addRow(self.tr("&From:"), self.starts)
        self.form.addRow(self.tr("&Until:"), self.ends)
        self.finish()

    def save(self) -> int:
        values = {"kind": self.kind.value(), "description": self.description_edit.text(),
                  "store_id": self.store.value(), "starts_on": self.starts.text(), "ends_on": self.ends.text()}
        account_id, commitment_id, by = self.account_id, self.commitment_id, settings.user_name()
        return self._write(lambda conn: ka.save_commitment(conn, account_id, values, by, commitment_id))


class VolumeDialog(_Dialog):
    """Volume and target of one period: a year (2026), a quarter (2026-Q3) or a month (2026-07)."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int, period: str | None = None):
        super().__init__(parent, archive)
        self.setWindowTitle(self.tr("Volume and target"))
        self.account_id = account_id
        self.period_edit = QLineEdit(period or f"{date.today():%Y-%m}", self)
        self.period_edit.setObjectName("volume_period")
        self.period_edit.setToolTip(self.tr("A year (2026), a quarter (2026-Q3) or a month (2026-07)"))
        self.volume_edit, self.target_edit = QLineEdit(self), QLineEdit(self)
        self.volume_edit.setObjectName("volume_value")
        if period is not None:
            row = next((v for v in ka_volumes.volumes(archive.conn, account_id) if v.period == period), None)
            if row is not None:
                self.volume_edit.setText("" if row.volume is None else f"{row.volume:g}")
                self.target_edit.setText("" if row.target is None else f"{row.target:g}")
        note = QLabel(self.tr("Leave both empty to remove the period. A year's total counts its months when "
                              "months are entered, else its quarters, else the year's own figure."), self)
        note.setWordWrap(True)
        self.form.addRow(self.tr("&Period:"), self.period_edit)
        self.form.addRow(self.tr("&Volume:"), self.volume_edit)
        self.form.addRow(self.tr("&Target:"), self.target_edit)
        self.form.addRow(note)
        self.finish()

    def save(self) -> str:
        account_id, by = self.account_id, settings.user_name()
        period, volume, target = self.period_edit.text(), self.volume_edit.text(), self.target_edit.text()
        return self._write(lambda conn: ka_volumes.set_volume(conn, account_id, period, volume, target, by))


class KaPrintDialog(PrintDialog):
    """Print the KA dossier (``reports.ka_dossier``) for a year."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int, year: int | None = None):
        account = ka.get_account(archive.conn, account_id)
        super().__init__(parent, branch_name(archive.conn),
                         translate("KaDialogs", "ka-dossier-{name}").format(name=account.name) + ".pdf")
        self.archive, self.account_id = archive, account_id
        self.setWindowTitle(self.tr("Print the KA dossier"))
        years = ka_volumes.years(archive.conn, account_id)
        self.year = QSpinBox(self)
        self.year.setRange(1990, 2100)
        self.year.setValue(year or (years[0] if years else date.today().year))
        summary = QLabel(account.name, self)
        self.form.addRow(summary)
        self.form.addRow(self.tr("&Year of the volume:"), self.year)

    def job(self, path: Path, branch: str | None, full_phone: bool):
        archive, account_id, year, by = self.archive, self.account_id, self.year.value(), settings.user_name()

        def work(conn, progress) -> Path:
            from reports.ka_dossier import print_dossier
            print_dossier(conn, account_id, path, year=year, branch=branch, manager=by, full_phone=full_phone,
                          by=by)
            return path
        self.writer_archive = archive
        return work


class StoreCheckPrintDialog(PrintDialog):
    """Print one store check to sign."""

    def __init__(self, parent: QWidget | None, archive: Archive, check_id: int):
        from model.key_accounts import store_checks
        check = store_checks.get(archive.conn, check_id)
        super().__init__(parent, branch_name(archive.conn),
                         translate("KaDialogs", "store-check-{date}").format(date=check.checked_on) + ".pdf")
        self.archive, self.check_id = archive, check_id
        self.full_phone.hide()
        self.setWindowTitle(self.tr("Print the store check"))
        self.form.addRow(QLabel(f"{check.checked_on} · {check.store_code} {check.store_name}", self))

    def job(self, path: Path, branch: str | None, full_phone: bool):
        archive, check_id, by = self.archive, self.check_id, settings.user_name()

        def work(conn, progress) -> Path:
            from reports.ka_dossier import print_check
            print_check(conn, check_id, path, branch=branch, manager=by, by=by)
            return path
        self.writer_archive = archive
        return work

