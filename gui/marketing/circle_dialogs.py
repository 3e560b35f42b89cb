"""Circles (圈子, DOMAIN §5) in the window: the circle editor and a customer finder.

    circle_id = CircleDialog.edit(parent, archive, circle_id=None, members=(...))   # saved id or None
    ids = CustomerFinder.pick(parent, archive, several=True, title=...)              # chosen ids or []

A circle has a name, an area and area type, a centre (a customer) with the kind of
centre, members (customers, found by name, pinyin-free text, area or phone digits,
or passed in from the customer list), the pull that holds it together and the
contact mode. Every write is one ``model.marketing.circles`` call, through ``gui.common.operations.write``.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from gui.common.forms import error_label, show_problem, table_view
from gui.common.operations import Changes, write
from gui.common.widgets import ChoiceCombo, NameFilterProxy, RecordsModel, area_type_choices, fit_columns, is_chinese
from model.marketing import circles
from model.core import name_order, settings
from model.archive.database import Archive

__all__ = ["CircleDialog", "CustomerFinder", "show_problem", "table_view"]   # the last two: gui.common.forms


class CustomerFinder(QDialog):
    """Find one customer, or several, by name, area or phone digits."""

    def __init__(self, parent: QWidget | None, archive: Archive, several: bool, title: str,
                 leave_out: Sequence[int] = ()):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen: list[int] = []
        rows = [r for r in circles.customer_rows(archive.conn) if r[0] not in set(leave_out)]
        self._ids = [r[0] for r in rows]
        self.search = QLineEdit(self)
        self.search.setObjectName("finder_search")
        self.search.setPlaceholderText(self.tr("name, area or phone digits"))
        self.search.setClearButtonEnabled(True)
        self.model = RecordsModel([self.tr("Customer"), self.tr("Area"), self.tr("Phone")],
                                  [r[1:] for r in rows], self)
        self.proxy = NameFilterProxy(self)      # pinyin search, as the customer list
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self._filter)
        self.table = table_view(self, "finder_table", several)
        self.table.setModel(self.proxy)
        self.table.doubleClicked.connect(lambda _index: self.accept())
        self.search.returnPressed.connect(self._to_table)
        self.count = QLabel(self)
        self.error = error_label(self)
        label = QLabel(self.tr("&Find:"), self)
        label.setBuddy(self.search)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.search, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Choose"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_columns(self.table, self.fontMetrics().horizontalAdvance("M") * 16)
        self._filter("")
        self.resize(self.fontMetrics().horizontalAdvance("M") * 48, self.fontMetrics().height() * 28)

    def _filter(self, text: str) -> None:
        self.proxy.set_query(text)
        self.count.setText(self.tr("{count} customers match.").format(count=self.proxy.rowCount()))
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _to_table(self) -> None:
        if self.proxy.rowCount():
            self.table.setFocus()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._ids[self.proxy.mapToSource(self.proxy.index(r, 0)).row()] for r in rows]

    def accept(self) -> None:
        self.chosen = self.selected_ids()
        if not self.chosen:
            self.error.setText(self.tr("Choose a customer in the list."))
            self.error.show()
            return
        super().accept()

    @classmethod
    def pick(cls, parent: QWidget | None, archive: Archive, several: bool, title: str,
             leave_out: Sequence[int] = ()) -> list[int]:
        dialog = cls(parent, archive, several, title, leave_out)
        try:
            return dialog.chosen if dialog.exec() == QDialog.DialogCode.Accepted else []
        finally:
            dialog.deleteLater()


class CircleDialog(QDialog):
    """Create or change a circle: its name, area, centre, members, pull and contact mode."""

    def __init__(self, parent: QWidget | None, archive: Archive, circle_id: int | None = None,
                 members: Sequence[int] = ()):
        super().__init__(parent)
        self.archive = archive
        self.circle_id = circle_id
        self.saved_id: int | None = None
        self.centre_id: int | None = None
        self.member_ids: list[int] = []
        self.setWindowTitle(self.tr("New circle") if circle_id is None else self.tr("Circle"))
        conn = archive.conn

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("circle_name")
        self.name_edit.setPlaceholderText(self.tr("e.g. 幸福里广场舞队"))
        self.area_combo = QComboBox(self)
        self.area_combo.setObjectName("circle_area")
        self.area_combo.setEditable(True)
        self.area_combo.addItem("")
        self.area_combo.addItems([name for name, _id, _type in name_order.areas(conn)])
        self.area_combo.lineEdit().setPlaceholderText(self.tr("the compound, park, campus or street"))
        self.area_combo.currentTextChanged.connect(self._area_changed)
        self.area_type = ChoiceCombo(area_type_choices(), self)
        self.area_type.setObjectName("circle_area_type")
        self.centre_label = QLabel(self.tr("No centre chosen"), self)
        self.centre_label.setObjectName("circle_centre")
        self.centre_button = QPushButton(self.tr("C&hoose…"), self)
        self.centre_button.setObjectName("choose_centre")
        self.centre_button.setAutoDefault(False)
        self.centre_button.clicked.connect(self.choose_centre)
        centre_row = QWidget(self)
        row = QHBoxLayout(centre_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.centre_label, 1)
        row.addWidget(self.centre_button)
        self.centre_kind = ChoiceCombo([(self.tr("Not set"), None)] + [
            (f"{k.label()} ({k.label_zh})" if not is_chinese() else k.label(), k.key) for k in circles.centre_kinds()],
            self)
        self.centre_kind.setObjectName("circle_centre_kind")
        self.centre_kind.setToolTip(self.tr("Where the centre's pull comes from: seniority (先发), resources "
                                            "(利益), rank (权势), expertise (专业) or fun (快乐)"))
        self.pull_edit = QLineEdit(self)
        self.pull_edit.setObjectName("circle_pull")
        self.pull_edit.setPlaceholderText(self.tr("what holds it together (向心力), e.g. dancing every evening"))
        self.contact_edit = QComboBox(self)
        self.contact_edit.setObjectName("circle_contact_mode")
        self.contact_edit.setEditable(True)
        self.contact_edit.addItems(["", self.tr("WeChat group"), self.tr("Visits"), self.tr("Phone calls"),
                                    self.tr("Regular get-together")])
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("circle_notes")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumHeight(self.fontMetrics().height() * 4)

        self.members_model = RecordsModel(parent=self)
        self.members_view = table_view(self, "circle_members", several=True)
        self.members_view.setModel(self.members_model)
        self.add_button = QPushButton(self.tr("&Add members…"), self)
        self.add_button.setObjectName("add_members")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_members)
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_members)
        self.members_count = QLabel(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget in ((self.tr("&Name:"), self.name_edit), (self.tr("A&rea:"), self.area_combo),
                              (self.tr("Area &type:"), self.area_type), (self.tr("&Centre (圆心):"), centre_row),
                              (self.tr("&Kind of centre:"), self.centre_kind),
                              (self.tr("&Pull (向心力):"), self.pull_edit),
                              (self.tr("Contact &mode:"), self.contact_edit), (self.tr("N&otes:"), self.notes_edit)):
            form.addRow(label, widget)
            form.labelForField(widget).setBuddy(self.centre_button if widget is centre_row else widget)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.members_count, 1)
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.remove_button)
        members_label = QLabel(self.tr("Members:"), self)
        self.error = error_label(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(members_label)
        layout.addWidget(self.members_view, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load(members)
        self.resize(self.fontMetrics().horizontalAdvance("M") * 52, self.fontMetrics().height() * 36)

    # -- loading and the members ----------------------------------------------------
    def _load(self, members: Sequence[int]) -> None:
        conn = self.archive.conn
        self._stored_members: set[int] = set()
        if self.circle_id is not None:
            circle = circles.get(conn, self.circle_id)
            self.name_edit.setText(circle.name)
            self.area_combo.setCurrentText(circle.area or "")
            self.area_type.set_value(circle.area_type)
            self.centre_kind.set_value(circle.centre_kind)
            self.pull_edit.setText(circle.pull)
            self.contact_edit.setCurrentText(circle.contact_mode)
            self.notes_edit.setPlainText(circle.notes)
            self.centre_id = circle.centre_id
            self._stored_members = {m.customer_id for m in circles.members(conn, self.circle_id)}
            self.member_ids = sorted(self._stored_members)
            self.setWindowTitle(self.tr("Circle: {name}").format(name=circle.name))
        for customer_id in members:
            if customer_id not in self.member_ids:
                self.member_ids.append(customer_id)
        self._show_centre()
        self._show_members()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _area_changed(self, name: str) -> None:
        found = circles.area(self.archive.conn, name)
        if found is not None and found[1]:
            self.area_type.set_value(found[1])

    def _show_centre(self) -> None:
        rows = circles.customer_rows(self.archive.conn, [self.centre_id]) if self.centre_id else []
        if rows:
            _id, name, area, _phone = rows[0]
            self.centre_label.setText(f"{name} ({area})" if area else name)
        else:
            self.centre_label.setText(self.tr("No centre chosen"))

    def _show_members(self) -> None:
        rows = circles.customer_rows(self.archive.conn, self.member_ids)
        self.member_ids = [r[0] for r in rows]
        centre = self.tr("centre (圆心)")
        self.members_model.set_rows([self.tr("Member"), self.tr("Area"), self.tr("Phone"), self.tr("Role")],
                                    [(*r[1:], centre if r[0] == self.centre_id else "") for r in rows])
        fit_columns(self.members_view, self.fontMetrics().horizontalAdvance("M") * 14)
        self.members_count.setText(self.tr("{count} members").format(count=len(rows)))

    def choose_centre(self) -> None:
        chosen = CustomerFinder.pick(self, self.archive, False, self.tr("Choose the centre (圆心)"))
        if chosen:
            self.centre_id = chosen[0]
            if self.centre_id not in self.member_ids:
                self.member_ids.append(self.centre_id)
            self._show_centre()
            self._show_members()

    def add_members(self) -> None:
        chosen = CustomerFinder.pick(self, self.archive, True, self.tr("Add members"), leave_out=self.member_ids)
        if chosen:
            self.member_ids.extend(chosen)
            self._show_members()

    def remove_members(self) -> None:
        rows = {i.row() for i in self.members_view.selectionModel().selectedRows()}
        if self.centre_id is not None and any(self.member_ids[r] == self.centre_id for r in rows):
            self.error.setText(self.tr("The centre stays a member; choose another centre first."))
            self.error.show()
            return
        self.member_ids = [m for n, m in enumerate(self.member_ids) if n not in rows]
        self._show_members()

    # -- saving -------------------------------------------------------------------
    def values(self) -> dict:
        area = self.area_combo.currentText().strip()
        found = circles.area(self.archive.conn, area) if area else None
        return {"name": self.name_edit.text(), "area_id": found[0] if found else None,
                "area_type": self.area_type.value(), "centre_id": self.centre_id,
                "centre_kind": self.centre_kind.value(), "pull": self.pull_edit.text(),
                "contact_mode": self.contact_edit.currentText(), "notes": self.notes_edit.toPlainText()}

    def accept(self) -> None:
        self.error.hide()
        values = self.values()
        area = self.area_combo.currentText().strip()
        if area and values["area_id"] is None:
            self.error.setText(self.tr("There is no area called {name}; pick an area from the list, or leave it "
                                       "empty.").format(name=area))
            self.error.show()
            return
        by, circle_id = settings.user_name(), self.circle_id
        members, leaving = list(self.member_ids), sorted(self._stored_members - set(self.member_ids))
        new = circle_id is None
        try:
            self.circle_id = write(self, lambda conn: circles.save(conn, circle_id, values, members, leaving, by),
                                   Changes.of(Changes.MARKETING), archive=self.archive)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the transaction rolled back
            if new:
                self.circle_id = None
            show_problem(self.error, exc)
            return
        self.saved_id = self.circle_id
        super().accept()

    @classmethod
    def edit(cls, parent: QWidget | None, archive: Archive, circle_id: int | None = None,
             members: Sequence[int] = ()) -> int | None:
        """Create (``circle_id`` None) or change a circle; the saved circle's id, or None."""
        dialog = cls(parent, archive, circle_id, members)
        try:
            return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
