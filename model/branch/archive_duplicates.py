"""Duplicate candidates of an archive's customers (issue 21 item 6): the customers
not deleted (purged ones are gone from the table) read in one query, paired by
model.branch.duplicates. The archive has no ID-card column, so only the phone
(``phone``, else ``phone2``) and pinyin name + birth date rules apply."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from model.archive import audit
from model.core import outputs
from model.branch import duplicates
from model.customers.exporting import check_target, write_table
from model.core.i18n import translate
from model.core.progress import NO_PROGRESS, Progress


@dataclass(frozen=True)
class Pair:
    first_id: int
    first_name: str
    first_manager: str
    second_id: int
    second_name: str
    second_manager: str
    reason: str
    score: float


def reason_label(reason: str) -> str:
    return {"id_card": translate("Duplicates", "same ID card"),
            "phone": translate("Duplicates", "same phone"),
            "name_birth_date": translate("Duplicates", "similar name, same birth date")}.get(reason, reason)


def archive_candidates(conn: sqlite3.Connection, progress: Progress | None = None) -> list[Pair]:
    """The candidate pairs among the customers not deleted, sorted by (first id, second id)."""
    progress = progress or NO_PROGRESS
    rows = conn.execute("SELECT id, name, phone, phone2, birth_date, manager FROM customers"
                        " WHERE deleted_at IS NULL ORDER BY id").fetchall()
    progress.check()
    by_id = {r[0]: r for r in rows}
    records = [{"id": r[0], "name": r[1], "phone": r[2] or r[3], "birth_date": r[4]} for r in rows]
    found = duplicates.candidates(records)
    progress.report(len(rows), len(rows))
    return [Pair(c.first, by_id[c.first][1], by_id[c.first][5] or "",
                 c.second, by_id[c.second][1], by_id[c.second][5] or "", c.reason, c.score)
            for c in sorted(found, key=lambda c: (c.first, c.second))]


def export_keys() -> list[str]:
    return [translate("Duplicates", "Customer ID"), translate("Duplicates", "Name"),
            translate("Duplicates", "Manager"), translate("Duplicates", "Other customer ID"),
            translate("Duplicates", "Other name"), translate("Duplicates", "Other manager"),
            translate("Duplicates", "Reason"), translate("Duplicates", "Score")]


def export(conn: sqlite3.Connection, pairs: list[Pair], out_path: Path | str, by: str) -> int:
    """Write the pairs to a .csv / .xlsx file, recorded in the audit trail; returns the rows written."""
    check_target(Path(out_path))
    out = Path(out_path).resolve()
    rows = ([p.first_id, p.first_name, p.first_manager, p.second_id, p.second_name,
             p.second_manager, reason_label(p.reason), p.score] for p in pairs)
    with outputs.staged(out) as (part,):
        written = write_table(part, export_keys(), rows, sheet=translate("Duplicates", "Duplicates"),
                              total=len(pairs))
        audit.record(conn, "export", out.name, written, by, detail={"file": str(out), "scope": "duplicates"})
    return written
