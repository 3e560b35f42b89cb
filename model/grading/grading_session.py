"""Where a manager stopped in the grading wizard, kept in the archive so the
wizard can offer "Continue where you stopped".

A session holds the scope and as-of date chosen, the opportunity queue (the
customers to answer for, in order), the position in it and the answers given
so far. Nothing in it is a grade yet: grades are written only when the
manager applies the review. One session per manager (``settings.user_name()``);
applying or giving up removes it.
"""
from __future__ import annotations

import json
from model.archive.database import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime

from model.archive import database


@dataclass
class GradingSession:
    scope: str                                   # a grading.scope_ids spec, or "view:NAME"
    as_of: date
    scope_label: str = ""                        # as the manager saw it, for "Continue…"
    scope_ids: list[int] | None = None           # fixed customers (a saved view); None: from scope
    queue: list[int] = field(default_factory=list)
    position: int = 0                            # index in queue of the next customer to answer
    answers: dict[int, tuple[str, str]] = field(default_factory=dict)   # id -> (need, close)
    skipped: set[int] = field(default_factory=set)
    saved_on: str = ""
    # The seed's other questions (seed 002): id -> {"deal_status": key, "urgency": key}
    deals: dict[int, dict] = field(default_factory=dict)

    def answered(self) -> int:
        return len(self.answers)

    def to_json(self) -> str:
        return json.dumps({
            "scope": self.scope, "as_of": self.as_of.isoformat(), "scope_label": self.scope_label,
            "scope_ids": self.scope_ids, "queue": self.queue, "position": self.position,
            "answers": {str(k): list(v) for k, v in self.answers.items()},
            "skipped": sorted(self.skipped), "deals": {str(k): v for k, v in self.deals.items()}},
            ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str, saved_on: str = "") -> "GradingSession":
        data = json.loads(text)
        ids = data.get("scope_ids")
        queue = [int(i) for i in data.get("queue") or []]
        return cls(
            scope=str(data["scope"]), as_of=date.fromisoformat(data["as_of"]),
            scope_label=str(data.get("scope_label") or ""),
            scope_ids=None if ids is None else [int(i) for i in ids],
            queue=queue, position=min(max(int(data.get("position") or 0), 0), len(queue)),
            answers={int(k): (str(v[0]), str(v[1])) for k, v in (data.get("answers") or {}).items()},
            skipped={int(i) for i in data.get("skipped") or []}, saved_on=saved_on,
            deals={int(k): {str(f): str(v) for f, v in d.items()} for k, d in (data.get("deals") or {}).items()})


def load(conn: sqlite3.Connection, manager: str) -> GradingSession | None:
    """The manager's unfinished session, or None (also for one that cannot be read)."""
    row = conn.execute("SELECT saved_on, state FROM grading_sessions WHERE manager = ?",
                       (manager,)).fetchone()
    if row is None:
        return None
    try:
        return GradingSession.from_json(row[1], row[0])
    except (ValueError, KeyError, TypeError, IndexError):
        return None


def save(conn: sqlite3.Connection, session: GradingSession, manager: str) -> None:
    session.saved_on = store(conn, manager, session.to_json())


def store(conn: sqlite3.Connection, manager: str, state: str) -> str:
    """Keep a session's state (``GradingSession.to_json()``) as the manager's; returns when."""
    stamp = datetime.now().isoformat(timespec="seconds")
    with database.transaction(conn):
        conn.execute("INSERT INTO grading_sessions(manager, saved_on, state) VALUES (?, ?, ?)"
                     " ON CONFLICT(manager) DO UPDATE SET saved_on = excluded.saved_on,"
                     " state = excluded.state", (manager, stamp, state))
    return stamp


def discard(conn: sqlite3.Connection, manager: str) -> None:
    with database.transaction(conn):
        conn.execute("DELETE FROM grading_sessions WHERE manager = ?", (manager,))
