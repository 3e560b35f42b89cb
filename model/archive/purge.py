"""Purging deleted customers: the record and every row that mentions them go,
and so do the bytes, in the archive and in the program's own backups.

A delete (``customers.delete``) only marks a customer; the record and its
history stay. A purge removes a customer already deleted for good:

* every row that refers to them: found from the schema, so a table added by a
  later migration is covered too: each foreign key to ``customers`` (and, in
  turn, each row that refers to a row removed, e.g. a visit that logged a
  contact) and every table with a ``customer_id`` column (the search index and
  its dirty list); a circle whose centre they were keeps the circle without a
  centre, a partner outlet stays unlinked;
* their id in the JSON that lists customers: a promotion plan's audience
  snapshot and a grading session's queue and answers;
* the bytes: ``secure_delete`` overwrites freed pages, the WAL is checkpointed
  and truncated, and ``VACUUM`` rewrites the file;
* the same in every backup in ``<stem>-backups/`` (opened with the archive's
  key), each vacuumed, checked (``integrity_check``) and its manifest updated;
  backups that cannot be opened (another passphrase, damaged) are named.

One ``purge`` entry goes into the audit trail: the ids, the count, the reason
and how many backups were cleaned, never the customer's personal data.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from model.archive import audit, database
from model.archive.database import sqlite3
from model.core.i18n import translate
from model.core.progress import NO_PROGRESS, Progress

# References to a customer that keep their row and lose the link.
KEEP_ROW = {("circles", "centre_id"), ("partner_outlets", "customer_id")}
_MAX_DEPTH = 6


class PurgeError(database.ArchiveError):
    pass


@dataclass
class DeletedCustomer:
    id: int
    name: str
    deleted_at: str


@dataclass
class PurgeResult:
    customers: int                       # customers purged from the archive
    rows: int                            # rows removed or unlinked, the customers' own included
    backups_cleaned: int = 0
    backups_failed: list[tuple[Path, str]] = field(default_factory=list)   # (backup, why)


def deleted_customers(conn: sqlite3.Connection) -> list[DeletedCustomer]:
    """Customers deleted and not yet purged, most recently deleted first."""
    return [DeletedCustomer(r[0], r[1], r[2]) for r in conn.execute(
        "SELECT id, name, deleted_at FROM customers WHERE deleted_at IS NOT NULL "
        "ORDER BY deleted_at DESC, id")]


def archive_path(conn: sqlite3.Connection) -> Path:
    """The file behind a connection."""
    for row in conn.execute("PRAGMA database_list"):
        if row[1] == "main":
            return Path(row[2])
    raise PurgeError("no main database")  # pragma: no cover - every connection has one


# -- removing the rows ------------------------------------------------------------

def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL%'")]


def _references(conn: sqlite3.Connection, target: str) -> list[tuple[str, str, str, str]]:
    """(table, column, target column, on delete) of every foreign key to ``target``."""
    found = []
    for table in _tables(conn):
        for fk in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
            if fk["table"] == target:
                found.append((table, fk["from"], fk["to"] or "rowid", fk["on_delete"].upper()))
    return found


def _remove(conn: sqlite3.Connection, table: str, where: str, params: list, depth: int = 0) -> int:
    """Delete the rows of ``table`` matching ``where``, first removing (or
    unlinking) every row that refers to them. Returns the rows touched."""
    if depth > _MAX_DEPTH:
        raise PurgeError(f"references nest deeper than {_MAX_DEPTH} tables at {table}")
    touched = 0
    for child, column, key, on_delete in _references(conn, table):
        if child == table:
            continue
        inside = f'"{column}" IN (SELECT "{key}" FROM "{table}" WHERE {where})'
        if on_delete == "SET NULL" or (child, column) in KEEP_ROW:
            touched += conn.execute(f'UPDATE "{child}" SET "{column}" = NULL WHERE {inside}',
                                    params).rowcount
        else:
            touched += _remove(conn, child, inside, params, depth + 1)
    return touched + conn.execute(f'DELETE FROM "{table}" WHERE {where}', params).rowcount


def _without_ids(conn: sqlite3.Connection, ids: set[int]) -> int:
    """Take the ids out of the JSON that lists customers."""
    changed = 0
    tables = set(_tables(conn))
    if "promotion_plans" in tables:
        for plan_id, snapshot in conn.execute(
                "SELECT id, audience_snapshot FROM promotion_plans WHERE audience_snapshot IS NOT NULL"
                ).fetchall():
            try:
                listed = json.loads(snapshot)
            except ValueError:
                continue
            if isinstance(listed, list) and ids & {i for i in listed if isinstance(i, int)}:
                conn.execute("UPDATE promotion_plans SET audience_snapshot = ? WHERE id = ?",
                             (json.dumps([i for i in listed if i not in ids]), plan_id))
                changed += 1
    if "grading_sessions" in tables:
        from model.grading.grading_session import GradingSession
        for manager, saved_on, state in conn.execute(
                "SELECT manager, saved_on, state FROM grading_sessions").fetchall():
            try:
                session = GradingSession.from_json(state, saved_on)
            except (ValueError, KeyError, TypeError, IndexError):
                continue
            mentioned = ids & (set(session.queue) | set(session.answers) | session.skipped
                               | set(session.scope_ids or ()))
            if not mentioned:
                continue
            before = session.queue[:session.position]
            session.position = sum(1 for i in before if i not in ids)
            session.queue = [i for i in session.queue if i not in ids]
            session.answers = {k: v for k, v in session.answers.items() if k not in ids}
            session.skipped -= ids
            if session.scope_ids is not None:
                session.scope_ids = [i for i in session.scope_ids if i not in ids]
            conn.execute("UPDATE grading_sessions SET state = ? WHERE manager = ?",
                         (session.to_json(), manager))
            changed += 1
    return changed


def remove_customers(conn: sqlite3.Connection, ids: list[int]) -> int:
    """Remove the customers and every row that mentions them, inside the current
    transaction (the caller's). Returns the rows removed or unlinked."""
    if not ids:
        return 0
    marks = ", ".join("?" * len(ids))
    touched = _remove(conn, "customers", f"id IN ({marks})", list(ids))
    # Tables keyed on a customer without a foreign key (the search index, its dirty
    # list: the delete trigger has just queued the ids there again).
    for table in _tables(conn):
        columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
        if "customer_id" in columns and table != "customers" and not any(
                t == table for t, *_ in _references(conn, "customers")):
            touched += conn.execute(f'DELETE FROM "{table}" WHERE customer_id IN ({marks})',
                                    list(ids)).rowcount
    touched += _without_ids(conn, set(ids))
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise PurgeError(translate("Purge", "The purge would leave references to missing records "
                                   "({table}); nothing was purged.").format(table=problems[0][0]))
    return touched


def _compact(conn: sqlite3.Connection) -> None:
    """Make the freed bytes go: checkpoint and truncate the WAL, rewrite the file, again."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


# -- the archive and its backups ----------------------------------------------------

def _check_ids(conn: sqlite3.Connection, ids: list[int]) -> None:
    marks = ", ".join("?" * len(ids))
    rows = {r[0]: r[1] for r in conn.execute(
        f"SELECT id, deleted_at FROM customers WHERE id IN ({marks})", ids)}
    missing = [i for i in ids if i not in rows]
    if missing:
        raise PurgeError(translate("Purge", "There is no customer {ids} in the archive (perhaps already "
                                   "purged). Nothing was purged.")
                         .format(ids=", ".join(map(str, missing[:10]))))
    live = [i for i in ids if rows[i] is None]
    if live:
        raise PurgeError(translate("Purge", "Only deleted customers can be purged; customer {ids} is not "
                                   "deleted. Delete it first. Nothing was purged.")
                         .format(ids=", ".join(map(str, live[:10]))))


def scrub_backup(path: Path, ids: list[int], key: "database.Key | None") -> bool:
    """Remove the customers from one backup file, vacuum it, check it and bring its
    manifest up to date; its time stays as it was (rotation and the restore list go
    by it). True when it held any of them. Raises ArchiveError / sqlite3.Error."""
    from model.archive import backup
    path = Path(path)
    stamp = path.stat()
    old_manifest = backup.read_manifest(path) or {}
    conn = database.connect(path, passphrase=key)
    try:
        conn.execute("PRAGMA secure_delete = ON")
        marks = ", ".join("?" * len(ids))
        if "customers" not in _tables(conn):
            held = False
        else:
            held = conn.execute(f"SELECT count(*) FROM customers WHERE id IN ({marks})",
                                list(ids)).fetchone()[0] > 0
        if held:
            with database.transaction(conn):
                remove_customers(conn, ids)
        _compact(conn)
        conn.execute("PRAGMA journal_mode = DELETE")   # backups are single files
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise database.ArchiveDamaged(translate("Purge", "The backup {path} failed its check after the "
                                                    "purge ({result}).").format(path=path, result=result))
        counts = backup.table_counts(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    backup.write_manifest(path, counts, encrypted=key is not None, schema_version=version)
    manifest = backup.read_manifest(path) or {}
    if old_manifest.get("taken_at"):
        manifest["taken_at"] = old_manifest["taken_at"]
    manifest["purged_at"] = audit.now()
    target = backup.manifest_path(path)
    partial = target.with_name(target.name + ".partial")
    partial.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(partial, target)
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    return held


def scrub_backups(archive: Path, ids: list[int], key: "database.Key | None",
                  progress: Progress | None = None) -> tuple[int, list[tuple[Path, str]]]:
    """Scrub every backup of ``archive`` in its backups folder; (cleaned, failed)."""
    from model.archive import backup
    progress = progress or NO_PROGRESS
    found = backup.list_backups(archive)
    cleaned, failed = 0, []
    for number, path in enumerate(found, start=1):
        progress.check()
        progress.report(number - 1, len(found), translate("Purge", "Cleaning the backups…"))
        try:
            backup_key = backup.backup_key(path, key)
            if scrub_backup(path, ids, backup_key):
                cleaned += 1
        except (database.ArchiveError, sqlite3.Error, OSError) as exc:
            failed.append((path, str(exc)))
    progress.report(len(found), len(found), translate("Purge", "Cleaning the backups…"))
    return cleaned, failed


def purge(conn: sqlite3.Connection, customer_ids: list[int], by: str, reason: str,
          progress: Progress | None = None) -> PurgeResult:
    """Purge deleted customers from the archive behind ``conn`` and from its backups.

    ``conn`` must not be inside a transaction (VACUUM cannot run in one). Raises
    :class:`PurgeError` (nothing changed) when a customer is not deleted or does not
    exist, or when no reason is given."""
    ids = list(dict.fromkeys(int(i) for i in customer_ids))
    reason = (reason or "").strip()
    if not ids:
        raise PurgeError(translate("Purge", "Choose the deleted customers to purge."))
    if not reason:
        raise PurgeError(translate("Purge", "Give the reason for the purge; it is kept in the audit trail."))
    if conn.in_transaction:
        raise PurgeError("purge() cannot run inside a transaction")  # a programming error
    _check_ids(conn, ids)
    progress = progress or NO_PROGRESS
    key = getattr(conn, "kehu_key", None)
    path = archive_path(conn)
    # The backups first: the audit entry then says how many were cleaned, and a
    # failure leaves the customers deleted in the archive, to purge again.
    cleaned, failed = scrub_backups(path, ids, key, progress)
    progress.check()
    progress.report(0, 0, translate("Purge", "Purging the archive…"))
    # The connection may be a long-lived one (the window's writer): its secure_delete
    # setting is put back as it was.
    secure_delete = conn.execute("PRAGMA secure_delete").fetchone()[0]
    conn.execute("PRAGMA secure_delete = ON")
    try:
        with database.transaction(conn):
            rows = remove_customers(conn, ids)
            audit.record(conn, "purge", translate("Purge", "Deleted customers purged"), len(ids), by, reason,
                         detail={"customer_ids": ids, "backups_cleaned": cleaned,
                                 "backups_not_cleaned": len(failed)})
        _compact(conn)
    finally:
        conn.execute(f"PRAGMA secure_delete = {int(secure_delete)}")
    return PurgeResult(len(ids), rows, cleaned, failed)


def summary(result: PurgeResult) -> str:
    """What a purge did, in words for the user."""
    text = translate("Purge", "{count} customers purged ({rows} records removed); {backups} backups "
                     "cleaned.").format(count=result.customers, rows=result.rows,
                                        backups=result.backups_cleaned)
    if result.backups_failed:
        text += " " + translate("Purge", "{count} backups could not be cleaned and still hold the "
                                "customers (another passphrase, or damaged); delete them if they are "
                                "not needed: {files}").format(
            count=len(result.backups_failed),
            files=", ".join(p.name for p, _ in result.backups_failed))
    return text
