"""What a restore would take away, and the audit trail carried across it.

Before a backup replaces the archive the user is shown what changed since the
backup was taken: the customers, contacts, transactions, visit plans,
activities, 101 checklist runs and store checks the archive holds and the
backup does not, and the customers edited since (counts and the newest few).
They are not gone for good (the replaced file is kept as a ``before-restore``
backup), but they leave the archive the user works in.

The audit trail only ever grows: :func:`after_restore` copies the entries of
the replaced archive (from its ``before-restore`` copy) that the restored
archive lacks, then records the restore itself.

    changes = restore_loss.changes_since(current_conn, backup_path, key)
    carried = restore_loss.after_restore(conn, backup_path, kept)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from model.archive import audit, backup, database
from model.archive.database import sqlite3
from model.core.i18n import translate

NEWEST = 3
"""How many of the newest records of each kind are named."""

# table, the SQL naming one row (newest first by id), and how a record is named.
_WATCHED = (
    ("customers", "SELECT id, name FROM customers"),
    ("contacts", "SELECT c.id, c.contact_date || ' ' || coalesce(k.name, '') FROM contacts c"
                 " LEFT JOIN customers k ON k.id = c.customer_id"),
    ("transactions", "SELECT t.id, t.txn_date || ' ' || coalesce(k.name, '') FROM transactions t"
                     " LEFT JOIN customers k ON k.id = t.customer_id"),
    ("visit_plans", "SELECT id, coalesce(title, start_date || ' – ' || end_date) FROM visit_plans"),
    ("promotion_plans", "SELECT id, title FROM promotion_plans"),
    ("checklist_runs", "SELECT r.id, r.run_on || ' ' || coalesce(p.name, '') FROM checklist_runs r"
                       " LEFT JOIN partners p ON p.id = r.partner_id"),
    ("ka_store_checks", "SELECT c.id, c.checked_on || ' ' || coalesce(s.name, '') FROM ka_store_checks c"
                        " LEFT JOIN ka_stores s ON s.id = c.store_id"),
)


@dataclass
class Change:
    kind: str                  # a table name, or "edited" (customers edited since the backup)
    count: int
    newest: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return kind_label(self.kind)


def kind_label(kind: str) -> str:
    for key, label in (("customers", translate("RestoreLoss", "Customers added")),
                       ("edited", translate("RestoreLoss", "Customers edited or deleted")),
                       ("contacts", translate("RestoreLoss", "Contacts logged")),
                       ("transactions", translate("RestoreLoss", "Transactions")),
                       ("visit_plans", translate("RestoreLoss", "Visit plans")),
                       ("promotion_plans", translate("RestoreLoss", "Activity plans")),
                       ("checklist_runs", translate("RestoreLoss", "101 checklist runs")),
                       ("ka_store_checks", translate("RestoreLoss", "Store checks"))):
        if key == kind:
            return label
    return kind


def _alias(sql: str) -> str:
    """``c.`` when the query names its first table with an alias, else nothing."""
    first = sql.split(" FROM ", 1)[1].split()
    return first[1] + "." if len(first) > 1 and first[1] not in ("LEFT", "WHERE") else ""


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _ids(conn: sqlite3.Connection, table: str) -> set[int]:
    return {r[0] for r in conn.execute(f'SELECT id FROM "{table}"')}


def changes_since(current: sqlite3.Connection, backup_path: Path | str,
                  key: "database.Key | None" = None) -> list[Change]:
    """What the archive behind ``current`` holds that the backup does not (only
    the kinds with something in them). ``key`` opens an encrypted backup."""
    other = backup.raw_connect(Path(backup_path), key, read_only=True)
    try:
        theirs_tables = _tables(other)
        mine_tables = _tables(current)
        out: list[Change] = []
        added_customers: set[int] = set()
        for table, sql in _WATCHED:
            if table not in mine_tables:
                continue
            theirs = _ids(other, table) if table in theirs_tables else set()
            new = sorted(_ids(current, table) - theirs, reverse=True)
            if table == "customers":
                added_customers = set(new)
            if not new:
                continue
            shown = new[:NEWEST]
            newest = [str(r[1] or "").strip() for r in current.execute(
                f"{sql} WHERE {_alias(sql)}id IN ({', '.join('?' * len(shown))}) ORDER BY 1 DESC", shown)]
            out.append(Change(table, len(new), newest))
        if "customer_history" in theirs_tables:
            since = other.execute("SELECT coalesce(max(id), 0) FROM customer_history").fetchone()[0]
            edited = [r[0] for r in current.execute(
                "SELECT customer_id FROM customer_history WHERE id > ? AND field <> '*created'"
                " GROUP BY customer_id ORDER BY max(id) DESC", (since,))
                if r[0] not in added_customers]
            if edited:
                names = [r[0] for r in current.execute(
                    f"SELECT name FROM customers WHERE id IN ({', '.join('?' * len(edited[:NEWEST]))})"
                    " ORDER BY id DESC", edited[:NEWEST])]
                out.insert(1 if out and out[0].kind == "customers" else 0,
                           Change("edited", len(edited), names))
        return out
    finally:
        other.close()


def describe(changes: list[Change]) -> str:
    """The changes as lines of text, for the dialog and the terminal."""
    if not changes:
        return translate("RestoreLoss", "Nothing changed since this backup was taken.")
    lines = []
    for change in changes:
        line = translate("RestoreLoss", "{label}: {count}").format(label=change.label, count=change.count)
        if change.newest:
            line += translate("RestoreLoss", " (newest: {names})").format(names=", ".join(change.newest))
        lines.append(line)
    return "\n".join(lines)


def _entries(conn: sqlite3.Connection) -> list[tuple]:
    if not audit.has_log(conn):
        return []
    return [tuple(r) for r in conn.execute(
        "SELECT at, by, action, what, count, reason, detail FROM audit_log ORDER BY id")]


def carry_trail(conn: sqlite3.Connection, replaced: Path | str,
                key: "database.Key | None" = None) -> int | None:
    """Copy into the archive behind ``conn`` every audit entry of the archive file
    ``replaced`` that it does not hold yet (in their order); the number copied,
    or None when ``replaced`` cannot be read (a passphrase we were not given, or
    a damaged file: the entries stay in it)."""
    if not audit.has_log(conn):
        return None
    try:
        other = backup.raw_connect(Path(replaced), key, read_only=True)
    except sqlite3.Error:
        return None
    try:
        theirs = _entries(other)
    except sqlite3.DatabaseError:
        return None
    finally:
        other.close()
    have = Counter(_entries(conn))
    missing = []
    for entry in theirs:
        if have[entry]:
            have[entry] -= 1
        else:
            missing.append(entry)
    with database.transaction(conn):
        conn.executemany("INSERT INTO audit_log (at, by, action, what, count, reason, detail)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", missing)
    return len(missing)


def after_restore(conn: sqlite3.Connection, restored_from: Path | str, kept: Path | str | None,
                  by: str = "") -> int | None:
    """In the archive as restored: the replaced archive's trail carried over
    (from ``kept``, its copy), then the restore recorded. Returns how many
    entries were carried (None: the replaced file could not be read)."""
    carried = None
    if kept and Path(kept).exists():
        carried = carry_trail(conn, kept, getattr(conn, "kehu_key", None))
    audit.record_restore(conn, restored_from, kept, by, carried=carried)
    return carried
