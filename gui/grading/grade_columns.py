"""Grades in the customer list: columns and the filter bar's menu.

The columns' SQL expressions and the filter's conditions are the model's
(``model.grading.list_sql``); this module gives them titles, labels and widgets.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from gui.grading.grade_text import scheme_text, value_text
from model import grading
from model.grading.list_sql import LIFECYCLE, AXES, axis_sql, grade_sql, next_tracking_sql, order_sql, overdue_sql
from model.core.i18n import translate

OVERRIDE_MARK = "*"     # appended by the column's SQL to a value set by hand


def _labelled(scheme: str, rules: grading.GradingRules, lang: str) -> Callable[[Any], str]:
    labels: dict[str, str] = {}

    def label(value: Any) -> str:
        if value is None:
            return ""
        text = str(value)
        if text not in labels:
            key, marked = (text[:-1], True) if text.endswith(OVERRIDE_MARK) else (text, False)
            labels[text] = value_text(scheme, key, rules=rules, lang=lang) + (" ✎" if marked else "")
        return labels[text]
    return label


def _overdue_text(value: Any) -> str:
    return str(value) if isinstance(value, int) and value > 0 else ""


def grade_columns(language: str) -> list:
    """The grade columns of the customer list (see ``gui.customers.columns.Column``)."""
    from gui.customers.columns import Column
    rules = grading.load_rules()
    marked = f"g.value || CASE WHEN g.override THEN '{OVERRIDE_MARK}' ELSE '' END"
    hand = translate("GradeColumns", "✎ marks a grade set by hand.")
    return [
        Column("value_tier", translate("GradeColumns", "Value tier"), grade_sql(grading.VALUE_TIER, marked),
               _labelled(grading.VALUE_TIER, rules, language), sort=order_sql(grading.VALUE_TIER, rules),
               chars=6, tooltip=translate("GradeColumns", "A/B/C as seed 002 defines them: the top 80% of the "
                                          "last 12 months, or scarce resources (A); medium size or above with "
                                          "its own channel or a large potential (B).")
               + " " + hand),
        Column("opportunity_grade", translate("GradeColumns", "Opportunity"), grade_sql(grading.OPPORTUNITY),
               _labelled(grading.OPPORTUNITY, rules, language), sort=order_sql(grading.OPPORTUNITY, rules),
               chars=6, tooltip=translate("GradeColumns", "A-E from the need and the expected close.")),
        Column("rfm_type", translate("GradeColumns", "RFM type"), grade_sql(grading.RFM, marked),
               _labelled(grading.RFM, rules, language), sort=order_sql(grading.RFM, rules), chars=17,
               tooltip=hand),
        Column("persona", translate("GradeColumns", "Persona"), grade_sql(grading.PERSONA, marked),
               _labelled(grading.PERSONA, rules, language), sort=order_sql(grading.PERSONA, rules), chars=17,
               tooltip=hand),
        Column("next_tracking_date", translate("GradeColumns", "Next tracking"), next_tracking_sql(rules),
               chars=10, tooltip=translate("GradeColumns", "The last contact plus the opportunity grade's "
                                                           "tracking cadence.")),
        Column("overdue_days", translate("GradeColumns", "Overdue (days)"), overdue_sql(rules), _overdue_text,
               chars=5, tooltip=translate("GradeColumns", "Days since the next tracking date passed.")),
        lifecycle_column(language),
        *seed_columns(language, rules),
    ]


# -- the lifecycle stage (model.customers.lifecycle), worked out in SQL as of today --------------------------



def lifecycle_values(language: str) -> list[tuple[str, str]]:
    from model.customers import lifecycle
    return [(key, lifecycle.stage_label(key, language)) for key in lifecycle.STAGES]


def lifecycle_column(language: str):
    from gui.customers.columns import Column, sort_case, lookup
    from model.customers import lifecycle
    values = lifecycle_values(language)
    expression = lifecycle.customer_stage_sql()
    return Column(LIFECYCLE, translate("GradeColumns", "Lifecycle"), expression, lookup(dict(values)),
                  sort=sort_case(f"({expression})", {k: i for i, (k, _) in enumerate(values)}), chars=6,
                  tooltip=translate("GradeColumns", "潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失 (seed 000), from the "
                                    "transactions and contacts as of today (lifecycle.json)."))


# -- seed 002's other axes: size, deal status, importance, urgency of handling, KeyMan -------------

def axis_values(axis: str, language: str, rules: grading.GradingRules | None = None) -> list[tuple[str, str]]:
    """(key, label) of an axis's values, in order."""
    from model.customers import customer_fields
    rules = rules or grading.load_rules()
    short = "zh" if language.startswith("zh") else "en"
    if axis in ("deal_status", "size"):
        return [(c.key, c.label(short)) for c in customer_fields.field_rules().values(axis)]
    if axis == "importance":
        return [(v.key, v.label(language)) for v in rules.importance.values]
    return [(u.key, u.label(language)) for u in rules.opportunity.urgency]


def axis_label(axis: str) -> str:
    return {"deal_status": translate("GradeColumns", "Deal status"),
            "importance": translate("GradeColumns", "Importance"),
            "urgency": translate("GradeColumns", "Urgency"),
            "size": translate("GradeColumns", "Size")}[axis]


def seed_columns(language: str, rules: grading.GradingRules) -> list:
    from gui.customers.columns import Column, sort_case, lookup
    columns = []
    tips = {"deal_status": translate("GradeColumns", "已成交 / 正在谈判 / 潜在 (seed 002)"),
            "importance": translate("GradeColumns", "From the potential amount: important from {amount}.").format(
                amount=f"{rules.importance.important_from:,.0f}"),
            "urgency": translate("GradeColumns", "By when the customer must be handled (the handle-by date)."),
            "size": translate("GradeColumns", "Large, medium or small (规模)")}
    for axis in AXES:
        values = axis_values(axis, language, rules)
        expression = axis_sql(axis, rules)
        columns.append(Column(axis, axis_label(axis), expression, lookup(dict(values)),
                              sort=sort_case(f"({expression})", {k: i for i, (k, _) in enumerate(values)}),
                              chars=8, tooltip=tips[axis], visible_by_default=axis != "size"))
    columns.append(Column("potential_amount", translate("GradeColumns", "Potential amount"), "c.potential_amount",
                          lambda v: "" if v is None else f"{float(v):,.0f}", chars=10, visible_by_default=False))
    columns.append(Column("handle_by", translate("GradeColumns", "Handle by"), "c.handle_by", chars=10,
                          visible_by_default=False))
    columns.append(Column("keyman", translate("GradeColumns", "KeyMan"), "c.keyman_name", chars=8,
                          visible_by_default=False,
                          tooltip=translate("GradeColumns", "The customer's decision maker (KeyMan)")))
    return columns


class GradeFilterButton(QPushButton):
    """The filter bar's "Grades" menu: values per scheme, "not graded", tracking overdue."""

    changed = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("grade_filter")
        self.setToolTip(self.tr("Filter by grades: values of one grade are alternatives; different "
                                "grades must all match"))
        rules = grading.load_rules()
        self._actions: dict[str, Any] = {}
        menu = QMenu(self)
        for scheme in grading.SCHEMES:
            sub = menu.addMenu(scheme_text(scheme))
            for value in grading.value_order(scheme, rules):
                self._add(sub, f"{scheme}:{value}", value_text(scheme, value, long=True, rules=rules, lang=language))
            sub.addSeparator()
            self._add(sub, f"{scheme}:", self.tr("(not graded)"))
        menu.addSeparator()
        for axis in AXES:
            sub = menu.addMenu(axis_label(axis))
            for key, label in axis_values(axis, language, rules):
                self._add(sub, f"{axis}:{key}", label)
            sub.addSeparator()
            self._add(sub, f"{axis}:", self.tr("(not set)"))
        menu.addSeparator()
        sub = menu.addMenu(self.tr("Lifecycle stage"))
        for key, label in lifecycle_values(language):
            self._add(sub, f"{LIFECYCLE}:{key}", label)
        menu.addSeparator()
        self.overdue_action = menu.addAction(self.tr("Tracking &overdue"))
        self.overdue_action.setCheckable(True)
        self.overdue_action.toggled.connect(self._emit)
        menu.addSeparator()
        menu.addAction(self.tr("Clear grade choices"), lambda: self.set_choice((), False, emit=True))
        self.setMenu(menu)
        self._update_text()

    def _add(self, menu: QMenu, key: str, text: str) -> None:
        action = menu.addAction(text)
        action.setCheckable(True)
        action.toggled.connect(self._emit)
        self._actions[key] = action

    def grades(self) -> tuple[str, ...]:
        return tuple(key for key, action in self._actions.items() if action.isChecked())

    def overdue(self) -> bool:
        return self.overdue_action.isChecked()

    def set_choice(self, grades: tuple[str, ...], overdue: bool, emit: bool = False) -> None:
        for key, action in self._actions.items():
            with QSignalBlocker(action):
                action.setChecked(key in grades)
        with QSignalBlocker(self.overdue_action):
            self.overdue_action.setChecked(overdue)
        self._update_text()
        if emit:
            self.changed.emit()

    def _emit(self, *_args) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = len(self.grades()) + int(self.overdue())
        self.setText(self.tr("Grades ({count})").format(count=chosen) if chosen else self.tr("Grades"))
