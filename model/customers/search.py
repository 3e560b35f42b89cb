"""Instant customer search: by name, pinyin, phone digits and area, ranked.

What a query finds, best first (ties in pinyin order, :func:`sort_key`, then by id):

1. the exact name, 2. names starting with it, 3. names containing it
   (any length: one Chinese character is enough);
4. pinyin from the start of the name: full (``zhangsanfeng``), initials
   (``zsf``), full surname with initials (``zhangsf``), and any prefix of
   these (``zhangs``, ``zs``); 5. the same from a later syllable
   (``sanfeng``, ``sf``). Tone-less, case-insensitive, spaces ignored. The
   surname (first character, or a compound surname) is indexed under every
   reading in ``resources/rules/surname_readings.json`` (单 shan/dan, 曾
   zeng/ceng, ...) and, for characters not listed there, every reading
   pypinyin knows; other characters under pypinyin's reading in context;
6. any 4 or more consecutive digits of the phone or second phone;
7. the area's name containing it.

Deleted customers never appear.

How it stays fast and current:

* ``search_index`` (migration m0002) holds per customer what the search needs:
  name, phones, area, deleted or not, and the pinyin keys (computed in Python
  with pypinyin, the slow part). Plain-SQL triggers on ``customers`` and
  ``areas`` add the ids of changed customers to ``search_dirty``, so whoever
  writes customers (editor, import, demo builder, any SQLite tool) needs to
  know nothing about search; :func:`refresh` indexes them.
* :class:`CustomerSearch` reads that table in one aggregate query into numpy
  arrays ordered by (pinyin sort key, id): the names joined in one string searched at C
  speed, the pinyin keys sorted (a prefix is a binary search), the phones in
  one string. A query marks its hits per rank class in boolean arrays, so even
  one common character among 100,000 customers gives the ranked top N and the
  total in a few milliseconds.
* Customers changed since (dirty, or refreshed by another connection) are read
  live from ``customers`` and kept beside the arrays, matched in Python; past
  :attr:`CustomerSearch.MAX_CHANGED` of them the arrays are rebuilt.
  ``find()`` looks for such changes itself (``PRAGMA data_version`` plus the
  connection's own change count: a few microseconds when nothing changed).

Use from the GUI: when the archive opens, in a worker, ``refresh(conn)`` (fast
when little is pending; seconds after a new demo or an import into an older
archive) and then ``CustomerSearch(conn)`` (about 0.4 s for 100,000
customers); :meth:`CustomerSearch.attach` the GUI thread's connection and hand
it over. Call ``find()`` on every keystroke. After the editor saves,
``find()`` shows the change at once. After a bulk write (import) run
:func:`refresh` in a worker and then build a new ``CustomerSearch`` there too
(``find()`` would otherwise rebuild its arrays on the GUI thread); until the
refresh, ``update()`` returns, and :attr:`CustomerSearch.behind` holds, how
many changed customers are not yet searchable.

Threads: a :class:`CustomerSearch` belongs to one thread and uses its
connection only there (it is not locked). :func:`refresh` may run at the same
time in a worker on its own connection (refreshes in one process take turns);
its results become visible to ``find()`` when it commits.
"""
from __future__ import annotations

import operator
import re
from model.archive.database import sqlite3
import sys
import unicodedata
from dataclasses import dataclass, field

import numpy as np

# The keys of a name and the index's upkeep live in their own modules; search.<name>
# stays the way in for every public name of theirs.
from model.customers.search_index import LIVE_COLUMNS, META_KEY, pending, refresh  # noqa: F401
from model.core.pinyin_keys import (  # noqa: F401
    HAN, KEY_FORMAT, KEY_MAX, fingerprint, fold, name_keys, readings, sort_key,
)


# Rank classes, best first, and the kind of match each one reports.
EXACT, PREFIX, SUBSTRING, PINYIN, PINYIN_LATER, PHONE, AREA = range(7)
KIND = ("name", "name", "name", "pinyin", "pinyin", "phone", "area")

_HAS_HAN = re.compile(f"[{HAN}]")
_PINYIN_QUERY = re.compile(r"[0-9a-z]*[a-z][0-9a-z]*")
_PHONE_QUERY = re.compile(r"[0-9]{4,}")
_PHONE_NOISE = re.compile(r"[\s\-()+.]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# -- queries ----------------------------------------------------------------------

def normalize_query(text: str | None) -> str:
    """NFKC (full-width becomes half-width), control characters and extra spaces
    removed, trimmed, lower case."""
    text = unicodedata.normalize("NFKC", text or "")
    return " ".join(_CONTROL.sub(" ", text).split()).lower()


@dataclass(frozen=True)
class _Query:
    name: str            # matched against names and area names
    pinyin: str | None   # matched against pinyin keys
    phone: str | None    # 4+ digits matched against phones

    @classmethod
    def parse(cls, normalized: str) -> "_Query":
        name = normalized.replace(" ", "") if _HAS_HAN.search(normalized) else normalized
        spelled = re.sub(r"[\s']", "", normalized).replace("ü", "v")
        pinyin_q = spelled[:KEY_MAX] if _PINYIN_QUERY.fullmatch(spelled) else None
        digits = _PHONE_NOISE.sub("", normalized)
        if len(digits) == 13 and digits.startswith("86"):
            digits = digits[2:]
        phone = digits if _PHONE_QUERY.fullmatch(digits) else None
        return cls(name, pinyin_q, phone)


@dataclass(frozen=True)
class SearchResult:
    """Ranked ids (at most the limit asked for), how many matched in all, and
    per id the kind of match: 'name', 'pinyin', 'phone' or 'area'."""
    ids: list[int]
    total: int
    kinds: list[str]
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def reason(self, customer_id: int) -> str | None:
        if not self._by_id and self.ids:
            self._by_id.update(zip(self.ids, self.kinds))
        return self._by_id.get(customer_id)


@dataclass(slots=True)
class _Entry:
    """A customer changed since the arrays were built, matched in Python."""
    id: int
    name: str
    key: str
    folded: str
    phones: str
    area_id: int
    whole: tuple[str, ...]
    later: tuple[str, ...]

    def rank(self, q: _Query, areas: set[int]) -> int | None:
        if q.name == self.folded:
            return EXACT
        if self.folded.startswith(q.name):
            return PREFIX
        if q.name in self.folded:
            return SUBSTRING
        if q.pinyin:
            if any(k.startswith(q.pinyin) for k in self.whole):
                return PINYIN
            if any(k.startswith(q.pinyin) for k in self.later):
                return PINYIN_LATER
        if q.phone and q.phone in self.phones:
            return PHONE
        if self.area_id in areas:
            return AREA
        return None


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text


def _joined(parts: list[str]) -> tuple[str, np.ndarray, np.ndarray]:
    """``"\\0a\\0b\\0"`` with where each part starts and how long it is."""
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    starts = np.ones(len(parts), dtype=np.int64)
    if len(parts) > 1:
        starts[1:] += np.cumsum(lengths[:-1] + 1)
    return "\0".join(["", *parts, ""]), starts, lengths


def _sorted_keys(blob: str, owner_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The keys of all customers ("k1 k2|k3||k4 k5", one group per customer in
    row order) sorted, with the position of each key's customer."""
    tokens = np.array(blob.replace("|", " | ").split() or [""], dtype="S")
    bar = tokens == b"|"
    rows = np.cumsum(bar)
    keep = ~bar & (tokens != b"")
    if len(owner_of) and rows[-1] != len(owner_of) - 1:
        raise ValueError("key groups do not match the customers")
    keys, owners = tokens[keep], owner_of[rows[keep]].astype(np.int32)
    order = np.argsort(keys, kind="stable")
    return keys[order], owners[order]


def _prefix_range(keys: np.ndarray, prefix: str) -> slice:
    if not len(keys) or len(prefix) > keys.dtype.itemsize:
        return slice(0, 0)
    low = prefix.encode("ascii")
    high = low[:-1] + bytes([low[-1] + 1])  # keys are [0-9a-z]: one past the last letter
    return slice(int(np.searchsorted(keys, low, "left")), int(np.searchsorted(keys, high, "left")))


class CustomerSearch:
    """The search over one archive. ``find()`` picks up committed changes itself."""

    MAX_CHANGED = 5000   # changed customers matched in Python before the arrays are rebuilt
    MAX_COMPUTE = 2000   # new names whose pinyin update() computes; more wait for refresh()

    _MARKS = """SELECT (SELECT coalesce(max(seq), 0) FROM search_index),
                       (SELECT coalesce(max(id), 0) FROM search_dirty),
                       (SELECT count(DISTINCT customer_id) FROM search_dirty)"""
    # The whole index in one row (SQLite joins the strings; few Python objects).
    _FROM_INDEX = """
        SELECT count(*), group_concat(customer_id), group_concat(name, char(31)),
               group_concat(coalesce(sort_key, name), char(31)),
               group_concat(phones, char(31)), group_concat(area_id),
               group_concat(whole, '|'), group_concat(later, '|')
        FROM (SELECT customer_id, name, sort_key, phones, area_id, whole, later FROM search_index
              WHERE active = 1 ORDER BY sort_key, customer_id)"""
    _FROM_CUSTOMERS = f"""
        SELECT {LIVE_COLUMNS}, s.sort_key FROM (SELECT id AS cid FROM customers WHERE deleted_at IS NULL) x
        JOIN customers c ON c.id = x.cid LEFT JOIN search_index s ON s.customer_id = x.cid"""
    _CHANGES = f"""
        SELECT {LIVE_COLUMNS}, s.seq, x.dirty, s.sort_key
        FROM (SELECT customer_id AS cid, NULL AS dirty FROM search_index WHERE seq > ?
              UNION ALL SELECT customer_id, id FROM search_dirty WHERE id > ?) x
        LEFT JOIN customers c ON c.id = x.cid
        LEFT JOIN search_index s ON s.customer_id = x.cid"""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.behind = 0  # changed customers not yet searchable (waiting for refresh())
        self._load()

    def attach(self, conn: sqlite3.Connection) -> None:
        """Use ``conn`` (the calling thread's connection) from now on."""
        self.conn = conn
        self._version = None

    # -- building -------------------------------------------------------------
    def _cursor(self) -> sqlite3.Cursor:
        cur = self.conn.cursor()
        cur.row_factory = None
        return cur

    def _load(self) -> None:
        """Build the arrays from the index table, and take in what it lacks
        (from the customers table instead when much is not yet indexed)."""
        self._version = self._data_version()
        seq, last_dirty, waiting = self._cursor().execute(self._MARKS).fetchone()
        self._load_areas()
        if waiting <= self.MAX_CHANGED and self._build_from_index():
            self._seq, self._dirty_id = seq, 0
        else:
            self._build_from_customers()
            self._seq, self._dirty_id = seq, last_dirty
        self._absorb(limit=None, rebuild=False)

    def _build_from_index(self) -> bool:
        count, ids, names, keys, phones, areas, whole, later = self._cursor().execute(
            self._FROM_INDEX).fetchone()
        if not count:
            self._build(np.zeros(0, np.int64), [], [], [], np.zeros(0, np.int64), "", "")
            return True
        names, keys, phones = names.split("\x1f"), keys.split("\x1f"), phones.split("\x1f")
        if len(names) != count or len(keys) != count or len(phones) != count:
            return False  # a name holding the separator: read row by row instead
        self._build(np.array(ids.split(","), dtype=np.int64), names, keys, phones,
                    np.array(areas.split(","), dtype=np.int64), whole, later)
        return True

    def _build_from_customers(self) -> None:
        rows = self._cursor().execute(self._FROM_CUSTOMERS).fetchall()
        keys = [(r[6], r[7]) if r[5] == r[1] and r[6] is not None else name_keys(r[1])
                for r in rows]
        order_keys = [r[8] if r[5] == r[1] and r[8] is not None else sort_key(r[1]) for r in rows]
        self._build(np.array([r[0] for r in rows], dtype=np.int64), [r[1] for r in rows],
                    order_keys, [r[2] for r in rows], np.array([r[3] for r in rows], dtype=np.int64),
                    "|".join(k[0] for k in keys), "|".join(k[1] for k in keys))

    def _build(self, ids: np.ndarray, names: list[str], keys: list[str], phones: list[str],
               area_ids: np.ndarray, whole: str, later: str) -> None:
        """The arrays, in (sort key, id) order; ``whole``/``later`` hold one key group per row."""
        position = np.arange(len(ids))
        if any(map(operator.gt, keys, keys[1:])) or not _ids_ascend_within_names(keys, ids):
            order = sorted(range(len(ids)), key=lambda i: (keys[i], int(ids[i])))
            position[order] = np.arange(len(ids))
            names, phones = [names[i] for i in order], [phones[i] for i in order]
            ids, area_ids = ids[order], area_ids[order]
        self.ids = ids
        self._names, self._name_starts, self._name_lengths = _joined(names)
        self._folded = _lower_same_length(self._names)
        self._phones, self._phone_starts, _ = _joined(phones)
        self._area_ids = area_ids
        self._whole, self._whole_owner = _sorted_keys(whole, position)
        self._later, self._later_owner = _sorted_keys(later, position)
        self._by_id = np.argsort(ids)
        self._dead = np.zeros(len(ids), dtype=bool)   # rows superseded by self._changed
        self._changed: dict[int, _Entry] = {}

    def _load_areas(self) -> None:
        self._areas = {aid: _lower_same_length(normalize_query(name))
                       for aid, name in self._cursor().execute("SELECT id, name FROM areas")}

    def memory_bytes(self) -> int:
        """Roughly what the in-memory index holds (for the benchmark)."""
        arrays = (self.ids, self._name_starts, self._name_lengths, self._phone_starts,
                  self._area_ids, self._whole, self._whole_owner, self._later, self._later_owner,
                  self._by_id, self._dead)
        strings = {id(s): s for s in (self._names, self._folded, self._phones)}
        return sum(a.nbytes for a in arrays) + sum(sys.getsizeof(s) for s in strings.values())

    def _data_version(self):
        return (self.conn.execute("PRAGMA data_version").fetchone()[0], self.conn.total_changes)

    # -- following changes ----------------------------------------------------
    def update(self) -> int:
        """Take in what was committed since the last look; returns how many
        changed customers are still not searchable (too many new names to
        compute here: run :func:`refresh` in a worker, then call this again)."""
        if self.conn.in_transaction:
            return self.behind
        version = self._data_version()
        if version == self._version:
            return self.behind
        self._version = version
        self._load_areas()
        return self._absorb(limit=self.MAX_COMPUTE, rebuild=True)

    def _absorb(self, limit: int | None, rebuild: bool) -> int:
        rows = self._cursor().execute(self._CHANGES, (self._seq, self._dirty_id)).fetchall()
        latest = {r[0]: r for r in rows}
        to_compute = {r[1] for r in latest.values() if r[4] and (r[5] != r[1] or r[6] is None)}
        if limit is not None and len(to_compute) > limit:
            self.behind = len(latest)
            return self.behind
        if rebuild and len(self._changed) + len(latest) > self.MAX_CHANGED:
            self._load()
            return self.behind
        for cid, name, phones, area_id, active, indexed, whole, later, _, _, key in latest.values():
            self._changed.pop(cid, None)
            pos = self._position(cid)
            if pos is not None:
                self._dead[pos] = True
            if not active:
                continue
            if indexed != name or whole is None:
                whole, later = name_keys(name)
            if indexed != name or key is None:
                key = sort_key(name)
            self._changed[cid] = _Entry(cid, name, key, _lower_same_length(name), phones, area_id,
                                        tuple(whole.split()), tuple(later.split()))
        self._seq = max([self._seq] + [r[8] for r in rows if r[8] is not None])
        self._dirty_id = max([self._dirty_id] + [r[9] for r in rows if r[9] is not None])
        self.behind = 0
        return 0

    def _position(self, customer_id: int) -> int | None:
        if not len(self.ids):
            return None
        i = int(np.searchsorted(self.ids, customer_id, sorter=self._by_id))
        if i < len(self.ids) and self.ids[self._by_id[i]] == customer_id:
            return int(self._by_id[i])
        return None

    # -- searching ------------------------------------------------------------
    def _name_at(self, pos: int) -> str:
        start = int(self._name_starts[pos])
        return self._names[start:start + int(self._name_lengths[pos])]

    def _hits(self, q: _Query, area_ids: list[int]) -> list[np.ndarray | None]:
        """Per rank class, the loaded customers that match: their positions (in
        sort-key order), or a mask over all positions."""
        found: list[np.ndarray | None] = [None] * len(KIND)
        if q.name:
            at = np.fromiter((m.start() for m in re.finditer(re.escape(q.name), self._folded)),
                             dtype=np.int64)
            if len(at):
                owner = np.searchsorted(self._name_starts, at, "right") - 1
                prefix = at == self._name_starts[owner]
                exact = prefix & (self._name_lengths[owner] == len(q.name))
                found[EXACT] = owner[exact]
                found[PREFIX] = owner[prefix & ~exact]
                found[SUBSTRING] = owner[~prefix]
        if q.pinyin:
            found[PINYIN] = self._whole_owner[_prefix_range(self._whole, q.pinyin)]
            found[PINYIN_LATER] = self._later_owner[_prefix_range(self._later, q.pinyin)]
        if q.phone:
            at = np.fromiter((m.start() for m in re.finditer(q.phone, self._phones)), dtype=np.int64)
            found[PHONE] = np.searchsorted(self._phone_starts, at, "right") - 1
        if area_ids and len(self.ids):
            wanted = np.zeros(max(max(area_ids), int(self._area_ids.max())) + 1, dtype=bool)
            wanted[area_ids] = True
            found[AREA] = wanted[self._area_ids]
        return found

    def find(self, query: str, limit: int = 500) -> SearchResult:
        """The customers matching ``query``, best first (empty query: nothing)."""
        self.update()
        normalized = normalize_query(query)
        if not normalized:
            return SearchResult([], 0, [])
        q = _Query.parse(normalized)
        area_ids = [aid for aid, name in self._areas.items() if q.name in name]
        area_set = set(area_ids)
        changed: list[list[tuple[str, int]]] = [[] for _ in KIND]
        for entry in self._changed.values():
            rank = entry.rank(q, area_set)
            if rank is not None:
                changed[rank].append((entry.key, entry.id))
        taken = self._dead.copy()
        ids: list[int] = []
        kinds: list[str] = []
        total = 0
        for rank, hits in enumerate(self._hits(q, area_ids)):
            extra = sorted(changed[rank])
            total += len(extra)
            if hits is not None and len(hits):
                if hits.dtype == bool:
                    mask = hits
                else:
                    mask = np.zeros(len(self.ids), dtype=bool)
                    mask[hits] = True
                mask &= ~taken
                taken |= mask
                count = int(np.count_nonzero(mask))
                total += count
                room = limit - len(ids)
                if room > 0 and count:
                    top = np.flatnonzero(mask)[:room]
                    if extra:
                        extra = sorted(extra + [(sort_key(self._name_at(p)), int(self.ids[p]))
                                                for p in top])
                    else:
                        ids.extend(self.ids[top].tolist())
                        kinds.extend([KIND[rank]] * len(top))
            room = max(0, limit - len(ids))
            ids.extend(cid for _, cid in extra[:room])
            kinds.extend([KIND[rank]] * min(room, len(extra)))
        return SearchResult(ids, total, kinds)


def _ids_ascend_within_names(names: list[str], ids: np.ndarray) -> bool:
    """Rows already in (sort key) order: are equal keys in id order?"""
    if len(ids) < 2:
        return True
    same = np.fromiter(map(operator.eq, names, names[1:]), dtype=bool, count=len(names) - 1)
    return bool(np.all(ids[1:][same] > ids[:-1][same]))


def name_matches(name: str | None, query: str | None) -> bool:
    """Whether ``query`` finds ``name`` the way the customer search does, for the smaller
    lists that filter in memory (the add-to-plan picker, ...): part of the name, or pinyin
    (full, initials, or mixed, ``zhangsf``) from the start of the name or of a later
    syllable. An empty query finds everything."""
    normalized = normalize_query(query)
    if not normalized:
        return True
    q = _Query.parse(normalized)
    if q.name and q.name in fold(name or ""):
        return True
    if q.pinyin:
        whole, later = name_keys(name or "")
        return any(key.startswith(q.pinyin) for key in f"{whole} {later}".split())
    return False
