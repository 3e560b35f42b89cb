"""Promotion means (seed 004's six 促销手法 and its 推广渠道) as activity types with templates,
seed 003's 活动推广 phase and field-management items, the key principles (锦囊) in the
activity dialog and on the printed plan."""
from __future__ import annotations

from datetime import date

import pytest

from model.marketing import promotions
from model.core import rules
from tests.marketing_data import small_archive
from tests.core.test_reports import pdf_pages

MEANS = {"direct": "单刀直入式", "steady_flow": "细水长流式", "slow_simmer": "温火靓汤式",
         "culture": "文化侵略式", "grand_fair": "盛装舞会式", "festival": "温馨节日式"}


def test_the_six_means_are_activity_types_with_templates_in_both_languages():
    types = {t.key: t for t in promotions.activity_types()}
    data = {t["key"]: t for t in rules.load_json(promotions.RULES_FILE)["activity_types"]}
    for key, chinese in MEANS.items():
        means = types[key]
        assert means.group == "means" and means.label_zh == chinese and means.label_en
        assert means.description("zh_CN").startswith("方式:") and means.description("en").startswith("Ways: ")
        assert chinese in data[key]["source"] and "004" in data[key]["source"]
        for language in ("zh_CN", "en"):
            for name in ("theme", "key_points"):
                assert promotions.activity_template_text(key, name, language), (key, name, language)
    assert [k for k, t in types.items() if t.group == "means"] == list(MEANS)
    assert "会员卡、贵宾卡" in types["steady_flow"].description_zh
    assert "中秋节" in types["festival"].description_zh


def test_the_promotion_channels_are_activity_types():
    channels = [t for t in promotions.activity_types() if t.group == "channel"]
    assert len(channels) == 19
    data = {t["key"]: t for t in rules.load_json(promotions.RULES_FILE)["activity_types"]}
    assert all("推广渠道" in data[c.key]["source"] for c in channels)
    assert {"leaflets", "sms", "direct_mail", "roadshow_tour"} <= {c.key for c in channels}
    assert promotions.activity_type_label("leaflets", "zh_CN") == "推广渠道:派单"
    assert promotions.activity_type_label("leaflets", "en") == "promotion channel: handing out leaflets"
    # One template for every channel (its theme and key points), in both languages.
    for language in ("zh_CN", "en"):
        for name in ("theme", "key_points"):
            assert promotions.activity_template_text("sms", name, language) == promotions.activity_template_text(
                "leaflets", name, language) != ""
    assert promotions.activity_template_text("holiday", "theme", "en") == ""      # the older types have none


def test_the_promotion_phase_and_the_field_management_items():
    assert promotions.PHASES == ("before", "promotion", "during", "closing")
    keys = {phase: [i.key for i in promotions.checklist_items(phase)] for phase in promotions.PHASES}
    assert {"facility_match", "route"} <= set(keys["before"])
    assert keys["promotion"] == ["before_event", "during_event", "on_site"]
    assert {"store", "closing_security"} <= set(keys["closing"])
    labels = {i.key: i for phase in promotions.PHASES for i in promotions.checklist_items(phase)}
    assert labels["route"].label_zh == "路径统筹" and labels["facility_match"].label_zh == "设施与目标的匹配度"
    assert labels["store"].label_zh == "入库" and labels["closing_security"].label_zh == "收场保安"
    assert all(i.label_en and i.label_zh for i in labels.values())
    # Stored as keys and said at display time: a plan made in English reads in Chinese.
    english = promotions.default_checklist("en")
    route = next(c for c in english if c.key == "route")
    assert promotions.checklist_label(route.phase, route.key, route.label, "zh_CN") == "路径统筹"


def test_the_key_principles_with_the_2_kilometre_rule():
    zh, en = promotions.principles_text("zh_CN"), promotions.principles_text("en")
    assert zh.splitlines()[0].startswith("2公里原则") and len(zh.splitlines()) == 5
    assert "2-kilometre" in en and "有意思原则" in zh
    assert "2公里原则" in rules.load_json(promotions.RULES_FILE)["principles_source"]


def test_a_plan_of_a_means_takes_its_template_over_the_area_types():
    plan = promotions.new_plan("community", date(2026, 9, 20), language="zh_CN", activity_type="festival")
    assert plan.activity_type == "festival"
    assert plan.theme == promotions.activity_template_text("festival", "theme", "zh_CN")
    assert plan.key_points.startswith(promotions.activity_template_text("festival", "key_points", "zh_CN"))
    assert "2公里原则" in plan.key_points                      # the community template's points follow
    plain = promotions.new_plan("community", date(2026, 9, 20), language="zh_CN")
    assert plain.activity_type == "holiday" and plain.theme != plan.theme
    assert {c.phase for c in plan.checklist} == set(promotions.PHASES)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_plan_from_a_new_template_prints(archive, tmp_path, qapp, language):
    from reports.promotion import plan_pdf
    from tests.core.test_reports import assert_cjk_font_embedded
    small_archive(archive.conn)
    plan = promotions.new_plan("community", date(2026, 9, 20), language=language, activity_type="direct")
    plan_id = promotions.save(archive.conn, plan, "李经理")
    promotions.tick(archive.conn, plan_id, "promotion", "before_event", True, "李经理")
    sheet = promotions.plan_sheet(archive.conn, plan_id)
    text = " ".join(" ".join(pdf_pages(plan_pdf(sheet, tmp_path / "plan.pdf", language=language))).split())
    if language == "zh_CN":
        expected = ("单刀直入式", "方式:折扣优惠", "2公里原则", "有意思原则", "路径统筹", "设施与目标的匹配度",
                    "活动前推广", "入库", "收场保安")
    else:
        expected = ("head-on offer", "Ways: discounts", "The 2-kilometre rule", "Key principles",
                    "Promoting the activity", "Plan the routes", "Put goods back into storage",
                    "Promote beforehand")
    for words in expected:
        assert words in text, words
    assert_cjk_font_embedded(tmp_path / "plan.pdf")


def test_the_activity_dialog_shows_the_means_and_the_principles(qtbot, archive):
    from gui.marketing.promotion_dialogs import PlanDialog, new_plan_for
    dialog = PlanDialog(None, archive, new_plan_for(archive.conn, "community"))
    qtbot.addWidget(dialog)
    assert "2-kilometre" in dialog.principles.text()
    assert not dialog.type_note.isVisibleTo(dialog)              # the community template's type says nothing more
    dialog.type_combo.set_value("steady_flow")
    dialog.type_combo.activated.emit(dialog.type_combo.currentIndex())
    assert dialog.type_note.isVisibleTo(dialog) and "member cards" in dialog.type_note.text()
    assert dialog.theme_edit.text() == promotions.activity_template_text("steady_flow", "theme", "en")
    assert dialog.texts["key_points"].toPlainText().startswith(
        promotions.activity_template_text("steady_flow", "key_points", "en"))
    assert dialog.current_plan().activity_type == "steady_flow"
