"""The customer editor: every field of the record, its change history, contacts, grades,
circles, complaints and satisfaction surveys.

    saved = CustomerEditor.edit(parent, archive, customer_id)   # None: a new customer

Edits stay in the widgets until Save: the model checks them first
(``customers.clean``) and the problems show beside the fields; Save writes
only the changed fields through ``customers.update`` (one transaction, one
history row per field). Revert, and Ctrl+Z in a field, undo unsaved edits.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QCompleter, QDialog, QFormLayout,
                               QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QScrollArea,
                               QSplitter, QTableView, QTabWidget, QVBoxLayout, QWidget)

from gui.common import screen_fit, undo
from gui.customers.contact_dialog import ContactDialog
from gui.grading.grade_panel import GradePanel
from gui.common.tasks import show_error
from gui.common.widgets import (ERROR_STYLE, BirthDateField, ChoiceCombo, DateField, DimensionCombo,
                         RecordsModel, whole_choices,
                         area_type_choices, channel_labels, display_value, field_label,
                         fit_columns, gender_choices, record_choices, records_view)
from model.marketing import circles
from model.customers import customers
from model.core import name_order, rules, settings, stored_text
from model.archive.database import Archive, ArchiveError
from model.core.datetime_text import datetime_text

GROUPS = (
    ("basic", ("name", "gender", "birth_date", "occupation", "employer", "manager", "source",
               "created_on")),
    ("contact", ("phone", "phone2", "address", "area", "area_type", "latitude", "longitude")),
    ("segmentation", None),  # the dimensions, from the rules
    ("notes", ("needs", "products", "notes", "complaints", "tags")),
    # Seed 002's grading inputs (value tier, importance, deal status, urgency) and the KeyMan.
    ("grading", ("size", "potential_amount", "own_channel", "scarce_resources", "deal_status",
                 "handle_by", "keyman_name", "keyman_role", "keyman_phone")),
)
LONG_TEXT = ("needs", "products", "notes", "complaints")


class CustomerEditor(QDialog):
    def __init__(self, parent: QWidget | None, archive: Archive, customer_id: int | None):
        super().__init__(parent)
        self.archive = archive
        self.customer_id: int | None = None
        self.created_id: int | None = None    # the last customer this dialog created, if any
        self.saved = False          # something was written during this session
        self.stored: dict = {}      # the record as stored ({} for a new customer)
        self.loaded: dict[str, Any] = {}   # the widgets' values as loaded
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.area_types: dict[str, str | None] = {}
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._build()
        self.load(customer_id)
        self._fit_to_screen()

    # -- building ------------------------------------------------------------
    def _build(self) -> None:
        titles = {"basic": self.tr("Basic information"), "contact": self.tr("Contact and area"),
                  "segmentation": self.tr("Segmentation"), "notes": self.tr("Needs and notes"),
                  "grading": self.tr("Size, deal and KeyMan")}
        boxes = {}
        for key, fields in GROUPS:
            box = QGroupBox(titles[key])
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            # A choice whole in its box ("6.2 free, stays in the community (社区自由)"); where
            # the column is too narrow for it beside its label, it goes under the label.
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            if fields is None:
                for dim in rules.dimensions():
                    self._add_field(form, dim.column, DimensionCombo(dim))
            else:
                for field in fields:
                    self._add_field(form, field, self._make_input(field))
            for widget in box.findChildren(ChoiceCombo):
                whole_choices(widget)
            boxes[key] = box
        self.area_input.lineEdit().editingFinished.connect(self._area_chosen)
        self.area_input.textActivated.connect(self._area_chosen)
        self.inputs["area_type"].setToolTip(self.tr(
            "The area type belongs to the area: changing it changes it for every customer "
            "in the area."))

        form_page = QWidget()
        grid = QGridLayout(form_page)
        grid.addWidget(boxes["basic"], 0, 0)
        grid.addWidget(boxes["contact"], 1, 0)
        grid.addWidget(boxes["segmentation"], 0, 1)
        grid.addWidget(boxes["notes"], 1, 1)
        grid.addWidget(boxes["grading"], 2, 0)
        grid.setRowStretch(3, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)  # the dimension labels are the longest texts
        self.scroll = QScrollArea()
        self.scroll.setWidget(form_page)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

        # The side panel: what changed, and every contact.
        self.history_model = RecordsModel(parent=self)
        self.history_view = self._table(self.history_model)
        self.contacts_model = RecordsModel(parent=self)
        self.contacts_view = self._table(self.contacts_model)
        self.log_button = QPushButton(self.tr("&Log contact…"))
        self.log_button.setToolTip(self.tr("Record a visit, call, message or online contact (Ctrl+L)"))
        self.log_button.clicked.connect(self.log_contact)
        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.setContentsMargins(4, 4, 4, 4)
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_button)
        log_row.addStretch(1)
        contacts_layout.addLayout(log_row)
        contacts_layout.addWidget(self.contacts_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(contacts_page, self.tr("Contacts"))
        self.tabs.addTab(self.history_view, self.tr("Change history"))
        # Grades with their explanations and history; overrides are written at once.
        self.grade_panel = GradePanel(self.archive)
        self.grade_panel.changed.connect(self._grades_changed)
        # In a scroll area: the explanations wrap and can be longer than a laptop screen is high.
        grade_scroll = QScrollArea()
        grade_scroll.setObjectName("grade_scroll")
        grade_scroll.setWidget(self.grade_panel)
        grade_scroll.setWidgetResizable(True)
        grade_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grade_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs.addTab(grade_scroll, self.tr("Grades"))
        # The circles (圈子) the customer belongs to, and whether they are its centre.
        self.circles_model = RecordsModel(parent=self)
        self.circles_view = self._table(self.circles_model)
        self.circles_view.setObjectName("customer_circles")
        self.tabs.addTab(self.circles_view, self.tr("Circles"))
        # Complaints (抱怨处理): recorded and moved on at once, like the grades.
        from gui.customers.complaints import ComplaintsPanel
        self.complaints_panel = ComplaintsPanel(self.archive)
        self.complaints_panel.changed.connect(self._complaints_changed)
        self.tabs.addTab(self.complaints_panel, self.tr("Complaints"))
        # Satisfaction surveys (满意度调查) and their trend.
        from gui.customers.surveys import SurveysPanel
        self.surveys_panel = SurveysPanel(self.archive)
        self.surveys_panel.changed.connect(self._surveys_changed)
        self.tabs.addTab(self.surveys_panel, self.tr("Satisfaction"))

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.restore_button = QPushButton(self.tr("&Restore customer"))
        self.restore_button.clicked.connect(self.restore)
        self.restore_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.restore_button)

        self.new_button = QPushButton(self.tr("&New customer"))
        self.new_button.setToolTip(self.tr("Start a new customer record (Ctrl+N)"))
        self.new_button.clicked.connect(self.new_customer)
        self.delete_button = QPushButton(self.tr("&Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.setToolTip(self.tr("Undo every unsaved edit: show what is stored"))
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save the changes (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(banner_row)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_customer)
        QShortcut(QKeySequence("Ctrl+L"), self, self.log_contact)

    def _make_input(self, field: str) -> QWidget:
        if field == "gender":
            return ChoiceCombo(gender_choices())
        if field == "area_type":
            return ChoiceCombo(area_type_choices())
        if field in ("size", "deal_status", "own_channel", "scarce_resources"):
            return ChoiceCombo(record_choices(field))
        if field == "birth_date":
            return BirthDateField()
        if field in ("created_on", "handle_by"):
            return DateField()
        if field in LONG_TEXT:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 12)
            return edit
        if field in ("area", "manager", "source"):
            combo = QComboBox()
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.completer().setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            if field == "area":
                self.area_input = combo
            return combo
        edit = QLineEdit()
        if field in ("phone", "phone2", "keyman_phone"):
            edit.setPlaceholderText(self.tr("e.g. 138 0013 8000"))
        elif field == "latitude":
            edit.setPlaceholderText(self.tr("e.g. 31.2304"))
        elif field == "longitude":
            edit.setPlaceholderText(self.tr("e.g. 121.4737"))
        elif field == "tags":
            edit.setPlaceholderText(self.tr("separated by commas"))
        return edit

    def _add_field(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        label = QLabel(field_label(field) + self.tr(":"))
        label.setBuddy(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        cell = QWidget()
        cell_layout = QVBoxLayout(cell)
        cell_layout.setContentsMargins(0, 0, 0, 0)
        cell_layout.setSpacing(1)
        cell_layout.addWidget(widget)
        cell_layout.addWidget(error)
        cell.setFocusProxy(widget)
        form.addRow(label, cell)
        self.inputs[field] = widget
        self.errors[field] = error
        if isinstance(widget, (ChoiceCombo, DateField)):
            widget.edited.connect(self._update_state)
            if isinstance(widget, DateField):
                widget.line.textChanged.connect(self._update_state)
        elif isinstance(widget, QComboBox):
            widget.editTextChanged.connect(self._update_state)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._update_state)
        else:
            widget.textChanged.connect(self._update_state)

    @staticmethod
    def _table(model: RecordsModel) -> QTableView:
        return records_view(model)

    def _fit_to_screen(self) -> None:
        room = screen_fit.available_area(self)
        width = min(1280, room.width() - 40)
        height = min(800, room.height() - 40)
        self.resize(width, height)
        # The side gets at least what its widest tab needs, so opening a tab never moves the splitter.
        side = max(int(width * 0.38), max(self.tabs.widget(i).minimumSizeHint().width()
                                          for i in range(self.tabs.count())) + 8)
        self.splitter.setSizes([width - side, side])

    # -- the widgets' values -------------------------------------------------
    def fields(self) -> tuple[str, ...]:
        return customers.record_fields()

    def value(self, field: str) -> Any:
        """What the field holds now: stripped text or None, or a choice's value."""
        widget = self.inputs[field]
        if isinstance(widget, ChoiceCombo):
            return widget.value()
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
        else:
            text = widget.text()
        text = text.strip()
        return text or None

    def set_value(self, field: str, value: Any) -> None:
        """Show a stored value, without an undo step."""
        widget = self.inputs[field]
        if isinstance(widget, ChoiceCombo):
            if value is not None and widget.findData(value) < 0:
                # A code the current rules no longer list: keep it visible and unchanged.
                widget.addItem(self.tr("{value} (not in the rules)").format(value=value), value)
            widget.set_value(value)
            return
        if isinstance(value, float):          # whole amounts without ".0" (540000, not 540000.0)
            text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
        else:
            text = "" if value is None else str(value)
        if isinstance(widget, QPlainTextEdit):
            widget.setPlainText(text)
        elif isinstance(widget, QComboBox):
            widget.setEditText(text)
            if widget.lineEdit() is not None:
                widget.lineEdit().setCursorPosition(0)
        else:
            widget.setText(text)
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(0)      # a long address shows from its start

    def values(self) -> dict[str, Any]:
        return {field: self.value(field) for field in self.fields()}

    def changed_fields(self) -> list[str]:
        return [f for f in self.fields() if self.value(f) != self.loaded.get(f)]

    def is_dirty(self) -> bool:
        return bool(self.changed_fields())

    # -- loading ---------------------------------------------------------------
    def _fill_choices(self) -> None:
        """The areas, managers and sources already in the archive, to pick from."""
        conn = self.archive.conn
        self.area_types = {name: area_type for name, _id, area_type in name_order.areas(conn)}
        for field in ("area", "manager", "source"):
            if field == "area":
                names = list(self.area_types)
            else:
                names = name_order.record_values(conn, field)
            combo = self.inputs[field]
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            combo.blockSignals(False)

    def load(self, customer_id: int | None) -> None:
        """Show the stored record (or an empty one for a new customer)."""
        record = customers.get(self.archive.conn, customer_id) if customer_id is not None else None
        self.customer_id = customer_id if record is not None else None
        self.stored = record or {}
        self._fill_choices()
        for field in self.fields():
            self.set_value(field, self.stored.get(field))
        if record is None:
            self.set_value("created_on", date.today().isoformat())
            self.set_value("manager", settings.user_name())
        self.loaded = {field: self.value(field) for field in self.fields()}
        self.clear_problems()
        self._refresh_histories()
        self._update_state()
        self.inputs["name"].setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_histories(self) -> None:
        conn = self.archive.conn
        history = customers.history(conn, self.customer_id) if self.customer_id else []
        self.history_model.set_rows(
            [self.tr("When"), self.tr("Who"), self.tr("Field"), self.tr("Change")],
            [[_when(h["changed_at"]), h["changed_by"], field_label(h["field"]), _change(h)]
             for h in history])
        channels = channel_labels()
        contacts = customers.contacts(conn, self.customer_id) if self.customer_id else []
        self.contacts_model.set_rows(
            [self.tr("Date"), self.tr("Channel"), self.tr("Purpose"), self.tr("Result"),
             self.tr("Next step"), self.tr("Next date"), self.tr("By")],
            [[c["contact_date"], channels.get(c["channel"], c["channel"]), stored_text.display(c["purpose"]),
              c["result"], c["next_step"], c["next_date"], c["recorded_by"]] for c in contacts])
        self.tabs.setTabText(0, self.tr("Contacts ({count})").format(count=len(contacts)))
        self.tabs.setTabText(1, self.tr("Change history ({count})").format(count=len(history)))
        self.grade_panel.load(self.customer_id)
        member_of = circles.circles_of(conn, self.customer_id) if self.customer_id else []
        centre = self.tr("centre (圆心)")
        self.circles_model.set_rows(
            [self.tr("Circle"), self.tr("Role"), self.tr("Area"), self.tr("Members"), self.tr("Contact mode")],
            [[c.name, centre if c.centre_id == self.customer_id else self.tr("member"), c.area or "",
              c.member_count, c.contact_mode] for c in member_of])
        self.tabs.setTabText(self.tabs.indexOf(self.circles_view),
                             self.tr("Circles ({count})").format(count=len(member_of)))
        self.complaints_panel.set_customer(self.customer_id, not self.stored.get("deleted_at"))
        self.tabs.setTabText(self.tabs.indexOf(self.complaints_panel),
                             self.tr("Complaints ({count})").format(count=len(self.complaints_panel.items)))
        self.surveys_panel.set_customer(self.customer_id, not self.stored.get("deleted_at"))
        self._surveys_changed()
        for view in (self.history_view, self.contacts_view, self.circles_view):
            fit_columns(view, 220)

    def _update_state(self) -> None:
        dirty = self.is_dirty()
        deleted = bool(self.stored.get("deleted_at"))
        exists = self.customer_id is not None
        name = self.stored.get("name") or ""
        title = (self.tr("Customer: {name}").format(name=name) if exists
                 else self.tr("New customer"))
        self.setWindowTitle(title + " [*]")
        self.setWindowModified(dirty)
        self.revert_button.setEnabled(dirty)
        self.save_button.setEnabled(not deleted)
        self.delete_button.setEnabled(exists and not deleted)
        self.log_button.setEnabled(exists and not deleted)
        self.grade_panel.setEnabled(exists and not deleted)
        self.scroll.widget().setEnabled(not deleted)
        self.restore_button.setVisible(deleted)
        if deleted:
            self._show_banner(self.tr("This customer was deleted on {when}. Restore the customer "
                                      "to change the record or log contacts.")
                              .format(when=_when(self.stored["deleted_at"])), error=False)

    # -- messages ------------------------------------------------------------
    def _show_banner(self, text: str, *, error: bool) -> None:
        self.banner.setText(text)
        self.banner.setStyleSheet(ERROR_STYLE if error else "")
        self.banner.setVisible(bool(text))

    def clear_problems(self) -> None:
        for label in self.errors.values():
            label.clear()
            label.hide()
        self._show_banner("", error=False)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each problem beside its field; the first bad field gets the focus."""
        self.clear_problems()
        for field, reason in problems.items():
            label = self.errors.get(field)
            if label is not None:
                label.setText(reason)
                label.show()
        names = ", ".join(field_label(f) for f in self.fields() if f in problems)
        self._show_banner(self.tr("Nothing was saved. Correct the marked fields: {fields}.")
                          .format(fields=names), error=True)
        for field in self.fields():
            if field in problems:
                widget = self.inputs[field]
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll.ensureWidgetVisible(widget)
                break

    # -- actions ---------------------------------------------------------------
    def check(self) -> dict[str, str]:
        """Problems with the current values (field → reason); empty when all is well."""
        values = self.values()
        changed = self.changed_fields()
        if self.customer_id is None:
            to_check = values
        else:
            # Only what the user changed (a stored value the rules no longer know must
            # not block saving another field), plus the name and the coordinate pair.
            to_check = {f: values[f] for f in changed}
            to_check["name"] = values["name"]
            if "latitude" in changed or "longitude" in changed:
                to_check["latitude"], to_check["longitude"] = values["latitude"], values["longitude"]
        problems: dict[str, str] = {}
        try:
            customers.clean(to_check)
        except customers.ValidationError as exc:
            problems.update(exc.problems)
        if not values["created_on"] and "created_on" not in problems:
            problems["created_on"] = self.tr("Give the date the customer was taken on.")
        if values["area_type"] and not values["area"] and "area_type" not in problems:
            problems["area_type"] = self.tr("The area type belongs to an area: choose or type "
                                            "the area first.")
        return problems

    def save(self) -> bool:
        """Check and store the edits; False (and the problems shown) if nothing was saved."""
        if self.stored.get("deleted_at"):
            return False
        problems = self.check()
        if problems:
            self.show_problems(problems)
            return False
        if not self._settle_same_customer():
            return False
        by = settings.user_name()
        values = self.values()
        try:
            if self.customer_id is None:
                new_id = customers.create(self.archive.conn,
                                          {k: v for k, v in values.items() if v is not None}, by)
                message = self.tr("The new customer was saved.")
                self.saved = True
                self.created_id = new_id
                self.load(new_id)
            else:
                changes = {f: values[f] for f in self.changed_fields()}
                written = customers.update(self.archive.conn, self.customer_id, changes, by) \
                    if changes else []
                if written:
                    self.saved = True
                    undo.record_edit(self, self.archive.conn, self.customer_id, values.get("name") or "",
                                     {f: self.stored.get(f) for f in written},
                                     {f: changes[f] for f in written})
                message = (self.tr("Saved: {fields}.").format(
                    fields=", ".join(field_label(f) for f in written)) if written
                    else self.tr("Nothing had changed."))
                self.load(self.customer_id)
        except customers.ValidationError as exc:
            self.show_problems(exc.problems)
            return False
        except ArchiveError as exc:
            show_error(self, exc)
            return False
        self._show_banner(message, error=False)
        return True

    def same_customers(self) -> list[dict]:
        """Other customers this one would be the same person as (customers.identity)."""
        keys = ("name", "phone", "phone2", "birth_date")
        if self.customer_id is not None and not set(keys) & set(self.changed_fields()):
            return []
        try:
            cleaned = customers.clean({k: self.value(k) for k in keys}, partial=True)
        except customers.ValidationError:
            return []
        return customers.same_customers(self.archive.conn, cleaned, exclude=self.customer_id)

    def _settle_same_customer(self) -> bool:
        """The same phone (or name and birth date) as another customer: say so before
        saving, with a way to open the other; True to save all the same."""
        same = self.same_customers()
        if not same:
            return True
        other = same[0]
        why = (self.tr("{name} (no. {id}) already has this phone number.") if other["why"] == "phone"
               else self.tr("{name} (no. {id}) has the same name and birth date, and no phone."))
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The same customer?"),
                          why.format(name=other["name"], id=other["id"]),
                          QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("same_customer")
        box.setInformativeText(self.tr("The import treats such a row as a duplicate. Open the other "
                                       "customer to compare, or save this one as a different person."))
        open_other = box.addButton(self.tr("&Open {name}").format(name=other["name"]),
                                   QMessageBox.ButtonRole.ActionRole)
        save = box.addButton(self.tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is save:
            return True
        if box.clickedButton() is open_other:
            if CustomerEditor.edit(self, self.archive, other["id"]):
                self.saved = True
        self._show_banner(why.format(name=other["name"], id=other["id"]) + " "
                          + self.tr("Nothing was saved."), error=True)
        return False

    def revert(self) -> None:
        """Forget every unsaved edit and show what is stored."""
        self.load(self.customer_id)

    def _area_chosen(self, *_args) -> None:
        """Picking an existing area brings its area type along."""
        known = self.area_types.get(self.value("area") or "")
        combo = self.inputs["area_type"]
        if known and combo.value() != known:
            combo.setCurrentIndex(max(combo.findData(known), 0))

    def _settle_unsaved(self) -> bool:
        """Ask what to do with unsaved edits; False if the user cancelled."""
        if not self.is_dirty():
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("This customer has changes that are not saved. Save them?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_customer(self) -> None:
        if self._settle_unsaved():
            self.load(None)

    def delete(self) -> None:
        if self.customer_id is None or self.stored.get("deleted_at"):
            return
        answer = QMessageBox.question(
            self, self.tr("Delete customer"),
            self.tr("Delete {name}? The customer leaves the lists; the record, its contacts and "
                    "its change history are kept and it can be restored.")
            .format(name=self.stored.get("name") or ""),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self._write(customers.delete):
            conn, customer_id = self.archive.conn, self.customer_id
            undo.record(self, self.tr("Delete {name}").format(name=self.stored.get("name") or ""),
                        lambda: customers.delete(conn, customer_id, settings.user_name()),
                        lambda: customers.undelete(conn, customer_id, settings.user_name()))
            self.loaded = {field: self.value(field) for field in self.fields()}  # nothing to ask
            self.done(QDialog.DialogCode.Accepted)

    def restore(self) -> None:
        if self.customer_id is not None and self._write(customers.undelete):
            self.load(self.customer_id)

    def _write(self, write) -> bool:
        """A model write on this customer, e.g. ``customers.delete``; a refusal is shown."""
        try:
            write(self.archive.conn, self.customer_id, settings.user_name())
        except ArchiveError as exc:
            show_error(self, exc)
            return False
        self.saved = True
        return True

    def _complaints_changed(self) -> None:
        self.saved = True
        self.tabs.setTabText(self.tabs.indexOf(self.complaints_panel),
                             self.tr("Complaints ({count})").format(count=len(self.complaints_panel.items)))

    def _surveys_changed(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.surveys_panel),
                             self.tr("Satisfaction ({count})").format(count=len(self.surveys_panel.items)))

    def _grades_changed(self) -> None:
        self.saved = True     # the list shows grades: refresh it when the editor closes

    def log_contact(self) -> None:
        if self.customer_id is None or self.stored.get("deleted_at"):
            return
        contact_id = ContactDialog.ask(self, self.archive, self.customer_id)
        if contact_id is not None:
            undo.record_contact(self, self.archive.conn, contact_id)
            self.saved = True
            self._refresh_histories()
            self.tabs.setCurrentIndex(0)

    def reject(self) -> None:
        """Close (Esc, the Close button, the window's close box): unsaved edits are asked about."""
        if self._settle_unsaved():
            self.done(QDialog.DialogCode.Accepted if self.saved else QDialog.DialogCode.Rejected)

    @classmethod
    def edit(cls, parent: QWidget | None, archive: Archive, customer_id: int | None) -> bool:
        """Open the editor (modal); True when something was saved."""
        dialog = cls(parent, archive, customer_id)
        try:
            dialog.exec()
            return dialog.saved
        finally:
            dialog.deleteLater()

    @classmethod
    def add(cls, parent: QWidget | None, archive: Archive) -> tuple[bool, int | None]:
        """Open the editor on a new customer (modal): whether something was saved, and the
        id of the last customer it created (None when none was)."""
        dialog = cls(parent, archive, None)
        try:
            dialog.exec()
            return dialog.saved, dialog.created_id
        finally:
            dialog.deleteLater()


def _when(stamp: str | None) -> str:
    """2024-05-01T14:03:22 → 2024-05-01 14:03."""
    return datetime_text(stamp)


def _change(entry: dict) -> str:
    field = entry["field"]
    if field.startswith("*"):
        return entry["new_value"] or ""
    old = display_value(field, entry["old_value"]) or "—"
    new = display_value(field, entry["new_value"]) or "—"
    return f"{old} → {new}"
