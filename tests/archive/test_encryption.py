"""Encryption at rest: nothing in clear, wrong passphrases change nothing,
passphrase change and conversion both ways, encrypted backups, keychain, CLI."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from model.archive import backup, database, encryption
from model.customers import customers
from model.archive import passphrase as passphrases
from model.archive.database import Archive, sqlite3

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery"
CANARY_NAME = "Zyxwvu Canarybird"
CANARY_PHONE = "13987654321"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend that keeps passwords in a dict."""
    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError
        if (service, username) not in self.store:
            raise PasswordDeleteError(username)
        del self.store[(service, username)]


@pytest.fixture(autouse=True)
def quick_throttle(monkeypatch):
    """Wrong tries are slowed down in tiny steps here, and the waits recorded. The clock
    moves only by those waits, so a slow key derivation on a busy machine cannot use the
    wait up before it is due."""
    waits: list[float] = []
    now = [1_000_000.0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    passphrases.throttle.reset()
    monkeypatch.setattr(passphrases.throttle, "base_delay", 0.01)
    monkeypatch.setattr(passphrases.throttle, "sleep", sleep)
    monkeypatch.setattr(passphrases.throttle, "clock", lambda: now[0])
    yield waits
    passphrases.throttle.reset()


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


def add_canary(arch: Archive) -> int:
    return customers.create(arch.conn, {"name": CANARY_NAME, "phone": CANARY_PHONE}, "test")


def files_of(folder: Path) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file())


def in_clear(path: Path) -> bool:
    data = path.read_bytes()
    needles = [CANARY_NAME.encode(), CANARY_PHONE.encode(), CANARY_NAME.encode("utf-16-le"),
               CANARY_PHONE.encode("utf-16-le")]
    return any(n in data for n in needles)


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files_of(folder)}


@pytest.fixture
def encrypted(tmp_path):
    arch = Archive.create(tmp_path / "book.kehu", passphrase=PASS)
    add_canary(arch)
    yield arch
    arch.close()


# -- nothing in clear --------------------------------------------------------

def test_canary_is_never_in_clear_in_archive_wal_or_backup(encrypted, tmp_path):
    assert encrypted.encrypted and database.is_encrypted(encrypted.path)
    wal = Path(str(encrypted.path) + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the canary sits in the WAL right now
    made = backup.make_backup(encrypted.conn, encrypted.path)
    assert database.is_encrypted(made)
    manifest = json.loads(backup.manifest_path(made).read_text(encoding="utf-8"))
    assert manifest["encrypted"] is True and manifest["integrity"] == "ok"
    assert manifest["counts"]["customers"] == 1 and manifest["taken_at"]
    encrypted.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    found = files_of(tmp_path)
    assert {wal, encrypted.path, made} <= set(found)
    assert [p for p in found if in_clear(p)] == []
    # The same test would catch a plain archive: the canary is readable there.
    (tmp_path / "plain").mkdir()
    plain = Archive.create(tmp_path / "plain" / "p.kehu")
    add_canary(plain)
    plain.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert in_clear(plain.path)
    plain.close()


def test_a_backup_opens_with_the_archive_passphrase_and_restores(encrypted, tmp_path):
    made = backup.make_backup(encrypted.conn, encrypted.path)
    conn = sqlite3.connect(str(made))
    conn.execute(f"PRAGMA key = '{PASS}'")  # SQLCipher's own derivation: the same key
    assert conn.execute("SELECT name FROM customers").fetchone()[0] == CANARY_NAME
    conn.close()
    with pytest.raises(database.PassphraseNeeded):
        backup.preview(made)
    with pytest.raises(database.WrongPassphrase):
        backup.preview(made, "not it")
    info = backup.preview(made, PASS)
    assert info.healthy and info.encrypted and info.counts["customers"] == 1
    path = encrypted.path
    customers.create(encrypted.conn, {"name": "Later one"}, "test")
    encrypted.close()
    kept = backup.restore(path, made, passphrase=PASS)
    assert kept is not None and database.is_encrypted(kept)
    again = Archive.open(path, PASS)
    try:
        assert again.encrypted
        assert [r[0] for r in again.conn.execute("SELECT name FROM customers")] == [CANARY_NAME]
    finally:
        again.close()
    assert [p for p in files_of(tmp_path) if in_clear(p)] == []


# -- wrong passphrase ----------------------------------------------------------

def test_open_needs_the_passphrase_and_a_wrong_one_changes_no_file(encrypted, tmp_path, quick_throttle):
    path = encrypted.path
    encrypted.close()
    # A -wal left behind (as after a crash): made by a bare connection that never checkpoints.
    conn = database.connect(path, passphrase=PASS)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    customers.create(conn, {"name": "In the WAL only"}, "test")
    wal_copy = Path(str(path) + "-wal").read_bytes()
    shm_copy = Path(str(path) + "-shm").read_bytes()
    conn.close()
    Path(str(path) + "-wal").write_bytes(wal_copy)
    Path(str(path) + "-shm").write_bytes(shm_copy)
    lock = path.with_name(path.name + ".lock")
    lock.write_bytes(b"12345")  # a stale lock file from a crash
    before = hashes(tmp_path)
    assert {"book.kehu", "book.kehu-wal", "book.kehu-shm", "book.kehu.lock"} <= set(before)
    with pytest.raises(database.PassphraseNeeded) as needed:
        Archive.open(path)
    assert "encrypted" in str(needed.value) and "KEHU_PASSPHRASE" in str(needed.value)
    for n in range(1, 8):
        with pytest.raises(database.WrongPassphrase) as wrong:
            Archive.open(path, f"wrong {n}")
        assert wrong.value.tries == n
        assert hashes(tmp_path) == before
    assert "does not open" in str(wrong.value) and "waits longer" in str(wrong.value)
    # The first five tries were free; then each try waited, twice as long as the last.
    assert len(quick_throttle) == 2 and quick_throttle[1] > quick_throttle[0] > 0
    quick_throttle.clear()
    lock.unlink()
    opened = Archive.open(path, PASS)  # waits once more, then opens
    try:
        names = {r[0] for r in opened.conn.execute("SELECT name FROM customers")}
        assert names == {CANARY_NAME, "In the WAL only"}
    finally:
        opened.close()
    assert passphrases.throttle.tries(path) == 0  # success resets the count


def test_throttle_delays_grow_and_are_capped():
    t = passphrases.Throttle(free_tries=5, base_delay=2, max_delay=60)
    assert [t.delay_after(n) for n in (1, 4, 5, 6, 7, 20)] == [0, 0, 2, 4, 8, 60]


def test_plain_archives_and_stray_files_are_not_taken_for_encrypted(archive, tmp_path):
    assert not archive.encrypted and not database.is_encrypted(archive.path)
    stray = tmp_path / "notes.kehu"
    stray.write_text("just some text, not an archive\n")
    assert not database.is_encrypted(stray)
    with pytest.raises(database.NotAnArchive):
        Archive.open(stray)


def test_is_demo_tells_the_demo_archive_by_its_date(archive):
    assert not encryption.is_demo(archive.conn)
    with archive.transaction():
        archive.conn.execute("INSERT INTO meta(key, value) VALUES ('demo_as_of', '2026-11-23')")
    assert encryption.is_demo(archive.conn)


def test_key_is_sqlciphers_default_derivation(encrypted):
    # A file keyed with the raw key opens with SQLCipher's own passphrase handling.
    conn = sqlite3.connect(str(encrypted.path))
    conn.execute(f"PRAGMA key = '{PASS}'")
    assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 1
    conn.close()
    reader = encrypted.reader()
    try:
        assert reader.execute("SELECT phone FROM customers").fetchone()[0] == CANARY_PHONE
    finally:
        reader.close()
    assert "hidden" in repr(encrypted.key)


def test_the_key_is_dropped_on_close(encrypted):
    encrypted.close()
    assert encrypted.key is None and encrypted.encrypted
    with pytest.raises(database.ArchiveError):
        encrypted.reader()


# -- change and conversion ---------------------------------------------------------

def test_change_passphrase_rekeys_archive_and_backups(encrypted, memory_keyring):
    path = encrypted.path
    older = backup.make_backup(encrypted.conn, path)
    passphrases.remember(path, PASS)
    left = encryption.change_passphrase(encrypted, "a new long passphrase")
    assert left == []
    assert passphrases.remembered(path) == "a new long passphrase"
    customers.create(encrypted.conn, {"name": "After the change"}, "test")
    encrypted.close()
    with pytest.raises(database.WrongPassphrase):
        Archive.open(path, PASS)
    again = Archive.open(path, "a new long passphrase")
    assert again.conn.execute("SELECT count(*) FROM customers").fetchone()[0] == 2
    again.close()
    for item in backup.list_backups(path):  # the backup made before and the one the change took
        assert backup.preview(item, "a new long passphrase").healthy
        with pytest.raises(database.WrongPassphrase):
            backup.preview(item, PASS)
    assert older in backup.list_backups(path)


def test_encrypt_a_plain_archive_then_decrypt_it(tmp_path, memory_keyring):
    plain = Archive.create(tmp_path / "book.kehu")
    add_canary(plain)
    old_backup = backup.make_backup(plain.conn, plain.path)
    assert in_clear(old_backup)
    arch, left_plain = encryption.encrypt(plain, PASS)
    try:
        assert left_plain == [] and arch.encrypted and database.is_encrypted(arch.path)
        assert arch.conn.execute("SELECT name FROM customers").fetchone()[0] == CANARY_NAME
        assert arch.schema_version() > 0
        assert encryption.plain_backups(arch.path) == []
        assert len(backup.list_backups(arch.path)) == 2  # the older one and the one before encrypting
        assert backup.read_manifest(old_backup)["encrypted"] is True
        arch.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert [p for p in files_of(tmp_path) if in_clear(p)] == []
        assert not list(tmp_path.glob("*.converting*"))
        passphrases.remember(arch.path, PASS)
        back = encryption.decrypt(arch)
    finally:
        arch.close()
    try:
        assert not back.encrypted and not database.is_encrypted(back.path)
        assert back.conn.execute("SELECT phone FROM customers").fetchone()[0] == CANARY_PHONE
        assert passphrases.remembered(back.path) is None
        # Backups made while it was encrypted stay encrypted.
        assert all(database.is_encrypted(p) for p in backup.list_backups(back.path))
    finally:
        back.close()
    with Archive.open(tmp_path / "book.kehu") as again:
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_conversion_refuses_the_wrong_state(encrypted, archive):
    with pytest.raises(database.ArchiveError):
        encryption.encrypt(encrypted, "x")
    with pytest.raises(database.ArchiveError):
        encryption.decrypt(archive)
    with pytest.raises(database.ArchiveError):
        encryption.change_passphrase(archive, "x")


# -- passphrases: strength and keychain -------------------------------------------

@pytest.mark.parametrize("text, level", [
    ("", "weak"), ("password1", "weak"), ("12345678", "weak"), ("qwertyuiop", "weak"),
    ("aaaaaaaaaaaa", "weak"), ("k7#Lq", "weak"), ("blue-kettle", "fair"),
    ("lanternrain9", "fair"), ("Lantern9Rain", "strong"), ("correct horse battery staple", "strong"),
    ("客户经营助手的密码很长", "strong"), ("密码很长", "fair"), ("Tq8!mZ2#vR5@", "strong"),
])
def test_strength(text, level):
    result = passphrases.strength(text)
    assert result.level == level, result
    assert result.hint


def test_keychain_remember_and_forget(memory_keyring, tmp_path):
    path = tmp_path / "a.kehu"
    assert passphrases.keychain_available()
    assert passphrases.remembered(path) is None
    assert passphrases.remember(path, "s3cret words")
    assert memory_keyring.store == {(passphrases.KEYCHAIN_SERVICE, str(path.resolve())): "s3cret words"}
    assert passphrases.remembered(tmp_path / "." / "a.kehu") == "s3cret words"
    passphrases.forget(path)
    passphrases.forget(path)  # forgetting twice is fine
    assert passphrases.remembered(path) is None and memory_keyring.store == {}


def test_no_keychain_is_explained(tmp_path):
    from keyring.backends import fail
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        reason = passphrases.keychain_unavailable_reason()
        assert reason and "keychain" in reason.lower()
        assert not passphrases.remember(tmp_path / "a.kehu", "x")
        assert passphrases.remembered(tmp_path / "a.kehu") is None
    finally:
        keyring.set_keyring(previous)


# -- command line ----------------------------------------------------------------

@pytest.fixture
def cli(qapp, monkeypatch):
    """run_cli in English, no passphrase in the environment, stdin not a terminal;
    the passphrase provider it installs is removed afterwards."""
    from cli import run_cli
    from model.core import settings
    settings.put(settings.LANGUAGE, "en")
    monkeypatch.delenv("KEHU_PASSPHRASE", raising=False)
    monkeypatch.delenv("KEHU_NEW_PASSPHRASE", raising=False)
    yield run_cli
    database.set_passphrase_provider(None)


def test_cli_new_is_encrypted_and_every_command_takes_the_env_passphrase(cli, tmp_path, monkeypatch, capsys):
    path = tmp_path / "c.kehu"
    assert cli(["new", str(path)]) == 2  # no terminal, no variable: it says how, creates nothing
    assert "KEHU_PASSPHRASE" in capsys.readouterr().err and not path.exists()
    monkeypatch.setenv("KEHU_PASSPHRASE", PASS)
    assert cli(["new", str(path)]) == 0
    assert "encrypted" in capsys.readouterr().out and database.is_encrypted(path)
    csv = tmp_path / "people.csv"
    csv.write_text(f"name,phone\n{CANARY_NAME},{CANARY_PHONE}\n", encoding="utf-8")
    assert cli(["import", str(path), str(csv)]) == 0
    assert cli(["check", str(path)]) == 0
    assert cli(["backup", str(path)]) == 0
    made = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert database.is_encrypted(made)
    assert [p for p in files_of(tmp_path) if p.suffix != ".csv" and in_clear(p)] == []
    monkeypatch.setenv("KEHU_PASSPHRASE", "wrong one")
    assert cli(["backup", str(path)]) == 2
    assert "does not open" in capsys.readouterr().err
    monkeypatch.delenv("KEHU_PASSPHRASE")
    assert cli(["check", str(path)]) == 2
    assert "no terminal" in capsys.readouterr().err
    monkeypatch.setenv("KEHU_PASSPHRASE", PASS)
    assert cli(["restore", str(path)]) == 0


def test_cli_prompts_at_a_terminal(cli, tmp_path, monkeypatch, capsys):
    from cli import _passphrase
    typed = iter(["abc", "y", "abd", "a good long passphrase", "a good long passphrase"])
    monkeypatch.setattr(_passphrase, "_interactive", lambda: True)
    monkeypatch.setattr(_passphrase, "_prompt", lambda text: next(typed))
    monkeypatch.setattr("builtins.input", lambda text: next(typed))
    path = tmp_path / "t.kehu"
    # "abc" is weak: confirmed with y, but the second typing differs, so it is asked again.
    assert cli(["new", str(path)]) == 0
    out = capsys.readouterr()
    assert "weak" in out.out and "do not match" in out.err
    typed = iter(["a good long passphrase"])
    assert cli(["check", str(path)]) == 0


def test_cli_change_encrypt_decrypt(cli, tmp_path, monkeypatch, capsys):
    path = tmp_path / "p.kehu"
    assert cli(["new", "--plain", str(path)]) == 0
    assert "not encrypted" in capsys.readouterr().out
    assert cli(["passphrase", str(path)]) == 2  # plain: nothing to change
    monkeypatch.setenv("KEHU_NEW_PASSPHRASE", PASS)
    assert cli(["encrypt", str(path)]) == 0 and database.is_encrypted(path)
    monkeypatch.setenv("KEHU_PASSPHRASE", PASS)
    monkeypatch.setenv("KEHU_NEW_PASSPHRASE", "the second long passphrase")
    assert cli(["passphrase", str(path)]) == 0
    monkeypatch.setenv("KEHU_PASSPHRASE", "the second long passphrase")
    capsys.readouterr()
    assert cli(["decrypt", str(path)]) == 2  # no terminal and no --yes: refused, unchanged
    assert "--yes" in capsys.readouterr().err and database.is_encrypted(path)
    assert cli(["decrypt", "--yes", str(path)]) == 0
    assert not database.is_encrypted(path)
    with Archive.open(path) as arch:
        assert not arch.encrypted


def test_cli_takes_no_passphrase_argument(cli, tmp_path, capsys):
    with pytest.raises(SystemExit):
        cli(["new", "--passphrase", "x", str(tmp_path / "x.kehu")])
    capsys.readouterr()
