"""PDFs: text through pdftotext, fonts through pdffonts; the CJK font search."""
from __future__ import annotations

import sys
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from model.visits import tracking_logs, visit_plan
from model.core.privacy import mask_phone
from tests.planning_data import customer, overdue_a_customers, spread
from reports import fonts
from reports.tracking_log import tracking_log_pdf
from reports.visit_plan import visit_plan_pdf

START = date(2026, 11, 23)


def pdf_pages(path: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def assert_cjk_font_embedded(path: Path) -> None:
    rows = pdf_fonts(path)
    assert rows, "no fonts in the PDF"
    for row in rows:
        name, emb, sub = row[0], row[-5], row[-4]
        assert row[1] == "TrueType", row
        assert "+" in name and emb == "yes" and sub == "yes", row      # an embedded subset


def test_phone_masking():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("13812345678", show_full=True) == "13812345678"
    assert mask_phone("85551234") == "855*1234"
    assert mask_phone("110") == "*10"
    assert mask_phone(None) == ""


def test_visit_plan_pdf(archive, tmp_path):
    conn = archive.conn
    overdue_a_customers(conn, 6, START)
    plan = visit_plan.build(conn, visit_plan.PlanRequest(START, days=2, per_day=2, time_limit=0.3,
                                                         start_point=spread(0), title="第48周拜访计划"))
    visit_plan.save(conn, plan, by="王经理")
    path = visit_plan_pdf(visit_plan.load(conn, plan.id), tmp_path / "plan.pdf", branch="西湖支行")
    pages = pdf_pages(path)
    assert len(pages) == 2           # two days; the short unplanned list follows the last day on its page
    first = pages[0]
    for text in ("第48周拜访计划", "西湖支行", "Page 1 of 2", "2026-11-23 – 2026-11-24",
                 "Monday 2026-11-23", "138****5678", "Next step", "Manager's signature"):
        assert text in first, text
    assert "13812345678" not in "".join(pages)
    names = {v.name for v in plan.planned()}
    assert all(any(name in page for page in pages[:2]) for name in names)
    assert "Not planned (2)" in pages[1] and "No room" in pages[1]
    unplanned = pages[1][pages[1].index("Not planned (2)"):]
    assert unplanned.count("甲客户") == 2 and "(2)" in unplanned            # one line each, under their reason
    assert_cjk_font_embedded(path)
    left_out = visit_plan_pdf(plan, tmp_path / "short.pdf", include_unplanned=False)
    assert "Not planned" not in "".join(pdf_pages(left_out))
    # A visit logged done is printed as done, with what happened.
    done = plan.days[0].visits[0]
    visit_plan.log_outcome(conn, done.id, "done", "签了合同", "送礼品", START + timedelta(days=9), by="王经理")
    logged = pdf_pages(visit_plan_pdf(visit_plan.load(conn, plan.id), tmp_path / "logged.pdf"))
    assert "✓ Done" in logged[0] and "签了合同" in logged[0] and "1 done, 1 logged" in logged[0]
    assert all(p.strip() for p in logged)                                  # no blank page
    full = visit_plan_pdf(plan, tmp_path / "full.pdf", show_full_phone=True)
    assert "13812345678" in pdf_pages(full)[0]


def test_tracking_log_long_table_repeats_its_header(archive, tmp_path):
    conn = archive.conn
    for i in range(60):
        lat, lon = spread(i)
        customer(conn, f"追踪客户{i:02d}", lat=lat, lon=lon, tier="A", last_visit=START - timedelta(days=40 + i),
                 last_contact=START - timedelta(days=i), opportunity=("latent", "6m"), created_on=START)
    customer(conn, "别的等级", opportunity=("clear", "1m"), created_on=START)
    log = tracking_logs.tracking_log(conn, "D", START)
    assert (log.kind, log.cadence_days, len(log.entries)) == ("month", 30, 60)
    assert log.entries[0].name == "追踪客户59"              # the longest since tracked first
    path = tracking_log_pdf(log, tmp_path / "log.pdf", branch="西湖支行")
    pages = pdf_pages(path)
    assert len(pages) >= 2
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert "Monthly tracking log: opportunity grade D" in page
        assert f"Page {number} of {total}" in page
        assert "Last tracking" in page and "Next step and date" in page       # the repeated header row
    second = pages[1]
    assert "西湖支行" in second and "Period: 2026-11-23 – 2026-12-22" in second
    text = "".join(pages)
    assert all(f"追踪客户{i:02d}" in text for i in range(60)) and "别的等级" not in text
    assert "latent need" in text and "60 customers of opportunity grade D" in pages[0]
    oldest = log.entries[0]          # due on the working day after its 30 days (weekends roll on)
    assert oldest.overdue_days >= 27 and f"({oldest.overdue_days}" in text.replace("\n", " ")
    assert_cjk_font_embedded(path)


def test_reports_can_be_made_in_chinese(archive, tmp_path):
    overdue_a_customers(archive.conn, 1, START, opportunity=("clear", "1m"))
    log = tracking_logs.tracking_log(archive.conn, "A", START)
    path = tracking_log_pdf(log, tmp_path / "zh.pdf", language="zh_CN")
    text = pdf_pages(path)[0]
    assert "甲客户0" in text
    # The heading is translated when the shipped translation has it.
    from model.core.i18n import translate
    from reports.layout import report_language
    with report_language("zh_CN"):
        expected = translate("Reports", "Daily tracking log")
    assert expected in text


def test_cff_opentype_fonts_are_recognised_and_skipped(tmp_path):
    def sfnt(tag_list, magic=b"\x00\x01\x00\x00"):
        count = len(tag_list)
        header = magic + count.to_bytes(2, "big") + b"\x00" * 6
        return header + b"".join(t + b"\x00" * 12 for t in tag_list)

    cff = tmp_path / "NotoSansCJK.otf"
    cff.write_bytes(sfnt([b"CFF ", b"cmap", b"head"], b"OTTO"))
    ttf = tmp_path / "Some.ttf"
    ttf.write_bytes(sfnt([b"cmap", b"glyf", b"head", b"loca"]))
    assert not fonts.is_truetype(cff)
    assert fonts.is_truetype(ttf)
    assert not fonts.is_truetype(tmp_path / "missing.ttf")
    collection = tmp_path / "wqy.ttc"
    ttf_bytes = sfnt([b"cmap", b"glyf"])
    offset = 12 + 8
    collection.write_bytes(b"ttcf\x00\x01\x00\x00" + (2).to_bytes(4, "big") + offset.to_bytes(4, "big")
                           + (offset + len(ttf_bytes)).to_bytes(4, "big") + ttf_bytes
                           + sfnt([b"CFF ", b"cmap"], b"OTTO"))
    assert fonts.is_truetype(collection, 0) and not fonts.is_truetype(collection, 1)
    assert not fonts.is_truetype(collection, 2)


def test_the_system_cjk_font_is_found_with_its_subfont_index():
    found = fonts.find_cjk_font()
    assert found.path.is_file() and fonts.is_truetype(found.path, found.index)


def test_a_missing_font_says_what_to_install(monkeypatch):
    monkeypatch.setattr(fonts, "candidates", lambda: [fonts.FontFile(Path("/nonexistent/font.ttf"))])
    with pytest.raises(fonts.FontMissing, match="fonts-wqy-microhei"):
        fonts.find_cjk_font()


def test_the_environment_can_name_the_font(monkeypatch):
    found = fonts.find_cjk_font()
    monkeypatch.setenv("KEHU_CJK_FONT", f"{found.path}#{found.index}")
    assert fonts.candidates()[0] == found


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the Linux font folders")
def test_without_fontconfig_the_installed_font_is_still_found(monkeypatch):
    """fonts-wqy-microhei only recommends fontconfig: a minimal Debian has no fc-list."""
    installed = fonts.find_cjk_font()
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    monkeypatch.setattr(fonts, "_bundled", lambda: [])
    assert fonts._fontconfig() == []
    found = fonts.find_cjk_font()
    assert fonts.is_truetype(found.path, found.index) and fonts._has_chinese(found)
    if installed.path.is_relative_to("/usr/share/fonts"):
        assert found.path.is_relative_to("/usr/share/fonts")


def test_a_missing_font_names_the_folders_searched(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "candidates", lambda: [])
    monkeypatch.setenv("XDG_DATA_DIRS", str(tmp_path))
    (tmp_path / "fonts").mkdir()
    if sys.platform not in ("win32", "darwin"):
        with pytest.raises(fonts.FontMissing, match=str(tmp_path / "fonts")):
            fonts.find_cjk_font()
