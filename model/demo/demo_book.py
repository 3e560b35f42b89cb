"""The demo book's generator: the world (areas, managers), the customers chunk by
chunk with their transactions and contacts, then the features' demo data
(model.demo.demo_marketing, demo_partners, ...). :func:`fill` is called by
model.demo.demo.build_demo inside its one transaction."""
from __future__ import annotations

import math
from datetime import date

import numpy as np

from model.core import rules
from model.core.i18n import translate
from model.core.progress import Progress
from model.demo.demo_history import RECENT_DAYS as RECENT_HISTORY_DAYS
from model.demo.demo_words import (
    AGE_YEARS, AREA_NAMES, AREA_RADIUS_KM, AREA_TYPE_RING, AREA_TYPE_SHARE, CATALOGUE, CENTRE, CHANNELS,
    CHANNEL_MIX, CHUNK, CITY, CITY_RADIUS_KM, COMPLAINTS, CONTACT_PURPOSES, CONTACT_RESULTS,
    CUSTOMERS_PER_MANAGER, DIMENSION_SPREAD, DISTRICTS, EMPLOYER_TRADES, EMPLOYER_WORDS, FEMALE_CHARS,
    HOSPITALS, MALE_CHARS, MOBILE_PREFIXES, NEEDS, NEXT_STEPS, NOTES, OCCUPATIONS, PRODUCTS_HELD, ROADS,
    SOURCES, SURNAME_CHARS, SURNAME_WEIGHTS, TAGS, WEALTH_SPREAD,
)


class _Days:
    """ISO strings for day numbers (ordinals), looked up from a table built once."""

    def __init__(self, first: int, last: int):
        self.first = first
        self.table = np.array([date.fromordinal(o).isoformat() for o in range(first, last + 1)],
                              dtype=object)

    def iso(self, ordinals: np.ndarray) -> np.ndarray:
        return self.table[ordinals - self.first]


def _weights(codes: list, weights: dict | None, known: set | frozenset = frozenset()) -> np.ndarray | None:
    """Probabilities for ``codes`` (the rules' codes, which a branch may have changed);
    None when the table names none of them. A code no table here knows (``known``)
    is one a branch added: it gets the rarest weight, so it shows up."""
    if weights is None:
        return None
    rarest = min((v for k, v in weights.items() if k is not None and v > 0), default=0.0)
    w = np.array([float(weights.get(c, 0.0 if c in known or c is None else rarest)) for c in codes])
    if w.sum() <= 0:
        return None
    return w / w.sum()


def _is_none(values: np.ndarray) -> np.ndarray:
    return np.fromiter((v is None for v in values.tolist()), dtype=bool, count=len(values))


def _is_in(values: np.ndarray, wanted) -> np.ndarray:
    wanted = set(wanted)
    return np.fromiter((v in wanted for v in values.tolist()), dtype=bool, count=len(values))


def _choose(rng: np.random.Generator, pool, size: int, p=None) -> np.ndarray:
    """``size`` items of ``pool`` as an object array."""
    items = np.empty(len(pool), dtype=object)
    items[:] = list(pool)
    return items[rng.choice(len(pool), size=size, p=p)]


def fill(conn, n: int, seed: int, as_of: date, progress: Progress) -> dict:
    """Fill the empty archive on ``conn`` with a demo book of ``n`` customers (inside the
    caller's transaction); returns the counts (see model.demo.demo.build_demo)."""
    rng = np.random.default_rng(seed)
    today = as_of.toordinal()
    days = _Days(today - 100 * 366, today + 366)
    world = _make_world(rng, n)
    _write_areas(conn, world)
    phones = _unique_mobiles(rng, n)

    total = n
    counts = {"customers": 0, "areas": len(world["names"]), "managers": len(world["managers"]),
              "transactions": 0, "contacts": 0, "red_list": 0}
    progress.report(0, total, translate("Demo", "Writing customers…"))
    for start in range(0, n, CHUNK):
        progress.check()
        ids = np.arange(start + 1, min(n, start + CHUNK) + 1)
        chunk = _customers(rng, ids, world, phones[start:start + len(ids)], days, today)
        _write_customers(conn, chunk)
        counts["customers"] += len(ids)
        counts["red_list"] += int(chunk["red"].sum())
        progress.check()
        counts["transactions"] += _write_transactions(conn, rng, chunk, days, today)
        progress.check()
        counts["contacts"] += _write_contacts(conn, rng, chunk, days, today)
        progress.report(counts["customers"], total, translate("Demo", "Writing customers…"))

    from model.demo.demo_marketing import add_marketing
    marketing = add_marketing(conn, rng, as_of)
    counts["transactions"] += marketing["transactions"]
    counts["circles"], counts["promotions"] = marketing["circles"], marketing["promotions"]
    from model.demo.demo_partners import add_partners   # its own random stream: the others' stay as they were
    counts.update(add_partners(conn, np.random.default_rng([seed, 101]), as_of))
    from model.demo.demo_ka import add_key_accounts
    counts.update(add_key_accounts(conn, rng, as_of))
    from model.demo.demo_opportunity import add_opportunities   # its own random stream, as the partners
    counts.update(add_opportunities(conn, np.random.default_rng([seed, 16]), as_of))
    from model.demo.demo_seed_grading import add_seed_grading   # its own random stream, as the partners
    seeded = add_seed_grading(conn, np.random.default_rng([seed, 19]), as_of)
    counts["contacts"] += seeded.pop("senior_calls", 0)
    counts.update(seeded)
    counts["contacts"] += _worked_book(conn, seed, as_of)
    from model.demo.demo_care import add_care   # its own random stream, as the partners
    counts.update(add_care(conn, np.random.default_rng([seed, 2020]), as_of))
    from model.demo.demo_lifecycle import add_older_history   # its own random stream, last: nothing above depends on it
    counts["transactions"] += add_older_history(conn, np.random.default_rng([seed, 21]), as_of, CATALOGUE)
    conn.executemany("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                     [("demo", "1"), ("demo_seed", str(seed)), ("demo_as_of", as_of.isoformat())])
    return counts


def _worked_book(conn, seed: int, as_of: date) -> int:
    """The manager's contacts of the last months, kept to the book's cadences (issue 16):
    most customers contacted within their interval, a few overdue. Its own random
    stream, after everything the cadences depend on (tiers, opportunity grades)."""
    from model.demo.demo_history import add_recent_contacts
    return add_recent_contacts(conn, np.random.default_rng([seed, 1616]), as_of)


def _make_world(rng: np.random.Generator, n: int) -> dict:
    """Areas (of every type, with coordinates) and the managers who hold them."""
    types = [t.key for t in rules.area_types()]
    n_managers = max(1, round(n / CUSTOMERS_PER_MANAGER))
    n_areas = max(2 * len(types), min(3000, n // 40))
    share = np.array([AREA_TYPE_SHARE.get(t, 0.08) for t in types])
    per_type = np.maximum(1, np.floor(share / share.sum() * n_areas)).astype(int)

    names, kinds, radii = [], [], []
    for type_index, key in enumerate(types):
        wanted = int(per_type[type_index])
        names.extend(_area_names(rng, key, wanted))
        kinds.extend([type_index] * wanted)
        low, high = AREA_TYPE_RING.get(key, (0.0, 1.0))
        radii.extend(CITY_RADIUS_KM * np.sqrt(rng.uniform(low * low, high * high, wanted)))
    count = len(names)
    kinds = np.array(kinds)
    angle = rng.uniform(0, 2 * math.pi, count)
    radii = np.array(radii)
    lat, lon = _offset(CENTRE[0], CENTRE[1], radii * np.sin(angle), radii * np.cos(angle))
    # Each manager holds a wedge of the city, so one trip covers neighbouring areas.
    order = np.argsort(angle, kind="stable")
    manager_of = np.empty(count, dtype=np.int64)
    manager_of[order] = np.arange(count) * n_managers // count
    size = rng.lognormal(0.0, 0.7, count)
    if "community" in types:  # people live in compounds: they are the big areas
        size[kinds == types.index("community")] *= 2.0
    return {
        "types": types, "names": names, "kinds": kinds, "lat": np.round(lat, 6),
        "lon": np.round(lon, 6), "manager_of": manager_of, "weight": size / size.sum(),
        "district": rng.integers(0, len(DISTRICTS), count),
        "road": rng.integers(0, len(ROADS), count),
        "managers": _manager_names(rng, n_managers),
    }


def _area_names(rng: np.random.Generator, key: str, wanted: int) -> list[str]:
    if key in AREA_NAMES:
        prefixes, suffixes = (part.split() for part in AREA_NAMES[key])
        pool = [p + s for p in prefixes for s in suffixes]
    else:  # an area type a branch added: name it after its label
        label = next(t.label_zh for t in rules.area_types() if t.key == key)
        pool = [f"{d[:-1]}{label}" for d in DISTRICTS]
    pool = [pool[i] for i in rng.permutation(len(pool))]
    names, phase = [], 1
    while len(names) < wanted:
        tag = "" if phase == 1 else f"{_chinese_number(phase)}期"
        names.extend(name + tag for name in pool[:wanted - len(names)])
        phase += 1
    return names


def _chinese_number(k: int) -> str:
    digits = "零一二三四五六七八九"
    if k < 10:
        return digits[k]
    tens, ones = divmod(k, 10)
    return (digits[tens] if tens > 1 else "") + "十" + (digits[ones] if ones else "")


def _manager_names(rng: np.random.Generator, count: int) -> list[str]:
    """李经理, 王经理, ... while surnames last, then full names."""
    by_share = [SURNAME_CHARS[i] for i in np.argsort(-SURNAME_WEIGHTS, kind="stable")]
    by_share.insert(0, by_share.pop(1))  # the default book belongs to 李经理
    if count <= 60:
        return [s + "经理" for s in by_share[:count]]
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = (by_share[int(rng.integers(0, 60))] + MALE_CHARS[int(rng.integers(len(MALE_CHARS)))]
                + FEMALE_CHARS[int(rng.integers(len(FEMALE_CHARS)))])
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _offset(lat0: float, lon0: float, north_km, east_km):
    lat = lat0 + north_km / 111.0
    lon = lon0 + east_km / (111.32 * np.cos(np.radians(lat0)))
    return lat, lon


def _unique_mobiles(rng: np.random.Generator, n: int) -> np.ndarray:
    prefixes = np.array(MOBILE_PREFIXES, dtype=np.int64)
    numbers = prefixes[rng.integers(0, len(prefixes), n)] * 10**8 + rng.integers(0, 10**8, n)
    while True:
        _, first = np.unique(numbers, return_index=True)
        repeated = np.setdiff1d(np.arange(n), first)
        if not len(repeated):
            return numbers
        numbers[repeated] = (prefixes[rng.integers(0, len(prefixes), len(repeated))] * 10**8
                             + rng.integers(0, 10**8, len(repeated)))


def _write_areas(conn, world: dict) -> None:
    conn.executemany(
        "INSERT INTO areas(id, name, area_type, latitude, longitude) VALUES (?, ?, ?, ?, ?)",
        zip(range(1, len(world["names"]) + 1), world["names"],
            [world["types"][k] for k in world["kinds"].tolist()],
            world["lat"].tolist(), world["lon"].tolist()))


def _dimension_codes(rng: np.random.Generator, m: int,
                     wealth: np.ndarray) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """One code (or None) per customer per dimension, correlated as described above;
    also the customers' wealth, raised for business owners and executives."""
    out: dict[str, np.ndarray] = {}
    dims = rules.dimensions()
    by_key = {d.key: d for d in dims}
    drawn_from_wealth = [d for d in dims if d.key in WEALTH_SPREAD]
    # Parents first (age), then what depends on them, then what follows wealth.
    others = sorted((d for d in dims if d.key not in WEALTH_SPREAD),
                    key=lambda d: (DIMENSION_SPREAD.get(d.key, (0, None))[1] is not None, d.number))
    for dim in others:
        codes = [v.code for v in dim.values]
        values = np.full(m, None, dtype=object)
        unknown, parent, table = DIMENSION_SPREAD.get(dim.key, (0.10, None, {"*": {}}))
        parent_values = out.get(parent) if parent in by_key else None
        if parent_values is None:
            groups = {None: np.ones(m, dtype=bool)}
        else:
            missing = _is_none(parent_values)
            groups = {code: (parent_values == code) & ~missing
                      for code in sorted(set(parent_values[~missing].tolist()))}
            groups[None] = missing
        options = [*codes, None]
        known = {c for weights in table.values() for c in weights}
        for code, mask in groups.items():
            if not mask.any():
                continue
            weights = table.get(code, table.get("*")) if code is not None else table.get("*")
            p = _weights(options, weights, known)
            if p is None:  # a dimension or value a branch added: an even spread
                p = np.append(np.full(len(codes), 1 / len(codes)), 0.0)
            values[mask] = _choose(rng, options, int(mask.sum()), p)
        values[rng.random(m) < unknown] = None
        out[dim.key] = values

    occupation = out.get("occupation", np.full(m, None, dtype=object))
    age = out.get("age", np.full(m, None, dtype=object))
    wealth = (wealth + 0.9 * _is_in(occupation, ("3.1", "3.2")) + 0.3 * _is_in(age, ("1.4", "1.5"))
              - 0.8 * _is_in(age, ("1.1", "1.2")))
    wealth = (wealth - wealth.mean()) / (wealth.std() or 1.0)
    for dim in drawn_from_wealth:
        codes = [v.code for v in dim.values]
        unknown, corr, weights = WEALTH_SPREAD[dim.key]
        p = _weights(codes, weights, set(weights))
        if p is None:
            p = np.full(len(codes), 1 / len(codes))
        score = corr * wealth + math.sqrt(1 - corr * corr) * rng.standard_normal(m)
        rank = np.empty(m)
        rank[np.argsort(-score, kind="stable")] = (np.arange(m) + 0.5) / m
        index = np.minimum(np.searchsorted(np.cumsum(p), rank), len(codes) - 1)
        values = np.array(codes, dtype=object)[index]
        values[rng.random(m) < unknown] = None
        out[dim.key] = values
    return out, wealth


def _customers(rng: np.random.Generator, ids: np.ndarray, world: dict, mobiles: np.ndarray,
               days: _Days, today: int) -> dict:
    m = len(ids)
    # Who they are.
    female = rng.random(m) < 0.5
    surname = _choose(rng, SURNAME_CHARS, m, SURNAME_WEIGHTS / SURNAME_WEIGHTS.sum())
    first = np.where(female, _choose(rng, FEMALE_CHARS, m), _choose(rng, MALE_CHARS, m))
    second = np.where(female, _choose(rng, FEMALE_CHARS, m), _choose(rng, MALE_CHARS, m))
    one_char = rng.random(m) < 0.25
    names = [s + f + ("" if o else t) for s, f, t, o in
             zip(surname.tolist(), first.tolist(), second.tolist(), one_char.tolist())]
    gender = np.where(female, "female", "male").astype(object)
    gender[rng.random(m) < 0.02] = None

    dims, wealth = _dimension_codes(rng, m, rng.standard_normal(m))
    age = dims.get("age", np.full(m, None, dtype=object))
    occupation_code = dims.get("occupation", np.full(m, None, dtype=object))

    # Birth dates inside the age band; unknown age means unknown birth date.
    birth = np.full(m, None, dtype=object)
    for code, (low, high) in AGE_YEARS.items():
        mask = age == code
        count = int(mask.sum())
        if count:
            lived = rng.integers(int(low * 365.25) + 2, int((high + 1) * 365.25) - 2, count)
            birth[mask] = days.iso(today - lived)
    birth[rng.random(m) < 0.10] = None

    # Where: an area (weighted by its size), a point near its centre.
    area = rng.choice(len(world["names"]), size=m, p=world["weight"])
    no_area = rng.random(m) < 0.02
    r = AREA_RADIUS_KM * np.sqrt(rng.random(m))
    angle = rng.uniform(0, 2 * math.pi, m)
    lat, lon = _offset(world["lat"][area], world["lon"][area], r * np.sin(angle), r * np.cos(angle))
    located = ~no_area & (rng.random(m) >= 0.08)
    manager_index = np.where(no_area, rng.integers(0, len(world["managers"]), m),
                             world["manager_of"][area])
    managers = np.array(world["managers"], dtype=object)[manager_index]
    address = _addresses(rng, m, world, area, no_area)

    occupation, employer = _work(rng, m, occupation_code, age, female, area, world)

    # Contact details: about 3% have none at all (the red list).
    red = rng.random(m) < 0.03
    phone = np.array([str(p) for p in mobiles.tolist()], dtype=object)
    phone[red] = None
    landline = rng.random(m) < 0.08
    phone2 = np.full(m, None, dtype=object)
    phone2[landline & ~red] = ["0571" + str(x) for x in
                               rng.integers(8000_0000, 8999_9999, int((landline & ~red).sum())).tolist()]

    # Created: most long ago, some this year.
    created = today - np.where(rng.random(m) < 0.12, rng.integers(1, 365, m),
                               rng.integers(365, 8 * 365, m))

    return {
        "ids": ids, "names": names, "gender": gender, "phone": phone, "phone2": phone2,
        "address": address, "area_id": [None if outside else a + 1 for outside, a in
                                       zip(no_area.tolist(), area.tolist())],
        "birth": birth, "occupation": occupation, "employer": employer, "manager": managers,
        "source": _choose(rng, SOURCES, m), "created": created, "created_iso": days.iso(created),
        "needs": _some(rng, m, NEEDS, 0.45, "、"), "products": _some(rng, m, PRODUCTS_HELD, 0.8, "、"),
        "notes": _sometimes(rng, m, NOTES, 0.25), "complaints": _sometimes(rng, m, COMPLAINTS, 0.03),
        "tags": _some(rng, m, TAGS, 0.35, ","), "dims": dims, "wealth": wealth, "red": red,
        "lat": np.where(located, np.round(lat, 6), np.nan),
        "lon": np.where(located, np.round(lon, 6), np.nan),
    }


def _addresses(rng, m, world, area, no_area) -> list[str | None]:
    home_road = np.where(no_area, rng.integers(0, len(ROADS), m), world["road"][area])
    district = np.where(no_area, rng.integers(0, len(DISTRICTS), m), world["district"][area])
    number = rng.integers(1, 400, m)
    building, unit = rng.integers(1, 30, m), rng.integers(1, 6, m)
    room = rng.integers(1, 25, m) * 100 + rng.integers(1, 5, m)
    community = world["kinds"][area] == (world["types"].index("community")
                                         if "community" in world["types"] else -1)
    missing = rng.random(m) < 0.04
    names = world["names"]
    return [None if gone else
            f"{CITY}{DISTRICTS[d]}{ROADS[r]}{n}号{names[a] if here else ''}{b}幢{u}单元{o}室"
            for gone, d, r, n, a, here, b, u, o in zip(
                missing.tolist(), district.tolist(), home_road.tolist(), number.tolist(),
                area.tolist(), (community & ~no_area).tolist(), building.tolist(), unit.tolist(),
                room.tolist())]


def _work(rng, m, occupation_code, age, female, area, world) -> tuple[np.ndarray, np.ndarray]:
    occupation = np.full(m, None, dtype=object)
    employer = np.full(m, None, dtype=object)
    for code, pool in OCCUPATIONS.items():
        mask = occupation_code == code
        occupation[mask] = _choose(rng, pool, int(mask.sum()))
    home = occupation_code == "3.4"
    at_home = np.where(female, _choose(rng, ("家庭主妇", "全职在家", "自由职业"), m, [0.6, 0.2, 0.2]),
                       _choose(rng, ("全职在家", "自由职业"), m))
    occupation[home] = np.where(age[home] == "1.5", "退休", at_home[home])
    no_code = _is_none(occupation_code)
    child = _is_in(age, ("1.1", "1.2"))
    occupation[child & no_code & (age == "1.2")] = "学生"
    unknown_adult = no_code & ~child & (rng.random(m) < 0.5)
    occupation[unknown_adult] = _choose(rng, OCCUPATIONS["3.3"], int(unknown_adult.sum()))

    company = [f"{CITY[:-1]}{a}{t}有限公司" for a, t in zip(_choose(rng, EMPLOYER_WORDS, m).tolist(),
                                                 _choose(rng, EMPLOYER_TRADES, m).tolist())]
    campus_kind = world["types"].index("campus") if "campus" in world["types"] else -1
    campus_names = [world["names"][i] for i in np.flatnonzero(world["kinds"] == campus_kind)]
    hospital = _choose(rng, HOSPITALS, m).tolist()
    school = _choose(rng, campus_names or ("杭州第一中学",), m).tolist()
    district = world["district"][area].tolist()
    known = rng.random(m) < 0.85
    for i, job in enumerate(occupation.tolist()):
        if job in ("教师", "学生"):
            employer[i] = school[i]
        elif job in ("医生", "护士"):
            employer[i] = hospital[i]
        elif job == "公务员":
            employer[i] = f"{CITY}{DISTRICTS[district[i]]}人民政府"
        elif job not in (None, "退休", "家庭主妇", "全职在家", "自由职业") and known[i]:
            employer[i] = company[i]
    return occupation, employer


def _sometimes(rng, m: int, pool, share: float) -> np.ndarray:
    values = _choose(rng, pool, m)
    values[rng.random(m) >= share] = None
    return values


def _some(rng, m: int, pool, share: float, joiner: str) -> list[str | None]:
    """A few items of ``pool`` joined, for ``share`` of the customers."""
    picks = rng.random((m, len(pool))) < 1.6 / len(pool)
    has = rng.random(m) < share
    # Each row's choice as a bit pattern; each distinct pattern is joined once.
    patterns = (picks @ (1 << np.arange(len(pool)))).tolist()
    fallback = (np.arange(m) % len(pool)).tolist()
    joined: dict[int, str] = {}

    def text(pattern: int, row: int) -> str:
        if pattern not in joined:
            joined[pattern] = joiner.join(item for bit, item in enumerate(pool)
                                          if pattern >> bit & 1)
        return joined[pattern] or pool[fallback[row]]

    return [text(p, i) if h else None for i, (p, h) in enumerate(zip(patterns, has.tolist()))]


def _write_customers(conn, c: dict) -> None:
    dims = rules.dimensions()
    columns = ("id", "name", "gender", "phone", "phone2", "address", "area_id", "birth_date",
               "occupation", "employer", "manager", "source", "created_on", "needs", "products",
               "notes", "complaints", "tags", *(d.column for d in dims), "latitude", "longitude")
    lat = [None if math.isnan(x) else x for x in c["lat"].tolist()]
    lon = [None if math.isnan(x) else x for x in c["lon"].tolist()]
    rows = zip(c["ids"].tolist(), c["names"], c["gender"].tolist(), c["phone"].tolist(),
               c["phone2"].tolist(), c["address"], c["area_id"], c["birth"].tolist(),
               c["occupation"].tolist(), c["employer"].tolist(), c["manager"].tolist(),
               c["source"].tolist(), c["created_iso"].tolist(), c["needs"], c["products"],
               c["notes"].tolist(), c["complaints"].tolist(), c["tags"],
               *(c["dims"][d.key].tolist() for d in dims), lat, lon)
    conn.executemany(f"INSERT INTO customers ({', '.join(columns)}) VALUES "
                     f"({', '.join('?' * len(columns))})", rows)
    conn.executemany(
        "INSERT INTO customer_history(customer_id, changed_at, changed_by, field, old_value,"
        " new_value) VALUES (?, ?, ?, '*created', NULL, ?)",
        zip(c["ids"].tolist(), [d + "T09:00:00" for d in c["created_iso"].tolist()],
            c["manager"].tolist(), c["names"]))


def _span(rng, counts: np.ndarray, created: np.ndarray, today: int,
          last: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """For each customer's ``counts`` events: the customer's row index and a day within
    the last twelve months up to ``last`` (default ``today``; not before the customer
    was created), sorted by day."""
    owner = np.repeat(np.arange(len(counts)), counts)
    start = np.maximum(created, today - 364)[owner]
    last = today if last is None else last
    day = np.maximum(start + np.floor(rng.random(len(owner)) * (last + 1 - start)).astype(np.int64), start)
    order = np.lexsort((day, owner))
    return owner[order], day[order]


def _write_transactions(conn, rng, c: dict, days: _Days, today: int) -> int:
    m = len(c["ids"])
    active = rng.random(m) >= 0.08
    rate = np.exp(rng.normal(math.log(10.87) - 0.32, 0.8, m))
    counts = np.where(active, rng.poisson(rate), 0)
    owner, day = _span(rng, counts, c["created"], today)
    k = len(owner)
    if not k:
        return 0
    factor = np.array([f for _, f, _ in CATALOGUE])
    share = np.array([s for _, _, s in CATALOGUE])
    product = rng.choice(len(CATALOGUE), size=k, p=share / share.sum())
    # Heavy tail: each customer's scale is log-normal and follows their wealth.
    scale = np.exp(6.0 + 0.8 * c["wealth"] + rng.normal(0.0, 1.0, m))
    amount = np.maximum(1.0, np.round(scale[owner] * factor[product]
                                      * rng.lognormal(0.0, 0.5, k), 2))
    quantity = 1 + rng.poisson(0.3, k)
    names = np.array([p for p, _, _ in CATALOGUE], dtype=object)
    conn.executemany(
        "INSERT INTO transactions(customer_id, txn_date, amount, quantity, product)"
        " VALUES (?, ?, ?, ?, ?)",
        zip(c["ids"][owner].tolist(), days.iso(day).tolist(), amount.tolist(),
            quantity.astype(float).tolist(), names[product].tolist()))
    return k


def _write_contacts(conn, rng, c: dict, days: _Days, today: int) -> int:
    m = len(c["ids"])
    counts = rng.poisson(np.where(c["red"], 0.5, 2.5))
    # The older history: the recent months are the worked cadence of model.demo.demo_history.
    owner, day = _span(rng, counts, c["created"], today, last=today - RECENT_HISTORY_DAYS)
    k = len(owner)
    if not k:
        return 0
    channel = np.empty(k, dtype=object)
    preference = c["dims"].get("channel", np.full(m, None, dtype=object))[owner]
    for code, mix in CHANNEL_MIX.items():
        mask = (preference == code) if code is not None else ~_is_in(preference, set(CHANNEL_MIX) - {None})
        channel[mask] = _choose(rng, CHANNELS, int(mask.sum()), np.array(mix) / sum(mix))
    channel[c["red"][owner]] = "visit"  # no phone: only a visit reaches them
    follow = rng.random(k) < 0.8
    next_day = day + rng.integers(3, 46, k)
    next_step = _choose(rng, NEXT_STEPS, k)
    next_step[~follow] = None
    next_iso = days.iso(next_day)
    next_iso[~follow] = None
    hour, minute = rng.integers(9, 20, k), rng.integers(0, 60, k)
    iso = days.iso(day).tolist()
    conn.executemany(
        "INSERT INTO contacts(customer_id, contact_date, channel, purpose, result, next_step,"
        " next_date, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        zip(c["ids"][owner].tolist(), iso, channel.tolist(), _choose(rng, CONTACT_PURPOSES, k).tolist(),
            _choose(rng, CONTACT_RESULTS, k).tolist(), next_step.tolist(), next_iso.tolist(),
            c["manager"][owner].tolist(),
            [f"{d}T{h:02d}:{mi:02d}:00" for d, h, mi in zip(iso, hour.tolist(), minute.tolist())]))
    return k
