"""The 101 checklist printout: every part, item, result, note and weight, the score,
the actions, the evidence (thumbnail and file list), signature lines for both sides,
in English and Chinese with the CJK font embedded; printing is audited; the
``print checklist`` command picks the latest run or the N-th."""
from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from model.archive import audit
from model.partners import checklists, evidence, partners
from reports.checklist import checklist_pdf, print_run, run_sheet

ROOT = Path(__file__).resolve().parents[2]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_fonts(path: Path) -> str:
    return subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout


def pdf_images(path: Path) -> str:
    return subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def run_id(archive) -> int:
    conn = archive.conn
    pid = partners.create(conn, partners.Partner("华兴食品批发", "distributor", "东城区", "东城路8号"), "test")
    partners.set_contacts(conn, pid, [partners.PartnerContact("王建国", "总经理", "13901012345", True)])
    partners.save_agreement(conn, pid, partners.Agreement(None, date(2026, 1, 1), date(2026, 12, 31)))
    picture = io.BytesIO()
    Image.new("RGB", (300, 200), (30, 120, 200)).save(picture, "PNG")
    photo = evidence.add(conn, picture.getvalue(), "仓库照片.png", "test")
    paper = evidence.add(conn, b"%PDF-1.4 minimal", "盘点表.pdf", "test")
    template = checklists.current_template()
    results = {i.key: checklists.Result(i.key, "met") for i in template.items}
    results["warehouse"] = checklists.Result("warehouse", "not_met", "货架积灰，未先进先出", [photo, paper])
    results["our_incentives"] = checklists.Result("our_incentives", "na")
    first = checklists.Run(pid, date(2026, 3, 1), "李经理", {k: checklists.Result(k, "met") for k in results})
    checklists.save_run(conn, first, "test")
    run = checklists.Run(pid, date(2026, 9, 15), "李经理", results,
                         [checklists.Action("整理仓库并贴先进先出标识", "王建国", date(2026, 10, 1), "warehouse")])
    return checklists.save_run(conn, run, "test")


def test_english_printout_has_everything_to_sign_off(archive, run_id, tmp_path):
    sheet = run_sheet(archive.conn, run_id)
    path = checklist_pdf(sheet, tmp_path / "101.pdf", branch="城东支行", language="en")
    text = pdf_text(path)
    template = checklists.current_template()
    for part in template.parts:
        assert part.title_en in text
    for item in template.items:
        assert item.title_en[:20] in text, item.title_en
    assert "华兴食品批发" in text and "2026-09-15" in text and "李经理" in text and "城东支行" in text
    assert "Checklist version" in text and "2026.1" in text
    assert "王建国" in text                                   # the KeyMan
    assert "not met" in text and "N/A" in text and "货架积灰，未先进先出" in text
    assert f"Score: {checklists.score_text(sheet.run.score)}" in text
    assert "整理仓库并贴先进先出标识" in text and "2026-10-01" in text
    assert "仓库照片.png" in text and "盘点表.pdf" in text
    assert "Our side (我方)" in text and "Partner (合作伙伴)" in text and text.count("Signature:") == 2
    assert "(run 2)" in text
    assert "image" in pdf_images(path)                        # the photo's thumbnail is drawn


def test_chinese_printout_embeds_the_cjk_font(qapp, archive, run_id, tmp_path):
    path = checklist_pdf(run_sheet(archive.conn, run_id), tmp_path / "101-zh.pdf", language="zh_CN")
    text = pdf_text(path)
    assert "资格认定" in text and "合作互利关系" in text and "管理规范和程序" in text
    assert "遵循我方管理规范" in text and "我方" in text and "合作伙伴" in text
    assert "Signature" not in text and "Follow-up actions" not in text
    fonts = pdf_fonts(path)
    lines = [line for line in fonts.splitlines()[2:] if line.strip()]
    assert lines and all(" yes " in line for line in lines), fonts     # every font embedded
    assert "Helvetica" not in fonts


def test_no_score_when_nothing_applies(archive, tmp_path):
    conn = archive.conn
    pid = partners.create(conn, partners.Partner("空白批发"), "test")
    template = checklists.current_template()
    run_id = checklists.save_run(conn, checklists.Run(
        pid, date(2026, 1, 1), "李经理", {i.key: checklists.Result(i.key, "na") for i in template.items}), "test")
    text = pdf_text(checklist_pdf(run_sheet(conn, run_id), tmp_path / "na.pdf", language="en"))
    assert "Score: — (no item applies)" in text and "No follow-up actions." in text


def test_printing_is_audited(archive, run_id, tmp_path):
    print_run(archive.conn, run_id, tmp_path / "a.pdf", by="李经理")
    [entry] = [e for e in audit.entries(archive.conn) if e.action == "print"]
    assert entry.by == "李经理" and "华兴食品批发" in entry.what and entry.count == 1
    assert entry.detail["run_id"] == run_id


def test_print_checklist_command(archive, run_id, tmp_path):
    path = archive.path
    partner_id = checklists.load_run(archive.conn, run_id).partner_id
    archive.close()

    def cli(*args):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "print", "checklist", str(path), *args],
                              capture_output=True, text=True, cwd=ROOT, timeout=120)
    latest = cli("--partner", str(partner_id), "--pdf", str(tmp_path / "latest.pdf"))
    assert latest.returncode == 0, latest.stderr
    assert "2026-09-15" in latest.stdout and "2026-09-15" in pdf_text(tmp_path / "latest.pdf")
    first = cli("--partner", str(partner_id), "--run", "1", "--pdf", str(tmp_path / "first.pdf"))
    assert first.returncode == 0 and "2026-03-01" in pdf_text(tmp_path / "first.pdf")
    wrong = cli("--partner", str(partner_id), "--run", "3", "--pdf", str(tmp_path / "x.pdf"))
    assert wrong.returncode == 2 and "from 1 to 2" in wrong.stderr
    chinese = cli("--partner", str(partner_id), "--pdf", str(tmp_path / "zh.pdf"), "--language", "zh_CN")
    assert chinese.returncode == 0 and "资格认定" in pdf_text(tmp_path / "zh.pdf")
