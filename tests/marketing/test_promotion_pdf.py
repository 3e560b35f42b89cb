"""The plan sheet and the evaluation report: text through pdftotext, fonts through pdffonts,
tick boxes in the story, and the ``print promotion`` commands."""
from __future__ import annotations

from datetime import date

from cli import run_cli
from model.marketing import circles, promotions
from model.archive import database
from model.core.i18n import translate
from model.marketing.promotions import BudgetLine, ScheduleLine, StaffLine
from reports.layout import Styles, page_frame_width, report_language
from reports.promotion import TickBox, evaluation_pdf, plan_pdf, plan_story
from tests.marketing_data import small_archive, txn
from tests.core.test_reports import assert_cjk_font_embedded, pdf_pages


def _done_plan(conn) -> int:
    ids = small_archive(conn)
    circle = circles.create(conn, {"name": "阳光华庭广场舞队", "centre_id": ids["张伟"], "centre_kind": "seniority"},
                            "test", joined_on=date(2026, 1, 1))
    plan = promotions.new_plan("community", date(2026, 3, 10), language="zh_CN")
    plan.title = "中秋邻里联欢"
    plan.circle_id = circle
    plan.budget = [BudgetLine("月饼礼盒", 40, 25.5), BudgetLine("横幅", 2, 149)]         # 1020 + 298 = 1318
    plan.staff = [StaffLine("李经理", "现场负责人"), StaffLine("小王", "签到")]
    plan.schedule = [ScheduleLine("18:30", "布置场地"), ScheduleLine("19:00", "开场游戏")]
    plan_id = promotions.save(conn, plan, "李经理")
    promotions.tick(conn, plan_id, "before", "site", True, "李经理")
    promotions.tick(conn, plan_id, "before", "staff", True, "李经理")
    for status in (promotions.APPROVED, promotions.RUNNING, promotions.DONE):
        promotions.set_status(conn, plan_id, status, "李经理")
    txn(conn, ids["张伟"], "2026-03-11", 880)
    promotions.record_outcome(conn, plan_id, [ids["张伟"], ids["王芳"]], walk_ins=6, review="居民反响热烈",
                              by="李经理")
    return plan_id


def test_plan_sheet_pdf(archive, tmp_path, qapp):
    plan_id = _done_plan(archive.conn)
    sheet = promotions.plan_sheet(archive.conn, plan_id)
    path = plan_pdf(sheet, tmp_path / "plan.pdf", branch="城南支行", language="zh_CN")
    text = "\n".join(pdf_pages(path))
    for expected in ("中秋邻里联欢", "城南支行", "月饼礼盒", "1,318.00", "李经理", "现场负责人", "开场游戏",
                     "阳光华庭广场舞队", "选定场地", "次日调整", "晚饭后", "粘"):
        assert expected in text, expected
    with report_language("zh_CN"):
        assert translate("Promotions", "Supporting resources") in text
        assert translate("Promotions", "Before the activity") in text
    assert_cjk_font_embedded(path)
    # One drawn tick box per checklist item, ticked for the two done.
    styles = Styles(9)
    boxes = [cell for flow in plan_story(sheet, styles, page_frame_width(False))
             for cell in _cells(flow) if isinstance(cell, TickBox)]
    assert len(boxes) == 25 and sum(b.done for b in boxes) == 2       # 10 before, 3 promotion, 5 during, 7 closing


def _cells(flow):
    inner = getattr(flow, "_content", None)            # KeepTogether
    if inner:
        for f in inner:
            yield from _cells(f)
    for row in getattr(flow, "_cellvalues", ()):
        yield from row


def test_evaluation_pdf(archive, tmp_path):
    plan_id = _done_plan(archive.conn)
    sheet = promotions.plan_sheet(archive.conn, plan_id, with_evaluation=True)
    path = evaluation_pdf(sheet, tmp_path / "evaluation.pdf", language="zh_CN")
    text = "\n".join(pdf_pages(path))
    # 8 participants (2 + 6 walk-ins), 880 in one deal, 1318 / 8 = 164.75 per participant.
    for expected in ("中秋邻里联欢", "居民反响热烈", "880.00", "164.75", "1,318.00", "张伟", "王芳",
                     "2026-03-10", "2026-04-09"):
        assert expected in text, expected
    assert_cjk_font_embedded(path)


def test_print_commands(archive, tmp_path, capsys, qapp):
    plan_id = _done_plan(archive.conn)
    path = archive.path
    archive.close()
    out = tmp_path / "cli.pdf"
    assert run_cli(["print", "promotion", str(path), "--plan", str(plan_id), "--pdf", str(out)]) == 0
    assert "月饼礼盒" in "\n".join(pdf_pages(out))
    evaluation = tmp_path / "cli-eval.pdf"
    assert run_cli(["print", "promotion-evaluation", str(path), "--plan", str(plan_id), "--pdf",
                    str(evaluation), "--language", "zh_CN"]) == 0
    assert "居民反响热烈" in "\n".join(pdf_pages(evaluation))
    assert run_cli(["print", "promotion", str(path), "--plan", "999", "--pdf", str(out)]) == 2
    assert "999" in capsys.readouterr().err
    assert run_cli(["promotions", str(path)]) == 0
    assert run_cli(["circles", str(path)]) == 0
    printed = capsys.readouterr().out
    assert "中秋邻里联欢" in printed and "阳光华庭广场舞队" in printed
    with database.Archive.open(path) as again:
        assert promotions.get(again.conn, plan_id).status == promotions.DONE


def test_chinese_printouts_have_no_english(archive, tmp_path, qapp):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import check_chinese_screens as screens
    plan_id = _done_plan(archive.conn)
    sheet = promotions.plan_sheet(archive.conn, plan_id, with_evaluation=True)
    for path in (plan_pdf(sheet, tmp_path / "p.pdf", branch="城南支行", language="zh_CN"),
                 evaluation_pdf(sheet, tmp_path / "e.pdf", branch="城南支行", language="zh_CN")):
        text = "\n".join(pdf_pages(path))
        assert not screens.latin_words(text), f"English in {path.name}: {screens.latin_words(text)[:20]}"
