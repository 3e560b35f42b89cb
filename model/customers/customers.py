"""The customer record: its fields, validation, and every write with its change history.

Writes go through these functions so each one is a single transaction and
leaves a history row per changed field (who, when, field, old → new).
"""
from __future__ import annotations

from model.archive.database import sqlite3
from dataclasses import dataclass
from datetime import date, datetime

from model.core.i18n import translate
from model.customers import customer_fields
from model.archive import database
from model.core import normalize, rules



# Stored on the customers row (besides area, handled through the areas table).
TEXT_FIELDS = ("name", "gender", "phone", "phone2", "address", "birth_date", "occupation",
               "employer", "manager", "source", "created_on", "needs", "products", "notes",
               "complaints", "tags", "keyman_name", "keyman_role")
COORDINATE_FIELDS = ("latitude", "longitude")
# The seeds' grading fields (seed 002, DOMAIN §2a/§2b; model.customers.customer_fields).
GRADING_FIELDS = ("size", "potential_amount", "own_channel", "scarce_resources", "deal_status", "handle_by")
KEYMAN_FIELDS = ("keyman_name", "keyman_role", "keyman_phone")


def dimension_fields() -> tuple[str, ...]:
    return tuple(d.column for d in rules.dimensions())


def record_fields() -> tuple[str, ...]:
    """Every field of a customer record, in display and export order."""
    return ("name", "gender", "phone", "phone2", "address", "area", "area_type", "manager",
            "birth_date", "occupation", "employer", "source", "created_on", "needs",
            "products", "notes", "complaints", "tags", *dimension_fields(),
            "latitude", "longitude", *GRADING_FIELDS, *KEYMAN_FIELDS)


CHANNELS = ("visit", "phone", "sms", "online")

# The red list (红名单): customers with no usable contact details.
RED_LIST_WHERE = "(c.phone IS NULL OR c.phone = '') AND (c.phone2 IS NULL OR c.phone2 = '')"

SELECT_CUSTOMER = """
    SELECT c.*, a.name AS area, a.area_type AS area_type
    FROM customers c LEFT JOIN areas a ON a.id = c.area_id
"""


class ValidationError(database.ArchiveError):
    """One or more fields are not acceptable; ``problems`` maps field → reason."""

    def __init__(self, problems: dict[str, str]):
        self.problems = problems
        super().__init__("\n".join(f"{field}: {reason}" for field, reason in problems.items()))


def now_stamp() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _dimension_code(dimension, raw):
    """A dimension cell's code (None for an empty cell); raises normalize.Invalid."""
    value = normalize.text(raw)
    if value is None:
        return None
    code = dimension.code_for(value)
    if code is None:
        raise normalize.Invalid(
            translate("Customers", "'{value}' is not a value of {dimension}.")
            .format(value=value, dimension=dimension.label_en))
    return code


def _clean_field(key: str, raw, dims: dict):
    """One customer field's value, normalised; raises normalize.Invalid."""
    if key in ("phone", "phone2", "keyman_phone"):
        return normalize.phone(raw)
    elif key in customer_fields.CHOICE_FIELDS:
        return customer_fields.choice(key, raw)
    elif key in customer_fields.YES_NO_FIELDS:
        return customer_fields.yes_no(raw)
    elif key == "potential_amount":
        amount = normalize.number(raw)
        if amount is not None and amount < 0:
            raise normalize.Invalid(translate("Customers", "The potential amount cannot be negative."))
        return amount
    elif key == "birth_date":
        return normalize.birth_date(raw)   # a year alone stays a year
    elif key in ("created_on", "handle_by"):
        return normalize.iso_date(raw)
    elif key == "gender":
        return normalize.gender(raw)
    elif key in COORDINATE_FIELDS:
        return normalize.coordinate(raw, latitude=key == "latitude")
    elif key in dims:
        return _dimension_code(dims[key], raw)
    elif key == "area_type":
        value = normalize.text(raw)
        area_type = None if value is None else rules.area_type_key(value)
        if value is not None and area_type is None:
            raise normalize.Invalid(
                translate("Customers", "'{value}' is not an area type.").format(value=value))
        return area_type
    elif key in TEXT_FIELDS or key == "area":
        normalize.check_not_scientific(raw)
        return normalize.text(raw)
    else:
        raise normalize.Invalid(translate("Customers", "unknown field"))


def clean(values: dict, *, partial: bool = False) -> dict:
    """Normalise and validate a customer's values. Raises :class:`ValidationError`
    naming every bad field. With ``partial`` only the given fields are checked."""
    out: dict = {}
    problems: dict[str, str] = {}
    dims = {d.column: d for d in rules.dimensions()}
    for key, raw in values.items():
        try:
            out[key] = _clean_field(key, raw, dims)
        except normalize.Invalid as exc:
            problems[key] = str(exc)
    if not partial or "name" in values:
        if not out.get("name") and "name" not in problems:
            problems["name"] = translate("Customers", "A customer needs a name.")
    if out.get("birth_date") and out["birth_date"] > date.today().isoformat():
        problems["birth_date"] = translate("Customers", "The birth date is in the future.")
    # Only when one of the two is really missing: a latitude of 95.5 has its own message.
    if (out.get("latitude") is None) != (out.get("longitude") is None) and not partial \
            and "latitude" not in problems and "longitude" not in problems:
        problems["latitude"] = translate("Customers", "Give both latitude and longitude, or neither.")
    if problems:
        raise ValidationError(problems)
    return out


def area_id(conn: sqlite3.Connection, name: str | None, area_type: str | None = None) -> int | None:
    """The id of the named area, creating it if new (inside the caller's transaction)."""
    if not name:
        return None
    row = conn.execute("SELECT id, area_type FROM areas WHERE name = ?", (name,)).fetchone()
    if row is None:
        return conn.execute("INSERT INTO areas(name, area_type) VALUES (?, ?)",
                            (name, area_type)).lastrowid
    if area_type and row["area_type"] != area_type:
        conn.execute("UPDATE areas SET area_type = ? WHERE id = ?", (area_type, row["id"]))
    return row["id"]


def _row_values(conn: sqlite3.Connection, cleaned: dict) -> dict:
    row = {k: v for k, v in cleaned.items() if k not in ("area", "area_type")}
    if "area" in cleaned:
        row["area_id"] = area_id(conn, cleaned.get("area"), cleaned.get("area_type"))
    return row


def _require_manager(cleaned: dict) -> None:
    """归户 (seed 002, books.json): every customer belongs to exactly one manager in charge."""
    if "manager" in cleaned and not cleaned["manager"]:
        raise ValidationError({"manager": translate(
            "Customers", "Every customer belongs to one manager in charge: name the manager.")})


def create(conn: sqlite3.Connection, values: dict, by: str) -> int:
    """Add a customer; returns the new id. A customer given no manager at all is
    held by ``by``, who enters it (as the import does); an empty manager is refused."""
    cleaned = clean(values)
    cleaned.setdefault("manager", normalize.text(by))
    _require_manager(cleaned)
    cleaned.setdefault("created_on", date.today().isoformat())
    with database.transaction(conn):
        row = _row_values(conn, cleaned)
        cols = ", ".join(row)
        marks = ", ".join("?" * len(row))
        new_id = conn.execute(f"INSERT INTO customers ({cols}) VALUES ({marks})",
                              tuple(row.values())).lastrowid
        conn.execute("INSERT INTO customer_history(customer_id, changed_at, changed_by, field,"
                     " old_value, new_value) VALUES (?, ?, ?, '*created', NULL, ?)",
                     (new_id, now_stamp(), by, cleaned.get("name")))
    return new_id


def get(conn: sqlite3.Connection, customer_id: int) -> dict | None:
    row = conn.execute(SELECT_CUSTOMER + " WHERE c.id = ?", (customer_id,)).fetchone()
    return dict(row) if row else None


def update(conn: sqlite3.Connection, customer_id: int, changes: dict, by: str) -> list[str]:
    """Change some fields; returns the fields that really changed (none: nothing written)."""
    cleaned = clean(changes, partial=True)
    _require_manager(cleaned)
    with database.transaction(conn):
        current = get(conn, customer_id)
        if current is None or current["deleted_at"]:
            raise database.ArchiveError(translate("Customers", "This customer no longer exists."))
        changed = [k for k, v in cleaned.items() if current.get(k) != v]
        if not changed:
            return []
        row = {k: cleaned[k] for k in changed if k not in ("area", "area_type")}
        if "area" in changed or "area_type" in changed:
            row["area_id"] = area_id(conn, cleaned.get("area", current["area"]),
                                     cleaned.get("area_type", current["area_type"]))
        sets = ", ".join(f"{k} = ?" for k in row)
        conn.execute(f"UPDATE customers SET {sets} WHERE id = ?", (*row.values(), customer_id))
        stamp = now_stamp()
        conn.executemany(
            "INSERT INTO customer_history(customer_id, changed_at, changed_by, field, old_value,"
            " new_value) VALUES (?, ?, ?, ?, ?, ?)",
            [(customer_id, stamp, by, k, _str(current.get(k)), _str(cleaned[k])) for k in changed])
    return changed


def _str(value) -> str | None:
    return None if value is None else str(value)


def delete(conn: sqlite3.Connection, customer_id: int, by: str) -> bool:
    """Mark a customer deleted; the record and its history stay. False when the
    customer was already deleted (or does not exist)."""
    with database.transaction(conn):
        stamp = now_stamp()
        done = conn.execute("UPDATE customers SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                            (stamp, customer_id)).rowcount
        if done:
            conn.execute("INSERT INTO customer_history(customer_id, changed_at, changed_by, field)"
                         " VALUES (?, ?, ?, '*deleted')", (customer_id, stamp, by))
    return bool(done)


def delete_many(conn: sqlite3.Connection, customer_ids: list[int], by: str) -> int:
    """Delete several customers in one transaction; more than one is a bulk delete,
    recorded in the audit trail (ids and count, no personal data). Returns how many
    were deleted (those already deleted are not counted)."""
    from model.archive import audit
    ids = list(dict.fromkeys(int(i) for i in customer_ids))
    with database.transaction(conn):
        done = sum(delete(conn, customer_id, by) for customer_id in ids)
        if len(ids) > 1 and done:
            audit.record(conn, "bulk_delete", translate("Customers", "Customers deleted"), done, by,
                         detail={"customer_ids": ids})
    return done


def undelete(conn: sqlite3.Connection, customer_id: int, by: str) -> None:
    with database.transaction(conn):
        stamp = now_stamp()
        done = conn.execute("UPDATE customers SET deleted_at = NULL WHERE id = ? AND deleted_at"
                            " IS NOT NULL", (customer_id,)).rowcount
        if done:
            conn.execute("INSERT INTO customer_history(customer_id, changed_at, changed_by, field)"
                         " VALUES (?, ?, ?, '*restored')", (customer_id, stamp, by))


def history(conn: sqlite3.Connection, customer_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT changed_at, changed_by, field, old_value, new_value FROM customer_history"
        " WHERE customer_id = ? ORDER BY changed_at DESC, id DESC", (customer_id,))]


@dataclass
class Contact:
    contact_date: str
    channel: str
    purpose: str | None = None
    result: str | None = None
    next_step: str | None = None
    next_date: str | None = None


def log_contact(conn: sqlite3.Connection, customer_id: int, contact: Contact, by: str) -> int:
    problems = {}
    try:
        when = normalize.iso_date(contact.contact_date)
        if when is None:
            problems["contact_date"] = translate("Customers", "A contact needs a date.")
    except normalize.Invalid as exc:
        problems["contact_date"] = str(exc)
        when = None
    try:
        next_date = normalize.iso_date(contact.next_date)
    except normalize.Invalid as exc:
        problems["next_date"] = str(exc)
        next_date = None
    if contact.channel not in CHANNELS:
        problems["channel"] = translate("Customers", "Choose how the contact was made.")
    if when and next_date and next_date < when:
        problems["next_date"] = translate("Customers", "The next date is before the contact date.")
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        if conn.execute("SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL",
                        (customer_id,)).fetchone() is None:
            raise database.ArchiveError(translate("Customers", "This customer no longer exists."))
        return conn.execute(
            "INSERT INTO contacts(customer_id, contact_date, channel, purpose, result, next_step,"
            " next_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (customer_id, when, contact.channel, normalize.text(contact.purpose),
             normalize.text(contact.result), normalize.text(contact.next_step), next_date,
             by, now_stamp())).lastrowid


def contacts(conn: sqlite3.Connection, customer_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute(
        "SELECT * FROM contacts WHERE customer_id = ? ORDER BY contact_date DESC, id DESC",
        (customer_id,))]


def transaction_totals(conn: sqlite3.Connection, customer_id: int) -> tuple[int, float | None, str | None]:
    """All the customer's transactions: (how many, their total amount, the last one's date).

    The total and the date are None when there are none."""
    count_, total, last = conn.execute("SELECT count(*), sum(amount), max(txn_date) FROM transactions"
                                       " WHERE customer_id = ?", (customer_id,)).fetchone()
    return count_, total, last


def live_id(conn: sqlite3.Connection, customer_id: int) -> int | None:
    """customer_id if that customer exists and is not deleted, else None."""
    row = conn.execute("SELECT id FROM customers WHERE id = ? AND deleted_at IS NULL", (customer_id,)).fetchone()
    return None if row is None else row[0]


def count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM customers WHERE deleted_at IS NULL").fetchone()[0]


def red_list(conn: sqlite3.Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(
        SELECT_CUSTOMER + f" WHERE c.deleted_at IS NULL AND {RED_LIST_WHERE} ORDER BY c.id")]


# -- deleted customers ----------------------------------------------------------

def deleted(conn: sqlite3.Connection, query: str = "") -> list[dict]:
    """The deleted customers (not purged), most recently deleted first: id, name,
    phone, phone2, deleted_at and who deleted them. ``query`` keeps those whose
    name holds it, whose phone holds its digits, or whose name's pinyin starts
    with it (as the search of the list does)."""
    rows = [dict(r) for r in conn.execute(
        "SELECT c.id, c.name, c.phone, c.phone2, c.deleted_at,"
        " (SELECT h.changed_by FROM customer_history h WHERE h.customer_id = c.id"
        "  AND h.field = '*deleted' ORDER BY h.id DESC LIMIT 1) AS deleted_by"
        " FROM customers c WHERE c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC, c.id")]
    wanted = (normalize.text(query) or "").lower()
    if not wanted:
        return rows
    from model.customers import search  # the pinyin keys (search loads its dictionaries only when asked)
    digits = "".join(ch for ch in wanted if ch.isdigit())
    compact = wanted.replace(" ", "")

    def matches(row: dict) -> bool:
        name = row["name"] or ""
        if wanted in name.lower():
            return True
        if digits and digits == compact and any(digits in (p or "") for p in (row["phone"], row["phone2"])):
            return True
        keys = " ".join(search.name_keys(name)).split()
        return compact.isascii() and any(k.startswith(compact) for k in keys)
    return [row for row in rows if matches(row)]


def restore_deleted(conn: sqlite3.Connection, customer_id: int, by: str) -> str:
    """Bring a deleted customer back (its history, contacts and grades are as they
    were); returns the name. An ArchiveError when the customer is not deleted."""
    with database.transaction(conn):
        row = conn.execute("SELECT name, deleted_at FROM customers WHERE id = ?",
                           (customer_id,)).fetchone()
        if row is None:
            raise database.ArchiveError(translate("Customers", "There is no customer no. {id}.")
                                        .format(id=customer_id))
        if not row["deleted_at"]:
            raise database.ArchiveError(translate("Customers", "Customer no. {id} ({name}) is not "
                                                  "deleted.").format(id=customer_id, name=row["name"]))
        undelete(conn, customer_id, by)
    return row["name"]


# -- who a customer is ----------------------------------------------------------------

def identity(phone, phone2, name, birth_date, address=None, area=None) -> str:
    """Who a customer is, the one rule for duplicates (the import and the editor):
    the phone, else the second phone, else name + birth date, else (no birth date
    either) name + address + area. The last two begin with '~', never a phone."""
    if phone:
        return phone
    if phone2:
        return phone2
    if birth_date:
        return "~" + "\x1f".join((name or "", birth_date))
    return "~" + "\x1f".join(v or "" for v in (name, address, area, ""))


def same_customers(conn: sqlite3.Connection, values: dict, exclude: int | None = None) -> list[dict]:
    """Other (not deleted) customers the same person by :func:`identity`: each
    with id, name and ``why`` (phone / name and birth date). ``values`` are cleaned."""
    phones = [p for p in (values.get("phone"), values.get("phone2")) if p]
    found: list[dict] = []
    if phones:
        marks = ", ".join("?" * len(phones))
        found = [dict(r) | {"why": "phone"} for r in conn.execute(
            f"SELECT id, name FROM customers WHERE deleted_at IS NULL AND id IS NOT ?"
            f" AND (phone IN ({marks}) OR phone2 IN ({marks})) ORDER BY id",
            (exclude, *phones, *phones))]
    elif values.get("name") and values.get("birth_date"):
        found = [dict(r) | {"why": "birth_date"} for r in conn.execute(
            f"SELECT c.id, c.name FROM customers c WHERE c.deleted_at IS NULL AND c.id IS NOT ?"
            f" AND c.name = ? AND c.birth_date = ? AND {RED_LIST_WHERE} ORDER BY c.id",
            (exclude, values["name"], values["birth_date"]))]
    return found


# -- taking a contact back (undo) ------------------------------------------------------

def contact(conn: sqlite3.Connection, contact_id: int) -> dict | None:
    row = conn.execute("SELECT * FROM contacts WHERE id = ?", (contact_id,)).fetchone()
    return dict(row) if row else None


def remove_contact(conn: sqlite3.Connection, contact_id: int) -> dict:
    """Take back a contact just logged (undo); returns it as it was, to put it back
    with :func:`put_back_contact`. A contact a planned visit was logged with is
    taken back through the plan instead."""
    with database.transaction(conn):
        row = contact(conn, contact_id)
        if row is None:
            raise database.ArchiveError(translate("Customers", "This contact is no longer in the archive."))
        for table in ("plan_visits",):
            try:
                used = conn.execute(f"SELECT 1 FROM {table} WHERE contact_id = ?", (contact_id,)).fetchone()
            except sqlite3.OperationalError:   # no such table or column in this archive
                used = None
            if used:
                raise database.ArchiveError(translate(
                    "Customers", "This contact belongs to a visit of a plan; change it in the plan."))
        conn.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))
    return row


def put_back_contact(conn: sqlite3.Connection, row: dict) -> int:
    """Put back a contact taken back by :func:`remove_contact` (redo), with its id."""
    with database.transaction(conn):
        if conn.execute("SELECT 1 FROM customers WHERE id = ? AND deleted_at IS NULL",
                        (row["customer_id"],)).fetchone() is None:
            raise database.ArchiveError(translate("Customers", "This customer no longer exists."))
        columns = list(row)
        conn.execute(f"INSERT INTO contacts ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                     [row[c] for c in columns])
    return row["id"]
