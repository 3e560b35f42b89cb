"""The seed's grading fields on the customer record (seed 002, DOMAIN.md §2a, §2b):
size (规模), potential amount (潜在需求金额), own supply channel (自有渠道), scarce
resources (稀缺资源), deal status (已成交 / 正在谈判 / 潜在), the date by which the
customer must be handled (its urgency: 紧急 / 缓急 / 不紧急 / 可慢反应), and the KeyMan
(name, role, phone) of a household customer.

Existing KeyMan tags migrate: a customer whose tags (or notes) name the KeyMan gets
the KeyMan field; its name is what follows "KeyMan:" in the notes or tags when given,
else "KeyMan" (the tag said there is one, not who), and the tag leaves the tags.
"""
import re

from model.archive.database import execute_script

_TAG = re.compile(r"(?<![A-Za-z])keyman(?![A-Za-z])", re.IGNORECASE)
_NAMED = re.compile(r"(?<![A-Za-z])keyman\s*[:：=]\s*([^\s,，;；。]+)", re.IGNORECASE)
_SPLIT = re.compile(r"[,，;；、]")


def _keyman_name(tags: str | None, notes: str | None) -> str | None:
    for text in (notes, tags):
        found = _NAMED.search(text or "")
        if found:
            return found.group(1)
    if any(_TAG.search(text or "") for text in (tags, notes)):
        return "KeyMan"
    return None


def _without_tag(tags: str | None) -> str | None:
    if not tags:
        return tags
    kept = [t.strip() for t in _SPLIT.split(tags) if t.strip() and not _TAG.search(t)]
    return ",".join(kept) or None


def upgrade(conn):
    execute_script(conn, """
    ALTER TABLE customers ADD COLUMN size TEXT;              -- 'large' / 'medium' / 'small' / NULL
    ALTER TABLE customers ADD COLUMN potential_amount REAL;  -- estimated potential amount (潜在需求金额)
    ALTER TABLE customers ADD COLUMN own_channel INTEGER;    -- 1 has its own supply channel, 0 not, NULL unknown
    ALTER TABLE customers ADD COLUMN scarce_resources INTEGER;  -- 1 holds scarce resources, 0 not, NULL unknown
    ALTER TABLE customers ADD COLUMN deal_status TEXT;       -- 'closed' / 'negotiating' / 'potential' / NULL
    ALTER TABLE customers ADD COLUMN handle_by TEXT;         -- ISO date the customer must be handled by
    ALTER TABLE customers ADD COLUMN keyman_name TEXT;       -- the KeyMan (decision maker) of the customer
    ALTER TABLE customers ADD COLUMN keyman_role TEXT;
    ALTER TABLE customers ADD COLUMN keyman_phone TEXT;
    """)
    rows = conn.execute("SELECT id, tags, notes FROM customers WHERE tags LIKE '%keyman%'"
                        " OR notes LIKE '%keyman%'").fetchall()
    stamp = conn.execute("SELECT strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')").fetchone()[0]
    for row in rows:
        cid, tags, notes = row[0], row[1], row[2]
        name = _keyman_name(tags, notes)
        if name is None:
            continue
        new_tags = _without_tag(tags)
        conn.execute("UPDATE customers SET keyman_name = ?, tags = ? WHERE id = ?", (name, new_tags, cid))
        conn.executemany(
            "INSERT INTO customer_history(customer_id, changed_at, changed_by, field, old_value, new_value)"
            " VALUES (?, ?, 'upgrade', ?, ?, ?)",
            [(cid, stamp, "keyman_name", None, name)] + ([(cid, stamp, "tags", tags, new_tags)]
                                                         if new_tags != tags else []))
