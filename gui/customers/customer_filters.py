"""The filter bar above the customer list (the filter and the saved views are the
model's: ``model.customers.customer_filters``)."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton,
                               QToolButton, QWidget)

from gui.common.widgets import whole_choices
from model.core import rules
from model.customers.customer_filters import NONE, CustomerFilter


class FilterBar(QWidget):
    """Area, area type, manager and dimension-code choices above the customer list."""

    changed = Signal(object)     # the new CustomerFilter

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._language = language
        self._code_actions: dict = {}
        self.area = self._combo(self.tr("Filter by area"))
        self.area_type = self._combo(self.tr("Filter by area type"))
        # A few fixed types, some long in English ("Residential community"): each whole.
        whole_choices(self.area_type)
        self.manager = self._combo(self.tr("Filter by the manager in charge"))
        self.area_type.addItem(self.tr("All area types"), None)
        self.area_type.addItem(self.tr("(no area type)"), NONE)
        for kind in rules.area_types():
            self.area_type.addItem(kind.label(language), kind.key)
        self.dimensions = QPushButton()
        self.dimensions.setToolTip(self.tr("Filter by segmentation codes: codes of one dimension "
                                           "are alternatives; different dimensions must all match"))
        self._menu = QMenu(self.dimensions)
        for dim in rules.dimensions():
            sub = self._menu.addMenu(f"{dim.number}. {dim.label(language)}")
            for value in dim.values:
                action = sub.addAction(f"{value.code} {value.label(language)}")
                action.setCheckable(True)
                action.toggled.connect(self._emit)
                self._code_actions[value.code] = action
        self._menu.addSeparator()
        self._menu.addAction(self.tr("Clear segment choices"), self._clear_codes)
        self.dimensions.setMenu(self._menu)
        self.grades = None          # the grade menu, once grading is loaded (add_grade_menu)
        self._grade_choice: tuple[tuple[str, ...], bool] = ((), False)
        self.red_list = QCheckBox(self.tr("&Red list only"))
        self.red_list.setToolTip(self.tr("Customers without a usable phone number (红名单), "
                                         "for data clean-up"))
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.clicked.connect(lambda: self.set_filter(CustomerFilter(), emit=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Show:"))
        layout.addWidget(label)
        for widget in (self.area, self.area_type, self.manager, self.dimensions,
                       self.red_list, self.clear_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.set_choices([], [])
        for combo in (self.area, self.area_type, self.manager):
            combo.currentIndexChanged.connect(self._emit)
        self.red_list.toggled.connect(self._emit)
        self._update_texts()

    def _combo(self, tip: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        # Wide enough for short names; the list that drops down shows long ones whole,
        # and the bar still fits a small screen.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        combo.setMaxVisibleItems(25)
        return combo

    def set_choices(self, areas: list[str], managers: list[str]) -> None:
        """Fill the area and manager lists (see :func:`filter_choices`), keeping the
        current choice."""
        current = self.filter()
        with QSignalBlocker(self.area), QSignalBlocker(self.manager):
            self.area.clear()
            self.area.addItem(self.tr("All areas"), None)
            self.area.addItem(self.tr("(no area)"), NONE)
            for name in areas:
                self.area.addItem(name, name)
            self.manager.clear()
            self.manager.addItem(self.tr("All managers"), None)
            self.manager.addItem(self.tr("(no manager)"), NONE)
            for name in managers:
                self.manager.addItem(name, name)
        self.set_filter(current)

    def add_grade_menu(self, button) -> None:
        """Add the grades menu (``gui.grading.grade_columns.GradeFilterButton``) after the segments."""
        self.grades = button
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.dimensions) + 1, button)
        button.changed.connect(self._emit)
        button.set_choice(*self._grade_choice)

    def filter(self) -> CustomerFilter:
        codes = tuple(code for code, action in self._code_actions.items() if action.isChecked())
        grades, overdue = ((self.grades.grades(), self.grades.overdue()) if self.grades
                           else self._grade_choice)
        return CustomerFilter(self.area.currentData(), self.area_type.currentData(),
                              self.manager.currentData(), codes, self.red_list.isChecked(),
                              grades, overdue)

    def set_filter(self, flt: CustomerFilter, emit: bool = False) -> None:
        blockers = [QSignalBlocker(w) for w in (self.area, self.area_type, self.manager,
                                                self.red_list, *self._code_actions.values())]
        for combo, value in ((self.area, flt.area), (self.area_type, flt.area_type),
                             (self.manager, flt.manager)):
            index = combo.findData(value) if value is not None else 0
            if index < 0 and value is not None:   # e.g. an area this archive lacks
                combo.addItem(value, value)
                index = combo.count() - 1
            combo.setCurrentIndex(max(index, 0))
        for code, action in self._code_actions.items():
            action.setChecked(code in flt.codes)
        self.red_list.setChecked(flt.red_list)
        self._grade_choice = (flt.grades, flt.overdue)
        if self.grades is not None:
            self.grades.set_choice(flt.grades, flt.overdue)
        del blockers
        self._update_texts()
        if emit:
            self.changed.emit(self.filter())

    def _clear_codes(self) -> None:
        for action in self._code_actions.values():
            with QSignalBlocker(action):
                action.setChecked(False)
        self._emit()

    def _emit(self, *_args) -> None:
        self._update_texts()
        self.changed.emit(self.filter())

    def _update_texts(self) -> None:
        chosen = sum(a.isChecked() for a in self._code_actions.values())
        self.dimensions.setText(self.tr("Segments ({count})").format(count=chosen) if chosen
                                else self.tr("Segments"))
        self.clear_button.setEnabled(not self.filter().is_empty())

