"""Branch rule packs: export, import on a fresh installation, and every refusal leaves the rules as they were."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from model.branch import branch_pack
from model.visits import planning_rules
from model.core import rules, settings
from model.grading import ruleset
from model.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _fresh_installation(tmp_path, monkeypatch, name: str) -> Path:
    """Another user's settings (and so no applied pack)."""
    folder = tmp_path / name
    folder.mkdir()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("KEHU_SETTINGS_DIR", str(folder))
    return folder


def _members(file: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(file) as pack:
        return {n: pack.read(n) for n in pack.namelist()}


def _rewrite(file: Path, out: Path, change) -> Path:
    members = _members(file)
    change(members)
    with zipfile.ZipFile(out, "w") as pack:
        for name, data in members.items():
            pack.writestr(name, data)
    return out


@pytest.fixture
def pack(tmp_path):
    """A pack from the shipped rules with one change a branch made (visits per day)."""
    folder = tmp_path / "branch-rules"
    folder.mkdir()
    for path in resource_path("rules").glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    planning = json.loads((folder / "planning.json").read_text(encoding="utf-8"))
    planning["visits_per_day"] = 11
    (folder / "planning.json").write_text(json.dumps(planning, ensure_ascii=False), encoding="utf-8")
    logo = tmp_path / "logo.png"
    logo.write_bytes(PNG)
    file = tmp_path / "pack.zip"
    import os
    os.environ["KEHU_RULES_DIR"] = str(folder)
    try:
        info = branch_pack.export_pack(file, name="城东支行", address="解放路 1 号", version="2026.1", logo=logo)
    finally:
        del os.environ["KEHU_RULES_DIR"]
    assert info.has_logo and info.version == "2026.1"
    return file, folder


def test_round_trip_on_a_fresh_installation(pack, tmp_path, monkeypatch):
    file, source = pack
    _fresh_installation(tmp_path, monkeypatch, "other-user")
    assert branch_pack.applied_pack() is None
    assert rules.rules_dir() == resource_path("rules")
    assert planning_rules.planning_rules().visits_per_day != 11

    info = branch_pack.import_pack(file)

    assert (info.name, info.version, info.address) == ("城东支行", "2026.1", "解放路 1 号")
    folder = rules.rules_dir()
    assert folder != resource_path("rules")
    for path in source.glob("*.json"):
        assert (folder / path.name).read_bytes() == path.read_bytes(), path.name
    assert planning_rules.planning_rules().visits_per_day == 11
    assert branch_pack.applied_pack() == info
    assert branch_pack.logo_path().read_bytes() == PNG
    assert settings.get(settings.BRANCH_NAME) == "城东支行"      # none was set: the pack's name is printed

    # Exported again it carries the same rules and details.
    again = tmp_path / "again.zip"
    branch_pack.export_pack(again)
    first, second = _members(file), _members(again)
    assert {n: d for n, d in first.items() if n != "pack.json"} == {n: d for n, d in second.items() if n != "pack.json"}
    assert json.loads(second["pack.json"])["name"] == "城东支行"


def test_branch_name_already_set_is_kept(pack):
    settings.put(settings.BRANCH_NAME, "我的网点")
    branch_pack.import_pack(pack[0])
    assert settings.get(settings.BRANCH_NAME) == "我的网点"


def _no_pack(_members):
    del _members["pack.json"]


def _bad_json(m):
    m["grading.json"] = b"{ not json"


def _missing_file(m):
    del m["dimensions.json"]


def _unknown_code(m):
    data = json.loads(m["personas.json"])
    data["personas"][0]["codes"]["age"] = ["1.99"]
    m["personas.json"] = json.dumps(data).encode()


def _wrong_structure(m):
    data = json.loads(m["planning.json"])
    del data["working_hours"]
    m["planning.json"] = json.dumps(data).encode()


def _no_name(m):
    m["pack.json"] = json.dumps({"format": 1, "version": "1"}).encode()


def _newer_format(m):
    m["pack.json"] = json.dumps({"format": 99, "name": "x", "version": "1"}).encode()


def _bad_logo(m):
    m["logo.png"] = b"GIF89a"


def _foreign_file(m):
    m["../evil.json"] = b"{}"


@pytest.mark.parametrize("change, words", [
    (_no_pack, "pack.json is missing"),
    (_bad_json, "grading.json is not valid JSON"),
    (_missing_file, "dimensions.json is missing"),
    (_unknown_code, "1.99"),
    (_wrong_structure, "planning.json"),
    (_no_name, "no branch name"),
    (_newer_format, "newer Kehu"),
    (_bad_logo, "logo.png is not a PNG"),
    (_foreign_file, "folders"),
])
def test_each_problem_is_named_and_nothing_changes(pack, tmp_path, change, words):
    good = pack[0]
    branch_pack.import_pack(good)                      # a pack is in force
    before_dir = rules.rules_dir()
    before = {p.name: p.read_bytes() for p in before_dir.iterdir()}
    bad = _rewrite(good, tmp_path / "bad.zip", change)

    with pytest.raises(branch_pack.BranchPackError) as caught:
        branch_pack.import_pack(bad)

    assert words in str(caught.value)
    assert rules.rules_dir() == before_dir
    assert {p.name: p.read_bytes() for p in before_dir.iterdir()} == before
    assert [p.name for p in rules.branch_rules_root().glob("pack-*")] == [before_dir.name]
    assert ruleset.load() is not None


def test_not_a_zip_and_missing_file(tmp_path):
    (tmp_path / "text.zip").write_text("hello", encoding="utf-8")
    with pytest.raises(branch_pack.BranchPackError, match="not a zip"):
        branch_pack.import_pack(tmp_path / "text.zip")
    with pytest.raises(branch_pack.BranchPackError, match="does not exist"):
        branch_pack.import_pack(tmp_path / "nowhere.zip")
    assert rules.rules_dir() == resource_path("rules")


def test_export_needs_a_name(tmp_path):
    with pytest.raises(branch_pack.BranchPackError, match="name"):
        branch_pack.export_pack(tmp_path / "p.zip")
    assert not (tmp_path / "p.zip").exists()


def test_command_line(tmp_path, isolated_settings):
    env = {"KEHU_SETTINGS_DIR": str(isolated_settings), "XDG_CONFIG_HOME": str(isolated_settings),
           "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"}

    def run(*args):
        return subprocess.run([sys.executable, "main.py", "branch-pack", *args], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=120)
    file = tmp_path / "cli.zip"
    done = run("export", str(file), "--name", "West branch", "--version", "3")
    assert done.returncode == 0, done.stderr
    assert "West branch, version 3" in done.stdout
    done = run("import", str(file), "--check")
    assert done.returncode == 0 and "nothing was changed" in done.stdout
    done = run("show")
    assert "No branch pack" in done.stdout
    done = run("import", str(file))
    assert done.returncode == 0, done.stderr
    assert "West branch, version 3" in run("show").stdout
    bad = _rewrite(file, tmp_path / "bad.zip", _missing_file)
    done = run("import", str(bad))
    assert done.returncode == 2 and "dimensions.json is missing" in done.stderr
