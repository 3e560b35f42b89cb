"""The canary: a customer with a unique name and phone is searched, printed,
exported and backed up, then deleted and purged; afterwards neither the name
(UTF-8 or UTF-16, nor its pinyin) nor the phone is in any file the program wrote:
the archive and its WAL, the backups folder, the temporary folder the program
used (TMPDIR points at a folder of the test), the settings folder, or PDFs left
anywhere but where the user chose.

The one exception is stated: the files the user explicitly printed or exported
to a place of their own choosing (``mine/``) hold the canary; they are the
user's, outside the program's keeping.

For an encrypted archive the canary is never in clear in the archive, its WAL
or its backups, even before it is deleted.
"""
from __future__ import annotations

import random
import subprocess
import tempfile
from datetime import date

import pytest

from model.archive import audit, backup, database, purge
from model.customers import customers, exporting, search

PASSPHRASE = "canary-test-passphrase-正确马"


def _canary() -> tuple[str, str]:
    rng = random.Random()
    # Common CJK ideographs, six of them: unique enough to be found nowhere else.
    name = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(6))
    phone = "139" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return name, phone


def _needles(name: str, phone: str) -> dict[str, bytes]:
    needles = {"name utf-8": name.encode("utf-8"), "name utf-16-le": name.encode("utf-16-le"),
               "name utf-16-be": name.encode("utf-16-be"), "phone": phone.encode("ascii"),
               "phone utf-16-le": phone.encode("utf-16-le")}
    whole = max(search.name_keys(name)[0].split() or [""], key=len)   # the full pinyin
    if len(whole) >= 12:   # long enough never to turn up by chance in binary data
        needles["pinyin"] = whole.encode("ascii")
    return needles


def _found(folders, needles: dict[str, bytes]) -> list[str]:
    hits = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            hits += [f"{path} ({what})" for what, needle in needles.items() if needle in data]
    return hits


@pytest.fixture
def places(tmp_path, monkeypatch, isolated_settings):
    """The archive's folder, the program's temporary folder, the user's own folder."""
    home, temp, mine = tmp_path / "archive", tmp_path / "tmp", tmp_path / "mine"
    for folder in (home, temp, mine):
        folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("KEHU_PASSPHRASE", PASSPHRASE)
    return home, temp, mine, isolated_settings


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_purged_customer_leaves_no_trace(qtbot, monkeypatch, places, encrypted):
    from cli import run_cli
    from gui.visits import print_dialogs
    home, temp, mine, settings_folder = places
    name, phone = _canary()
    needles = _needles(name, phone)
    path = home / "book.kehu"
    arch = database.Archive.create(path, passphrase=PASSPHRASE if encrypted else None)
    conn = arch.conn
    for i in range(3):
        customers.create(conn, {"name": f"邻居{i}", "phone": f"1380000000{i}"}, "test")
    cid = customers.create(conn, {"name": name, "phone": phone, "address": "幸福路8号",
                                  "notes": "喜欢理财讲座", "dim_financial_assets": "4.3"}, "test")
    customers.update(conn, cid, {"tags": "老客户"}, "test")
    from model import grading
    grading.set_opportunity(conn, cid, "clear", "1m", by="test")
    customers.log_contact(conn, cid, customers.Contact(date.today().isoformat(), "phone",
                                                       result="约了周五", next_date=date.today().isoformat()),
                          "test")

    # Search: the index holds the name and its pinyin.
    search.refresh(conn)
    assert cid in search.CustomerSearch(conn).find(name).ids

    # Print through the window's dialog and through the command line, to the user's folder,
    # phone numbers in full so the phone is really printed.
    monkeypatch.setattr(print_dialogs, "open_file", lambda p: None)
    dialog = print_dialogs.TrackingLogDialog(None, arch)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(mine / "window-log.pdf"))
    dialog.full_phone.setChecked(True)
    dialog.start()
    qtbot.waitUntil(lambda: dialog.written is not None or not dialog.error.isHidden(), timeout=20000)
    assert dialog.written is not None, dialog.error.text()
    assert name in _pdf_text(mine / "window-log.pdf")
    assert run_cli(["print", "tracking-log", str(path), "--grade", "A", "--full-phone",
                    "--pdf", str(mine / "cli-log.pdf")]) == 0
    assert name in _pdf_text(mine / "cli-log.pdf") and phone in _pdf_text(mine / "cli-log.pdf")

    # Export (CSV and .xlsx, window code path through the model; and the CLI) and back up.
    exporting.export_customers(conn, mine / "all.csv")
    exporting.export_customers(conn, mine / "all.xlsx", include_sensitive=True)
    assert run_cli(["export", str(path), str(mine / "cli.csv")]) == 0
    assert name.encode("utf-8") in (mine / "all.csv").read_bytes()
    made = backup.make_backup(conn, path)
    audit.record_backup(conn, made)
    assert run_cli(["backup", str(path)]) == 0
    assert len(backup.list_backups(path)) == 2

    if encrypted:   # never in clear, even while the customer is there
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
        assert (path.with_name(path.name + "-wal")).exists()
        assert _found([home], needles) == []
    else:
        assert _found([home], needles)        # the check can see it: the archive holds it

    # Delete and purge.
    customers.delete_many(conn, [cid], "test")
    result = purge.purge(conn, [cid], "test", "the customer asked to be forgotten")
    assert result.backups_cleaned == 2 and result.backups_failed == []
    assert cid not in search.CustomerSearch(conn).find(name).ids
    hits_while_open = _found([home, temp, settings_folder], needles)
    arch.close()
    assert hits_while_open == []
    assert _found([home, temp, settings_folder], needles) == []
    assert not [p for p in (list(home.rglob("*.pdf")) + list(temp.rglob("*.pdf")))]
    # The stated exception: what the user printed and exported to their own folder.
    assert _found([mine], needles)
    # The archive and its backups are still sound, and the trail says what happened.
    with database.Archive.open(path, PASSPHRASE if encrypted else None) as again:
        assert customers.count(again.conn) == 3
        actions = [e.action for e in audit.entries(again.conn)]
        assert actions.count("print") == 2 and actions.count("export") == 3
        assert actions.count("backup") == 2 and actions[0] == "purge"
    for made in backup.list_backups(path):
        assert backup.preview(made, PASSPHRASE if encrypted else None).healthy
