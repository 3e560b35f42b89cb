"""A realistic demo archive: one manager's book (800 customers) up to 1,000,000.

Everything comes from one seeded random generator, so the same seed and the
same ``as_of`` date give the same archive, row for row. The city is Hangzhou:
areas of every area type spread over about 15 km, customers within about
300 m of their area's centre. Segmentation codes come from
``rules.dimensions()`` and are correlated the way a manager would expect
(older customers are more conservative, business owners richer, ...); a
dimension a branch added gets an even spread. Transactions cover the twelve
months up to ``as_of`` with heavy-tailed amounts, so a Pareto A/B/C grading
has something to find.

The work is vectorised with numpy and written with ``executemany`` from
generators, customers in chunks, all in one transaction.
"""
from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

from model.archive import database
from model.core.i18n import translate
from model.core.progress import NO_PROGRESS, Progress
from model.demo.demo_book import fill
from model.demo.demo_words import (  # noqa: F401  (re-exported: demo.<name>)
    AGE_YEARS, AREA_NAMES, AREA_RADIUS_KM, AREA_TYPE_RING, AREA_TYPE_SHARE, CATALOGUE, CENTRE, CHANNELS,
    CHANNEL_MIX, CHUNK, CITY, CITY_RADIUS_KM, COMPLAINTS, CONTACT_PURPOSES, CONTACT_RESULTS,
    CUSTOMERS_PER_MANAGER, DIMENSION_SPREAD, DISTRICTS, EMPLOYER_TRADES, EMPLOYER_WORDS, FEMALE_CHARS,
    HOSPITALS, MALE_CHARS, MOBILE_PREFIXES, NEEDS, NEXT_STEPS, NOTES, OCCUPATIONS, PRODUCTS_HELD, ROADS,
    SOURCES, SURNAMES, SURNAME_CHARS, SURNAME_WEIGHTS, TAGS, WEALTH_SPREAD,
)

MAX_CUSTOMERS = 1_000_000


def build_demo(path: Path | str, customers: int = 800, seed: int = 1,
               progress: Progress | None = None, as_of: date | None = None) -> dict:
    """Create a new archive at ``path`` filled with a demo book; returns the counts
    (customers, areas, managers, transactions, contacts, red_list).

    The archive is written in one transaction; if anything fails or the work is
    cancelled, the half-made file is removed again."""
    if not 1 <= customers <= MAX_CUSTOMERS:
        raise database.ArchiveError(
            translate("Demo", "A demo archive holds 1 to {most} customers; {count} was asked for.")
            .format(most=f"{MAX_CUSTOMERS:,}", count=f"{customers:,}"))
    path = Path(path)
    archive = database.Archive.create(path)
    try:
        with archive.transaction():
            counts = fill(archive.conn, customers, seed, as_of or date.today(),
                           progress or NO_PROGRESS)
    except BaseException:
        created = archive.path
        archive.close()
        for leftover in (created, created.with_name(created.name + "-wal"),
                         created.with_name(created.name + "-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        raise
    archive.close()
    return counts


def grade_demo(path: Path | str):
    """Grade a demo archive as a manager would after loading it (value tier, RFM, persona
    as of the demo's date), so every screen has data; returns (as_of, grading.ApplyResult).
    The CLI's ``demo`` does it unless told not to, the first-run dialog's demo always."""
    from model import grading
    with database.Archive.open(path) as archive:
        as_of = date.fromisoformat(archive.conn.execute(
            "SELECT value FROM meta WHERE key = 'demo_as_of'").fetchone()[0])
        return as_of, grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, as_of)),
                                    by=grading.RULES_BY)


def plan_demo_week(path: Path | str, time_limit: float | None = None) -> dict:
    """The demo manager's plan for the rest of the demo's week and this month's targets
    (model.demo.demo_week), after ``grade_demo`` (the due list ranks by the grades), in one
    transaction; returns their counts (planned_visits, plan_start, plan_end, targets)."""
    from model.demo import demo_week
    with database.Archive.open(path) as archive:
        as_of = date.fromisoformat(archive.conn.execute(
            "SELECT value FROM meta WHERE key = 'demo_as_of'").fetchone()[0])
        with archive.transaction():
            return demo_week.add_week(archive.conn, as_of, time_limit=time_limit)


