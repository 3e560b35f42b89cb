"""Evidence stored in the archive: photos and files, checked and deduplicated."""
import io

import pytest
from PIL import Image

from model.partners import evidence
from model.archive.database import Archive, ArchiveError


def _png(colour=(200, 30, 30), size=(640, 480)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="PNG")
    return out.getvalue()


def test_photo_round_trip_and_thumbnail(archive):
    data = _png()
    eid = evidence.add(archive.conn, data, "货架陈列.png", "王经理")
    item = evidence.load(archive.conn, eid)
    assert item.data == data and item.is_image and item.mime == "image/png"
    assert (item.width, item.height) == (640, 480)
    assert item.filename == "货架陈列.png" and item.added_by == "王经理"
    thumb = Image.open(io.BytesIO(evidence.thumbnail_png(archive.conn, eid, 128)))
    assert max(thumb.size) == 128


def test_same_bytes_stored_once(archive):
    data = _png()
    assert evidence.add(archive.conn, data, "a.png", "x") == evidence.add(archive.conn, data, "b.png", "x")
    assert archive.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 1


def test_plain_file_is_kept_as_file(archive, tmp_path):
    path = tmp_path / "协议.pdf"
    path.write_bytes(b"%PDF-1.4 not really")
    eid = evidence.add_file(archive.conn, path, "x")
    item = evidence.load(archive.conn, eid)
    assert not item.is_image and item.mime == "application/pdf"
    assert evidence.thumbnail_png(archive.conn, eid) is None
    copy = evidence.save_copy(archive.conn, eid, tmp_path / "out.pdf")
    assert copy.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("data, name, words", [
    (b"", "empty.jpg", "empty"),
    (b"this is not a jpeg", "broken.jpg", "not a picture"),
])
def test_bad_evidence_is_refused_and_nothing_written(archive, data, name, words):
    with pytest.raises(ArchiveError, match=words):
        evidence.add(archive.conn, data, name, "x")
    assert archive.conn.execute("SELECT count(*) FROM evidence").fetchone()[0] == 0


def test_too_large_file_is_refused(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(evidence, "MAX_BYTES", 100)
    path = tmp_path / "big.bin"
    path.write_bytes(b"x" * 101)
    with pytest.raises(ArchiveError, match="at most"):
        evidence.add_file(archive.conn, path, "x")
    with pytest.raises(ArchiveError, match="cannot be read"):
        evidence.add_file(archive.conn, tmp_path / "missing.bin", "x")


def test_unknown_id(archive):
    with pytest.raises(ArchiveError, match="not in this archive"):
        evidence.load(archive.conn, 99)


def test_evidence_survives_reopen(tmp_path):
    path = tmp_path / "a.kehu"
    with Archive.create(path) as arch:
        eid = evidence.add(arch.conn, _png(), "p.png", "x")
    with Archive.open(path) as arch:
        assert evidence.load(arch.conn, eid).is_image
