"""Grades in the archive: the current grade per customer and scheme, the
append-only history, grading runs, the manager's opportunity answers and overrides.

What counts as a change: a grade *value* that differs from the current one (or
a customer graded for the first time) writes one history row and updates the
current row. A run whose values are the same but whose explanation moved (for
example R grew by a day, or the means shifted) refreshes the current row's
detail, as-of date and run only; the history keeps the grade as it was set. A
run that changes nothing writes nothing, not even its ``grading_runs`` row.

A computed grade's full explanation is its run's parameters for the scheme
(window, basis, thresholds...; ``grading_runs.params``, stored once per run)
plus the row's own ``detail``; :class:`GradeRecord` joins the two. Grades a
manager sets carry their whole explanation in ``detail`` and no run.

Overrides: a manager may set a computed scheme's value by hand with a reason.
The row is marked ``override``; computed runs skip that customer for that
scheme (``replace_overrides=True`` replaces them), and :func:`clear_override`
hands the customer back to the rules.
"""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import repeat
from operator import itemgetter

import numpy as np
import pandas as pd

from model.archive import database
from model.core import normalize
from model.grading import opportunity as opportunity_engine
from model.grading import ruleset
from model.grading.compute import (COMPUTED_SCHEMES, OPPORTUNITY, SCHEMES, ComputedGrades,
                                   value_order)
from model.core.i18n import translate
from model.core.progress import Progress

RULES_BY = "rules"


def set_by_label(by: str | None) -> str:
    """Who set a grade, as people read it: the grading rules by name, else the person's name."""
    return translate("Grading", "the grading rules") if by == RULES_BY else (by or "")

_COLUMNS = "customer_id, scheme, value, detail, as_of, set_on, set_by, reason, override, run_id"
_UPSERT = (f"INSERT INTO grades({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
           " ON CONFLICT(customer_id, scheme) DO UPDATE SET"
           " value = excluded.value, detail = excluded.detail, as_of = excluded.as_of,"
           " set_on = excluded.set_on, set_by = excluded.set_by, reason = excluded.reason,"
           " override = excluded.override, run_id = excluded.run_id")
_REFRESH = "UPDATE grades SET detail = ?, as_of = ?, run_id = ? WHERE customer_id = ? AND scheme = ?"
_HISTORY = f"INSERT INTO grade_history({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode


def now_stamp() -> str:
    return datetime.now().isoformat(timespec="seconds")


@dataclass(frozen=True)
class GradeRecord:
    customer_id: int
    scheme: str
    value: str
    detail: dict
    as_of: date
    set_on: str
    set_by: str
    reason: str
    override: bool

    @classmethod
    def from_row(cls, row) -> "GradeRecord":
        """From a grades/grade_history row joined with its run's ``params``: the detail
        is the run's parameters for the scheme plus the row's own detail."""
        detail = json.loads(row["detail"])
        if row["params"]:
            detail = {**json.loads(row["params"]).get(row["scheme"], {}), **detail}
        return cls(row["customer_id"], row["scheme"], row["value"], detail,
                   date.fromisoformat(row["as_of"]), row["set_on"], row["set_by"], row["reason"] or "",
                   bool(row["override"]))

    def label(self, language: str | None = None) -> str:
        from model.grading import explain
        return explain.value_label(self.scheme, self.value, language)

    def explanation(self, language: str | None = None) -> str:
        from model.grading import explain
        return explain.sentence(self.scheme, self.value, self.detail, language)


@dataclass
class ApplyResult:
    changed_rows: int                                            # history rows written
    per_scheme_counts: dict[str, int] = field(default_factory=dict)   # history rows per scheme
    refreshed_rows: int = 0                                      # current rows whose detail only moved
    skipped_overrides: int = 0


def _current_frame(conn: sqlite3.Connection, scheme: str) -> pd.DataFrame:
    """The scheme's current rows with the text of their run's parameters for the scheme."""
    cursor = conn.cursor()
    cursor.row_factory = None
    runs = {run_id: _dumps(json.loads(params).get(scheme, {})) for run_id, params in cursor.execute(
        "SELECT id, params FROM grading_runs WHERE id IN (SELECT DISTINCT run_id FROM grades WHERE scheme = ?)",
        (scheme,))}
    rows = cursor.execute("SELECT customer_id, value, detail, override, run_id FROM grades WHERE scheme = ?",
                          (scheme,)).fetchall()
    frame = pd.DataFrame(rows, columns=["customer_id", "value", "detail", "override", "run_id"], dtype=object)
    frame["params"] = frame["run_id"].map(runs)
    return frame.set_index(pd.Index(frame["customer_id"].astype(np.int64), name=None))


def _unchanged(conn: sqlite3.Connection, scheme: str, ids: np.ndarray, values: np.ndarray,
               details: np.ndarray, params: str) -> bool:
    """True when the scheme's current rows are exactly ``ids`` (ascending) with these values
    and details, none overridden, each from a run with these parameters: the regrade that
    changes nothing. One aggregate query compared as whole texts (JSON never holds a raw
    U+001E) instead of 100,000 rows read and compared one by one. The rows come in key
    order (customer, scheme), and the ids' text checks it. Anything else: False (then
    :func:`apply` compares row by row)."""
    if len(ids) == 0 or np.any(ids[1:] <= ids[:-1]):
        return False
    sep = "\x1e"
    row = conn.execute(
        "SELECT COUNT(*), SUM(override), COUNT(run_id), group_concat(DISTINCT run_id), group_concat(customer_id),"
        " group_concat(value, char(30)), group_concat(detail, char(30)) FROM grades WHERE scheme = ?",
        (scheme,)).fetchone()
    count, overrides, with_run, runs, id_text, value_text, detail_text = tuple(row)
    if count != len(ids) or overrides or with_run != count:
        return False
    run_ids = [int(r) for r in str(runs).split(",")]
    if len(run_ids) > 500:      # a long history of partial runs: row by row
        return False
    stored = conn.execute(f"SELECT params FROM grading_runs WHERE id IN ({','.join('?' * len(run_ids))})",
                          run_ids).fetchall()
    if len(stored) != len(run_ids) or any(_dumps(json.loads(p[0]).get(scheme, {})) != params for p in stored):
        return False
    return (id_text == ",".join(map(str, ids.tolist())) and value_text == sep.join(values.tolist())
            and detail_text == sep.join(details.tolist()))


def apply(conn: sqlite3.Connection, computed: ComputedGrades, by: str = RULES_BY,
          progress: Progress | None = None, *, replace_overrides: bool = False) -> ApplyResult:
    """Store computed grades in one transaction; returns what was written.

    When anything is written, one ``grading_runs`` row records the run and its
    parameters; a run that changes nothing writes no row at all."""
    result = ApplyResult(0)
    stamp, as_of = now_stamp(), computed.as_of.isoformat()
    params = computed.run_params()
    steps = len(COMPUTED_SCHEMES) + 1
    with database.bulk_cache(conn), own_key_checks(conn) as check_keys, database.transaction(conn):
        changes, refreshes = [], []
        for step, scheme in enumerate(COMPUTED_SCHEMES):
            if progress:
                progress.check()
                progress.report(step, steps, scheme)
            new_values = computed.frame(scheme)["value"].to_numpy(dtype=object)
            new_details = computed.details(scheme).to_numpy(dtype=object)
            ids = computed.frame(scheme).index.to_numpy(dtype=np.int64)
            if _unchanged(conn, scheme, ids, new_values, new_details, _dumps(params[scheme])):
                result.per_scheme_counts[scheme] = 0
                continue
            current = _current_frame(conn, scheme).reindex(ids)
            old_values = current["value"].to_numpy(dtype=object)
            overridden = current["override"].fillna(0).to_numpy(dtype=np.int64) == 1
            keep = np.ones(len(ids), dtype=bool)
            if not replace_overrides:
                keep &= ~overridden
                result.skipped_overrides += int(overridden.sum())
            value_changed = keep & ((old_values != new_values) | overridden)
            moved = ((current["detail"].to_numpy(dtype=object) != new_details)
                     | (current["params"].to_numpy(dtype=object) != _dumps(params[scheme])))
            changed = np.flatnonzero(value_changed)
            refreshed = np.flatnonzero(keep & ~value_changed & moved)
            changes.append((scheme, ids[changed], new_values[changed], new_details[changed]))
            refreshes.append((scheme, ids[refreshed], new_details[refreshed]))
            result.per_scheme_counts[scheme] = len(changed)
            result.changed_rows += len(changed)
            result.refreshed_rows += len(refreshed)
        if progress:
            progress.check()
            progress.report(len(COMPUTED_SCHEMES), steps)
        if result.changed_rows or result.refreshed_rows:
            run_id = conn.execute(
                "INSERT INTO grading_runs(as_of, run_on, run_by, params, changed, refreshed)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (as_of, stamp, by, _dumps(params), result.changed_rows, result.refreshed_rows)).lastrowid
            writes = []
            for scheme, ids, values, details in changes:
                writes += zip(ids.tolist(), repeat(scheme), values.tolist(), details.tolist(), repeat(as_of),
                              repeat(stamp), repeat(by), repeat(""), repeat(0), repeat(run_id))
            # In key order (customer, scheme) the B-trees grow at their ends: much faster.
            writes.sort(key=itemgetter(0, 1))
            conn.executemany(_UPSERT, writes)
            if check_keys:
                _require_customers(conn, sorted({w[0] for w in writes}))
            # The history rows are the rows this run just wrote: copied inside SQLite, which is
            # twice as fast as binding them all again (refreshes below are not history).
            conn.execute(f"INSERT INTO grade_history({_COLUMNS}) SELECT {_COLUMNS} FROM grades"
                         " WHERE run_id = ?", (run_id,))
            for scheme, ids, details in refreshes:
                conn.executemany(_REFRESH, zip(details.tolist(), repeat(as_of), repeat(run_id), ids.tolist(),
                                               repeat(scheme)))
        if progress:
            progress.report(steps, steps)
    return result


@contextmanager
def own_key_checks(conn: sqlite3.Connection):
    """Foreign-key checks off for a run's bulk write when ``apply`` begins the transaction
    itself (the pragma cannot change inside one): SQLite would look a customer up for each
    of 600,000 grade and history rows; :func:`_require_customers` looks each customer up
    once instead, in the same transaction, and the run's own ``grading_runs`` row is the
    only other parent. Yields whether the checks are ours to make: also when a caller
    turned them off around its own transaction (``review.apply_reviewed``)."""
    on = conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    ours = not conn.in_transaction and on
    if ours:
        conn.execute("PRAGMA foreign_keys = OFF")
    try:
        yield ours or not on
    finally:
        if ours:
            conn.execute("PRAGMA foreign_keys = ON")


def _require_customers(conn: sqlite3.Connection, ids: list[int]) -> None:
    """Every customer a run writes grades for still exists (a purge in another window
    between reading and writing): else the run rolls back with a message."""
    missing = conn.execute("SELECT count(*) FROM json_each(?) j WHERE NOT EXISTS"
                           " (SELECT 1 FROM customers c WHERE c.id = j.value)", (json.dumps(ids),)).fetchone()[0]
    if missing:
        raise database.ArchiveError(translate("Grading", "{count} customers were removed while the grades were "
                                              "worked out; nothing was written. Grade again.")
                                    .format(count=missing))


def last_run(conn: sqlite3.Connection) -> dict | None:
    """The latest grading run that wrote anything: as_of, run_on, run_by, changed, refreshed."""
    row = conn.execute("SELECT as_of, run_on, run_by, changed, refreshed FROM grading_runs"
                       " ORDER BY id DESC LIMIT 1").fetchone()
    return dict(row) if row else None


def _require_customer(conn: sqlite3.Connection, customer_id: int) -> None:
    if conn.execute("SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL",
                    (customer_id,)).fetchone() is None:
        raise database.ArchiveError(translate("Grading", "Customer {id} does not exist (or was deleted); "
                                              "check the number.").format(id=customer_id))


def _write(conn: sqlite3.Connection, customer_id: int, scheme: str, value: str, detail: dict, as_of: date,
           by: str, reason: str, override: bool) -> GradeRecord:
    """A grade set by hand (no run): the detail holds the whole explanation."""
    stamp = now_stamp()
    row = (customer_id, scheme, value, _dumps(detail), as_of.isoformat(), stamp, by, reason, int(override), None)
    conn.execute(_UPSERT, row)
    conn.execute(_HISTORY, row)
    return GradeRecord(customer_id, scheme, value, detail, as_of, stamp, by, reason, override)


def last_contact(conn: sqlite3.Connection, customer_id: int, up_to: date) -> date | None:
    row = conn.execute("SELECT MAX(contact_date) FROM contacts WHERE customer_id = ? AND contact_date <= ?",
                       (customer_id, up_to.isoformat())).fetchone()
    return date.fromisoformat(row[0][:10]) if row and row[0] else None


def set_opportunity(conn: sqlite3.Connection, customer_id: int, need: str, expected_close: str | date,
                    by: str, as_of: date | None = None, reason: str = "") -> GradeRecord:
    """Grade a customer's opportunity from the manager's answers.

    ``expected_close`` is a close key from the rules (``1m``, ``3m``, ``6m``,
    ``later``, ``never``) or an exact expected close date. Writes nothing when
    the answers and the grade are the same as the current ones."""
    rules = ruleset.load().opportunity
    as_of = as_of or date.today()
    if rules.need(need) is None:
        raise database.ArchiveError(translate("Grading", "'{need}' is not an answer for the need; use one of: "
                                              "{choices}.").format(
            need=need, choices=", ".join(n.key for n in rules.needs)))
    close_date = None
    if isinstance(expected_close, (date, datetime)) or rules.close(str(expected_close)) is None:
        try:
            close_date = normalize.to_date(expected_close)
        except normalize.Invalid:
            close_date = None
        if close_date is None:
            raise database.ArchiveError(translate("Grading", "'{close}' is not an expected close; use one of: "
                                                  "{choices}, or a date.").format(
                close=expected_close, choices=", ".join(c.key for c in rules.closes)))
        if close_date < as_of:
            raise database.ArchiveError(translate("Grading", "The expected close date {date} is before {as_of}; "
                                                  "give a later date.").format(date=close_date, as_of=as_of))
        close = opportunity_engine.close_for_date(close_date, as_of, rules)
    else:
        close = str(expected_close)
    with database.transaction(conn):
        _require_customer(conn, customer_id)
        graded = opportunity_engine.grade(need, close, as_of, rules, close_date=close_date,
                                          last_contact=last_contact(conn, customer_id, as_of))
        current = current_grades(conn, customer_id).get(OPPORTUNITY)
        detail = graded.detail()
        if reason:
            detail["reason"] = reason
        if current is not None and current.value == graded.value and all(
                current.detail.get(k) == detail.get(k) for k in ("need", "close", "expected_close_date")):
            return current
        return _write(conn, customer_id, OPPORTUNITY, graded.value, detail, as_of, by, reason, False)


def _check_scheme_value(scheme: str, value: str, rules: ruleset.GradingRules) -> str:
    if scheme not in COMPUTED_SCHEMES:
        raise database.ArchiveError(translate("Grading", "Only the computed grades (value tier, RFM type, "
                                              "persona) can be overridden; the opportunity grade comes "
                                              "from the manager's answers."))
    allowed = value_order(scheme, rules)
    if value in allowed:
        return value
    from model.grading import explain
    for language in ("en", "zh_CN"):
        for key in allowed:
            if explain.value_label(scheme, key, language, rules) == value:
                return key
            rfm_type = rules.rfm.type(key) if scheme == "rfm" else None
            if rfm_type is not None and value == rfm_type.label(language):
                return key      # the grid's name alone
    raise database.ArchiveError(translate("Grading", "'{value}' is not a value of this grade; use one of: "
                                          "{choices}.").format(value=value, choices=", ".join(allowed)))


def override(conn: sqlite3.Connection, customer_id: int, scheme: str, value: str, reason: str,
             by: str, as_of: date | None = None) -> GradeRecord:
    """Set a computed scheme by hand. The reason is required and kept; computed runs
    leave the override in place (see :func:`apply`)."""
    rules = ruleset.load()
    value = _check_scheme_value(scheme, value, rules)
    reason = (reason or "").strip()
    if not reason:
        raise database.ArchiveError(translate("Grading", "Give a reason for overriding the computed grade; "
                                              "it is kept in the grade history."))
    with database.transaction(conn):
        _require_customer(conn, customer_id)
        current = current_grades(conn, customer_id).get(scheme)
        if current is not None and current.override:
            computed, computed_detail = current.detail.get("computed"), current.detail.get("computed_detail")
            if current.value == value and current.reason == reason:
                return current
        else:
            computed = current.value if current else None
            computed_detail = current.detail if current else None
        detail = {"override": True, "computed": computed, "computed_detail": computed_detail, "reason": reason}
        return _write(conn, customer_id, scheme, value, detail, as_of or date.today(), by, reason, True)


def clear_override(conn: sqlite3.Connection, customer_id: int, scheme: str, by: str,
                   reason: str = "") -> GradeRecord | None:
    """Hand a customer's scheme back to the rules: the computed grade saved with the
    override comes back (and the next run recomputes it). None if there was no override."""
    with database.transaction(conn):
        current = current_grades(conn, customer_id).get(scheme)
        if current is None or not current.override:
            return None
        computed = current.detail.get("computed")
        if computed is None:  # never computed before the override: the next run grades it
            conn.execute("DELETE FROM grades WHERE customer_id = ? AND scheme = ?", (customer_id, scheme))
            conn.execute(_HISTORY, (customer_id, scheme, current.value, _dumps({"override_cleared": True}),
                                    current.as_of.isoformat(), now_stamp(), by, reason, 0, None))
            return None
        detail = current.detail.get("computed_detail") or {}
        return _write(conn, customer_id, scheme, computed, detail, current.as_of, by, reason, False)


_SELECT = ("SELECT g.customer_id, g.scheme, g.value, g.detail, g.as_of, g.set_on, g.set_by, g.reason,"
           " g.override, r.params FROM {table} g LEFT JOIN grading_runs r ON r.id = g.run_id")


def current_grades(conn: sqlite3.Connection, customer_id: int) -> dict[str, GradeRecord]:
    """The current grade of each scheme the customer has, in scheme order."""
    rows = {r["scheme"]: GradeRecord.from_row(r) for r in
            conn.execute(_SELECT.format(table="grades") + " WHERE g.customer_id = ?", (customer_id,))}
    return {s: rows[s] for s in SCHEMES if s in rows}


def history(conn: sqlite3.Connection, customer_id: int, scheme: str | None = None) -> list[GradeRecord]:
    """Every grade the customer was given, newest first."""
    sql = _SELECT.format(table="grade_history") + " WHERE g.customer_id = ?"
    params: tuple = (customer_id,)
    if scheme:
        sql += " AND g.scheme = ?"
        params += (scheme,)
    return [GradeRecord.from_row(r) for r in conn.execute(sql + " ORDER BY g.id DESC", params)]


def distribution(conn: sqlite3.Connection, customer_ids=None) -> dict[str, dict[str, int]]:
    """Count of customers (not deleted) per value, per scheme, values in display order."""
    rules = ruleset.load()
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute("SELECT g.customer_id, g.scheme, g.value FROM grades g JOIN customers c"
                          " ON c.id = g.customer_id WHERE c.deleted_at IS NULL").fetchall()
    frame = pd.DataFrame(rows, columns=["customer_id", "scheme", "value"], dtype=object)
    if customer_ids is not None:
        frame = frame[frame["customer_id"].isin(set(int(i) for i in customer_ids))]
    counts = frame.groupby(["scheme", "value"]).size()
    out: dict[str, dict[str, int]] = {}
    for scheme in SCHEMES:
        found = counts[scheme].to_dict() if scheme in counts.index.get_level_values(0) else {}
        order = value_order(scheme, rules)
        out[scheme] = {v: int(found[v]) for v in order if v in found}
        out[scheme].update({v: int(n) for v, n in sorted(found.items()) if v not in out[scheme]})
    return out


def scope_ids(conn: sqlite3.Connection, spec: str | None, as_of: date | None = None) -> list[int] | None:
    """The customers a scope names: ``all`` (None), ``ungraded`` (missing any computed
    grade), ``area:NAME``, ``manager:NAME`` or ``older:DAYS`` (a computed grade older
    than DAYS days before ``as_of``, or missing)."""
    spec = (spec or "all").strip()
    kind, _, arg = spec.partition(":")
    kind = kind.lower()
    live = "SELECT id FROM customers c WHERE c.deleted_at IS NULL"
    schemes = ",".join(f"'{s}'" for s in COMPUTED_SCHEMES)
    if kind == "all" and not arg:
        return None
    if kind == "ungraded" and not arg:
        sql = (live + f" AND (SELECT COUNT(*) FROM grades g WHERE g.customer_id = c.id AND g.scheme IN"
               f" ({schemes})) < {len(COMPUTED_SCHEMES)}")
        return [r[0] for r in conn.execute(sql + " ORDER BY id")]
    if kind == "area" and arg:
        if conn.execute("SELECT 1 FROM areas WHERE name = ?", (arg,)).fetchone() is None:
            raise database.ArchiveError(translate("Grading", "There is no area named '{name}'.").format(name=arg))
        return [r[0] for r in conn.execute(live + " AND c.area_id = (SELECT id FROM areas WHERE name = ?)"
                                           " ORDER BY id", (arg,))]
    if kind == "manager" and arg:
        ids = [r[0] for r in conn.execute(live + " AND c.manager = ? ORDER BY id", (arg,))]
        if not ids:
            raise database.ArchiveError(translate("Grading", "No customer has the manager '{name}'.")
                                        .format(name=arg))
        return ids
    if kind == "older" and arg.isdigit():
        limit = date.fromordinal((as_of or date.today()).toordinal() - int(arg)).isoformat()
        sql = (live + f" AND (SELECT COUNT(*) FROM grades g WHERE g.customer_id = c.id AND g.scheme IN"
               f" ({schemes}) AND g.as_of >= ?) < {len(COMPUTED_SCHEMES)}")
        return [r[0] for r in conn.execute(sql + " ORDER BY id", (limit,))]
    raise database.ArchiveError(translate("Grading", "'{scope}' is not a scope; use all, ungraded, area:NAME, "
                                          "manager:NAME or older:DAYS.").format(scope=spec))
