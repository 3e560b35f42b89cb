"""Key accounts (KA, 重点客户, DOMAIN.md §4): the record and every write.

A key account is a modern-retail chain served at its head office: national or
regional, with its regions and stores (account → optional region → store), its
contacts with the KeyMan marked (at most one per account: the decision maker of
§2a), the KA team (manager, service, operation, merchandisers), merchandising
commitments for one store or for all of them. Volume per period against target is in
:mod:`model.key_accounts.ka_volumes`, store checks against the commitments in
:mod:`model.key_accounts.store_checks`, the reward tiers in :mod:`model.key_accounts.ka_rewards`, the store import in
:mod:`model.key_accounts.store_import`.

Every write is one transaction and raises :class:`customers.ValidationError`
(field → reason) for values that cannot be stored.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from model.archive import database
from model.core import name_order, normalize
from model.customers.customers import ValidationError
from model.core.i18n import translate

NATIONAL, REGIONAL = "national", "regional"
SCOPES = (NATIONAL, REGIONAL)
TEAM_ROLES = ("manager", "service", "operation", "merchandiser")
COMMITMENT_KINDS = ("display", "promotion", "pos_material", "shopper_guidance")
REGION, STORE = "region", "store"


def scope_label(scope: str | None) -> str:
    return {NATIONAL: translate("KeyAccounts", "National KA"),
            REGIONAL: translate("KeyAccounts", "Regional KA")}.get(scope or "", scope or "")


def role_label(role: str) -> str:
    return {"manager": translate("KeyAccounts", "Account manager (Manager)"),
            "service": translate("KeyAccounts", "Customer service (Service)"),
            "operation": translate("KeyAccounts", "Operations (Operation)"),
            "merchandiser": translate("KeyAccounts", "Merchandiser")}.get(role, role)


def kind_label(kind: str) -> str:
    return {"display": translate("KeyAccounts", "Display"),
            "promotion": translate("KeyAccounts", "Promotion"),
            "pos_material": translate("KeyAccounts", "Point-of-sale material"),
            "shopper_guidance": translate("KeyAccounts", "Shopper guidance")}.get(kind, kind)


def now_stamp() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _text(value) -> str | None:
    normalize.check_not_scientific(value)
    return normalize.text(value)


# -- accounts ------------------------------------------------------------------

@dataclass
class Account:
    id: int
    name: str
    scope: str
    channel: str | None
    head_office: str | None
    notes: str | None
    created_at: str = ""
    created_by: str = ""


def _clean_account(values: dict) -> dict:
    out, problems = {}, {}
    for key in ("name", "channel", "head_office", "notes"):
        if key in values:
            try:
                out[key] = _text(values[key])
            except normalize.Invalid as exc:
                problems[key] = str(exc)
    if not out.get("name") and "name" not in problems:
        problems["name"] = translate("KeyAccounts", "A key account needs a name.")
    scope = values.get("scope")
    if scope not in SCOPES:
        problems["scope"] = translate("KeyAccounts", "Choose whether the account is a national or a regional KA.")
    out["scope"] = scope
    if problems:
        raise ValidationError(problems)
    return out


def _name_taken(conn, name: str, account_id: int | None) -> bool:
    row = conn.execute("SELECT id FROM key_accounts WHERE name = ?", (name,)).fetchone()
    return row is not None and row[0] != account_id


def create_account(conn, values: dict, by: str) -> int:
    """Add a key account (name, scope, channel, head_office, notes); returns its id."""
    cleaned = _clean_account(values)
    with database.transaction(conn):
        if _name_taken(conn, cleaned["name"], None):
            raise ValidationError({"name": translate("KeyAccounts", "There is already a key account named {name}.")
                                   .format(name=cleaned["name"])})
        stamp = now_stamp()
        return conn.execute(
            "INSERT INTO key_accounts(name, scope, channel, head_office, notes, created_at, created_by,"
            " updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (cleaned["name"], cleaned["scope"], cleaned.get("channel"), cleaned.get("head_office"),
             cleaned.get("notes"), stamp, by, stamp, by)).lastrowid


def update_account(conn, account_id: int, values: dict, by: str) -> None:
    cleaned = _clean_account(values)
    with database.transaction(conn):
        require_account(conn, account_id)
        if _name_taken(conn, cleaned["name"], account_id):
            raise ValidationError({"name": translate("KeyAccounts", "There is already a key account named {name}.")
                                   .format(name=cleaned["name"])})
        conn.execute("UPDATE key_accounts SET name = ?, scope = ?, channel = ?, head_office = ?, notes = ?,"
                     " updated_at = ?, updated_by = ? WHERE id = ?",
                     (cleaned["name"], cleaned["scope"], cleaned.get("channel"), cleaned.get("head_office"),
                      cleaned.get("notes"), now_stamp(), by, account_id))


def delete_account(conn, account_id: int, by: str) -> None:
    """Delete the account with its stores, contacts, team, commitments, checks and volumes
    (the photos stay in the archive's evidence)."""
    with database.transaction(conn):
        require_account(conn, account_id)
        # Stores point at their region (RESTRICT): remove stores before regions.
        conn.execute("DELETE FROM ka_stores WHERE account_id = ? AND kind = 'store'", (account_id,))
        conn.execute("DELETE FROM key_accounts WHERE id = ?", (account_id,))


def require_account(conn, account_id: int) -> None:
    if conn.execute("SELECT 1 FROM key_accounts WHERE id = ?", (account_id,)).fetchone() is None:
        raise database.ArchiveError(translate("KeyAccounts", "Key account {id} is not in this archive; "
                                                             "'python main.py ka PATH' lists them.")
                                    .format(id=account_id))


def get_account(conn, account_id: int) -> Account:
    row = conn.execute("SELECT id, name, scope, channel, head_office, notes, created_at, created_by"
                       " FROM key_accounts WHERE id = ?", (account_id,)).fetchone()
    if row is None:
        require_account(conn, account_id)
    return Account(*row)


def accounts(conn) -> list[Account]:
    return name_order.by_pinyin((Account(*r) for r in conn.execute(
        "SELECT id, name, scope, channel, head_office, notes, created_at, created_by FROM key_accounts"
        " ORDER BY id")), lambda a: a.name)


# -- regions and stores ------------------------------------------------------------

@dataclass
class Store:
    id: int
    account_id: int
    kind: str
    code: str
    name: str
    parent_id: int | None
    address: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    notes: str | None

    @property
    def is_region(self) -> bool:
        return self.kind == REGION


STORE_FIELDS = ("kind", "code", "name", "parent", "address", "city", "latitude", "longitude", "notes")


def clean_store(values: dict) -> dict:
    """Normalise one store's or region's values (as typed or imported; ``parent`` is the
    region's code). Raises :class:`ValidationError` naming every bad field."""
    out, problems = {}, {}
    for key, raw in values.items():
        try:
            if key == "kind":
                out[key] = store_kind(raw)
            elif key in ("latitude", "longitude"):
                out[key] = normalize.coordinate(raw, latitude=key == "latitude")
            elif key in ("code", "name", "parent", "address", "city", "notes"):
                out[key] = _text(raw)
            else:
                raise normalize.Invalid(translate("KeyAccounts", "unknown field"))
        except normalize.Invalid as exc:
            problems[key] = str(exc)
    if "name" in values and not out.get("name") and "name" not in problems:
        problems["name"] = translate("KeyAccounts", "A store needs a name.")
    if "code" in values and not out.get("code") and "code" not in problems:
        problems["code"] = translate("KeyAccounts", "A store needs its code (the chain's store number).")
    if ("latitude" in out or "longitude" in out) and (out.get("latitude") is None) != (out.get("longitude") is None) \
            and "latitude" not in problems and "longitude" not in problems:
        problems["latitude"] = translate("KeyAccounts", "Give both latitude and longitude, or neither.")
    if out.get("kind") == REGION and out.get("parent"):
        problems["parent"] = translate("KeyAccounts", "A region sits directly under the head office; leave its "
                                                      "parent empty.")
    if problems:
        raise ValidationError(problems)
    return out


_REGION_WORDS = {"region", "大区", "区域", "片区", "区"}
_STORE_WORDS = {"store", "门店", "店", "分店", "卖场", "shop", ""}


def store_kind(value) -> str:
    """'region' or 'store' from a key or a word people write (大区, 门店 ...); empty means a store."""
    folded = (normalize.text(value) or "").lower()
    if folded in _REGION_WORDS:
        return REGION
    if folded in _STORE_WORDS:
        return STORE
    raise normalize.Invalid(translate("KeyAccounts", "'{value}' is neither a store (门店) nor a region (大区).")
                            .format(value=normalize.text(value)))


def _store_row(row) -> Store:
    return Store(*row)


_STORE_COLUMNS = "id, account_id, kind, code, name, parent_id, address, city, latitude, longitude, notes"


def stores(conn, account_id: int, kind: str | None = None) -> list[Store]:
    """The account's regions and stores, regions first, each by code."""
    sql = f"SELECT {_STORE_COLUMNS} FROM ka_stores WHERE account_id = ?"
    params: list = [account_id]
    if kind:
        sql += " AND kind = ?"
        params.append(kind)
    return [_store_row(r) for r in conn.execute(sql + " ORDER BY kind = 'store', code", params)]


def get_store(conn, store_id: int) -> Store:
    row = conn.execute(f"SELECT {_STORE_COLUMNS} FROM ka_stores WHERE id = ?", (store_id,)).fetchone()
    if row is None:
        raise database.ArchiveError(translate("KeyAccounts", "This store is no longer in the archive."))
    return _store_row(row)


def _region_id(conn, account_id: int, code: str | None) -> int | None:
    if not code:
        return None
    row = conn.execute("SELECT id, kind FROM ka_stores WHERE account_id = ? AND code = ?",
                       (account_id, code)).fetchone()
    if row is None or row[1] != REGION:
        raise ValidationError({"parent": translate("KeyAccounts", "There is no region with the code {code} in "
                                                                  "this account.").format(code=code)})
    return row[0]


def save_store(conn, account_id: int, values: dict, by: str, store_id: int | None = None) -> int:
    """Add a store or region (``store_id`` None) or change one; ``values`` as
    :func:`clean_store` takes them, ``parent`` the region's code. Returns the id."""
    values = {"kind": STORE, **values}
    cleaned = clean_store(values)
    with database.transaction(conn):
        require_account(conn, account_id)
        taken = conn.execute("SELECT id FROM ka_stores WHERE account_id = ? AND code = ?",
                             (account_id, cleaned["code"])).fetchone()
        if taken is not None and taken[0] != store_id:
            raise ValidationError({"code": translate("KeyAccounts", "The code {code} is already used in this "
                                                                    "account.").format(code=cleaned["code"])})
        parent = _region_id(conn, account_id, cleaned.get("parent"))
        if store_id is not None and cleaned["kind"] == STORE and conn.execute(
                "SELECT 1 FROM ka_stores WHERE parent_id = ?", (store_id,)).fetchone():
            raise ValidationError({"kind": translate("KeyAccounts", "This region still has stores; move them to "
                                                                    "another region first.")})
        row = (cleaned["kind"], cleaned["code"], cleaned["name"], parent, cleaned.get("address"),
               cleaned.get("city"), cleaned.get("latitude"), cleaned.get("longitude"), cleaned.get("notes"))
        if store_id is None:
            return conn.execute(
                "INSERT INTO ka_stores(kind, code, name, parent_id, address, city, latitude, longitude, notes,"
                " account_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*row, account_id, now_stamp(), by)).lastrowid
        if not conn.execute("UPDATE ka_stores SET kind = ?, code = ?, name = ?, parent_id = ?, address = ?,"
                            " city = ?, latitude = ?, longitude = ?, notes = ? WHERE id = ? AND account_id = ?",
                            (*row, store_id, account_id)).rowcount:
            raise database.ArchiveError(translate("KeyAccounts", "This store is no longer in the archive."))
        return store_id


def delete_store(conn, store_id: int, by: str) -> None:
    """Delete a store with its commitments and checks; a region only once it has no stores."""
    with database.transaction(conn):
        store = get_store(conn, store_id)
        if store.is_region and conn.execute("SELECT 1 FROM ka_stores WHERE parent_id = ?", (store_id,)).fetchone():
            raise database.ArchiveError(translate("KeyAccounts", "The region {name} still has stores; delete them "
                                                                 "or move them to another region first.")
                                        .format(name=store.name))
        conn.execute("DELETE FROM ka_stores WHERE id = ?", (store_id,))


# -- contacts and the KeyMan ---------------------------------------------------------

@dataclass
class Contact:
    id: int
    account_id: int
    name: str
    role: str | None
    phone: str | None
    store_id: int | None
    is_keyman: bool
    notes: str | None


def _clean_contact(values: dict) -> dict:
    out, problems = {}, {}
    for key in ("name", "role", "notes"):
        try:
            out[key] = _text(values.get(key))
        except normalize.Invalid as exc:
            problems[key] = str(exc)
    try:
        out["phone"] = normalize.phone(values.get("phone"))
    except normalize.Invalid as exc:
        problems["phone"] = str(exc)
    if not out.get("name") and "name" not in problems:
        problems["name"] = translate("KeyAccounts", "A contact needs a name.")
    out["store_id"] = values.get("store_id")
    out["is_keyman"] = bool(values.get("is_keyman"))
    if problems:
        raise ValidationError(problems)
    return out


def save_contact(conn, account_id: int, values: dict, by: str, contact_id: int | None = None) -> int:
    """Add or change a contact (name, role, phone, store_id, is_keyman, notes). Marking
    one the KeyMan unmarks the account's previous KeyMan in the same transaction."""
    cleaned = _clean_contact(values)
    with database.transaction(conn):
        require_account(conn, account_id)
        if cleaned["store_id"] is not None and conn.execute(
                "SELECT 1 FROM ka_stores WHERE id = ? AND account_id = ?",
                (cleaned["store_id"], account_id)).fetchone() is None:
            raise ValidationError({"store_id": translate("KeyAccounts", "The store is not one of this account's.")})
        if cleaned["is_keyman"]:
            conn.execute("UPDATE ka_contacts SET is_keyman = 0 WHERE account_id = ? AND is_keyman = 1",
                         (account_id,))
        row = (cleaned["name"], cleaned["role"], cleaned["phone"], cleaned["store_id"], int(cleaned["is_keyman"]),
               cleaned["notes"])
        if contact_id is None:
            return conn.execute("INSERT INTO ka_contacts(name, role, phone, store_id, is_keyman, notes, account_id)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?)", (*row, account_id)).lastrowid
        if not conn.execute("UPDATE ka_contacts SET name = ?, role = ?, phone = ?, store_id = ?, is_keyman = ?,"
                            " notes = ? WHERE id = ? AND account_id = ?", (*row, contact_id, account_id)).rowcount:
            raise database.ArchiveError(translate("KeyAccounts", "This contact is no longer in the archive."))
        return contact_id


def set_keyman(conn, contact_id: int, by: str) -> None:
    """Make this contact the account's KeyMan (the previous one is unmarked)."""
    with database.transaction(conn):
        row = conn.execute("SELECT account_id FROM ka_contacts WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise database.ArchiveError(translate("KeyAccounts", "This contact is no longer in the archive."))
        conn.execute("UPDATE ka_contacts SET is_keyman = 0 WHERE account_id = ? AND is_keyman = 1", (row[0],))
        conn.execute("UPDATE ka_contacts SET is_keyman = 1 WHERE id = ?", (contact_id,))


def delete_contact(conn, contact_id: int, by: str) -> None:
    with database.transaction(conn):
        conn.execute("DELETE FROM ka_contacts WHERE id = ?", (contact_id,))


def contacts(conn, account_id: int) -> list[Contact]:
    """The account's contacts, the KeyMan first."""
    found = name_order.by_pinyin((Contact(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7]) for r in conn.execute(
        "SELECT id, account_id, name, role, phone, store_id, is_keyman, notes FROM ka_contacts"
        " WHERE account_id = ? ORDER BY id", (account_id,))), lambda c: c.name, person=True)
    return sorted(found, key=lambda c: not c.is_keyman)     # stable: pinyin order after the KeyMan


def keyman(conn, account_id: int) -> Contact | None:
    found = [c for c in contacts(conn, account_id) if c.is_keyman]
    return found[0] if found else None


# -- the KA team ------------------------------------------------------------------

def set_team(conn, account_id: int, members: list[tuple[str, str]], by: str) -> None:
    """Replace the team with ``members`` ((role, person) pairs, in order). One account
    manager at most; the other roles may have several people."""
    problems, rows = {}, []
    for role, person in members:
        name = normalize.text(person)
        if not name:
            continue
        if role not in TEAM_ROLES:
            problems["role"] = translate("KeyAccounts", "'{role}' is not a role of the KA team.").format(role=role)
            continue
        rows.append((role, name))
    if sum(1 for role, _ in rows if role == "manager") > 1:
        problems["manager"] = translate("KeyAccounts", "A key account has one account manager; name the others "
                                                       "under service, operation or merchandiser.")
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        require_account(conn, account_id)
        conn.execute("DELETE FROM ka_team WHERE account_id = ?", (account_id,))
        conn.executemany("INSERT INTO ka_team(account_id, role, person, position) VALUES (?, ?, ?, ?)",
                         [(account_id, role, name, n) for n, (role, name) in enumerate(rows)])
        conn.execute("UPDATE key_accounts SET updated_at = ?, updated_by = ? WHERE id = ?",
                     (now_stamp(), by, account_id))


def team(conn, account_id: int) -> list[tuple[str, str]]:
    """(role, person) in the team's order, roles in the order of :data:`TEAM_ROLES`."""
    rows = conn.execute("SELECT role, person FROM ka_team WHERE account_id = ? ORDER BY position, id",
                        (account_id,)).fetchall()
    return sorted(((r[0], r[1]) for r in rows), key=lambda r: TEAM_ROLES.index(r[0]))


# -- merchandising commitments ------------------------------------------------------

@dataclass
class Commitment:
    id: int
    account_id: int
    store_id: int | None          # None: every store of the account
    kind: str
    description: str
    starts_on: str | None
    ends_on: str | None

    def applies_on(self, day: str) -> bool:
        return (self.starts_on is None or self.starts_on <= day) and (self.ends_on is None or day <= self.ends_on)

    def period_text(self) -> str:
        if not self.starts_on and not self.ends_on:
            return translate("KeyAccounts", "ongoing")
        return f"{self.starts_on or '…'} – {self.ends_on or '…'}"


def save_commitment(conn, account_id: int, values: dict, by: str, commitment_id: int | None = None) -> int:
    """Add or change a commitment (store_id or None for all stores, kind, description,
    starts_on, ends_on)."""
    problems, out = {}, {}
    if values.get("kind") not in COMMITMENT_KINDS:
        problems["kind"] = translate("KeyAccounts", "Choose what is committed: display, promotion, point-of-sale "
                                                    "material or shopper guidance.")
    try:
        out["description"] = _text(values.get("description"))
    except normalize.Invalid as exc:
        problems["description"] = str(exc)
    if not out.get("description") and "description" not in problems:
        problems["description"] = translate("KeyAccounts", "Describe what is committed (e.g. 'end cap at the "
                                                           "entrance, 2 m').")
    for key in ("starts_on", "ends_on"):
        try:
            out[key] = normalize.iso_date(values.get(key))
        except normalize.Invalid as exc:
            problems[key] = str(exc)
    if out.get("starts_on") and out.get("ends_on") and out["ends_on"] < out["starts_on"]:
        problems["ends_on"] = translate("KeyAccounts", "The commitment ends before it starts.")
    if problems:
        raise ValidationError(problems)
    store_id = values.get("store_id")
    with database.transaction(conn):
        require_account(conn, account_id)
        if store_id is not None and conn.execute(
                "SELECT 1 FROM ka_stores WHERE id = ? AND account_id = ? AND kind = 'store'",
                (store_id, account_id)).fetchone() is None:
            raise ValidationError({"store_id": translate("KeyAccounts", "Choose one of this account's stores, or "
                                                                        "all stores.")})
        row = (store_id, values["kind"], out["description"], out["starts_on"], out["ends_on"])
        if commitment_id is None:
            return conn.execute("INSERT INTO ka_commitments(store_id, kind, description, starts_on, ends_on,"
                                " account_id) VALUES (?, ?, ?, ?, ?, ?)", (*row, account_id)).lastrowid
        conn.execute("UPDATE ka_commitments SET store_id = ?, kind = ?, description = ?, starts_on = ?,"
                     " ends_on = ? WHERE id = ? AND account_id = ?", (*row, commitment_id, account_id))
        return commitment_id


def delete_commitment(conn, commitment_id: int, by: str) -> None:
    """Delete a commitment; the checks made against it keep what it said."""
    with database.transaction(conn):
        conn.execute("DELETE FROM ka_commitments WHERE id = ?", (commitment_id,))


def commitments(conn, account_id: int, store_id: int | None = None, on: str | date | None = None,
                include_all_stores: bool = True) -> list[Commitment]:
    """The account's commitments; with ``store_id`` those for that store (and, unless
    ``include_all_stores`` is false, those for every store); with ``on`` only those in
    force that day. Ordered by kind, then as entered."""
    sql = "SELECT id, account_id, store_id, kind, description, starts_on, ends_on FROM ka_commitments" \
          " WHERE account_id = ?"
    params: list = [account_id]
    if store_id is not None:
        sql += " AND (store_id = ?" + (" OR store_id IS NULL)" if include_all_stores else ")")
        params.append(store_id)
    found = [Commitment(*r) for r in conn.execute(sql + " ORDER BY id", params)]
    if on is not None:
        day = on.isoformat() if isinstance(on, date) else str(on)
        found = [c for c in found if c.applies_on(day)]
    return sorted(found, key=lambda c: COMMITMENT_KINDS.index(c.kind))


def store_counts(conn) -> dict[int, int]:
    """account id → how many stores (not regions) it has."""
    return dict(conn.execute("SELECT account_id, count(*) FROM ka_stores WHERE kind = 'store'"
                             " GROUP BY account_id").fetchall())
