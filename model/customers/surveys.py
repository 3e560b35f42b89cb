"""Satisfaction surveys (满意度调查, seed 001; rules data ``resources/rules/surveys.json``;
tables of migration m0022): the one module with their SQL.

A survey asks a customer the template's questions, each scored 1 to ``scale``; every
question is answered. Its score is the mean of the answers. A customer's trend is the
change of the score from the survey before; an area's is the mean score per month of its
customers' surveys (customers without an area under "no area").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from model.archive import database
from model.core import language, rules
from model.customers.customers import now_stamp
from model.archive.database import sqlite3
from model.core.i18n import translate


class SurveyError(database.ArchiveError):
    """A survey that cannot be recorded; the message says why."""


@dataclass(frozen=True)
class Question:
    key: str
    label_en: str
    label_zh: str

    def label(self, lang: str | None = None) -> str:
        return self.label_zh if (lang or language.installed_language()).startswith("zh") else self.label_en


@dataclass(frozen=True)
class Template:
    scale: int
    months: int
    questions: tuple[Question, ...]


@lru_cache(maxsize=4)
def _template(folder: str) -> Template:
    data = rules.load_json("surveys.json", folder)
    return Template(int(data.get("scale", 5)), int(data.get("months", 6)),
                    tuple(Question(q["key"], q.get("label_en", q["key"]), q.get("label_zh", q["key"]))
                          for q in data.get("questions", ())))


def template() -> Template:
    return _template(str(rules.rules_dir()))


@dataclass
class Survey:
    id: int
    customer_id: int
    date: date
    score: float
    answers: dict[str, int]
    note: str | None
    created_by: str
    change: float | None = None     # the score less the survey before's (None for the first)


def record(conn: sqlite3.Connection, customer_id: int, *, on: date | str, answers: dict[str, int], by: str,
           note: str | None = None) -> int:
    """Record a survey with an answer to every question; returns its id."""
    t = template()
    row = conn.execute("SELECT deleted_at FROM customers WHERE id = ?", (customer_id,)).fetchone()
    if row is None or row["deleted_at"]:
        raise SurveyError(translate("Surveys", "This customer no longer exists (or was deleted); the survey "
                                    "was not recorded."))
    try:
        day = on if isinstance(on, date) else date.fromisoformat(str(on)[:10])
    except ValueError:
        raise SurveyError(translate("Surveys", "The survey's date is not a date (YYYY-MM-DD): {value}")
                          .format(value=on)) from None
    keys = [q.key for q in t.questions]
    unknown = [k for k in answers if k not in keys]
    if unknown:
        raise SurveyError(translate("Surveys", "Unknown question {key}.").format(key=unknown[0]))
    missing = [q for q in t.questions if answers.get(q.key) is None]
    if missing:
        raise SurveyError(translate("Surveys", "Answer every question; \"{question}\" has no score.")
                          .format(question=missing[0].label()))
    for q in t.questions:
        score = answers[q.key]
        if not isinstance(score, int) or not 1 <= score <= t.scale:
            raise SurveyError(translate("Surveys", "\"{question}\" is scored 1 to {scale}, not {score}.")
                              .format(question=q.label(), scale=t.scale, score=score))
    mean = round(sum(answers[k] for k in keys) / len(keys), 2)
    with database.transaction(conn):
        sid = conn.execute(
            "INSERT INTO surveys (customer_id, date, score, note, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (customer_id, day.isoformat(), mean, (note or "").strip() or None, by, now_stamp())).lastrowid
        conn.executemany("INSERT INTO survey_answers (survey_id, question, score) VALUES (?, ?, ?)",
                         [(sid, k, answers[k]) for k in keys])
    return sid


def of_customer(conn: sqlite3.Connection, customer_id: int) -> list[Survey]:
    """The customer's surveys, oldest first, each with its change from the one before."""
    found = [Survey(r["id"], r["customer_id"], date.fromisoformat(r["date"]), r["score"], {}, r["note"],
                    r["created_by"])
             for r in conn.execute("SELECT * FROM surveys WHERE customer_id = ? ORDER BY date, id", (customer_id,))]
    by_id = {s.id: s for s in found}
    for sid, question, score in conn.execute(
            "SELECT survey_id, question, score FROM survey_answers WHERE survey_id IN"
            " (SELECT id FROM surveys WHERE customer_id = ?)", (customer_id,)):
        by_id[sid].answers[question] = score
    for before, after in zip(found, found[1:]):
        after.change = round(after.score - before.score, 2)
    return found


@dataclass
class AreaTrend:
    area: str | None
    surveys: int
    customers: int
    mean: float
    by_month: dict[str, float] = field(default_factory=dict)   # 'YYYY-MM' → mean score

    @property
    def change(self) -> float | None:
        """The latest month's mean less the month before it that has surveys."""
        months = sorted(self.by_month)
        return round(self.by_month[months[-1]] - self.by_month[months[-2]], 2) if len(months) > 1 else None


def months_back(as_of: date, count: int) -> list[str]:
    """The ``count`` months up to ``as_of``'s, oldest first, as 'YYYY-MM'."""
    out, year, month = [], as_of.year, as_of.month
    for _ in range(count):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out[::-1]


def by_area(conn: sqlite3.Connection, as_of: date, area: str | None = None,
            manager: str | None = None) -> list[AreaTrend]:
    """Per area, the surveys of its (live) customers in the template's ``months`` up to
    ``as_of``: how many, of how many customers, the mean score and the mean per month."""
    months = months_back(as_of, template().months)
    where, params = ["c.deleted_at IS NULL", "substr(s.date, 1, 7) BETWEEN ? AND ?", "s.date <= ?"], \
        [months[0], months[-1], as_of.isoformat()]
    if area is not None:
        where.append("a.name = ?")
        params.append(area)
    if manager:
        where.append("c.manager = ?")
        params.append(manager)
    rows = conn.execute(
        "SELECT a.name AS area, substr(s.date, 1, 7) AS month, count(*) AS n, count(DISTINCT s.customer_id) AS k,"
        " sum(s.score) AS total FROM surveys s JOIN customers c ON c.id = s.customer_id"
        " LEFT JOIN areas a ON a.id = c.area_id"
        f" WHERE {' AND '.join(where)} GROUP BY a.name, month", params).fetchall()
    people = dict(conn.execute(
        "SELECT a.name, count(DISTINCT s.customer_id) FROM surveys s JOIN customers c ON c.id = s.customer_id"
        f" LEFT JOIN areas a ON a.id = c.area_id WHERE {' AND '.join(where)} GROUP BY a.name", params).fetchall())
    out: dict[str | None, AreaTrend] = {}
    totals: dict[str | None, float] = {}
    for r in rows:
        trend = out.setdefault(r["area"], AreaTrend(r["area"], 0, people.get(r["area"], 0), 0.0))
        trend.surveys += r["n"]
        totals[r["area"]] = totals.get(r["area"], 0.0) + r["total"]
        trend.by_month[r["month"]] = round(r["total"] / r["n"], 2)
    for key, trend in out.items():
        trend.mean = round(totals[key] / trend.surveys, 2)
    from model.core import name_order
    named = name_order.by_pinyin([a for a in out if a is not None])
    return [out[a] for a in named] + ([out[None]] if None in out else [])


def latest_in_area(conn: sqlite3.Connection, area: str, as_of: date,
                   manager: str | None = None) -> list[tuple[str, Survey]]:
    """Each live customer of ``area`` surveyed by ``as_of``: (name, latest survey with its
    change), in pinyin order of the names."""
    sql = ("SELECT DISTINCT c.id, c.name FROM surveys s JOIN customers c ON c.id = s.customer_id"
           " JOIN areas a ON a.id = c.area_id WHERE c.deleted_at IS NULL AND a.name = ? AND s.date <= ?")
    params: list = [area, as_of.isoformat()]
    if manager:
        sql += " AND c.manager = ?"
        params.append(manager)
    out = []
    for cid, name in conn.execute(sql, params).fetchall():
        taken = [s for s in of_customer(conn, cid) if s.date <= as_of]
        out.append((name, taken[-1]))
    from model.core import name_order
    return name_order.by_pinyin(out, lambda pair: pair[0], person=True)
