"""Everything about one key account in one piece of plain data: what the KA dossier
printout (``reports/ka_dossier.py``) and the command line show."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from model.partners import evidence
from model.key_accounts import ka_volumes, ka_rewards, key_accounts as ka, store_checks


@dataclass
class Dossier:
    account: ka.Account
    regions: list[ka.Store]
    stores: list[ka.Store]
    team: list[tuple[str, str]]
    contacts: list[ka.Contact]
    commitments: list[ka.Commitment]
    checks: list[store_checks.Check]          # the latest, newest first
    checks_total: int
    year: int
    volumes: list[ka_volumes.Volume]                  # the year's periods
    total: ka_volumes.Volume                          # the year's volume and target
    standing: ka_rewards.Standing
    rules: ka_rewards.RewardRules
    rank: ka_volumes.Ranked | None
    photos: dict[int, bytes]                  # evidence id -> PNG thumbnail, for the checks shown

    def store_name(self, store_id: int | None) -> str:
        for s in self.stores + self.regions:
            if s.id == store_id:
                return f"{s.code} {s.name}"
        return ""


def gather(conn, account_id: int, year: int | None = None, last_checks: int = 6) -> Dossier:
    """The dossier of ``account_id`` for ``year`` (default: the latest year with volume,
    else this year), with its ``last_checks`` latest store checks."""
    account = ka.get_account(conn, account_id)
    if year is None:
        years = ka_volumes.years(conn, account_id)
        year = years[0] if years else date.today().year
    outlets = ka.stores(conn, account_id)
    periods = ka_volumes.volumes(conn, account_id, year)
    total = ka_volumes.year_total(periods, year)
    rules = ka_rewards.load()
    rank = next((r for r in ka_volumes.ranking(conn, year, rules.ranking_size) if r.account_id == account_id), None)
    checks_total = conn.execute("SELECT count(*) FROM ka_store_checks k JOIN ka_stores s ON s.id = k.store_id"
                                " WHERE s.account_id = ?", (account_id,)).fetchone()[0]
    checks = store_checks.checks(conn, account_id=account_id, limit=last_checks)
    return Dossier(account, [s for s in outlets if s.is_region], [s for s in outlets if not s.is_region],
                   ka.team(conn, account_id), ka.contacts(conn, account_id), ka.commitments(conn, account_id),
                   checks, checks_total, year, periods, total, ka_rewards.standing(total.volume, rules), rules,
                   rank, photos(conn, checks))


def photos(conn, checks: list[store_checks.Check], size: int = 240) -> dict[int, bytes]:
    """PNG thumbnails of the pictures attached to ``checks`` (other files are left out)."""
    out = {}
    for check in checks:
        for item in check.items:
            if item.evidence_id is not None and item.evidence_id not in out:
                thumb = evidence.thumbnail_png(conn, item.evidence_id, size)
                if thumb is not None:
                    out[item.evidence_id] = thumb
    return out
