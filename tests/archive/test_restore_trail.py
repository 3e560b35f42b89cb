"""Restore keeps the audit trail and says first what it takes away (issue 17, point 1)."""
from __future__ import annotations

from model.archive import audit, backup, database, restore_loss
from model.customers import customers


def _add(conn, name, phone):
    return customers.create(conn, {"name": name, "phone": phone}, by="王芳")


def test_changes_since_a_backup_name_what_a_restore_takes_away(archive):
    first = _add(archive.conn, "张伟", "13800000001")
    made = backup.make_backup(archive.conn, archive.path)
    for i in range(4):
        _add(archive.conn, f"李{i}", f"1390000000{i}")
    customers.update(archive.conn, first, {"notes": "改了"}, by="王芳")
    customers.log_contact(archive.conn, first, customers.Contact("2026-12-01", "visit"), by="王芳")
    changes = {c.kind: c for c in restore_loss.changes_since(archive.conn, made)}
    assert changes["customers"].count == 4
    assert changes["customers"].newest == ["李3", "李2", "李1"]
    assert changes["edited"].count == 1 and changes["edited"].newest == ["张伟"]
    assert changes["contacts"].count == 1 and "张伟" in changes["contacts"].newest[0]
    assert "visit_plans" not in changes
    text = restore_loss.describe(list(changes.values()))
    assert "Customers added: 4" in text and "李3" in text


def test_nothing_changed_since_the_backup(archive):
    _add(archive.conn, "张伟", "13800000001")
    made = backup.make_backup(archive.conn, archive.path)
    assert restore_loss.changes_since(archive.conn, made) == []
    assert "Nothing changed" in restore_loss.describe([])


def test_the_trail_only_grows_across_a_restore(tmp_path):
    path = tmp_path / "a.kehu"
    with database.Archive.create(path) as arch:
        _add(arch.conn, "张伟", "13800000001")
        made = backup.make_backup(arch.conn, arch.path)
        audit.record(arch.conn, "export", "客户.csv", 804, by="王芳", reason="年度核对")
        for n in range(6):
            audit.record(arch.conn, "print", f"print {n}", 1, by="王芳")
    kept = backup.restore(path, made)
    with database.Archive.open(path) as arch:
        carried = restore_loss.after_restore(arch.conn, made, kept, by="王芳")
        got = audit.entries(arch.conn)
        # Carrying again (a second open) adds nothing: entries are matched, not repeated.
        assert restore_loss.carry_trail(arch.conn, kept) == 0
    assert carried == 7
    assert [e.action for e in got] == ["restore"] + ["print"] * 6 + ["export"]
    assert got[-1].reason == "年度核对" and got[-1].count == 804
    assert got[0].detail["carried"] == 7
    assert "carried over: 7" in audit.detail_text(got[0])


def test_an_encrypted_archive_carries_its_trail(tmp_path):
    path = tmp_path / "e.kehu"
    with database.Archive.create(path, passphrase="correct horse 1") as arch:
        _add(arch.conn, "张伟", "13800000001")
        made = backup.make_backup(arch.conn, arch.path)
        audit.record(arch.conn, "print", "p", 1, by="王芳")
        key = arch.key
        assert [c.kind for c in restore_loss.changes_since(arch.conn, made, key)] == []
    kept = backup.restore(path, made, passphrase="correct horse 1")
    with database.Archive.open(path, passphrase="correct horse 1") as arch:
        assert restore_loss.after_restore(arch.conn, made, kept) == 1
        assert [e.action for e in audit.entries(arch.conn)] == ["restore", "print"]
