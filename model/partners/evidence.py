"""Evidence (证据): a photo or file attached to a checklist item or a store check.

The bytes are stored in the archive (table ``evidence``, migration m0008), so a
backup, an encrypted archive or a copy on a USB stick carries them; nothing
points at a file on disk that may move. The same file attached twice is stored
once. Images are checked with Pillow (the program's PDF stack already ships it):
a file that claims to be a picture but does not decode is refused rather than
printed as a broken box later.
"""
from __future__ import annotations

import hashlib
import io
import mimetypes
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from model.archive import database
from model.core import private_files
from model.core.i18n import translate

MAX_BYTES = 15 * 1024 * 1024
IMAGE_SUFFIXES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                  ".gif": "image/gif", ".bmp": "image/bmp", ".webp": "image/webp",
                  ".tif": "image/tiff", ".tiff": "image/tiff"}


@dataclass(frozen=True)
class Evidence:
    id: int
    filename: str
    mime: str
    size: int
    data: bytes
    added_at: str
    added_by: str
    is_image: bool
    width: int | None = None
    height: int | None = None


def _image_size(data: bytes, filename: str) -> tuple[int, int]:
    from PIL import Image, UnidentifiedImageError
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            return image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise database.ArchiveError(translate(
            "Evidence", "{name} is not a picture that can be read ({error}); attach it as a "
            "photo in JPEG or PNG, or rename it if it is another kind of file.")
            .format(name=filename, error=exc)) from exc


def add(conn, data: bytes, filename: str, by: str) -> int:
    """Store ``data`` as evidence named ``filename``; return its id (an existing
    identical file's id when the same bytes were attached before)."""
    filename = Path(filename).name or "evidence"
    if not data:
        raise database.ArchiveError(translate("Evidence", "{name} is empty; nothing was attached.")
                                    .format(name=filename))
    if len(data) > MAX_BYTES:
        raise database.ArchiveError(translate(
            "Evidence", "{name} is {size} MB; evidence may be at most {limit} MB. Take a smaller "
            "photo or shrink it first.").format(name=filename, size=round(len(data) / 2**20, 1),
                                                limit=MAX_BYTES // 2**20))
    digest = hashlib.sha256(data).hexdigest()
    for row in conn.execute("SELECT id, data FROM evidence WHERE sha256 = ?", (digest,)):
        if bytes(row[1]) == data:
            return row[0]
    suffix = Path(filename).suffix.lower()
    is_image = suffix in IMAGE_SUFFIXES
    width = height = None
    if is_image:
        width, height = _image_size(data, filename)
        mime = IMAGE_SUFFIXES[suffix]
    else:
        mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    with database.transaction(conn):
        cursor = conn.execute(
            "INSERT INTO evidence(filename, mime, size, sha256, is_image, width, height, data, "
            "added_at, added_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (filename, mime, len(data), digest, int(is_image), width, height, data,
             datetime.now().isoformat(timespec="seconds"), by))
        return cursor.lastrowid


def add_file(conn, path: Path | str, by: str) -> int:
    """Read the file at ``path`` and store it as evidence."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise database.ArchiveError(translate(
                "Evidence", "{name} is {size} MB; evidence may be at most {limit} MB. Take a smaller "
                "photo or shrink it first.").format(name=path.name, size=round(size / 2**20, 1),
                                                    limit=MAX_BYTES // 2**20))
        data = path.read_bytes()
    except OSError as exc:
        raise database.ArchiveError(translate("Evidence", "{name} cannot be read: {error}")
                                    .format(name=path.name, error=exc.strerror or exc)) from exc
    return add(conn, data, path.name, by)


def load(conn, evidence_id: int) -> Evidence:
    row = conn.execute("SELECT id, filename, mime, size, data, added_at, added_by, is_image, width, "
                       "height FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
    if row is None:
        raise database.ArchiveError(translate("Evidence", "Evidence {id} is not in this archive.")
                                    .format(id=evidence_id))
    return Evidence(row[0], row[1], row[2], row[3], bytes(row[4]), row[5], row[6], bool(row[7]),
                    row[8], row[9])


def save_copy(conn, evidence_id: int, target: Path | str) -> Path:
    """Write the evidence's bytes to ``target`` (for opening it in another program)."""
    item = load(conn, evidence_id)
    target = Path(target)
    try:
        with private_files.open_private(target, "wb") as handle:
            handle.write(item.data)
    except OSError as exc:
        raise database.ArchiveError(translate("Evidence", "{name} cannot be written: {error}")
                                    .format(name=target, error=exc.strerror or exc)) from exc
    return target


def thumbnail_png(conn, evidence_id: int, size: int = 256) -> bytes | None:
    """A PNG no larger than ``size`` pixels on its long side, or None for a non-image."""
    item = load(conn, evidence_id)
    if not item.is_image:
        return None
    from PIL import Image, ImageOps
    with Image.open(io.BytesIO(item.data)) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail((size, size))
        if image.mode not in ("RGB", "RGBA", "L"):
            image = image.convert("RGB")
        out = io.BytesIO()
        image.save(out, format="PNG")
        return out.getvalue()
