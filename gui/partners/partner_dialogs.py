"""The partner's small dialogs, each with a result API (``ask`` → what was saved, or None):

- :class:`PartnerDialog`: name, kind, territory, address, position, phone, manager, notes;
- :class:`AgreementDialog`: the 101 agreement: dates and, per topic of each side, one
  commitment per line;
- :class:`OutletDialog`: one outlet by hand (optionally linked to a customer);
- :class:`TargetDialog`: a period's target and, when known, its actual;
- :class:`ActionDialog`: a follow-up action by hand; :class:`ActionDoneDialog`: close one;
- :class:`ChecklistPrintDialog`: print a run for sign-off (``reports.checklist``).
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.common.forms import date_edit, error_label, from_qdate, show_problem
from model.archive.page_header import branch_name
from gui.visits.print_dialogs import PrintDialog
from gui.common.widgets import DateField
from model.partners import checklists, partner_outlets, partners
from model.customers import customers
from model.core import normalize, settings
from model.archive.database import Archive
from model.core.i18n import translate


def _finish(dialog: QDialog, layout: QVBoxLayout, width_chars: int) -> QLabel:
    error = error_label(dialog)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(error)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(dialog.fontMetrics().horizontalAdvance("M") * width_chars)
    return error


def _buddies(form: QFormLayout) -> None:
    for row in range(form.rowCount()):
        label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if label is not None and field is not None and field.widget() is not None:
            label.widget().setBuddy(field.widget())


def _run(dialog: QDialog, result):
    try:
        return result() if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()


class _SaveDialog(QDialog):
    """A small form whose Save writes through the model (:meth:`save`); a problem the user
    can act on shows in the dialog's error line and nothing is saved."""

    error: QLabel

    def save(self) -> None:
        raise NotImplementedError   # each dialog says what it writes

    def _write(self, op):
        """Run ``op(conn)`` as the dialog's one write operation; returns its result."""
        return write(self, op, Changes.of(Changes.PARTNERS), archive=self.archive)

    def accept(self) -> None:
        try:
            self.save()
        except normalize.Invalid as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        except Exception as exc:  # noqa: BLE001 - shown; nothing saved
            show_problem(self.error, exc)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, key: int) -> bool:
        """Show the dialog for ``key`` (a partner's or an action's id); True when saved."""
        dialog = cls(parent, archive, key)
        return bool(_run(dialog, lambda: True))


class PartnerDialog(_SaveDialog):
    def __init__(self, parent: QWidget | None, archive: Archive, partner_id: int | None = None):
        super().__init__(parent)
        self.archive = archive
        self.partner = partners.get(archive.conn, partner_id) if partner_id else partners.Partner("")
        self.setWindowTitle(self.tr("Edit the partner") if partner_id else self.tr("New partner"))
        p = self.partner
        self.name = QLineEdit(p.name, self)
        self.name.setObjectName("partner_name")
        self.kind = QComboBox(self)
        self.kind.setObjectName("partner_kind")
        for kind in partners.KINDS:
            self.kind.addItem(partners.kind_label(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(p.kind)))
        self.territory = QLineEdit(p.territory or "", self)
        self.territory.setObjectName("partner_territory")
        self.territory.setPlaceholderText(self.tr("e.g. 东城区 and 北郊 (the area it serves)"))
        self.address = QLineEdit(p.address or "", self)
        self.position = QLineEdit(f"{p.latitude}, {p.longitude}" if p.latitude is not None else "", self)
        self.position.setPlaceholderText(self.tr("latitude, longitude (optional; for route planning)"))
        self.phone = QLineEdit(p.phone or "", self)
        self.manager = QLineEdit(p.manager or settings.user_name(), self)
        self.notes = QPlainTextEdit(p.notes or "", self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(self.fontMetrics().height() * 5)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Territory:"), self.territory)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Position:"), self.position)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&Manager in charge:"), self.manager)
        form.addRow(self.tr("N&otes:"), self.notes)
        _buddies(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = _finish(self, layout, 44)
        self.saved_id: int | None = None

    def save(self) -> None:
        lat = lon = None
        text = self.position.text().replace("，", ",").strip()
        if text:
            lat, _, lon = text.partition(",")
            if not lon.strip():
                raise partners.PartnerError(self.tr("Write the position as latitude, longitude (e.g. 39.91, "
                                                    "116.40), or leave it empty."))
        p = partners.Partner(self.name.text(), self.kind.currentData(), self.territory.text(), self.address.text(),
                             lat, lon, self.phone.text(), self.manager.text(), self.notes.toPlainText(),
                             self.partner.id)
        by = settings.user_name()
        if p.id is None:
            self.saved_id = self._write(lambda conn: partners.create(conn, p, by))
        else:
            self._write(lambda conn: partners.update(conn, p, by))
            self.saved_id = p.id

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, partner_id: int | None = None) -> int | None:
        dialog = cls(parent, archive, partner_id)
        return _run(dialog, lambda: dialog.saved_id)


class AgreementDialog(_SaveDialog):
    """The 101 agreement: what each side commits to, one commitment per line under each topic."""

    def __init__(self, parent: QWidget | None, archive: Archive, partner_id: int):
        super().__init__(parent)
        self.archive, self.partner_id = archive, partner_id
        deal = partners.agreement(archive.conn, partner_id)
        self.setWindowTitle(self.tr("101 agreement: {name}").format(name=partners.get(archive.conn, partner_id).name))
        self.dates = {}
        dates = QFormLayout()
        for key, label, value in (("signed_on", self.tr("&Signed on:"), deal.signed_on),
                                  ("starts_on", self.tr("S&tarts:"), deal.starts_on),
                                  ("ends_on", self.tr("&Ends:"), deal.ends_on)):
            field = DateField(self)
            field.setObjectName(f"agreement_{key}")
            field.setText(value.isoformat() if value else "")
            dates.addRow(label, field)
            self.dates[key] = field
        _buddies(dates)
        self.texts: dict[tuple[str, str], QPlainTextEdit] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(dates)
        # The two sides next to each other: stacked, they are taller than a laptop screen.
        sides = QHBoxLayout()
        layout.addLayout(sides)
        for side, topics in partners.SIDES.items():
            box = QGroupBox(partners.side_label(side), self)
            form = QFormLayout(box)
            for topic in topics:
                edit = QPlainTextEdit(
                    "\n".join(c.text for c in deal.commitments if c.side == side and c.topic == topic), box)
                edit.setObjectName(f"commit_{side}_{topic}")
                edit.setTabChangesFocus(True)
                edit.setMaximumHeight(self.fontMetrics().height() * 3 + 12)
                edit.setPlaceholderText(self.tr("one commitment per line"))
                form.addRow(partners.topic_label(topic), edit)
                self.texts[(side, topic)] = edit
            sides.addWidget(box)
        self.notes = QLineEdit(deal.notes or "", self)
        self.notes.setPlaceholderText(self.tr("Notes on the agreement"))
        layout.addWidget(self.notes)
        self.error = _finish(self, layout, 60)

    def agreement(self) -> partners.Agreement:
        days = {}
        for key, field in self.dates.items():
            days[key] = normalize.to_date(field.text())
        items = [partners.Commitment(side, topic, line.strip())
                 for (side, topic), edit in self.texts.items()
                 for line in edit.toPlainText().splitlines() if line.strip()]
        return partners.Agreement(days["signed_on"], days["starts_on"], days["ends_on"], self.notes.text(), items)

    def save(self) -> None:
        partner_id, deal = self.partner_id, self.agreement()
        self._write(lambda conn: partners.save_agreement(conn, partner_id, deal))


class OutletDialog(_SaveDialog):
    """Add one outlet the partner covers."""

    def __init__(self, parent: QWidget | None, archive: Archive, partner_id: int):
        super().__init__(parent)
        self.archive, self.partner_id = archive, partner_id
        self.setWindowTitle(self.tr("Add an outlet"))
        self.name = QLineEdit(self)
        self.name.setObjectName("outlet_name")
        self.address = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.channel = QLineEdit(self)
        self.channel.setPlaceholderText(self.tr("e.g. supermarket, kiosk, restaurant"))
        self.customer = QLineEdit(self)
        self.customer.setPlaceholderText(self.tr("customer number, if the outlet is a customer (for the actuals)"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Address:"), self.address)
        form.addRow(self.tr("&Phone:"), self.phone)
        form.addRow(self.tr("&Kind of outlet:"), self.channel)
        form.addRow(self.tr("&Customer number:"), self.customer)
        _buddies(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = _finish(self, layout, 44)

    def save(self) -> None:
        name = normalize.text(self.name.text())
        if not name:
            raise partners.PartnerError(self.tr("Enter the outlet's name."))
        number = normalize.text(self.customer.text())
        missing = self.tr("There is no customer number {number}; leave it empty or enter a customer's "
                          "number.").format(number=number)
        address, phone = normalize.text(self.address.text()), normalize.phone(self.phone.text())
        channel, partner_id, by = normalize.text(self.channel.text()), self.partner_id, settings.user_name()

        def add(conn) -> None:
            customer_id = None
            if number:
                customer_id = customers.live_id(conn, int(number) if number.isdigit() else -1)
                if customer_id is None:
                    raise partners.PartnerError(missing)
            outlet = partner_outlets.Outlet(name, address, phone, channel, customer_id)
            partner_outlets.add_outlets(conn, partner_id, [outlet], by)
        self._write(add)


class TargetDialog(_SaveDialog):
    """A period's target and, when entered or imported, its actual."""

    def __init__(self, parent: QWidget | None, archive: Archive, partner_id: int, period: str | None = None):
        super().__init__(parent)
        self.archive, self.partner_id = archive, partner_id
        self.setWindowTitle(self.tr("Target for a period"))
        today = date.today()
        self.period = QLineEdit(period or f"{today.year}-{today.month:02d}", self)
        self.period.setObjectName("target_period")
        self.period.setPlaceholderText(self.tr("2026-03 (a month) or 2026-Q1 (a quarter)"))
        self.target = QDoubleSpinBox(self)
        self.target.setObjectName("target_value")
        self.target.setRange(0, 1e12)
        self.target.setDecimals(0)
        self.target.setGroupSeparatorShown(True)
        self.actual = QLineEdit(self)
        self.actual.setObjectName("actual_value")
        self.actual.setPlaceholderText(self.tr("empty: summed from the linked outlets' transactions"))
        for f in partners.performance(archive.conn, partner_id):
            if f.period == period:
                self.target.setValue(f.target)
                if f.source == "entered":
                    self.actual.setText(f"{f.actual:g}")
        form = QFormLayout()
        form.addRow(self.tr("&Period:"), self.period)
        form.addRow(self.tr("&Target:"), self.target)
        form.addRow(self.tr("&Actual:"), self.actual)
        _buddies(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = _finish(self, layout, 40)

    def save(self) -> None:
        actual = normalize.number(self.actual.text())
        partner_id, period, target = self.partner_id, self.period.text(), self.target.value()
        self._write(lambda conn: partners.set_target(conn, partner_id, period, target, actual))

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, partner_id: int, period: str | None = None) -> bool:
        dialog = cls(parent, archive, partner_id, period)
        return bool(_run(dialog, lambda: True))


class ActionDialog(_SaveDialog):
    """A follow-up action added by hand (not from a checklist run)."""

    def __init__(self, parent: QWidget | None, archive: Archive, partner_id: int):
        super().__init__(parent)
        self.archive, self.partner_id = archive, partner_id
        self.setWindowTitle(self.tr("New follow-up action"))
        self.text = QLineEdit(self)
        self.text.setObjectName("new_action_text")
        keyman = partners.keyman(archive.conn, partner_id)
        self.owner = QLineEdit(keyman.name if keyman else settings.user_name(), self)
        self.due = date_edit(date.today() + timedelta(days=14), self)
        form = QFormLayout()
        form.addRow(self.tr("&What:"), self.text)
        form.addRow(self.tr("&Owner:"), self.owner)
        form.addRow(self.tr("&Due:"), self.due)
        _buddies(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = _finish(self, layout, 44)

    def save(self) -> None:
        action = checklists.Action(self.text.text(), self.owner.text(), from_qdate(self.due.date()),
                                   partner_id=self.partner_id)
        by = settings.user_name()
        self._write(lambda conn: partners.add_action(conn, action, by))


class ActionDoneDialog(_SaveDialog):
    """Close a follow-up action: when, and what was done."""

    def __init__(self, parent: QWidget | None, archive: Archive, action_id: int):
        super().__init__(parent)
        self.archive, self.action_id = archive, action_id
        action = partners.action(archive.conn, action_id)
        self.setWindowTitle(self.tr("Mark the action done"))
        what = QLabel(self.tr("{text} (owner {owner}, due {date})").format(text=action.text, owner=action.owner,
                                                                          date=action.due_on.isoformat()), self)
        what.setWordWrap(True)
        self.day = date_edit(date.today(), self)
        self.note = QLineEdit(self)
        self.note.setObjectName("done_note")
        self.note.setPlaceholderText(self.tr("What was done (optional)"))
        form = QFormLayout()
        form.addRow(what)
        form.addRow(self.tr("&Done on:"), self.day)
        form.addRow(self.tr("&Note:"), self.note)
        _buddies(form)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.error = _finish(self, layout, 40)

    def save(self) -> None:
        action_id, by, note, day = self.action_id, settings.user_name(), self.note.text(), from_qdate(self.day.date())
        self._write(lambda conn: partners.complete_action(conn, action_id, by, note, day))


class ChecklistPrintDialog(PrintDialog):
    """Print a checklist run for sign-off (``reports.checklist``); the printout is audited."""

    def __init__(self, parent: QWidget | None, archive: Archive, run_id: int):
        run = checklists.load_run(archive.conn, run_id)
        partner = partners.get(archive.conn, run.partner_id)
        name = translate("PartnerDialogs", "checklist-101-{date}").format(date=run.run_on.isoformat())
        super().__init__(parent, branch_name(archive.conn), name + ".pdf")
        self.archive, self.run_id = archive, run_id
        self.full_phone.hide()
        self.setWindowTitle(self.tr("Print the 101 checklist"))
        summary = QLabel(self.tr("{name}: run of {date} by {reviewer}, score {score}").format(
            name=partner.name, date=run.run_on.isoformat(), reviewer=run.reviewer,
            score=checklists.score_text(run.score)), self)
        summary.setWordWrap(True)
        self.form.addRow(summary)

    def job(self, path: Path, branch: str | None, full_phone: bool):
        archive, run_id, by = self.archive, self.run_id, settings.user_name()

        def work(conn, progress) -> Path:
            from reports.checklist import print_run
            return print_run(conn, run_id, path, by=by, branch=branch, manager=by)
        self.writer_archive = archive
        return work
