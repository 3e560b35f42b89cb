"""The partner 101 checklist (合作伙伴101, DOMAIN.md §3): its template (rules data,
``resources/rules/checklist_101.json``), checklist runs and their weighted score.

**Template versions.** The file names its ``version``. When a run is saved, the
template it used is stored in the archive (``checklist_templates``, keyed by the
version and a hash of the items), and the run points at that row: an old run keeps
its items, titles and weights after the branch changes the file. A file that was
changed but kept its version number is not refused (a manager in the field could
not run a checklist until someone fixed the file); it is stored as a new
*revision* of that version ("2026.1 r2"), so the two are never confused.

**Score.** Each item of a run is met, not met or not applicable (N/A). The score is
the sum of the weights of the items met over the sum of the weights of the items
that apply (N/A left out), as a percentage; when no item applies there is no score
(None, shown as "—").
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from model.archive import database
from model.core import normalize, rules
from model.archive.database import sqlite3
from model.core.i18n import translate

RULES_FILE = "checklist_101.json"
PARTS = ("qualification", "cooperation", "management")
RESULTS = ("met", "not_met", "na")
NO_SCORE = "—"


class ChecklistError(database.ArchiveError):
    pass


def _zh(language: str | None) -> bool:
    if not language:
        from model.core import language as languages
        language = languages.installed_language()
    return language.startswith("zh")


@dataclass(frozen=True)
class Part:
    key: str
    title_en: str
    title_zh: str

    def title(self, language: str | None = None) -> str:
        return self.title_zh if _zh(language) else self.title_en


@dataclass(frozen=True)
class Item:
    part: str
    key: str
    weight: float
    title_en: str
    title_zh: str
    guidance_en: str = ""
    guidance_zh: str = ""

    def title(self, language: str | None = None) -> str:
        return self.title_zh if _zh(language) else self.title_en

    def guidance(self, language: str | None = None) -> str:
        return self.guidance_zh if _zh(language) else self.guidance_en


@dataclass(frozen=True)
class Template:
    version: str
    parts: tuple[Part, ...]
    items: tuple[Item, ...]
    revision: int = 1                 # set once stored in an archive
    id: int | None = None             # the archive's checklist_templates row

    def content(self) -> dict:
        """The template as plain data (what is stored and hashed)."""
        return {"version": self.version,
                "parts": [{"key": p.key, "title_en": p.title_en, "title_zh": p.title_zh} for p in self.parts],
                "items": [{"part": i.part, "key": i.key, "weight": i.weight, "title_en": i.title_en,
                           "title_zh": i.title_zh, "guidance_en": i.guidance_en, "guidance_zh": i.guidance_zh}
                          for i in self.items]}

    def content_hash(self) -> str:
        text = json.dumps(self.content(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def items_of(self, part: str) -> list[Item]:
        return [i for i in self.items if i.part == part]

    def item(self, key: str) -> Item | None:
        return next((i for i in self.items if i.key == key), None)

    def part(self, key: str) -> Part | None:
        return next((p for p in self.parts if p.key == key), None)

    @property
    def label(self) -> str:
        """'2026.1', or '2026.1 r2' for a later revision of the same version."""
        return self.version if self.revision <= 1 else f"{self.version} r{self.revision}"


def _problem(text: str) -> ChecklistError:
    return ChecklistError(translate("Checklist", "{file}: {problem}").format(file=RULES_FILE, problem=text))


def parse_template(data: dict) -> Template:
    """A template from the file's data; raises :class:`ChecklistError` naming what is wrong."""
    version = str(data.get("version") or "").strip()
    if not version:
        raise _problem(translate("Checklist", "the template has no version; add \"version\": \"1\"."))
    parts = tuple(Part(str(p["key"]), str(p["title_en"]), str(p["title_zh"])) for p in data.get("parts", ()))
    part_keys = [p.key for p in parts]
    if sorted(part_keys) != sorted(PARTS):
        raise _problem(translate("Checklist", "the parts must be qualification, cooperation and management "
                                              "(found: {parts}).").format(parts=", ".join(part_keys) or "-"))
    items, seen = [], set()
    for raw in data.get("items", ()):
        key = str(raw.get("key") or "").strip()
        if not key:
            raise _problem(translate("Checklist", "an item has no key."))
        if key in seen:
            raise _problem(translate("Checklist", "the item key {key} appears twice.").format(key=key))
        seen.add(key)
        if raw.get("part") not in PARTS:
            raise _problem(translate("Checklist", "item {key} names an unknown part {part}.")
                           .format(key=key, part=raw.get("part")))
        try:
            weight = float(raw.get("weight"))
        except (TypeError, ValueError):
            weight = -1.0
        if not weight > 0:
            raise _problem(translate("Checklist", "item {key} needs a positive weight.").format(key=key))
        if not raw.get("title_en") or not raw.get("title_zh"):
            raise _problem(translate("Checklist", "item {key} needs title_en and title_zh.").format(key=key))
        items.append(Item(raw["part"], key, weight, str(raw["title_en"]), str(raw["title_zh"]),
                          str(raw.get("guidance_en", "")), str(raw.get("guidance_zh", ""))))
    if not items:
        raise _problem(translate("Checklist", "the template has no items."))
    # Items in part order, each part's items as the file lists them.
    order = {p: n for n, p in enumerate(part_keys)}
    items.sort(key=lambda i: order[i.part])
    return Template(version, parts, tuple(items))


@lru_cache(maxsize=4)
def _load(folder: str) -> Template:
    with open(Path(folder) / RULES_FILE, encoding="utf-8") as handle:
        return parse_template(json.load(handle))


def current_template() -> Template:
    """The template in force (the rules folder's ``checklist_101.json``)."""
    return _load(str(rules.rules_dir()))


# -- templates in the archive ------------------------------------------------------

def store_template(conn: sqlite3.Connection, template: Template) -> Template:
    """The archive's row for this template: found by version and content hash, else
    stored (as revision 1, or the next revision when the version is already stored with
    other items). Returns the template with its id and revision."""
    digest = template.content_hash()
    row = conn.execute("SELECT id, revision FROM checklist_templates WHERE version = ? AND content_hash = ?",
                       (template.version, digest)).fetchone()
    if row is None:
        with database.transaction(conn):
            revision = conn.execute("SELECT coalesce(max(revision), 0) + 1 FROM checklist_templates"
                                    " WHERE version = ?", (template.version,)).fetchone()[0]
            new_id = conn.execute(
                "INSERT INTO checklist_templates(version, revision, content_hash, content, stored_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (template.version, revision, digest, json.dumps(template.content(), ensure_ascii=False),
                 datetime.now().isoformat(timespec="seconds"))).lastrowid
        return Template(template.version, template.parts, template.items, revision, new_id)
    return Template(template.version, template.parts, template.items, row["revision"], row["id"])


def stored_template(conn: sqlite3.Connection, template_id: int) -> Template:
    row = conn.execute("SELECT * FROM checklist_templates WHERE id = ?", (template_id,)).fetchone()
    if row is None:
        raise ChecklistError(translate("Checklist", "Checklist template {id} is not in this archive.")
                             .format(id=template_id))
    parsed = parse_template(json.loads(row["content"]))
    return Template(parsed.version, parsed.parts, parsed.items, row["revision"], row["id"])


# -- runs ----------------------------------------------------------------------------

@dataclass
class Result:
    item_key: str
    result: str = "met"               # met / not_met / na
    note: str = ""
    evidence_ids: list[int] = field(default_factory=list)


@dataclass
class Action:
    text: str
    owner: str
    due_on: date
    item_key: str | None = None
    status: str = "open"
    id: int | None = None
    partner_id: int | None = None
    run_id: int | None = None
    done_on: str | None = None
    done_by: str | None = None
    done_note: str | None = None


@dataclass
class Run:
    partner_id: int
    run_on: date
    reviewer: str
    results: dict[str, Result]        # item key -> result
    actions: list[Action] = field(default_factory=list)
    notes: str = ""
    template: Template | None = None
    id: int | None = None
    score: float | None = None
    created_at: str | None = None
    created_by: str | None = None


def score(template: Template, results: dict[str, Result] | dict[str, str]) -> float | None:
    """Weighted score in percent: weights of the met items over weights of the applicable
    items; None when every item is N/A (or none is answered)."""
    met = applicable = 0.0
    for item in template.items:
        answer = results.get(item.key)
        value = answer.result if isinstance(answer, Result) else answer
        if value is None or value == "na":
            continue
        applicable += item.weight
        if value == "met":
            met += item.weight
    if applicable <= 0:
        return None
    return round(100.0 * met / applicable, 1)


def score_text(value: float | None) -> str:
    return NO_SCORE if value is None else f"{value:.1f}%"


def result_label(result: str) -> str:
    return {"met": translate("Checklist", "met"), "not_met": translate("Checklist", "not met"),
            "na": translate("Checklist", "N/A")}.get(result, result)


def _validate(run: Run, template: Template) -> None:
    from model.partners import partners
    reviewer = normalize.text(run.reviewer)
    if not reviewer:
        raise ChecklistError(translate("Checklist", "Enter who reviewed the partner (the reviewer)."))
    run.reviewer = reviewer
    unknown = sorted(set(run.results) - {i.key for i in template.items})
    if unknown:
        raise ChecklistError(translate("Checklist", "The checklist has no item {key}; it may have changed. "
                                                    "Start the run again.").format(key=", ".join(unknown)))
    missing = [i.title() for i in template.items if i.key not in run.results]
    if missing:
        raise ChecklistError(translate("Checklist", "Answer every item (met, not met or N/A); still open: "
                                                    "{items}.").format(items="; ".join(missing[:5])))
    for r in run.results.values():
        if r.result not in RESULTS:
            raise ChecklistError(translate("Checklist", "An item's result must be met, not met or N/A."))
    for a in run.actions:
        a.text, a.owner = partners.free_text(a.text) or "", normalize.text(a.owner) or ""
        if not a.text or not a.owner or a.due_on is None:
            raise ChecklistError(translate("Checklist", "Each follow-up action needs what to do, an owner and "
                                                        "a due date."))
        if a.item_key is not None and template.item(a.item_key) is None:
            a.item_key = None


def save_run(conn: sqlite3.Connection, run: Run, by: str) -> int:
    """Store a checklist run with its results, evidence links and follow-up actions in
    one transaction; the template in force (or ``run.template``) is stored with it."""
    from model.partners import partners
    partners.get(conn, run.partner_id)      # raises when the partner is gone
    template = run.template or current_template()
    _validate(run, template)
    run.score = score(template, run.results)
    stamp = datetime.now().isoformat(timespec="seconds")
    with database.transaction(conn):
        template = store_template(conn, template)
        run.template = template
        run.id = conn.execute(
            "INSERT INTO checklist_runs(partner_id, template_id, run_on, reviewer, notes, score, created_at,"
            " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (run.partner_id, template.id, run.run_on.isoformat(), run.reviewer, partners.free_text(run.notes),
             run.score, stamp, by)).lastrowid
        conn.executemany("INSERT INTO checklist_results(run_id, item_key, result, note) VALUES (?, ?, ?, ?)",
                         [(run.id, r.item_key, r.result, partners.free_text(r.note)) for r in run.results.values()])
        conn.executemany("INSERT OR IGNORE INTO checklist_evidence(run_id, item_key, evidence_id) VALUES (?, ?, ?)",
                         [(run.id, r.item_key, e) for r in run.results.values() for e in r.evidence_ids])
        for action in run.actions:
            action.partner_id, action.run_id = run.partner_id, run.id
            action.id = partners.add_action(conn, action, by)
    run.created_at, run.created_by = stamp, by
    return run.id


@dataclass(frozen=True)
class RunSummary:
    id: int
    partner_id: int
    run_on: date
    reviewer: str
    score: float | None
    template_label: str
    met: int
    not_met: int
    na: int
    open_actions: int


def runs(conn: sqlite3.Connection, partner_id: int) -> list[RunSummary]:
    """The partner's runs, oldest first (the order of the score trend)."""
    rows = conn.execute("""
        SELECT r.id, r.partner_id, r.run_on, r.reviewer, r.score, t.version, t.revision,
               (SELECT count(*) FROM checklist_results x WHERE x.run_id = r.id AND x.result = 'met') AS met,
               (SELECT count(*) FROM checklist_results x WHERE x.run_id = r.id AND x.result = 'not_met') AS not_met,
               (SELECT count(*) FROM checklist_results x WHERE x.run_id = r.id AND x.result = 'na') AS na,
               (SELECT count(*) FROM partner_actions a WHERE a.run_id = r.id AND a.status = 'open') AS open_actions
        FROM checklist_runs r JOIN checklist_templates t ON t.id = r.template_id
        WHERE r.partner_id = ? ORDER BY r.run_on, r.id""", (partner_id,)).fetchall()
    return [RunSummary(r["id"], r["partner_id"], date.fromisoformat(r["run_on"]), r["reviewer"], r["score"],
                       r["version"] if r["revision"] <= 1 else f"{r['version']} r{r['revision']}",
                       r["met"], r["not_met"], r["na"], r["open_actions"]) for r in rows]


def load_run(conn: sqlite3.Connection, run_id: int) -> Run:
    head = conn.execute("SELECT * FROM checklist_runs WHERE id = ?", (run_id,)).fetchone()
    if head is None:
        raise ChecklistError(translate("Checklist", "There is no checklist run number {id} in this archive.")
                             .format(id=run_id))
    template = stored_template(conn, head["template_id"])
    results = {r["item_key"]: Result(r["item_key"], r["result"], r["note"] or "")
               for r in conn.execute("SELECT * FROM checklist_results WHERE run_id = ?", (run_id,))}
    for r in conn.execute("SELECT item_key, evidence_id FROM checklist_evidence WHERE run_id = ?"
                          " ORDER BY evidence_id", (run_id,)):
        results.setdefault(r["item_key"], Result(r["item_key"], "na")).evidence_ids.append(r["evidence_id"])
    from model.partners import partners
    actions = partners.actions(conn, head["partner_id"], run_id=run_id, include_done=True)
    return Run(head["partner_id"], date.fromisoformat(head["run_on"]), head["reviewer"], results, actions,
               head["notes"] or "", template, head["id"], head["score"], head["created_at"], head["created_by"])


def latest_run_id(conn: sqlite3.Connection, partner_id: int) -> int | None:
    row = conn.execute("SELECT id FROM checklist_runs WHERE partner_id = ? ORDER BY run_on DESC, id DESC LIMIT 1",
                       (partner_id,)).fetchone()
    return row[0] if row else None


def run_number(conn: sqlite3.Connection, partner_id: int, number: int) -> int:
    """The id of the partner's ``number``-th run (1 = the first, in date order)."""
    found = runs(conn, partner_id)
    if not 1 <= number <= len(found):
        raise ChecklistError(translate("Checklist", "The partner has {count} checklist runs; choose a run "
                                                    "number from 1 to {count}.").format(count=len(found)))
    return found[number - 1].id


def delete_run(conn: sqlite3.Connection, run_id: int) -> None:
    """Delete a run with its results; its follow-up actions stay (unlinked)."""
    with database.transaction(conn):
        conn.execute("DELETE FROM checklist_runs WHERE id = ?", (run_id,))
