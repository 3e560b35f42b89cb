"""Sentences the program wrote into the archive, shown in the language the user reads now.

Some texts are kept as the words of the day they were made: a saved visit plan's
purposes and reasons ("value tier A: visit every 14 days"), a contact's purpose
copied from it, an audit entry's "what" ("Visit plan 2026-11-23 to 2026-11-27").
Written while the program spoke English, they would stay English after a switch to
Chinese (and the other way round). :func:`display` recognises a text made from one
of the program's own sentences below, in either language, and says it again in the
current language with the same values; anything else (what the user typed, a
sentence of another version) is shown as it was stored. So old archives show as
before, and every archive follows a language switch.

Each entry is a (context, source) pair of a ``translate`` call elsewhere in the
code; a pair of pairs is a sentence made of two (a reason and its suffix).
"""
from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QTranslator

from model.core import language
from model.core.resources import resource_path

# Looks up sentences already written literally (and so translated) where they are made;
# a separate name, since these calls bring no new text for lupdate.
_look_up = QCoreApplication.translate

SENTENCES: tuple = (
    # model/visits/due.py: why a customer is due, and the visit's purpose
    ("Due", "value tier {tier}: visit every {days} days"),
    ("Due", "value tier {tier}: call every {days} days"),
    ("Due", "visit every {days} days"),
    ("Due", "contact every {days} days"),
    (("Due", "value tier {tier}: visit every {days} days"), ("Due", " (never contacted)")),
    (("Due", "visit every {days} days"), ("Due", " (never contacted)")),
    ("Due", "opportunity grade {grade}: track every {days} days"),
    ("Due", "opportunity grade {grade}: track every day"),
    ("Due", "next contact set for {date}"),
    ("Due", "Regular visit (value tier {tier})"),
    ("Due", "Follow up (opportunity grade {grade})"),
    ("Due", "Regular visit"),
    ("Due", "Regular call"),
    ("Due", "added by hand"),
    ("Due", "Visit"),
    ("Due", "101 follow-up: {action} (owner {owner})"),
    (("Due", "value tier {tier}: visit every {days} days"), ("Due", " (never visited)")),
    (("Due", "visit every {days} days"), ("Due", " (never visited)")),
    (("Due", "value tier {tier}: call every {days} days"), ("Due", " (never contacted)")),
    (("Due", "contact every {days} days"), ("Due", " (never contacted)")),
    # model/customers/care.py: a care call's reason on a due visit or call (model.visits.due)
    ("Care", "Birthday greeting call: {date}, turns {age}"),
    ("Care", "Birthday greeting call: {date}"),
    ("Care", "{festival} greeting: {date} (lunar {lunar})"),
    ("Care", "{festival} greeting: {date}"),
    ("Due", "Care call"),
    # model/customers/complaints.py: a complaint to follow up (model.visits.due)
    ("Due", "complaint of {date} ({category}) overdue since {due}"),
    ("Due", "complaint of {date} ({category}) to resolve by {due}"),
    ("Due", "complaint of {date} ({category}) resolved: confirm with the customer"),
    ("Due", "Complaint follow-up"),
    ("Audit", "Complaint {id} recorded"),
    ("Audit", "Complaint {id} reopened"),
    ("Audit", "Complaint {id} taken in hand"),
    ("Audit", "Complaint {id} resolved"),
    ("Audit", "Complaint {id} confirmed with the customer"),
    # model/grading/a_service.py: the A-tier market news
    ("Due", "value tier {tier}: market news every {days} days"),
    # model/visits/visit_plan.py
    ("Plan", "rescheduled from {date}"),
    ("Plan", "The plan has no working day."),
    ("Plan", "The customer is only free {when}, which never falls within the working hours "
             "of the plan's days ({start}-{end}, {days} days)."),
    ("Plan", "Placed by hand, but there is no room for it: the day is full or its hours "
             "are taken. Move it to another day or remove another visit."),
    ("Plan", "No room: every day it could be seen is full ({per_day} visits a day), and more "
             "urgent customers came first. Add a day or raise the visits per day."),
    ("Plan", "No time left within its hours ({when}) on the days with room ({days}): the other "
             "visits and the travel between them fill those hours."),
    ("Plan", "Brought back; re-optimise to place it."),
    ("Plan", "Added by hand; re-optimise to place it."),
    # model/archive/audit.py: what an entry is about
    ("Audit", "Tracking log {start} to {end}"),
    ("Audit", "Visit plan {start} to {end}"),
    ("Audit", "Activity evaluation: {title}"),
    ("Audit", "Activity plan: {title}"),
    ("Audit", "{name}, version {version}"),
    ("Audit", "Audit trail → {path}"),
    ("Audit", "Hand-over from {old} to {new}"),
    ("Audit", "Morning sheet {date}"),
    ("Audit", "Evening sheet {date}"),
)
# A visit's reasons are joined like this (model/visits/due.py): "; " in English, the full-width
# "；" in Chinese (join); display reads either.
SEPARATOR = "; "
SEPARATOR_ZH = "；"
_SPLIT = re.compile("; |；")
_FIELD = re.compile(r"\{([a-z_0-9]*)\}")


@lru_cache(maxsize=1)
def _chinese() -> QTranslator:
    translator = QTranslator()
    translator.load(str(resource_path("translations", "kehu_zh_CN.qm")))
    return translator


def _chinese_text(context: str, source: str) -> str:
    look_up = _chinese().translate      # the .qm's own text for a sentence made elsewhere
    return look_up(context, source) or source


def _parts(entry) -> tuple:
    return entry if isinstance(entry[0], tuple) else (entry,)


def _in(entry, lang: str) -> str:
    """The sentence in ``lang`` ("en", "zh_CN") or, for ``None``, as the program speaks now."""
    texts = []
    for context, source in _parts(entry):
        if lang is None:
            texts.append(_look_up(context, source))
        elif lang == "en":
            texts.append(source)
        else:
            texts.append(_chinese_text(context, source))
    return "".join(texts)


def _pattern(sentence: str) -> re.Pattern:
    out, last = [], 0
    for match in _FIELD.finditer(sentence):
        out.append(re.escape(sentence[last:match.start()]))
        out.append(f"(?P<{match.group(1)}>(?:(?!; |；).)+?)")   # a value never spans a separator
        last = match.end()
    out.append(re.escape(sentence[last:]))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


@lru_cache(maxsize=1)
def _patterns() -> tuple:
    found = []
    for entry in SENTENCES:
        for lang in ("en", "zh_CN"):
            found.append((_pattern(_in(entry, lang)), entry))
    return tuple(found)


def _value(name: str, value: str) -> str:
    """A value said again: a customer's hours ({when}, a planning.json label) in today's language."""
    if name == "when":
        from model.visits import planning_rules
        for spec in planning_rules.planning_rules().availability.values():
            if value in (spec.label_en, spec.label_zh):
                return spec.label(language.installed_language())
    return value


def _one(text: str) -> str:
    for pattern, entry in _patterns():
        match = pattern.match(text)
        if match:
            try:
                return _in(entry, None).format(**{k: _value(k, v) for k, v in match.groupdict().items()})
            except (KeyError, IndexError, ValueError):
                return text
    return text


@lru_cache(maxsize=4096)
def _display(text: str, lang: str) -> str:
    whole = _one(text)
    if whole != text or not _SPLIT.search(text):
        return whole
    return _separator(lang).join(_one(part) for part in _SPLIT.split(text))


def _separator(lang: str | None) -> str:
    return SEPARATOR_ZH if lang == "zh_CN" else SEPARATOR


def join(parts) -> str:
    """Reasons (or other sentences of the program's) joined as the current language writes
    them: "a; b" in English, "甲；乙" in Chinese."""
    return _separator(language.installed_language()).join(parts)


def display(text: str | None) -> str:
    """``text`` in the current language when it is one of the program's own sentences
    (or several joined by "; "), else ``text`` as it is."""
    if not text:
        return text or ""
    return _display(text, language.installed_language())
