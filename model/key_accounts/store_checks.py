"""Store checks (门店检查) against a key account's merchandising commitments (DOMAIN §4).

A check has a date, who checked, and one result per commitment in force at the
store that day: compliant, partly, not compliant or not checked, with a note and
optionally a photo (stored as evidence in the archive, :mod:`model.partners.evidence`).

The score is the compliance share: compliant counts 1, partly ½, not compliant 0,
and "not checked" is left out of the count; a check where nothing was checked has
no score (None), not zero.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from model.archive import database
from model.partners import evidence
from model.core import normalize
from model.customers.customers import ValidationError
from model.core.i18n import translate
from model.key_accounts.key_accounts import Commitment, get_store, now_stamp

COMPLIANT, PARTLY, NOT_COMPLIANT, NOT_CHECKED = "compliant", "partly", "not_compliant", "not_checked"
RESULTS = (COMPLIANT, PARTLY, NOT_COMPLIANT, NOT_CHECKED)
WEIGHT = {COMPLIANT: 1.0, PARTLY: 0.5, NOT_COMPLIANT: 0.0}


def result_label(result: str) -> str:
    return {COMPLIANT: translate("StoreChecks", "Compliant"),
            PARTLY: translate("StoreChecks", "Partly"),
            NOT_COMPLIANT: translate("StoreChecks", "Not compliant"),
            NOT_CHECKED: translate("StoreChecks", "Not checked")}.get(result, result)


def score(results) -> float | None:
    """The compliance share of ``results`` (result keys): partly counts half, not checked
    is left out; None when nothing was checked."""
    counted = [WEIGHT[r] for r in results if r != NOT_CHECKED]
    if not counted:
        return None
    return sum(counted) / len(counted)


def score_text(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


@dataclass
class ItemResult:
    """One commitment's result in a check (what the dialog gives, what is read back)."""
    kind: str
    description: str
    result: str
    note: str | None = None
    commitment_id: int | None = None
    evidence_id: int | None = None
    photo_path: str | None = None      # a file to attach when saving (instead of evidence_id)

    @classmethod
    def of(cls, commitment: Commitment, result: str = NOT_CHECKED, note: str | None = None,
           photo_path: str | None = None) -> "ItemResult":
        return cls(commitment.kind, commitment.description, result, note, commitment.id, None, photo_path)


@dataclass
class Check:
    id: int
    store_id: int
    checked_on: str
    checker: str
    note: str | None
    items: list[ItemResult] = field(default_factory=list)
    store_code: str = ""
    store_name: str = ""

    @property
    def score(self) -> float | None:
        return score(i.result for i in self.items)

    def counts(self) -> dict[str, int]:
        out = {r: 0 for r in RESULTS}
        for item in self.items:
            out[item.result] += 1
        return out


def record(conn, store_id: int, checked_on, checker: str, items: list[ItemResult], by: str,
           note: str | None = None) -> int:
    """Save a store check with its results (and attach the photos given as files) in one
    transaction; returns its id. Nothing is saved if a photo cannot be attached."""
    problems = {}
    try:
        day = normalize.iso_date(checked_on)
        if day is None:
            problems["checked_on"] = translate("StoreChecks", "A store check needs its date.")
        elif day > date.today().isoformat():
            problems["checked_on"] = translate("StoreChecks", "The check date is in the future.")
    except normalize.Invalid as exc:
        problems["checked_on"] = str(exc)
    checker = normalize.text(checker)
    if not checker:
        problems["checker"] = translate("StoreChecks", "Say who checked the store.")
    if not items:
        problems["items"] = translate("StoreChecks", "The store has no commitments to check; add the account's "
                                                     "commitments first.")
    for item in items:
        if item.result not in RESULTS:
            problems["items"] = translate("StoreChecks", "'{result}' is not a check result.").format(result=item.result)
    if problems:
        raise ValidationError(problems)
    with database.transaction(conn):
        store = get_store(conn, store_id)
        if store.is_region:
            raise ValidationError({"store_id": translate("StoreChecks", "Choose a store, not a region.")})
        check_id = conn.execute(
            "INSERT INTO ka_store_checks(store_id, checked_on, checker, note, created_at, created_by)"
            " VALUES (?, ?, ?, ?, ?, ?)", (store_id, day, checker, normalize.text(note), now_stamp(), by)).lastrowid
        rows = []
        for position, item in enumerate(items):
            evidence_id = item.evidence_id
            if item.photo_path:
                evidence_id = evidence.add_file(conn, item.photo_path, by)
            rows.append((check_id, item.commitment_id, item.kind, item.description, item.result,
                         normalize.text(item.note), evidence_id, position))
        conn.executemany("INSERT INTO ka_check_results(check_id, commitment_id, kind, description, result, note,"
                         " evidence_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return check_id


def delete(conn, check_id: int, by: str) -> None:
    with database.transaction(conn):
        conn.execute("DELETE FROM ka_store_checks WHERE id = ?", (check_id,))


def _checks(conn, where: str, params: list, limit: int | None) -> list[Check]:
    sql = ("SELECT k.id, k.store_id, k.checked_on, k.checker, k.note, s.code, s.name FROM ka_store_checks k"
           f" JOIN ka_stores s ON s.id = k.store_id WHERE {where} ORDER BY k.checked_on DESC, k.id DESC")
    if limit:
        sql += f" LIMIT {int(limit)}"
    found = [Check(r[0], r[1], r[2], r[3], r[4], [], r[5], r[6]) for r in conn.execute(sql, params)]
    by_id = {c.id: c for c in found}
    ids = list(by_id)
    for begin in range(0, len(ids), 500):
        chunk = ids[begin:begin + 500]
        for r in conn.execute(
                "SELECT check_id, kind, description, result, note, commitment_id, evidence_id FROM ka_check_results"
                f" WHERE check_id IN ({', '.join('?' * len(chunk))}) ORDER BY check_id, position", chunk):
            by_id[r[0]].items.append(ItemResult(r[1], r[2], r[3], r[4], r[5], r[6]))
    return found


def checks(conn, *, store_id: int | None = None, account_id: int | None = None,
           limit: int | None = None) -> list[Check]:
    """Checks of one store, or of every store of an account, latest first."""
    if store_id is not None:
        return _checks(conn, "k.store_id = ?", [store_id], limit)
    return _checks(conn, "s.account_id = ?", [account_id], limit)


def get(conn, check_id: int) -> Check:
    found = _checks(conn, "k.id = ?", [check_id], None)
    if not found:
        raise database.ArchiveError(translate("StoreChecks", "This store check is no longer in the archive."))
    return found[0]


def trend(conn, account_id: int, store_id: int | None = None) -> list[tuple[str, float]]:
    """(date, score) in date order: each check of one store, or for the whole account the
    average score of each month's checks (dated the 15th), which reads as a trend where the
    single checks of many stores would zigzag. Checks with nothing checked are left out."""
    found = checks(conn, store_id=store_id, account_id=None if store_id is not None else account_id)
    groups: dict[str, list[float]] = {}
    for check in found:
        if check.score is not None:
            key = check.checked_on if store_id is not None else check.checked_on[:7] + "-15"
            groups.setdefault(key, []).append(check.score)
    return [(day, sum(v) / len(v)) for day, v in sorted(groups.items())]


def last_scores(conn) -> dict[int, tuple[str, float | None]]:
    """Per account: (date, score) of its latest check day (the results of every store checked
    that day counted together)."""
    out: dict[int, tuple[str, float | None]] = {}
    rows = conn.execute(
        "SELECT s.account_id, k.checked_on, r.result FROM ka_store_checks k JOIN ka_stores s ON s.id = k.store_id"
        " JOIN ka_check_results r ON r.check_id = k.id"
        " WHERE k.checked_on = (SELECT max(k2.checked_on) FROM ka_store_checks k2 JOIN ka_stores s2"
        " ON s2.id = k2.store_id WHERE s2.account_id = s.account_id)").fetchall()
    grouped: dict[int, tuple[str, list[str]]] = {}
    for account_id, day, result in rows:
        grouped.setdefault(account_id, (day, []))[1].append(result)
    for account_id, (day, results) in grouped.items():
        out[account_id] = (day, score(results))
    return out
