"""Passphrases of encrypted archives: how strong one is, remembering it in the
operating system's keychain, and slowing down wrong tries.

A passphrase is never written to a file beside the archive or to the settings:
when the user asks, it is kept in the OS keychain (``keyring``) under the
archive's absolute path, and nowhere else.
"""
from __future__ import annotations

import hashlib
import json
import re
import threading
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from model.core.i18n import translate

KEYCHAIN_SERVICE = "Kehu archive"

# -- strength -----------------------------------------------------------------

# Passphrases people pick first; a passphrase that is (or is built from) one of
# these is weak whatever its length.
_COMMON = {
    "password", "passw0rd", "p@ssw0rd", "123456", "1234567", "12345678", "123456789",
    "1234567890", "111111", "000000", "666666", "888888", "88888888", "123123", "654321",
    "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbnm", "abc123", "a123456",
    "iloveyou", "admin", "welcome", "letmein", "monkey", "dragon", "sunshine", "princess",
    "football", "baseball", "master", "shadow", "superman", "trustno1", "woaini",
    "woaini1314", "5201314", "1314520", "aini1314", "qq123456", "kehu", "kehu123",
    "customer", "secret", "changeme", "bank", "china", "beijing", "shanghai",
}
_SEQUENCES = ("abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm",
              "01234567890", "09876543210")

WEAK, FAIR, STRONG = "weak", "fair", "strong"
MIN_LENGTH = 8


@dataclass
class Strength:
    level: str       # weak / fair / strong
    score: int       # 0..4, for a meter
    hint: str        # translated: what makes it weak, or that it is fine


def _classes(text: str) -> int:
    found = 0
    found += any(c.islower() for c in text)
    found += any(c.isupper() for c in text)
    found += any(c.isdigit() for c in text)
    found += any(not c.isalnum() and not c.isspace() for c in text)
    found += any(ord(c) > 0x2E7F for c in text)  # CJK and other scripts: a large alphabet
    return found


def _is_sequence(text: str) -> bool:
    low = text.lower()
    if len(set(low)) <= 2:
        return True
    for seq in _SEQUENCES:
        if low in seq or low in seq[::-1]:
            return True
    return False


def strength(passphrase: str) -> Strength:
    """A plain estimate (length, kinds of characters, common passwords and
    keyboard or number runs) with a hint the user can act on."""
    text = unicodedata.normalize("NFC", passphrase)
    # A Chinese (or other large-script) character is worth about two Latin letters.
    length = sum(2 if ord(c) > 0x2E7F else 1 for c in text)
    if not text:
        return Strength(WEAK, 0, translate("Passphrase", "Type a passphrase."))
    core = re.sub(r"[\d\W_]+$", "", text.lower()) or text.lower()
    if text.lower() in _COMMON or core in _COMMON or _is_sequence(text):
        return Strength(WEAK, 0, translate("Passphrase", "This is a common password or a simple run of "
                                           "keys; anyone trying passwords would guess it first."))
    if length < MIN_LENGTH:
        return Strength(WEAK, 1, translate("Passphrase", "Too short: use at least {count} characters, "
                                           "better a few words.").format(count=MIN_LENGTH))
    classes = _classes(text)
    words = len(text.split())
    if length >= 16 or (length >= 12 and classes >= 3) or words >= 4:
        return Strength(STRONG, 4, translate("Passphrase", "Strong. Write it down somewhere safe: "
                                             "without it the archive cannot be opened."))
    if length >= 12 or classes >= 3:
        return Strength(FAIR, 3, translate("Passphrase", "Fair. A few more characters or another word "
                                           "would make it strong."))
    return Strength(FAIR, 2, translate("Passphrase", "Fair, but short: add a word, digits or signs."))


# -- keychain -----------------------------------------------------------------

def _account(archive_path: Path | str) -> str:
    return str(Path(archive_path).resolve())


def keychain_unavailable_reason() -> str | None:
    """None when a usable keychain exists; otherwise why not (translated)."""
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # noqa: BLE001 - a missing or broken keyring package: no keychain
        return translate("Passphrase", "The keychain support is not installed.")
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001
        backend = None
    if backend is None or isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return translate("Passphrase", "No keychain is available on this computer (for example no "
                         "Secret Service on this Linux desktop), so the passphrase cannot be "
                         "remembered. Type it each time.")
    return None


def keychain_available() -> bool:
    return keychain_unavailable_reason() is None


def remembered(archive_path: Path | str) -> str | None:
    """The passphrase kept in the keychain for this archive, if any."""
    if not keychain_available():
        return None
    import keyring
    try:
        return keyring.get_password(KEYCHAIN_SERVICE, _account(archive_path))
    except Exception:  # noqa: BLE001 - a locked or failing keychain is "nothing remembered"
        return None


def remember(archive_path: Path | str, passphrase: str) -> bool:
    """Keep the passphrase in the keychain; False when that was not possible."""
    if not keychain_available():
        return False
    import keyring
    try:
        keyring.set_password(KEYCHAIN_SERVICE, _account(archive_path), passphrase)
        return True
    except Exception:  # noqa: BLE001
        return False


def forget(archive_path: Path | str) -> None:
    """Remove a remembered passphrase (nothing happens when there is none)."""
    if not keychain_available():
        return
    import keyring
    from keyring.errors import PasswordDeleteError
    try:
        keyring.delete_password(KEYCHAIN_SERVICE, _account(archive_path))
    except PasswordDeleteError:
        pass
    except Exception:  # noqa: BLE001
        pass


# -- wrong tries ----------------------------------------------------------------

class Throttle:
    """Counts wrong passphrases per archive, across runs of the program: the
    count and the time of the last wrong try are kept in the program's own state
    folder (beside its settings, never beside or inside the archive), so a new
    command-line run does not start again at zero. The first ``free_tries`` cost
    nothing extra; after them each try waits twice as long as the one before
    (``base_delay``, then double, up to ``max_delay``). ``sleep`` and ``clock``
    (wall-clock seconds) can be replaced in tests; ``state_file`` returns the
    file to keep the counts in (None: this process only)."""

    def __init__(self, free_tries: int = 5, base_delay: float = 2.0, max_delay: float = 60.0,
                 sleep=time.sleep, clock=time.time, state_file=None):
        self.free_tries = free_tries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.sleep = sleep
        self.clock = clock
        self.state_file = state_file
        self._state: dict[str, list] = {}
        self._guard = threading.Lock()

    def delay_after(self, tries: int) -> float:
        if tries < self.free_tries:
            return 0.0
        return min(self.max_delay, self.base_delay * 2 ** (tries - self.free_tries))

    # The state: {sha256 of the archive's absolute path: [wrong tries, time of the last]}.
    def _file(self) -> Path | None:
        return self.state_file() if self.state_file is not None else None

    def _load(self) -> dict[str, list]:
        path = self._file()
        if path is None:
            return self._state
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def _save(self, state: dict[str, list]) -> None:
        path = self._file()
        if path is None:
            self._state = state
            return
        from model.core import private_files
        try:
            private_files.make_folder(path.parent)
            with private_files.replacing(path) as temporary:
                temporary.write_text(json.dumps(state), encoding="utf-8")
        except OSError:
            self._state = state     # a state folder that cannot be written: this run still counts

    @staticmethod
    def _name(path) -> str:
        return hashlib.sha256(_account(path).encode("utf-8")).hexdigest()

    def _entry(self, path) -> tuple[int, float]:
        count, last = self._load().get(self._name(path), (0, 0.0))
        return int(count), min(float(last), self.clock())   # a clock set back does not lock out

    def tries(self, path) -> int:
        with self._guard:
            return self._entry(path)[0]

    def remaining(self, path) -> float:
        """Seconds before the next try of this archive is allowed."""
        with self._guard:
            count, last = self._entry(path)
        return max(0.0, last + self.delay_after(count) - self.clock())

    def wait(self, path) -> None:
        left = self.remaining(path)
        if left > 0:
            self.sleep(left)

    def failed(self, path) -> int:
        with self._guard:
            state = self._load()
            count = int(state.get(self._name(path), (0, 0.0))[0]) + 1
            state[self._name(path)] = [count, self.clock()]
            self._save(state)
            return count

    def succeeded(self, path) -> None:
        with self._guard:
            state = self._load()
            if state.pop(self._name(path), None) is not None:
                self._save(state)

    def reset(self) -> None:
        with self._guard:
            self._save({})


def state_folder() -> Path:
    """The program's own state folder (beside its settings file)."""
    from model.core import settings
    return Path(settings.store().fileName()).parent / "state"


def _tries_file() -> Path:
    return state_folder() / "passphrase-tries.json"


throttle = Throttle(state_file=_tries_file)
