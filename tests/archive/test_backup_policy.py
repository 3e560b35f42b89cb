"""Automatic backups: rotation by the rules file, 'changed since the last backup', auto_backup."""
from __future__ import annotations

import json
import os
import time
from datetime import datetime, timedelta
from pathlib import Path

from model.archive import backup, backup_policy
from model.customers import customers
from model.archive.backup_policy import BackupEntry, BackupRules, plan_rotation
from model.archive.database import Archive

RULES = BackupRules(keep_all_hours=24, daily=7, weekly=4, monthly=6,
                    protected_reasons=("before-restore", "before-upgrade", "damaged"),
                    protected_days=30, on_close_max_mb=40)
NOW = datetime(2026, 11, 22, 12, 0, 0)


def entries_every(hours: float, count: int, reason: str = "on-close") -> list[BackupEntry]:
    return [BackupEntry(Path(f"b{i}.kehu"), NOW - timedelta(hours=hours * i), reason)
            for i in range(count)]


def test_rotation_keeps_last_day_then_daily_weekly_monthly():
    found = entries_every(6, 4 * 400)        # four a day for 400 days
    keep = plan_rotation(found, NOW, RULES)
    by_age = sorted(((NOW - e.taken), keep[e.path]) for e in found if e.path in keep)
    recent = [age for age, why in by_age if why in ("recent", "newest")]
    assert len(recent) == 5                    # 0, 6, 12, 18 and 24 hours old
    # One a day for a week (today's is among the recent), one a week, one a month:
    days = {(NOW - age).date() for age, _ in by_age}
    assert len([d for d in days if (NOW.date() - d).days < 7]) == 7
    assert max(age for age, _ in by_age) < timedelta(days=31 * 6)
    assert 7 + 4 + 6 - 3 <= len(keep) - 4 <= 7 + 4 + 6
    assert all(why in ("newest", "recent", "daily", "weekly", "monthly") for _, why in by_age)


def test_rotation_keeps_the_newest_of_each_day():
    found = entries_every(1, 24 * 10)          # hourly for ten days
    keep = plan_rotation(found, NOW, RULES)
    daily = [e for e in found if keep.get(e.path) == "daily"]
    for e in daily:
        same_day = [o for o in found if o.taken.date() == e.taken.date()]
        assert e.taken == max(o.taken for o in same_day)


def test_protected_reasons_kept_30_days_and_newest_never_deleted():
    old = NOW - timedelta(days=400)
    found = [BackupEntry(Path("old.kehu"), old, "on-close"),
             BackupEntry(Path("restore.kehu"), NOW - timedelta(days=20, hours=5), "before-restore"),
             BackupEntry(Path("upgrade.kehu"), NOW - timedelta(days=29), "before-upgrade-v3"),
             BackupEntry(Path("damaged.kehu"), NOW - timedelta(days=45), "damaged"),
             ] + [BackupEntry(Path(f"d{i}.kehu"), NOW - timedelta(days=20, hours=i), "on-close")
                  for i in range(1, 4)]
    keep = plan_rotation(found, NOW, BackupRules(0, 0, 0, 0, RULES.protected_reasons, 30, 40))
    assert keep == {Path("d1.kehu"): "newest", Path("restore.kehu"): "protected",
                    Path("upgrade.kehu"): "protected"}
    only_old = plan_rotation([found[0]], NOW, RULES)
    assert only_old == {Path("old.kehu"): "newest"}


def test_names_give_time_and_reason(tmp_path):
    stem = "shop"
    cases = {"shop-20261120-093000.kehu": (datetime(2026, 11, 20, 9, 30), ""),
             "shop-20261120-093000-before-upgrade-v3.kehu": (datetime(2026, 11, 20, 9, 30), "before-upgrade-v3"),
             "shop-20261120-093000-before-import-2.kehu": (datetime(2026, 11, 20, 9, 30), "before-import"),
             "shop-20261120-093000-2.kehu": (datetime(2026, 11, 20, 9, 30), "")}
    for name, (taken, reason) in cases.items():
        e = backup_policy.entry(tmp_path / name, stem)
        assert (e.taken, e.reason) == (taken, reason), name
    odd = tmp_path / "shop-copy.kehu"
    odd.write_bytes(b"")
    assert backup_policy.entry(odd, stem).reason == ""


def test_rotate_deletes_files_and_manifests_and_stale_partials(archive):
    folder = backup.backup_dir(archive.path)
    folder.mkdir()
    stem = archive.path.stem
    made = []
    for days in (0, 1, 2, 40, 41, 400):
        taken = datetime.now() - timedelta(days=days, minutes=1)
        path = folder / f"{stem}-{taken:%Y%m%d-%H%M%S}-on-close.kehu"
        path.write_bytes(b"x")
        Path(str(path) + ".json").write_text("{}")
        made.append(path)
    stale = folder / f"{stem}-20200101-000000.kehu.partial"
    fresh = folder / f"{stem}-20200101-000001.kehu.partial"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - 2 * backup_policy.PARTIAL_AGE_S
    os.utime(stale, (old, old))
    deleted = backup_policy.rotate(archive.path)
    # 0, 1, 2 days old: daily; 40: the newest of its month; 41: deleted unless its month is
    # another; 400: older than six months.
    same_month = backup_policy.entry(made[3], stem).taken.month == backup_policy.entry(made[4], stem).taken.month
    assert set(deleted) == ({made[4], made[5]} if same_month else {made[5]})
    assert not made[5].exists() and not Path(str(made[5]) + ".json").exists()
    assert all(p.exists() for p in made[:4])
    assert not stale.exists() and fresh.exists()


def test_rules_file_is_read_and_checked_by_branch_packs(tmp_path):
    from model.branch import branch_pack
    from model.core import rules
    shipped = backup_policy.backup_rules()
    assert (shipped.daily, shipped.weekly, shipped.monthly) == (7, 4, 6)
    assert "before-restore" in shipped.protected_reasons and shipped.protected_days == 30
    for name in ("good", "bad"):     # the loaders cache by folder: one folder each
        folder = tmp_path / name
        folder.mkdir()
        for path in rules.resource_path("rules").glob("*.json"):
            (folder / path.name).write_bytes(path.read_bytes())
    assert branch_pack.check_rules(tmp_path / "good") == []
    data = json.loads((folder / "backups.json").read_text(encoding="utf-8"))
    data["daily"] = "often"
    (folder / "backups.json").write_text(json.dumps(data), encoding="utf-8")
    problems = branch_pack.check_rules(folder)
    assert len(problems) == 1 and "backups.json" in problems[0]


def _add(archive, name="王芳", phone="13800000001"):
    return customers.create(archive.conn, {"name": name, "phone": phone}, by="t")


def test_needs_backup_follows_changes_of_every_connection(archive):
    assert backup_policy.needs_backup(archive)           # never backed up
    made = backup_policy.auto_backup(archive, "before-import")
    assert made is not None and made.name.endswith("-before-import.kehu")
    assert not backup_policy.needs_backup(archive)
    assert backup_policy.auto_backup(archive, "on-close") is None
    _add(archive)                                          # the main connection writes
    assert backup_policy.needs_backup(archive)
    backup_policy.auto_backup(archive, "on-close")
    assert not backup_policy.needs_backup(archive)
    other = archive.reader()                               # a worker's connection writes
    try:
        _add(type("A", (), {"conn": other})(), "李雷", "13800000002")
    finally:
        other.close()
    assert backup_policy.needs_backup(archive)
    forced = backup_policy.auto_backup(archive, "before-restore", force=True)
    assert forced is not None and backup_policy.auto_backup(archive, "x", force=True) is not None


def test_clean_close_is_remembered_and_a_change_elsewhere_is_seen(tmp_path, archive):
    path = archive.path
    _add(archive)
    backup_policy.auto_backup(archive, "on-close")
    archive.close()
    backup_policy.note_closed(path, clean=True)
    again = Archive.open(path)
    backup_policy.watch(again)
    assert not backup_policy.needs_backup(again)           # nothing changed since the last close
    again.close()
    with Archive.open(path) as third:                      # e.g. a command changes it
        _add(third, "韩梅梅", "13800000003")
    fourth = Archive.open(path)
    backup_policy.watch(fourth)
    try:
        assert backup_policy.needs_backup(fourth)
    finally:
        fourth.close()
    backup_policy.note_closed(path, clean=False)
    assert not (backup.backup_dir(path) / backup_policy.CLEAN_NOTE).exists()


def test_auto_backup_is_verified_and_rotates(archive):
    _add(archive)
    folder = backup.backup_dir(archive.path)
    folder.mkdir()
    ancient = folder / f"{archive.path.stem}-20190101-000000-on-close.kehu"
    ancient.write_bytes(b"old")
    made = backup_policy.auto_backup(archive, "on-close")
    assert made.exists() and not ancient.exists()
    assert backup.preview(made).counts["customers"] == 1


def test_quick_enough_by_size(archive, monkeypatch):
    assert backup_policy.quick_enough(archive)               # an empty archive: a few kB
    small = backup_policy.backup_rules().__class__(**{**backup_policy.backup_rules().__dict__,
                                                       "on_close_max_mb": 0.001})
    monkeypatch.setattr(backup_policy, "backup_rules", lambda: small)
    assert not backup_policy.quick_enough(archive)


def test_a_backup_is_consistent_while_a_worker_writes(archive, monkeypatch):
    _add(archive)
    other = archive.reader()
    real = backup._verify_copy

    def write_meanwhile(source, copy_path, key=None):
        _add(type("A", (), {"conn": other})(), "李雷", "13800000002")   # after the copy, before the check
        return real(source, copy_path, key)
    monkeypatch.setattr(backup, "_verify_copy", write_meanwhile)
    try:
        made = backup.make_backup(archive.conn, archive.path, reason="on-close")
    finally:
        other.close()
    assert backup.preview(made).counts["customers"] == 1
    assert archive.conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 2
    assert not archive.conn.in_transaction
