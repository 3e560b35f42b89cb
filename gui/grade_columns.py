"""Grades in the customer list: columns, filter conditions and the filter bar's menu.

Every piece is SQL over ``customers c`` reading the ``grades`` table by its
primary key (customer_id, scheme), so the list sorts and filters 100,000
customers in SQLite without loading grades into Python.

The next tracking date is worked out in SQL the way ``grading.tracking_schedule``
does: the opportunity grade's cadence (rules data) after the customer's latest
contact up to today, or the day the grade was set when there is no contact yet.
"""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from gui.grade_text import scheme_text, value_text
from model import grading
from model.i18n import translate

OVERRIDE_MARK = "*"     # appended by the column's SQL to a value set by hand


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _grade(scheme: str, expression: str = "g.value") -> str:
    return (f"(SELECT {expression} FROM grades g WHERE g.customer_id = c.id"
            f" AND g.scheme = {_quote(scheme)})")


def _order(scheme: str, rules: grading.GradingRules) -> str:
    whens = " ".join(f"WHEN {_quote(v)} THEN {i}" for i, v in enumerate(grading.value_order(scheme, rules)))
    return _grade(scheme, f"CASE g.value {whens} ELSE 999 END")


def next_tracking_sql(rules: grading.GradingRules | None = None) -> str:
    """The next tracking date (ISO text) of ``c``, NULL without a grade that is tracked."""
    rules = rules or grading.load_rules()
    tracked = {g: c.days for g, c in rules.opportunity.cadences.items() if c.days}
    if not tracked:
        return "NULL"
    days = "CASE g.value " + " ".join(f"WHEN {_quote(g)} THEN {int(d)}" for g, d in tracked.items()) + " END"
    last = ("(SELECT substr(max(k.contact_date), 1, 10) FROM contacts k WHERE k.customer_id = c.id"
            " AND k.contact_date < date('now', 'localtime', '+1 day'))")
    # No contact: the day graded (as_of - days + days).
    return _grade(grading.OPPORTUNITY,
                  f"date(COALESCE({last}, date(g.as_of, '-' || {days} || ' days')), '+' || {days} || ' days')")


def overdue_sql(rules: grading.GradingRules | None = None) -> str:
    """Days since the next tracking date (> 0 overdue, 0 due today, < 0 not yet due)."""
    return (f"CAST(julianday(date('now', 'localtime')) - julianday({next_tracking_sql(rules)})"
            " AS INTEGER)")


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
    """The grade columns of the customer list (see ``gui.columns.Column``)."""
    from gui.columns import Column
    rules = grading.load_rules()
    marked = f"g.value || CASE WHEN g.override THEN '{OVERRIDE_MARK}' ELSE '' END"
    hand = translate("GradeColumns", "✎ marks a grade set by hand.")
    return [
        Column("value_tier", translate("GradeColumns", "Value tier"), _grade(grading.VALUE_TIER, marked),
               _labelled(grading.VALUE_TIER, rules, language), sort=_order(grading.VALUE_TIER, rules),
               chars=6, tooltip=translate("GradeColumns", "A/B/C as seed 002 defines them: the top 80% of the "
                                          "last 12 months, or scarce resources (A); medium size or above with "
                                          "its own channel or a large potential (B).")
               + " " + hand),
        Column("opportunity_grade", translate("GradeColumns", "Opportunity"), _grade(grading.OPPORTUNITY),
               _labelled(grading.OPPORTUNITY, rules, language), sort=_order(grading.OPPORTUNITY, rules),
               chars=6, tooltip=translate("GradeColumns", "A-E from the need and the expected close.")),
        Column("rfm_type", translate("GradeColumns", "RFM type"), _grade(grading.RFM, marked),
               _labelled(grading.RFM, rules, language), sort=_order(grading.RFM, rules), chars=17,
               tooltip=hand),
        Column("persona", translate("GradeColumns", "Persona"), _grade(grading.PERSONA, marked),
               _labelled(grading.PERSONA, rules, language), sort=_order(grading.PERSONA, rules), chars=17,
               tooltip=hand),
        Column("next_tracking_date", translate("GradeColumns", "Next tracking"), next_tracking_sql(rules),
               chars=10, tooltip=translate("GradeColumns", "The last contact plus the opportunity grade's "
                                                           "tracking cadence.")),
        Column("overdue_days", translate("GradeColumns", "Overdue (days)"), overdue_sql(rules), _overdue_text,
               chars=5, tooltip=translate("GradeColumns", "Days since the next tracking date passed.")),
        lifecycle_column(language),
        *seed_columns(language, rules),
    ]


# -- the lifecycle stage (model.lifecycle), worked out in SQL as of today --------------------------

LIFECYCLE = "lifecycle"


def lifecycle_values(language: str) -> list[tuple[str, str]]:
    from model import lifecycle
    return [(key, lifecycle.stage_label(key, language)) for key in lifecycle.STAGES]


def lifecycle_column(language: str):
    from gui.columns import Column, _case, _lookup
    from model import lifecycle
    values = lifecycle_values(language)
    expression = lifecycle.customer_stage_sql()
    return Column(LIFECYCLE, translate("GradeColumns", "Lifecycle"), expression, _lookup(dict(values)),
                  sort=_case(f"({expression})", {k: i for i, (k, _) in enumerate(values)}), chars=6,
                  tooltip=translate("GradeColumns", "潜在 / 新客 / 成长 / 成熟 / 衰退 / 流失 (seed 000), from the "
                                    "transactions and contacts as of today (lifecycle.json)."))


# -- seed 002's other axes: size, deal status, importance, urgency of handling, KeyMan -------------

AXES = ("deal_status", "importance", "urgency", "size")


def axis_values(axis: str, language: str, rules: grading.GradingRules | None = None) -> list[tuple[str, str]]:
    """(key, label) of an axis's values, in order."""
    from model import customer_fields
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


def axis_sql(axis: str, rules: grading.GradingRules | None = None) -> str:
    from model.grading import deal
    if axis == "importance":
        return deal.importance_sql(rules)
    if axis == "urgency":
        return deal.urgency_sql(rules)
    return f"c.{axis}"


def seed_columns(language: str, rules: grading.GradingRules) -> list:
    from gui.columns import Column, _case, _lookup
    columns = []
    tips = {"deal_status": translate("GradeColumns", "已成交 / 正在谈判 / 潜在 (seed 002)"),
            "importance": translate("GradeColumns", "From the potential amount: important from {amount}.").format(
                amount=f"{rules.importance.important_from:,.0f}"),
            "urgency": translate("GradeColumns", "By when the customer must be handled (the handle-by date)."),
            "size": translate("GradeColumns", "Large, medium or small (规模)")}
    for axis in AXES:
        values = axis_values(axis, language, rules)
        expression = axis_sql(axis, rules)
        columns.append(Column(axis, axis_label(axis), expression, _lookup(dict(values)),
                              sort=_case(f"({expression})", {k: i for i, (k, _) in enumerate(values)}),
                              chars=8, tooltip=tips[axis], visible_by_default=axis != "size"))
    columns.append(Column("potential_amount", translate("GradeColumns", "Potential amount"), "c.potential_amount",
                          lambda v: "" if v is None else f"{float(v):,.0f}", chars=10, visible_by_default=False))
    columns.append(Column("handle_by", translate("GradeColumns", "Handle by"), "c.handle_by", chars=10,
                          visible_by_default=False))
    columns.append(Column("keyman", translate("GradeColumns", "KeyMan"), "c.keyman_name", chars=8,
                          visible_by_default=False,
                          tooltip=translate("GradeColumns", "The customer's decision maker (KeyMan)")))
    return columns


def grade_condition(grades: tuple[str, ...], overdue: bool) -> tuple[list[str], list]:
    """SQL conditions (AND) and parameters for a filter on grades: ``scheme:value``
    entries, values of one scheme being alternatives (``scheme:`` = not graded);
    ``overdue``: the next tracking date has passed."""
    parts: list[str] = []
    params: list = []
    by_scheme: dict[str, list[str]] = {}
    for entry in grades:
        scheme, _, value = entry.partition(":")
        if scheme in grading.SCHEMES or scheme in AXES or scheme == LIFECYCLE:
            by_scheme.setdefault(scheme, []).append(value)
    stages = [v for v in by_scheme.get(LIFECYCLE, ()) if v]
    if stages:           # stages are alternatives
        from model import lifecycle
        # instr(), not IN (...): SQLite works the stage's dates out once per row for IN (15x slower).
        parts.append(f"instr(?, ',' || ({lifecycle.customer_stage_sql()}) || ',') > 0")
        params.append("," + ",".join(v for v in stages if v in lifecycle.STAGES) + ",")
    for axis in AXES:        # seed 002's axes: values are alternatives; "axis:" = not set
        values = by_scheme.get(axis)
        if not values:
            continue
        real = [v for v in values if v]
        expression = axis_sql(axis)
        alternatives = [f"({expression}) IN ({', '.join('?' * len(real))})"] if real else []
        params += real
        if len(real) < len(values):
            alternatives.append(f"({expression}) IS NULL")
        parts.append("(" + " OR ".join(alternatives) + ")")
    for scheme in grading.SCHEMES:
        values = by_scheme.get(scheme)
        if not values:
            continue
        real = [v for v in values if v]
        alternatives = []
        if real:
            alternatives.append(f"EXISTS (SELECT 1 FROM grades g WHERE g.customer_id = c.id AND g.scheme = ?"
                                f" AND g.value IN ({', '.join('?' * len(real))}))")
            params += [scheme, *real]
        if len(real) < len(values):
            alternatives.append("NOT EXISTS (SELECT 1 FROM grades g WHERE g.customer_id = c.id AND g.scheme = ?)")
            params.append(scheme)
        parts.append("(" + " OR ".join(alternatives) + ")")
    if overdue:
        parts.append(f"{next_tracking_sql()} < date('now', 'localtime')")
    return parts, params


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
