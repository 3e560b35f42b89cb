"""Grading: value tier, opportunity grade, RFM type and persona, each with its explanation.

The public API (the window, the CLI, the export and the visit planner use these)::

    inputs = grading.load_inputs(conn, as_of, scope_ids=None)   # pandas frames
    computed = grading.compute(inputs)                           # pure: no SQL
    result = grading.apply(conn, computed, by="rules")           # one transaction
    grading.set_opportunity(conn, customer_id, "clear", "3m", by=user)
    grading.override(conn, customer_id, "value_tier", "A", reason, by=user)
    grading.current(conn, customer_id); grading.history(conn, customer_id)
    grading.distribution(conn); grading.export_frame(conn); grading.due_for_tracking(conn, as_of)

Rules data: ``resources/rules/grading.json`` and ``personas.json`` (see ``ruleset``).
"""
from model.grading.compute import (COMPUTED_SCHEMES, OPPORTUNITY, PERSONA, RFM, SCHEMES, VALUE_TIER,
                                   ComputedGrades, compute, value_order)
from model.grading.explain import cadence_label, scheme_label, sentence, urgency_label, value_label
from model.grading.inputs import GradingInputs, load_inputs, window
from model.grading.persona import NO_MATCH, NOT_ENOUGH_INFORMATION
from model.grading.queries import (EXPORT_COLUMNS, due_columns, due_for_tracking, export_frame, overdue_counts,
                                   tracking_schedule)
from model.grading.rfm import NO_TRANSACTIONS
from model.grading.ruleset import GradingRules, RulesError
from model.grading.ruleset import load as load_rules
from model.grading.store import (RULES_BY, ApplyResult, GradeRecord, apply, clear_override, distribution,
                                 history, last_run, override, scope_ids, set_by_label, set_opportunity)
from model.grading.store import current_grades as current

__all__ = [
    "COMPUTED_SCHEMES", "OPPORTUNITY", "PERSONA", "RFM", "SCHEMES", "VALUE_TIER", "ComputedGrades", "compute",
    "value_order", "cadence_label", "scheme_label", "sentence", "urgency_label", "value_label",
    "GradingInputs", "load_inputs", "window", "NO_MATCH", "NOT_ENOUGH_INFORMATION", "EXPORT_COLUMNS",
    "due_for_tracking", "due_columns",
    "export_frame", "overdue_counts", "tracking_schedule", "NO_TRANSACTIONS", "GradingRules", "RulesError",
    "load_rules", "RULES_BY", "ApplyResult", "GradeRecord", "apply", "clear_override", "current",
    "distribution", "history", "last_run", "override", "scope_ids", "set_by_label", "set_opportunity",
]
