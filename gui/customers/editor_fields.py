"""The customer editor's form: one input per field of the record, in groups, with the
problems beside them; what the inputs hold, and the check before Save."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QCompleter, QFormLayout, QGridLayout, QGroupBox, QLabel,
                               QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget)

from gui.common.widgets import (ERROR_STYLE, BirthDateField, ChoiceCombo, DateField, DimensionCombo,
                                area_type_choices, field_label, gender_choices, record_choices,
                                whole_choices)
from model.core import name_order, rules
from model.core.i18n import translate
from model.customers import customers

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


class EditorFields:
    """The form half of :class:`gui.customers.customer_editor.CustomerEditor` (a mixin: it
    keeps ``inputs``, ``errors``, ``area_types`` and ``scroll`` on the editor)."""

    def _build_form(self) -> None:
        titles = {"basic": translate("CustomerEditor", "Basic information"),
                  "contact": translate("CustomerEditor", "Contact and area"),
                  "segmentation": translate("CustomerEditor", "Segmentation"),
                  "notes": translate("CustomerEditor", "Needs and notes"),
                  "grading": translate("CustomerEditor", "Size, deal and KeyMan")}
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
        self.inputs["area_type"].setToolTip(translate("CustomerEditor",
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
            edit.setPlaceholderText(translate("CustomerEditor", "e.g. 138 0013 8000"))
        elif field == "latitude":
            edit.setPlaceholderText(translate("CustomerEditor", "e.g. 31.2304"))
        elif field == "longitude":
            edit.setPlaceholderText(translate("CustomerEditor", "e.g. 121.4737"))
        elif field == "tags":
            edit.setPlaceholderText(translate("CustomerEditor", "separated by commas"))
        return edit

    def _add_field(self, form: QFormLayout, field: str, widget: QWidget) -> None:
        label = QLabel(field_label(field) + translate("CustomerEditor", ":"))
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
                widget.addItem(translate("CustomerEditor", "{value} (not in the rules)").format(value=value), value)
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
            problems["created_on"] = translate("CustomerEditor", "Give the date the customer was taken on.")
        if values["area_type"] and not values["area"] and "area_type" not in problems:
            problems["area_type"] = translate("CustomerEditor", "The area type belongs to an area: choose or type "
                                            "the area first.")
        return problems


    def _area_chosen(self, *_args) -> None:
        """Picking an existing area brings its area type along."""
        known = self.area_types.get(self.value("area") or "")
        combo = self.inputs["area_type"]
        if known and combo.value() != known:
            combo.setCurrentIndex(max(combo.findData(known), 0))

