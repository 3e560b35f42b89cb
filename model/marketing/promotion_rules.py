"""The promotion rules (seed 003 and 004, ``resources/rules/promotion_templates.json``): the
goals (提粘守破立), the activity types, the plan template of each area type, the checklists,
the centre kinds of a circle and the key principles (锦囊); the statuses a plan goes
through; and the labels of all of these in the user's language.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from model.core import rules
from model.core.i18n import translate
from model.customers.customers import ValidationError

RULES_FILE = "promotion_templates.json"

DRAFT, APPROVED, RUNNING, DONE = "draft", "approved", "running", "done"
STATUSES = (DRAFT, APPROVED, RUNNING, DONE)
# Allowed moves: forward one step, or an approved plan back to draft for changes.
TRANSITIONS = {DRAFT: (APPROVED,), APPROVED: (DRAFT, RUNNING), RUNNING: (DONE,), DONE: ()}
PHASES = ("before", "promotion", "during", "closing")   # seed 003: 活动前的准备 / 活动推广 / 活动中 / 活动收场


def rules_language(language: str | None) -> str:
    """The language asked for, else the installed one."""
    if language:
        return language
    from model.core import language as languages
    return languages.installed_language()


@dataclass(frozen=True)
class Choice:
    """A key stored in the archive with its labels (goal, activity type, centre kind, checklist item)."""
    key: str
    label_en: str
    label_zh: str
    description_en: str = ""
    description_zh: str = ""
    group: str = ""             # activity types: "means" (促销手法), "channel" (推广渠道) or ""

    def label(self, language: str | None = None) -> str:
        return self.label_zh if rules_language(language).startswith("zh") else self.label_en

    def description(self, language: str | None = None) -> str:
        return self.description_zh if rules_language(language).startswith("zh") else self.description_en


@dataclass(frozen=True)
class Template:
    """The prefilled plan for an area type (seed 003); texts in both languages."""
    area_type: str
    goal: str
    activity_type: str
    start_time: str                 # 'HH:MM'
    duration_minutes: int
    texts: dict = field(compare=False, hash=False)  # field -> {'en': ..., 'zh': ...}

    TEXT_FIELDS = ("theme", "time", "place", "resources", "organisation", "daily_contact", "key_points")

    def text(self, name: str, language: str | None = None) -> str:
        pair = self.texts.get(name, {})
        return pair.get("zh" if rules_language(language).startswith("zh") else "en", "")


@dataclass(frozen=True)
class MarketingRules:
    goals: tuple[Choice, ...]
    activity_types: tuple[Choice, ...]
    templates: tuple[Template, ...]
    checklists: dict            # phase -> tuple[Choice, ...]
    centre_kinds: tuple[Choice, ...]
    activity_templates: dict = field(default_factory=dict)   # activity type -> field -> {'en', 'zh'}
    principles: tuple[Choice, ...] = ()                      # seed 003's 锦囊: the 2-km rule, ...


def _choice(d: dict) -> Choice:
    return Choice(d["key"], d["label_en"], d["label_zh"], d.get("description_en", ""), d.get("description_zh", ""),
                  d.get("group", ""))


@lru_cache(maxsize=4)
def _load(folder: str) -> MarketingRules:
    with open(Path(folder) / RULES_FILE, encoding="utf-8") as handle:
        data = json.load(handle)
    templates = []
    for t in data["templates"]:
        texts = {name: {"en": t.get(f"{name}_en", ""), "zh": t.get(f"{name}_zh", "")}
                 for name in Template.TEXT_FIELDS}
        templates.append(Template(t["area_type"], t["goal"], t["activity_type"], t.get("start_time", "19:00"),
                                  int(t.get("duration_minutes", 120)), texts))
    return MarketingRules(
        goals=tuple(_choice(g) for g in data["goals"]),
        activity_types=tuple(_choice(a) for a in data["activity_types"]),
        templates=tuple(templates),
        checklists={phase: tuple(_choice(i) for i in data["checklists"].get(phase, ())) for phase in PHASES},
        centre_kinds=tuple(_choice(c) for c in data["centre_kinds"]),
        # Keyed by the activity type, or "group:<group>" for every type of a group (the channels).
        activity_templates={t.get("activity_type") or f"group:{t.get('group', '')}":
                            {name: {"en": t.get(f"{name}_en", ""), "zh": t.get(f"{name}_zh", "")}
                             for name in ACTIVITY_TEMPLATE_FIELDS}
                            for t in data.get("activity_templates", ())},
        principles=tuple(_choice(p) for p in data.get("principles", ())))


ACTIVITY_TEMPLATE_FIELDS = ("theme", "key_points")


def marketing_rules() -> MarketingRules:
    """The templates, goals, activity types, checklists and centre kinds (``promotion_templates.json``)."""
    return _load(str(rules.rules_dir()))


def goals() -> tuple[Choice, ...]:
    return marketing_rules().goals


def activity_types() -> tuple[Choice, ...]:
    return marketing_rules().activity_types


def templates() -> tuple[Template, ...]:
    return marketing_rules().templates


def checklist_items(phase: str) -> tuple[Choice, ...]:
    return marketing_rules().checklists[phase]


def activity_type_description(key: str | None, language: str | None = None) -> str:
    """How an activity type is done (a promotion means' 方式, seed 004); "" when the rules say nothing."""
    c = find_choice(activity_types(), key)
    return c.description(language) if c else ""


def activity_template_text(activity_type: str | None, name: str, language: str | None = None) -> str:
    """A field ('theme', 'key_points') of the activity type's template; "" without one."""
    found = marketing_rules().activity_templates
    kind = find_choice(activity_types(), activity_type)
    template = found.get(activity_type or "") or (found.get(f"group:{kind.group}", {}) if kind and kind.group else {})
    pair = template.get(name, {})
    return pair.get("zh" if rules_language(language).startswith("zh") else "en", "")


def principles() -> tuple[Choice, ...]:
    return marketing_rules().principles


def principles_text(language: str | None = None) -> str:
    """The key principles (锦囊, seed 003) one to a line: the 2-kilometre rule, scale, ..."""
    return "\n".join(f"{p.label(language)}: {p.description(language)}" if p.description(language) else p.label(language)
                     for p in principles())


def find_choice(choices, key: str | None) -> Choice | None:
    """The choice of this key, None when there is none."""
    for c in choices:
        if c.key == key:
            return c
    return None


def goal_label(key: str | None, language: str | None = None) -> str:
    c = find_choice(goals(), key)
    return c.label(language) if c else (key or "")


def activity_type_label(key: str | None, language: str | None = None) -> str:
    c = find_choice(activity_types(), key)
    return c.label(language) if c else (key or "")


def area_type_label(key: str | None, language: str | None = None) -> str:
    for a in rules.area_types():
        if a.key == key:
            return a.label(rules_language(language))
    return key or ""


def status_label(status: str) -> str:
    return {DRAFT: translate("Promotions", "draft"), APPROVED: translate("Promotions", "approved"),
            RUNNING: translate("Promotions", "running"), DONE: translate("Promotions", "done")}.get(status, status)


def phase_label(phase: str) -> str:
    return {"before": translate("Promotions", "Before the activity"),
            "promotion": translate("Promotions", "Promoting the activity"),
            "during": translate("Promotions", "During the activity"),
            "closing": translate("Promotions", "Closing")}.get(phase, phase)


def template_for(area_type: str) -> Template:
    """The template of an area type; raises ValidationError for an area type without one."""
    for t in templates():
        if t.area_type == area_type:
            return t
    raise ValidationError({"area_type": translate("Promotions", "There is no plan template for the area type "
                                                                "'{key}'. Pick one of the five area types.")
                           .format(key=area_type)})

