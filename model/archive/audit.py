"""The audit trail: who exported, printed, backed up, restored, imported a
branch pack, deleted in bulk, purged, handed over or moved a complaint on what, when,
how many records and why.

The log lives in the archive (table ``audit_log``, migration m0009) and is
append-only: the database aborts any UPDATE or DELETE on it. An entry never
holds a customer's personal data: ``what`` names the file or report, ``count``
how many records it carried and ``detail`` the particulars (ids, options such
as "sensitive fields included" or "full phone numbers printed").

:func:`record` runs inside the caller's transaction (as a savepoint) when
there is one, so the entry is written together with the work it describes
and rolled back with it; otherwise it is its own transaction.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from model.archive import database
from model.archive.database import sqlite3
from model.core.i18n import translate
from model.core import stored_text
from model.core.datetime_text import datetime_text

ACTIONS = ("export", "print", "backup", "restore", "branch_pack", "bulk_delete", "purge", "handover", "complaint")

# Above this many customers an export needs a reason.
REASON_THRESHOLD = 100


@dataclass(frozen=True)
class Entry:
    id: int
    at: str                    # ISO 8601, local time with offset
    by: str
    action: str
    what: str
    count: int | None
    reason: str | None
    detail: dict = field(default_factory=dict)

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)


def action_label(action: str) -> str:
    """The action in the user's language."""
    labels = {
        "export": translate("Audit", "Export"),
        "print": translate("Audit", "Print"),
        "backup": translate("Audit", "Backup"),
        "restore": translate("Audit", "Restore"),
        "branch_pack": translate("Audit", "Branch pack import"),
        "bulk_delete": translate("Audit", "Bulk delete"),
        "purge": translate("Audit", "Purge"),
        "handover": translate("Audit", "Hand-over"),
        "complaint": translate("Audit", "Complaint"),
    }
    return labels.get(action, action)


def now() -> str:
    """The time of an entry: local, with its UTC offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def who(by: str = "") -> str:
    """``by`` or, when empty, the user's name from the settings (or the OS login)."""
    if by:
        return by
    from model.core import settings
    return settings.user_name()


def record(conn: sqlite3.Connection, action: str, what: str, count: int | None = None,
           by: str = "", reason: str | None = None, detail: dict | None = None) -> int:
    """Append one entry; returns its id. Inside the caller's transaction if one is
    open (so it stands or falls with the work), otherwise in its own."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}; one of {ACTIONS}")
    reason = (reason or "").strip() or None
    payload = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str) if detail else None
    with database.transaction(conn):
        return conn.execute(
            "INSERT INTO audit_log (at, by, action, what, count, reason, detail) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (now(), who(by), action, str(what), None if count is None else int(count), reason,
             payload)).lastrowid


def tracking_log_what(start: date, end: date) -> str:
    return translate("Audit", "Tracking log {start} to {end}").format(start=start.isoformat(),
                                                                     end=end.isoformat())


def due_list_what(start: date, end: date) -> str:
    return translate("Audit", "Due list {start} to {end}").format(start=start.isoformat(), end=end.isoformat())


def visit_plan_what(start: date, end: date) -> str:
    return translate("Audit", "Visit plan {start} to {end}").format(start=start.isoformat(),
                                                                   end=end.isoformat())


def promotion_what(title: str, evaluation: bool = False) -> str:
    if evaluation:
        return translate("Audit", "Activity evaluation: {title}").format(title=title)
    return translate("Audit", "Activity plan: {title}").format(title=title)


def record_print(conn: sqlite3.Connection, what: str, path: Path | str, count: int | None = None, *,
                 full_phone: bool = False, by: str = "", detail: dict | None = None) -> int:
    """Record a printout written to ``path``; a print with phone numbers in full says so."""
    info = {"file": str(Path(path).resolve()), **(detail or {})}
    if full_phone:
        info["full_phone"] = True
    return record(conn, "print", what, count, by, detail=info)


def record_backup(conn: sqlite3.Connection, made: Path | str, by: str = "") -> int:
    """Record a backup the user made (the program's own automatic backups in the
    backups folder are not entries: each would change the archive it just copied)."""
    from model.archive import backup
    made = Path(made)
    manifest = backup.read_manifest(made) or {}
    count = (manifest.get("counts") or {}).get("customers")
    return record(conn, "backup", made.name, count, by,
                  detail={"file": str(made.resolve()), "encrypted": bool(manifest.get("encrypted"))})


def record_restore(conn: sqlite3.Connection, restored_from: Path | str, kept: Path | str | None,
                   by: str = "", carried: int | None = None) -> int:
    """Record, in the archive as restored, which backup was put in place, where
    the file it replaced was kept and how many of its trail's entries were
    carried over (model.archive.restore_loss)."""
    restored_from = Path(restored_from)
    count = conn.execute("SELECT count(*) FROM customers").fetchone()[0]
    detail = {"file": str(restored_from.resolve())}
    if kept:
        detail["kept"] = str(Path(kept).resolve())
    if carried is not None:
        detail["carried"] = carried
    return record(conn, "restore", restored_from.name, count, by, detail=detail)


def record_branch_pack(conn: sqlite3.Connection, pack_file: Path | str, name: str, version: str,
                       by: str = "") -> int:
    """Record a branch pack made the rules in force while this archive was open."""
    return record(conn, "branch_pack", translate("Audit", "{name}, version {version}")
                  .format(name=name, version=version), None, by,
                  detail={"file": str(Path(pack_file).resolve())})


def record_path(path: Path | str, action: str, what: str, count: int | None = None,
                by: str = "", reason: str | None = None, detail: dict | None = None,
                passphrase: str | None = None) -> bool:
    """Record into the archive at ``path`` through a connection of its own (for
    work done while no archive is open, e.g. the CLI's restore). Returns False
    when the archive has no audit table or cannot be written; never raises an
    SQLite error, since the work it describes is already done."""
    try:
        conn = database.connect(Path(path), **({"passphrase": passphrase} if passphrase else {}))
    except (sqlite3.Error, database.ArchiveError, TypeError):
        return False
    try:
        if not has_log(conn):
            return False
        record(conn, action, what, count, by, reason, detail)
        return True
    except (sqlite3.Error, database.ArchiveError):
        return False
    finally:
        conn.close()


def has_log(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'"
                        ).fetchone() is not None


def _bound(value, *, end: bool) -> str | None:
    """A since/until bound as text comparable with ``at``. A date (or a
    ``YYYY-MM-DD`` text) means the whole day: until that day's end."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        text = value.strip()
        if len(text) == 10:
            value = date.fromisoformat(text)
        else:
            value = datetime.fromisoformat(text)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.isoformat(timespec="seconds")
    if end:
        value = value + timedelta(days=1)
    return value.isoformat()


def entries(conn: sqlite3.Connection, since=None, until=None, action: str | None = None) -> list[Entry]:
    """The entries, newest first; ``since``/``until`` are dates (whole days,
    both included) or date-times; ``action`` one of :data:`ACTIONS`."""
    if not has_log(conn):
        return []
    where, params = [], []
    # ``at`` carries its offset; comparing its first 19 characters compares local times.
    low, high = _bound(since, end=False), _bound(until, end=True)
    if low:
        where.append("substr(at, 1, 19) >= ?")
        params.append(low)
    if high:
        is_day = isinstance(until, date) and not isinstance(until, datetime) or (
            isinstance(until, str) and len(until.strip()) == 10)
        where.append("substr(at, 1, 19) < ?" if is_day else "substr(at, 1, 19) <= ?")
        params.append(high)
    if action:
        where.append("action = ?")
        params.append(action)
    sql = "SELECT id, at, by, action, what, count, reason, detail FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY at DESC, id DESC"
    return [Entry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]) if r[7] else {})
            for r in conn.execute(sql, params)]


def detail_text(entry: Entry) -> str:
    """The particulars of an entry in words, for the table and the export."""
    d = entry.detail
    labels = {
        "file": translate("Audit", "file: {value}"),
        "kept": translate("Audit", "the replaced file kept as {value}"),
        "plan": translate("Audit", "plan no. {value}"),
        "period": translate("Audit", "period: {value}"),
        "account": translate("Audit", "key account no. {value}"),
        "year": translate("Audit", "year {value}"),
        "check": translate("Audit", "store check no. {value}"),
        "partner_id": translate("Audit", "partner no. {value}"),
        "run_id": translate("Audit", "checklist run no. {value}"),
        "backups_not_cleaned": translate("Audit", "backups not cleaned: {value}"),
        "carried": translate("Audit", "entries of the replaced trail carried over: {value}"),
        "complaint_id": translate("Audit", "complaint no. {value}"),
        "customer_id": translate("Audit", "customer no. {value}"),
        "from": translate("Audit", "from: {value}"),
        "to": translate("Audit", "to: {value}"),
    }
    if "complaint_id" in d:         # a complaint's step: from one status to another
        labels["from"], labels["to"] = (translate("Audit", "status before: {value}"),
                                        translate("Audit", "status after: {value}"))
    # Values kept as keys, said in the user's language (a tracking log's period).
    periods = {"day": translate("Audit", "day"), "week": translate("Audit", "week"),
               "half-month": translate("Audit", "half month"), "month": translate("Audit", "month")}
    parts = []
    if d.get("sensitive"):
        parts.append(translate("Audit", "sensitive fields included"))
    if d.get("full_phone"):
        parts.append(translate("Audit", "full phone numbers printed"))
    if d.get("encrypted"):
        parts.append(translate("Audit", "encrypted"))
    if d.get("scope") == "selection":
        parts.append(translate("Audit", "the customers of a view"))
    if d.get("backups_cleaned") is not None:
        parts.append(translate("Audit", "{n} backups cleaned").format(n=d["backups_cleaned"]))
    if d.get("customer_ids"):
        ids = d["customer_ids"]
        shown = ", ".join(str(i) for i in ids[:20]) + (" …" if len(ids) > 20 else "")
        parts.append(translate("Audit", "customer ids: {ids}").format(ids=shown))
    handled = {"sensitive", "full_phone", "encrypted", "scope", "backups_cleaned", "customer_ids", "kind"}
    for key in sorted(d, key=lambda k: (k == "file", k)):   # the file last: it is long
        value = d[key]
        if key in handled or value in (None, "", False) or (key == "backups_not_cleaned" and not value):
            continue
        if key == "period":
            value = periods.get(value, value)
        elif key in ("from", "to") and "complaint_id" in d:     # a complaint's status, kept as its key
            from model.customers import complaints
            value = complaints.status_label(value)
        parts.append(labels[key].format(value=value) if key in labels else f"{key}: {value}")
    return "; ".join(parts)


def headers() -> list[str]:
    return [translate("Audit", "When"), translate("Audit", "Who"), translate("Audit", "Action"),
            translate("Audit", "What"), translate("Audit", "Records"), translate("Audit", "Reason"),
            translate("Audit", "Details")]


def row_cells(entry: Entry) -> list:
    return [datetime_text(entry.at, seconds=True), entry.by, action_label(entry.action),
            stored_text.display(entry.what), entry.count, entry.reason or "", detail_text(entry)]


def export(conn: sqlite3.Connection, path: Path | str, items: list[Entry] | None = None,
           by: str = "") -> int:
    """Write the entries (all, or ``items``) to ``path`` (.csv UTF-8 with BOM, or
    .xlsx) through the export helpers; records the export itself. Returns the
    number of entries written."""
    from model.customers import exporting
    items = entries(conn) if items is None else items
    written = exporting.write_table(path, headers(), (row_cells(e) for e in items),
                                    sheet=translate("Audit", "Audit trail"), total=len(items))
    record(conn, "export", translate("Audit", "Audit trail → {path}").format(path=Path(path).name),
           written, by, detail={"file": str(Path(path).resolve()), "kind": "audit"})
    return written
