"""Grades as the window shows them: short and long labels, rows for count charts.

The stored values are keys (``A``, ``important_value``, ``white_collar``); the
labels come from the rules data in the user's language (``explain``).
"""
from __future__ import annotations

from model import grading
from model.grading import explain


def language() -> str:
    return explain.current_language()


def value_text(scheme: str, value: str | None, long: bool = False,
               rules: grading.GradingRules | None = None, lang: str | None = None) -> str:
    """A grade value as the user reads it. ``long`` gives the tier's and the
    opportunity grade's descriptions too ("A: key customer")."""
    if value is None or value == "":
        return ""
    rules = rules or grading.load_rules()
    lang = lang or language()
    if long and scheme == grading.VALUE_TIER and value in rules.value_tier.tiers:
        return rules.value_tier.label(value, lang)
    if long and scheme == grading.OPPORTUNITY and value in rules.opportunity.grade_labels:
        return rules.opportunity.label(value, lang)
    return explain.value_label(scheme, value, lang, rules)


def scheme_text(scheme: str) -> str:
    return explain.scheme_label(scheme)


def count_rows(scheme: str, counts: dict[str, int], long: bool = False,
               rules: grading.GradingRules | None = None) -> list[tuple[str, str, int, str]]:
    """(key, label, count, long label) for each value of the scheme in display order: every
    value the rules define (zero when nobody has it), then the special values and
    any other stored value that occurs."""
    rules = rules or grading.load_rules()
    order = grading.value_order(scheme, rules)
    special = {grading.NO_TRANSACTIONS, grading.NOT_ENOUGH_INFORMATION, grading.NO_MATCH}
    keys = [v for v in order if v not in special or counts.get(v)]
    keys += [v for v in counts if v not in keys]
    return [(k, value_text(scheme, k, long, rules), int(counts.get(k, 0)), value_text(scheme, k, True, rules))
            for k in keys]
