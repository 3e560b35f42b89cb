"""Recording a store check (门店检查) against the account's merchandising commitments:

    check_id = StoreCheckDialog.record(parent, archive, account_id, store_id)   # saved id or None

One row per commitment in force at the store on the check's day: the result
(compliant / partly / not compliant / not checked), a note and a photo (chosen with a
file dialog, shown as a thumbnail). The score is shown live as results are chosen.
Everything is made for the keyboard: Tab walks the rows, each result is a combo box
(type its first letter or use the arrows), Alt+1..4 set the current row's result.
The check and its photos are saved in one write operation (``model.key_accounts.store_checks.record``).
"""
from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QLabel, QLineEdit,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from gui.common.operations import Changes, write
from gui.common.forms import error_label, show_problem
from gui.common.evidence_widgets import EvidenceThumb, choose_photo
from gui.common.widgets import ChoiceCombo, DateField
from model.key_accounts import key_accounts as ka, store_checks as sc
from model.core import normalize, settings
from model.archive.database import Archive
from model.core.i18n import translate


class _Row:
    """The widgets of one commitment's line."""

    def __init__(self, dialog: "StoreCheckDialog", commitment: ka.Commitment, parent: QWidget):
        self.commitment = commitment
        self.label = QLabel(f"<b>{ka.kind_label(commitment.kind)}</b><br>{escape(commitment.description)}", parent)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.result = ChoiceCombo([(sc.result_label(r), r) for r in sc.RESULTS], parent)
        self.result.set_value(sc.NOT_CHECKED)
        self.result.setAccessibleName(ka.kind_label(commitment.kind))
        self.note = QLineEdit(parent)
        self.note.setPlaceholderText(translate("StoreCheckDialog", "note"))
        self.photo_button = QPushButton(translate("StoreCheckDialog", "Photo…"), parent)
        self.photo_button.setAutoDefault(False)
        self.remove_button = QPushButton(translate("StoreCheckDialog", "Remove"), parent)
        self.remove_button.setAutoDefault(False)
        self.remove_button.setEnabled(False)
        self.thumbnail = EvidenceThumb(parent, 56)
        self.photo: Path | None = None

    def widgets(self) -> tuple:
        return self.label, self.result, self.note, self.photo_button, self.remove_button, self.thumbnail


class StoreCheckDialog(QDialog):
    """A new store check of one of the account's stores."""

    def __init__(self, parent: QWidget | None, archive: Archive, account_id: int, store_id: int | None = None):
        super().__init__(parent)
        self.archive, self.account_id = archive, account_id
        self.saved_id: int | None = None
        self.rows: list[_Row] = []
        self.setWindowTitle(self.tr("New store check"))
        account = ka.get_account(archive.conn, account_id)
        self.store = ChoiceCombo([(f"{s.code} {s.name}", s.id) for s in ka.stores(archive.conn, account_id, ka.STORE)],
                                 self)
        self.store.setObjectName("check_store")
        if store_id is not None:
            self.store.set_value(store_id)
        self.day = DateField(self)
        self.day.setText(date.today().isoformat())
        self.checker = QLineEdit(settings.user_name(), self)
        self.checker.setObjectName("checker")
        self.note = QLineEdit(self)
        self.note.setObjectName("check_note")
        form = QFormLayout()
        form.addRow(QLabel(f"<b>{escape(account.name)}</b>", self))
        for text, widget in ((self.tr("&Store:"), self.store), (self.tr("&Date:"), self.day),
                             (self.tr("Checked &by:"), self.checker), (self.tr("&Note:"), self.note)):
            form.addRow(text, widget)
            form.labelForField(widget).setBuddy(widget)
        self.score_label = QLabel(self)
        self.score_label.setObjectName("check_score")
        font = self.score_label.font()
        font.setBold(True)
        self.score_label.setFont(font)
        self.rows_widget = QWidget(self)
        self.grid = QGridLayout(self.rows_widget)
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(2, 2)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.rows_widget)
        self.empty = QLabel(self.tr("No commitments are in force at this store on that day. Add the account's "
                                    "merchandising commitments on the Commitments tab first."), self)
        self.empty.setWordWrap(True)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        hint = QLabel(self.tr("Tab moves through the rows; Alt+1 compliant, Alt+2 partly, Alt+3 not compliant, "
                              "Alt+4 not checked for the row being edited. Partly counts half; not checked is left "
                              "out of the score."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.empty)
        layout.addWidget(hint)
        layout.addWidget(self.score_label)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.store.currentIndexChanged.connect(self._rebuild)
        self.day.edited.connect(self._rebuild)
        # 30 lines: the rows scroll, and the dialog fits a laptop at 150 % (gui/common/screen_fit.py)
        self.setMinimumSize(self.fontMetrics().horizontalAdvance("M") * 70, self.fontMetrics().height() * 30)
        self._rebuild()

    # -- rows ----------------------------------------------------------------------
    def _day(self) -> str:
        try:
            return normalize.iso_date(self.day.text()) or date.today().isoformat()
        except normalize.Invalid:
            return date.today().isoformat()

    def _rebuild(self) -> None:
        kept = {r.commitment.id: r for r in self.rows}
        for row in self.rows:
            for widget in row.widgets():
                self.grid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.rows = []
        store_id = self.store.value()
        found = ka.commitments(self.archive.conn, self.account_id, store_id, on=self._day()) if store_id else []
        previous = self.note
        for n, commitment in enumerate(found):
            row = _Row(self, commitment, self.rows_widget)
            old = kept.get(commitment.id)
            if old is not None:          # the same commitment after a change of day: keep what was entered
                row.result.set_value(old.result.value())
                row.note.setText(old.note.text())
                if old.photo is not None:
                    self._show_photo(row, old.photo)
            for column, widget in enumerate(row.widgets()):
                self.grid.addWidget(widget, n, column)
            row.result.currentIndexChanged.connect(self._update_score)
            for widget in (row.result, row.note, row.photo_button, row.remove_button):
                widget.installEventFilter(self)
            row.photo_button.clicked.connect(lambda _=False, r=row: self.attach_photo(r))
            row.remove_button.clicked.connect(lambda _=False, r=row: self._show_photo(r, None))
            QWidget.setTabOrder(previous, row.result)
            QWidget.setTabOrder(row.result, row.note)
            QWidget.setTabOrder(row.note, row.photo_button)
            previous = row.photo_button
            self.rows.append(row)
        self.grid.setRowStretch(len(found), 1)
        self.empty.setVisible(not found)
        self.save_button.setEnabled(bool(found))
        self._update_score()

    _RESULT_KEYS = {Qt.Key.Key_1: sc.COMPLIANT, Qt.Key.Key_2: sc.PARTLY, Qt.Key.Key_3: sc.NOT_COMPLIANT,
                    Qt.Key.Key_4: sc.NOT_CHECKED}

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        """Alt+1..4 in a row sets that row's result."""
        if event.type() == QEvent.Type.KeyPress and event.modifiers() == Qt.KeyboardModifier.AltModifier \
                and event.key() in self._RESULT_KEYS:
            for row in self.rows:
                if watched in row.widgets():
                    row.result.setCurrentIndex(row.result.findData(self._RESULT_KEYS[event.key()]))
                    return True
        return super().eventFilter(watched, event)

    def _show_photo(self, row: _Row, path: Path | None) -> bool:
        if path is None:
            row.photo = None
            row.thumbnail.clear()
            row.remove_button.setEnabled(False)
            return True
        if not row.thumbnail.show_file(path):
            self.error.setText(self.tr("{name} is not a picture that can be shown; attach a photo in JPEG or PNG.")
                               .format(name=Path(path).name))
            self.error.show()
            return False
        self.error.hide()
        row.photo = Path(path)
        row.remove_button.setEnabled(True)
        return True

    def attach_photo(self, row: _Row, path: Path | str | None = None) -> bool:
        """Attach a photo to the row: ``path``, or one chosen in a file dialog."""
        chosen = Path(path) if path else choose_photo(self)
        return chosen is not None and self._show_photo(row, chosen)

    def items(self) -> list[sc.ItemResult]:
        return [sc.ItemResult.of(r.commitment, r.result.value(), r.note.text(),
                                 str(r.photo) if r.photo else None) for r in self.rows]

    def _update_score(self) -> None:
        results = [r.result.value() for r in self.rows]
        checked = sum(1 for r in results if r != sc.NOT_CHECKED)
        self.score_label.setText(self.tr("Score: {score} ({checked} of {total} commitments checked)").format(
            score=sc.score_text(sc.score(results)), checked=checked, total=len(results)))

    # -- saving --------------------------------------------------------------------
    def accept(self) -> None:
        self.error.hide()
        try:
            store_id, day, checker, items = self.store.value(), self.day.text(), self.checker.text(), self.items()
            note, by = self.note.text(), settings.user_name()
            self.saved_id = write(self, lambda conn: sc.record(conn, store_id, day, checker, items, by, note=note),
                                  Changes.of(Changes.KEY_ACCOUNTS), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown in the dialog; nothing saved
            show_problem(self.error, exc)
            return
        super().accept()

    @classmethod
    def record(cls, parent: QWidget | None, archive: Archive, account_id: int,
               store_id: int | None = None) -> int | None:
        dialog = cls(parent, archive, account_id, store_id)
        try:
            return dialog.saved_id if dialog.exec() else None
        finally:
            dialog.deleteLater()

