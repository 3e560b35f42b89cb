"""Stored keys and the program's own stored sentences follow a language switch: backup
reasons, audit details and times, a saved plan's purposes and reasons, checklist items
from the templates; what the user typed (and old archives' texts) shows as stored."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from model.archive import audit, backup_policy
from model.core import language, stored_text
from model.marketing import promotions
from model.core.datetime_text import date_text, datetime_text
from model.core.i18n import translate


@pytest.fixture
def chinese(qapp):
    language.install_translators(qapp, "zh_CN")
    yield
    language.install_translators(qapp, "en")


@pytest.fixture
def english(qapp):
    language.install_translators(qapp, "en")


def test_backup_reasons_are_keys_said_in_the_users_language(chinese):
    assert backup_policy.reason_label("before-encrypt") == "加密前"
    assert backup_policy.reason_label("before-import") == "导入前"
    assert backup_policy.reason_label("before-upgrade-v7") == "从版本 7 升级前"
    assert backup_policy.reason_label("something-newer") == "something-newer"   # unknown: as stored


def test_backup_reasons_in_english(english):
    assert backup_policy.reason_label("on-close") == "when closing"


def test_sentences_written_in_english_read_in_chinese(chinese):
    stored = "value tier A: visit every 14 days (never contacted); next contact set for 2026-11-30"
    assert stored_text.display(stored) == "；".join([        # Chinese joins with its own semicolon
        translate("Due", "value tier {tier}: visit every {days} days").format(tier="A", days="14")
        + translate("Due", " (never contacted)"),
        translate("Due", "next contact set for {date}").format(date="2026-11-30")])
    assert "value" not in stored_text.display(stored)
    assert stored_text.display("Regular visit (value tier B)") == \
        translate("Due", "Regular visit (value tier {tier})").format(tier="B")
    assert stored_text.display("Visit plan 2026-11-23 to 2026-11-27") == \
        translate("Audit", "Visit plan {start} to {end}").format(start="2026-11-23", end="2026-11-27")
    # What the user wrote stays as it is.
    assert stored_text.display("带上新品样品") == "带上新品样品"
    assert stored_text.display("Bring the samples") == "Bring the samples"


def test_sentences_written_in_chinese_read_in_english(qapp):
    language.install_translators(qapp, "zh_CN")
    stored = translate("Due", "Follow up (opportunity grade {grade})").format(grade="A")
    assert stored != "Follow up (opportunity grade A)"
    language.install_translators(qapp, "en")
    assert stored_text.display(stored) == "Follow up (opportunity grade A)"


def test_reasons_joined_in_chinese_read_in_english(qapp):
    language.install_translators(qapp, "zh_CN")
    stored = stored_text.join([translate("Due", "opportunity grade {grade}: track every day").format(grade="A"),
                               translate("Due", "value tier {tier}: market news every {days} days")
                               .format(tier="A", days="7")])
    assert stored == "商机A级：每天追踪；A类客户：每7天通报市场货源信息"
    language.install_translators(qapp, "en")
    assert stored_text.display(stored) == "opportunity grade A: track every day; value tier A: market news every 7 days"
    assert stored_text.join(["a", "b"]) == "a; b"


def test_audit_times_are_local_without_offset_and_periods_translated(chinese):
    moment = datetime(2026, 12, 7, 2, 15, tzinfo=timezone.utc)
    entry = audit.Entry(1, moment.isoformat(), "李经理", "print", "Tracking log 2026-11-23 to 2026-11-29",
                        10, None, {"period": "week"})
    cells = audit.row_cells(entry)
    assert cells[0] == moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert "+" not in cells[0]
    assert "Tracking" not in cells[3] and "2026-11-23" in cells[3]
    assert "week" not in cells[6] and "周" in cells[6]


def test_one_date_and_time_format():
    assert date_text(datetime(2026, 12, 7, 14, 15).date()) == "2026-12-07"
    assert datetime_text("2026-12-07T14:15:09") == "2026-12-07 14:15"
    assert datetime_text(datetime(2026, 12, 7, 14, 15, 9), seconds=True) == "2026-12-07 14:15:09"
    offset = datetime(2026, 12, 7, 6, 15, tzinfo=timezone(timedelta(hours=0)))
    assert datetime_text(offset) == offset.astimezone().strftime("%Y-%m-%d %H:%M")
    assert datetime_text("2026-12-07") == "2026-12-07"
    assert datetime_text("not a time") == "not a time"
    assert datetime_text(None) == ""


def test_a_plan_made_in_english_shows_its_template_checklist_in_chinese(chinese, archive):
    item = promotions.checklist_items(promotions.PHASES[0])[0]
    assert promotions.checklist_label(promotions.PHASES[0], item.key, item.label_en) == item.label_zh
    assert promotions.checklist_label(promotions.PHASES[0], item.key, "我自己改的") == "我自己改的"


def test_market_news_never_visited_and_why_not_planned_read_in_chinese(chinese):
    stored = ("value tier A: visit every 30 days (never visited); value tier A: market news every 7 days")
    shown = stored_text.display(stored)
    assert "value" not in shown and "news" not in shown and "visit" not in shown, shown
    why = ("No time left within its hours (evenings or weekends) on the days with room (12-10): the other "
           "visits and the travel between them fill those hours.")
    shown = stored_text.display(why)
    assert "晚间或周末" in shown and "evenings" not in shown and "12-10" in shown, shown
