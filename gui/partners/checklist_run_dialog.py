"""A new 101 checklist run for a partner (DOMAIN §3), filled in with the keyboard:

- the items grouped by part, each with its guidance and weight, met / not met /
  N/A (Tab to an item, arrow keys to choose), a note, and evidence attached
  (photos show as thumbnails, other files by name; click one to take it off);
- the weighted score, live (N/A left out; "—" while nothing applies);
- follow-up actions with owner and due date, optionally about an item.

Nothing is written until Save; then the evidence, the run and its actions are
stored in one write operation (``model.partners.checklists.save_run``).

    run_id = ChecklistRunDialog.ask(parent, archive, partner_id)   # None when cancelled
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
                               QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QTableWidget, QTableWidgetItem, QToolButton,
                               QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.common.forms import date_edit, error_label, from_qdate
from gui.common.widgets import show_failure
from model.partners import checklists, evidence, partners
from model.archive import database
from model.core import settings
from model.archive.database import Archive
from model.core.i18n import translate

THUMB = 48


@dataclass
class PendingFile:
    """A file chosen as evidence, stored only when the run is saved."""
    filename: str
    data: bytes
    is_image: bool


class ItemRow(QFrame):
    """One checklist item: title, weight, guidance, the answer, a note and evidence."""

    changed = Signal()
    attach_requested = Signal(str)      # the item's key

    def __init__(self, item: checklists.Item, number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.item = item
        self.files: list[PendingFile] = []
        self.setObjectName(f"item_{item.key}")
        title = QLabel(f"<b>{number}&nbsp;&nbsp;{_escape(item.title())}</b>", self)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setWordWrap(True)
        weight = QLabel(self.tr("weight {weight}").format(weight=f"{item.weight:g}"), self)
        weight.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        guidance = QLabel(item.guidance(), self)
        guidance.setWordWrap(True)
        guidance.setStyleSheet("color: #555555;")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        answer = QHBoxLayout()
        for value, text in (("met", self.tr("Met")), ("not_met", self.tr("Not met")), ("na", self.tr("N/A"))):
            button = QRadioButton(text, self)
            button.setObjectName(f"{item.key}_{value}")
            self.group.addButton(button)
            self.buttons[value] = button
            answer.addWidget(button)
            button.toggled.connect(lambda on: on and self.changed.emit())
        self.note = QLineEdit(self)
        self.note.setObjectName(f"{item.key}_note")
        self.note.setPlaceholderText(self.tr("Note (what was seen)"))
        self.attach_button = QPushButton(self.tr("Attach…"), self)
        self.attach_button.setObjectName(f"{item.key}_attach")
        self.attach_button.setAutoDefault(False)
        self.attach_button.setToolTip(self.tr("Attach a photo or a file as evidence"))
        self.attach_button.clicked.connect(lambda: self.attach_requested.emit(self.item.key))
        answer.addWidget(self.note, 1)
        answer.addWidget(self.attach_button)
        self.strip = QHBoxLayout()
        self.strip.setContentsMargins(0, 0, 0, 0)
        self.strip.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.addWidget(title, 0, 0)
        grid.addWidget(weight, 0, 1)
        grid.addWidget(guidance, 1, 0, 1, 2)
        grid.addLayout(answer, 2, 0, 1, 2)
        grid.addLayout(self.strip, 3, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        self.setFrameShape(QFrame.Shape.StyledPanel)

    def result(self) -> str | None:
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None

    def set_result(self, value: str) -> None:
        self.buttons[value].setChecked(True)

    def add_file(self, pending: PendingFile) -> None:
        self.files.append(pending)
        chip = QToolButton(self)
        chip.setObjectName(f"{self.item.key}_evidence_{len(self.files)}")
        chip.setToolTip(self.tr("{name}: click to take it off").format(name=pending.filename))
        chip.setAutoRaise(True)
        if pending.is_image:
            image = QImage.fromData(pending.data)
            chip.setIcon(QIcon(QPixmap.fromImage(image.scaled(THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                                                              Qt.TransformationMode.SmoothTransformation))))
            chip.setIconSize(QSize(THUMB, THUMB))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            chip.setText(pending.filename)
        chip.clicked.connect(lambda: self._remove(pending, chip))
        self.strip.insertWidget(self.strip.count() - 1, chip)
        self.changed.emit()

    def _remove(self, pending: PendingFile, chip: QToolButton) -> None:
        if pending in self.files:
            self.files.remove(pending)
        chip.deleteLater()
        self.changed.emit()


def _escape(text: str) -> str:
    from html import escape
    return escape(text)


def read_evidence_file(path: Path) -> PendingFile:
    """The file's bytes, checked like the archive will check them (size, readable
    picture), so a bad file is refused when chosen rather than at Save."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise database.ArchiveError(translate("ChecklistRunDialog", "{name} cannot be read: {error}").format(
            name=path.name, error=exc.strerror or exc)) from exc
    if not data:
        raise database.ArchiveError(translate("ChecklistRunDialog", "{name} is empty; nothing was attached.")
                                    .format(name=path.name))
    if len(data) > evidence.MAX_BYTES:
        raise database.ArchiveError(translate(
            "ChecklistRunDialog", "{name} is {size} MB; evidence may be at most {limit} MB. Take a smaller photo "
                                  "or shrink it first.")
            .format(name=path.name, size=round(len(data) / 2**20, 1), limit=evidence.MAX_BYTES // 2**20))
    is_image = suffix in evidence.IMAGE_SUFFIXES
    if is_image and QImage.fromData(data).isNull():
        raise database.ArchiveError(translate(
            "ChecklistRunDialog", "{name} is not a picture that can be read; attach it as a photo in JPEG or PNG.")
            .format(name=path.name))
    return PendingFile(path.name, data, is_image)


class ChecklistRunDialog(QDialog):
    """Fill in a checklist run for one partner; Save stores it."""

    def __init__(self, parent: QWidget | None, archive: Archive, partner_id: int):
        super().__init__(parent)
        self.archive, self.partner_id = archive, partner_id
        self.run_id: int | None = None
        self.partner = partners.get(archive.conn, partner_id)
        self.template = checklists.current_template()
        self.setObjectName("checklist_run_dialog")
        self.setWindowTitle(self.tr("101 checklist: {name}").format(name=self.partner.name))

        self.day = date_edit(date.today(), self)
        self.day.setObjectName("run_date")
        self.reviewer = QLineEdit(settings.user_name(), self)
        self.reviewer.setObjectName("reviewer")
        version = QLabel(self.tr("Checklist version {version}: {count} items in three parts; the score counts the "
                                 "weights of the items met against those that apply (N/A left out).").format(
            version=self.template.version, count=len(self.template.items)), self)
        version.setWordWrap(True)
        head = QFormLayout()
        head.addRow(self.tr("&Date:"), self.day)
        head.addRow(self.tr("&Reviewer:"), self.reviewer)
        for row in range(head.rowCount()):
            head.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(
                head.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())

        self.rows: dict[str, ItemRow] = {}
        items_box = QWidget(self)
        items_layout = QVBoxLayout(items_box)
        for number, part in enumerate(self.template.parts, 1):
            box = QGroupBox(f"{number}. {part.title()}", items_box)
            box.setObjectName(f"part_{part.key}")
            column = QVBoxLayout(box)
            for k, item in enumerate(self.template.items_of(part.key), 1):
                row = ItemRow(item, f"{number}.{k}", box)
                row.changed.connect(self.update_score)
                row.attach_requested.connect(self.choose_evidence)
                column.addWidget(row)
                self.rows[item.key] = row
            items_layout.addWidget(box)
        items_layout.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(items_box)

        self.score_label = QLabel(self)
        self.score_label.setObjectName("live_score")
        font = self.score_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.score_label.setFont(font)

        self.action_item = QComboBox(self)
        self.action_item.setObjectName("action_item")
        self.action_item.addItem(self.tr("(the whole partnership)"), None)
        for item in self.template.items:
            self.action_item.addItem(item.title(), item.key)
        self.action_text = QLineEdit(self)
        self.action_text.setObjectName("action_text")
        self.action_text.setPlaceholderText(self.tr("What is to be done"))
        keyman = partners.keyman(archive.conn, partner_id)
        self.action_owner = QLineEdit(keyman.name if keyman else "", self)
        self.action_owner.setObjectName("action_owner")
        self.action_owner.setPlaceholderText(self.tr("Owner"))
        self.action_due = date_edit(date.today() + timedelta(days=14), self)
        self.action_due.setObjectName("action_due")
        self.add_action_button = QPushButton(self.tr("Add &action"), self)
        self.add_action_button.setObjectName("add_action")
        self.add_action_button.setAutoDefault(False)
        self.add_action_button.clicked.connect(self.add_action)
        self.action_text.returnPressed.connect(self.add_action)
        self.pending_actions: list[checklists.Action] = []
        self.actions_table = QTableWidget(0, 4, self)
        self.actions_table.setObjectName("run_actions")
        self.actions_table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Owner"), self.tr("Due"),
                                                      self.tr("About")])
        self.actions_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actions_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actions_table.verticalHeader().hide()
        self.actions_table.horizontalHeader().setStretchLastSection(True)
        self.actions_table.setMaximumHeight(self.fontMetrics().height() * 7)
        self.remove_action_button = QPushButton(self.tr("Remove action"), self)
        self.remove_action_button.setAutoDefault(False)
        self.remove_action_button.clicked.connect(self.remove_action)
        action_row = QHBoxLayout()
        em = self.fontMetrics().horizontalAdvance("M")
        self.action_text.setMinimumWidth(em * 18)
        self.action_owner.setMinimumWidth(em * 7)
        # The checklist item an action is about: its whole title, on a row of its own (a
        # laptop at 150 % has no room for it beside the rest).
        item_row = QHBoxLayout()
        item_row.addWidget(self.action_item)
        item_row.addStretch(1)
        for widget, stretch in ((self.action_text, 5), (self.action_owner, 1),
                                (self.action_due, 0), (self.add_action_button, 0)):
            action_row.addWidget(widget, stretch)
        actions_box = QGroupBox(self.tr("Follow-up actions (they become due visits in the visit planning)"), self)
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addLayout(item_row)
        actions_layout.addLayout(action_row)
        actions_layout.addWidget(self.actions_table)
        actions_layout.addWidget(self.remove_action_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.error = error_label(self)
        self._missing_shown = False
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(version)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.score_label)
        layout.addWidget(actions_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(em * 78, self.fontMetrics().height() * 52)
        self.update_score()

    # -- answers and score ----------------------------------------------------------
    def answers(self) -> dict[str, str]:
        return {key: row.result() for key, row in self.rows.items() if row.result() is not None}

    def update_score(self) -> None:
        answers = self.answers()
        value = checklists.score(self.template, answers)
        counts = {v: sum(1 for a in answers.values() if a == v) for v in checklists.RESULTS}
        open_items = len(self.rows) - len(answers)
        text = self.tr("Score: {score}   (met {met}, not met {not_met}, N/A {na}, not answered {open})").format(
            score=checklists.score_text(value), met=counts["met"], not_met=counts["not_met"], na=counts["na"],
            open=open_items)
        self.score_label.setText(text)
        if self._missing_shown:     # the message follows the answers, never stale
            missing = [row for row in self.rows.values() if row.result() is None]
            if missing:
                self._show_missing(missing)
            else:
                self._missing_shown = False
                self.error.hide()

    def _show_missing(self, missing: list[ItemRow]) -> None:
        self._missing_shown = True
        self.error.setText(self.tr("Answer every item (met, not met or N/A); {count} still open, the first is "
                                   "“{item}”.").format(count=len(missing), item=missing[0].item.title()))
        self.error.show()

    # -- evidence -------------------------------------------------------------------------
    def choose_evidence(self, key: str) -> None:
        folder = settings.get(settings.FILE_FOLDER) or str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Attach evidence"), folder,
            self.tr("Photos and files (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.pdf *.doc *.docx *.xls *.xlsx *.txt);;"
                    "All files (*)"))
        if paths:
            self.attach(key, [Path(p) for p in paths])

    def attach(self, key: str, paths: list[Path]) -> None:
        """Attach these files to the item (checked now, stored on Save)."""
        self.error.hide()
        for path in paths:
            try:
                pending = read_evidence_file(path)
            except database.ArchiveError as exc:
                show_failure(self.error, exc)
                return
            self.rows[key].add_file(pending)
            settings.put(settings.FILE_FOLDER, str(Path(path).parent))

    # -- actions -----------------------------------------------------------------------------
    def add_action(self) -> None:
        text, owner = self.action_text.text().strip(), self.action_owner.text().strip()
        if not text or not owner:
            self.error.setText(self.tr("A follow-up action needs what is to be done and an owner."))
            self.error.show()
            (self.action_text if not text else self.action_owner).setFocus()
            return
        self.error.hide()
        action = checklists.Action(text, owner, from_qdate(self.action_due.date()), self.action_item.currentData())
        self.pending_actions.append(action)
        row = self.actions_table.rowCount()
        self.actions_table.insertRow(row)
        about = self.action_item.currentText() if action.item_key else ""
        for column, value in enumerate((text, owner, action.due_on.isoformat(), about)):
            self.actions_table.setItem(row, column, QTableWidgetItem(value))
        self.action_text.clear()
        self.action_text.setFocus()

    def remove_action(self) -> None:
        row = self.actions_table.currentRow()
        if 0 <= row < len(self.pending_actions):
            del self.pending_actions[row]
            self.actions_table.removeRow(row)

    # -- saving ------------------------------------------------------------------------------
    def accept(self) -> None:
        self.error.hide()
        self._missing_shown = False
        missing = [row for row in self.rows.values() if row.result() is None]
        if missing:
            self._show_missing(missing)
            missing[0].buttons["met"].setFocus()
            self.scroll.ensureWidgetVisible(missing[0])
            return
        by = settings.user_name()
        answers = [(key, row.result(), row.note.text(), [(f.data, f.filename) for f in row.files])
                   for key, row in self.rows.items()]
        partner_id, day, reviewer = self.partner_id, from_qdate(self.day.date()), self.reviewer.text()
        actions, template = list(self.pending_actions), self.template

        def save(conn) -> int:
            """The evidence and the run: one write operation, so all of it lands or none."""
            results = {key: checklists.Result(key, result, note, [evidence.add(conn, data, name, by)
                                                                  for data, name in files])
                       for key, result, note, files in answers}
            run = checklists.Run(partner_id, day, reviewer, results, actions, template=template)
            return checklists.save_run(conn, run, by)
        try:
            self.run_id = write(self, save, Changes.of(Changes.PARTNERS), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown; the transaction rolled back, nothing saved
            self.run_id = None
            show_failure(self.error, exc)
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, archive: Archive, partner_id: int) -> int | None:
        dialog = cls(parent, archive, partner_id)
        try:
            return dialog.run_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
