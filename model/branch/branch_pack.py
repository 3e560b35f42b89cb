"""Branch rule packs: one file a branch hands to its managers.

A pack is a zip holding ``pack.json`` (the branch's name, address, the pack's
version and date) and every rules data file (``*.json`` of the rules folder), and
optionally ``logo.png`` for printed headers.

Rules belong to the installation, not to one archive: an imported pack is unpacked
into a new folder under :func:`model.core.rules.branch_rules_root` (beside the settings),
checked by loading it with the program's own rules loaders, and only then made the
one in force (a one-line pointer file replaced atomically). If anything is wrong,
nothing changes and :class:`BranchPackError` lists every problem.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from model.core import private_files, rules, settings
from model.archive.database import ArchiveError
from model.core.i18n import translate
from model.core.resources import resource_path

PACK_FILE = "pack.json"
LOGO_FILE = "logo.png"
FORMAT = 1                        # the layout of the pack file itself
BUNDLED_PACK = "branch-pack.zip"  # in resources/: a pack an installer carries
_PNG = b"\x89PNG\r\n\x1a\n"
_MAX_MEMBER = 20 * 1024 * 1024    # a rules file or logo larger than this is not a rules file


class BranchPackError(ArchiveError):
    """The pack cannot be used; ``problems`` lists each thing that is wrong."""

    def __init__(self, file, problems: list[str]):
        self.problems = list(problems)
        super().__init__(translate("BranchPack", "The branch pack {file} was not applied; nothing was changed:")
                         .format(file=file) + "\n" + "\n".join(f"- {p}" for p in self.problems))


@dataclass(frozen=True)
class PackInfo:
    name: str
    version: str
    address: str = ""
    created: str = ""
    has_logo: bool = False

    def as_json(self) -> dict:
        return {"format": FORMAT, "name": self.name, "version": self.version,
                "address": self.address, "created": self.created}


def rules_files(folder: Path | None = None) -> list[Path]:
    """The rules data files of a folder (default: the rules in force)."""
    return sorted(p for p in (folder or rules.rules_dir()).glob("*.json") if p.name != PACK_FILE)


def applied_pack() -> PackInfo | None:
    """The branch pack in force on this installation, or None (the shipped rules)."""
    folder = rules.applied_pack_dir()
    if folder is None:
        return None
    try:
        data = json.loads((folder / PACK_FILE).read_text(encoding="utf-8"))
        return _info(data, (folder / LOGO_FILE).is_file())
    except (OSError, ValueError, KeyError, TypeError):
        return None


def logo_path() -> Path | None:
    """The applied pack's logo (PNG) for printed headers, or None."""
    folder = rules.applied_pack_dir()
    if folder is not None and (folder / LOGO_FILE).is_file():
        return folder / LOGO_FILE
    return None


def _info(data: dict, has_logo: bool) -> PackInfo:
    return PackInfo(str(data["name"]), str(data["version"]), str(data.get("address", "")),
                    str(data.get("created", "")), has_logo)


def export_pack(file: Path, *, name: str | None = None, version: str | None = None,
                address: str | None = None, logo: Path | None = None) -> PackInfo:
    """Write the rules in force and the branch's details to ``file`` (a zip).

    Details not given come from the applied pack, else the branch name setting."""
    file = Path(file)
    current = applied_pack()
    name = (name if name is not None else (current.name if current else settings.get(settings.BRANCH_NAME))).strip()
    if not name:
        raise BranchPackError(file, [translate("BranchPack", "The pack needs the branch's name: give it "
                                               "(--name in the command line).")])
    version = (version if version is not None else (current.version if current else "1")).strip() or "1"
    address = (address if address is not None else (current.address if current else "")).strip()
    logo_bytes = None
    if logo is not None:
        try:
            logo_bytes = Path(logo).read_bytes()
        except OSError as exc:
            raise BranchPackError(file, [translate("BranchPack", "The logo {logo} cannot be read ({error}).")
                                         .format(logo=logo, error=exc.strerror or exc)]) from None
        if not logo_bytes.startswith(_PNG):
            raise BranchPackError(file, [translate("BranchPack", "The logo {logo} is not a PNG image.")
                                         .format(logo=logo)])
    elif current is not None and current.has_logo:
        logo_bytes = logo_path().read_bytes()
    info = PackInfo(name, version, address, date.today().isoformat(), logo_bytes is not None)
    partial = file.with_name(file.name + ".part")
    try:
        with private_files.open_private(partial, "wb") as handle, \
                zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as pack:
            pack.writestr(PACK_FILE, json.dumps(info.as_json(), ensure_ascii=False, indent=2) + "\n")
            for path in rules_files():
                pack.write(path, path.name)
            if logo_bytes is not None:
                pack.writestr(LOGO_FILE, logo_bytes)
        os.replace(partial, file)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise BranchPackError(file, [translate("BranchPack", "The file cannot be written ({error}): choose "
                                               "another folder.").format(error=exc.strerror or exc)]) from None
    return info


def _read_members(pack: zipfile.ZipFile, problems: list[str]) -> dict[str, bytes]:
    """The pack's files by name; the ones that are not part of a pack go to problems."""
    members: dict[str, bytes] = {}
    for entry in pack.infolist():
        if entry.is_dir():
            continue
        if "/" in entry.filename or "\\" in entry.filename or entry.filename.startswith("."):
            problems.append(translate("BranchPack", "{member}: files in folders are not part of a pack.")
                            .format(member=entry.filename))
            continue
        if entry.file_size > _MAX_MEMBER:
            problems.append(translate("BranchPack", "{member}: the file is too large.")
                            .format(member=entry.filename))
            continue
        try:
            members[entry.filename] = pack.read(entry)
        except (OSError, zipfile.BadZipFile, RuntimeError) as exc:
            problems.append(translate("BranchPack", "{member}: it cannot be read ({error}).")
                            .format(member=entry.filename, error=exc))
    return members


def _read_meta(members: dict[str, bytes], problems: list[str]) -> dict:
    """pack.json's object ({} when it is missing or bad; the reasons go to problems)."""
    meta: dict = {}
    if PACK_FILE not in members:
        problems.append(translate("BranchPack", "pack.json is missing: the file is not a branch pack."))
    else:
        try:
            meta = json.loads(members[PACK_FILE].decode("utf-8"))
            if not isinstance(meta, dict):
                raise ValueError(translate("BranchPack", "not a JSON object"))
        except (UnicodeDecodeError, ValueError) as exc:
            problems.append(translate("BranchPack", "pack.json is not valid JSON ({error}).").format(error=exc))
            meta = {}
        else:
            if not str(meta.get("name", "")).strip():
                problems.append(translate("BranchPack", "pack.json gives no branch name (\"name\")."))
            if not str(meta.get("version", "")).strip():
                problems.append(translate("BranchPack", "pack.json gives no version (\"version\")."))
            pack_format = meta.get("format", FORMAT)
            if not isinstance(pack_format, int) or pack_format > FORMAT:
                problems.append(translate("BranchPack", "The pack was made by a newer Kehu (format {format}): "
                                          "update the program first.").format(format=meta.get("format")))
    return meta


def _read(file: Path) -> tuple[dict, dict[str, bytes], list[str]]:
    """pack.json, the members by name, and the problems found reading them."""
    problems: list[str] = []
    try:
        pack = zipfile.ZipFile(file)
    except FileNotFoundError:
        raise BranchPackError(file, [translate("BranchPack", "The file does not exist.")]) from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise BranchPackError(file, [translate("BranchPack", "It is not a branch pack (not a zip file: {error}).")
                                     .format(error=exc)]) from None
    with pack:
        members = _read_members(pack, problems)
    meta = _read_meta(members, problems)
    if LOGO_FILE in members and not members[LOGO_FILE].startswith(_PNG):
        problems.append(translate("BranchPack", "logo.png is not a PNG image."))
    shipped = {p.name for p in resource_path("rules").glob("*.json")}
    for name in sorted(shipped - set(members)):
        problems.append(translate("BranchPack", "{member} is missing: a pack carries every rules file.")
                        .format(member=name))
    for name in sorted(set(members) - shipped - {PACK_FILE, LOGO_FILE}):
        problems.append(translate("BranchPack", "{member} is not a rules file this version of Kehu knows.")
                        .format(member=name))
    for name in sorted(shipped & set(members)):
        try:
            if not isinstance(json.loads(members[name].decode("utf-8")), dict):
                problems.append(translate("BranchPack", "{member}: the file must hold a JSON object.")
                                .format(member=name))
        except (UnicodeDecodeError, ValueError) as exc:
            problems.append(translate("BranchPack", "{member} is not valid JSON ({error}).")
                            .format(member=name, error=exc))
    return meta, members, problems


@contextlib.contextmanager
def _rules_from(folder: Path):
    """The program's loaders read ``folder`` for a while (to check it)."""
    before = os.environ.get("KEHU_RULES_DIR")
    os.environ["KEHU_RULES_DIR"] = str(folder)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("KEHU_RULES_DIR", None)
        else:
            os.environ["KEHU_RULES_DIR"] = before


def check_rules(folder: Path) -> list[str]:
    """Each problem the program's rules loaders find in ``folder``; empty if all load."""
    from model.grading import a_service
    from model.archive import backup_policy
    from model.partners import checklists
    from model.customers import customer_fields, import_headers, search
    from model.key_accounts import ka_rewards
    from model.visits import planning_rules
    from model.grading import ruleset
    checks = (
        ("dimensions.json", rules.dimensions),
        ("area_types.json", rules.area_types),
        ("import_headers.json", lambda: [import_headers.header_field("x", kind)
                                         for kind in ("customers", "transactions")]),
        ("grading.json / personas.json", ruleset.load),
        ("planning.json", planning_rules.planning_rules),
        ("surname_readings.json", search.fingerprint),
        ("ka_rewards.json", ka_rewards.load),
        ("a_service.json", lambda: (a_service.service_rules(), a_service.reward_rules())),
        ("customer_fields.json", customer_fields.field_rules),
        ("checklist_101.json", checklists.current_template),
        ("backups.json", backup_policy.backup_rules),
    )
    problems = []
    with _rules_from(folder):
        for name, load in checks:
            try:
                load()
            except (ruleset.RulesError, ka_rewards.RewardRulesError, checklists.ChecklistError) as exc:
                problems.append(str(exc))
            except (KeyError, TypeError, ValueError, AttributeError, IndexError, OSError) as exc:
                problems.append(translate("BranchPack", "{member}: an entry is missing or has the wrong type "
                                          "({error}).").format(member=name, error=f"{type(exc).__name__}: {exc}"))
    return problems


def read_pack(file: Path) -> PackInfo:
    """Check ``file`` completely without applying it; its details if it is usable."""
    file = Path(file)
    with tempfile.TemporaryDirectory(prefix="kehu-pack-") as temp:
        meta, _members = _unpack(file, Path(temp))
        return _info(meta, LOGO_FILE in _members)


def _unpack(file: Path, folder: Path) -> tuple[dict, dict[str, bytes]]:
    meta, members, problems = _read(file)
    if problems:
        raise BranchPackError(file, problems)
    for name, data in members.items():
        (folder / name).write_bytes(data)
    problems = check_rules(folder)
    if problems:
        raise BranchPackError(file, problems)
    return meta, members


def import_pack(file: Path) -> PackInfo:
    """Check ``file`` and make its rules the ones in force; nothing changes on any problem.

    The branch name becomes the printouts' header if none is set."""
    file = Path(file)
    root = rules.branch_rules_root()
    folder = root / f"pack-{uuid.uuid4().hex[:12]}"
    try:
        folder.mkdir(parents=True)
    except OSError as exc:
        raise BranchPackError(file, [translate("BranchPack", "The rules folder {folder} cannot be written "
                                               "({error}).").format(folder=root, error=exc.strerror or exc)]) from None
    try:
        meta, members = _unpack(file, folder)
        pointer = root / (rules.ACTIVE_FILE + ".part")
        pointer.write_text(folder.name + "\n", encoding="utf-8")
        os.replace(pointer, root / rules.ACTIVE_FILE)
    except BaseException as exc:
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, OSError):
            message = translate("BranchPack", "The rules folder {folder} cannot be written "
                                "({error}).").format(folder=root, error=exc.strerror or exc)
            raise BranchPackError(file, [message]) from None
        raise
    rules.forget_applied_pack()
    for old in root.glob("pack-*"):          # the packs no longer in force
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    info = _info(meta, LOGO_FILE in members)
    if not settings.get(settings.BRANCH_NAME).strip():
        settings.put(settings.BRANCH_NAME, info.name)
    return info


def bundled_pack() -> Path | None:
    """The pack an installer carries (applied on first start), if any."""
    path = resource_path(BUNDLED_PACK)
    return path if path.is_file() else None


def apply_bundled_pack() -> PackInfo | None:
    """On first start: apply the installer's pack unless a pack is already in force.

    Returns the pack applied, or None (none carried, one already applied)."""
    path = bundled_pack()
    if path is None or applied_pack() is not None:
        return None
    return import_pack(path)
