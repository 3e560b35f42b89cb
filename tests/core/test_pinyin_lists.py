"""Every list that shows names sorts in pinyin order (the program's own sort key,
search.sort_key), not in character-code order; the small searches match pinyin too.

The names are chosen so that code-point order differs from pinyin order:
东 dong, 临 lin, 丹 dan, 北 bei (code order 东 临 丹 北; pinyin 北 丹 东 临)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from model.marketing import circles
from model.customers import customers, search
from model.key_accounts import key_accounts as ka
from model.partners import partners

pytestmark = pytest.mark.gui

AREAS = ["东湖小区", "临江花园", "丹桂苑", "北苑新村"]
PEOPLE = ["张伟", "王芳", "白雪", "陈晨", "丁一", "单丽", "曾强"]
MANAGERS = ["周经理", "安经理", "刘经理"]
COMPANIES = ["鑫隆超市", "东方百货", "北华联", "吉祥商行"]


def in_pinyin_order(texts, person: bool) -> bool:
    texts = [t for t in texts if t]
    return texts == sorted(texts, key=lambda t: search.sort_key(t, person))


def column(model, col: int = 0) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def combo_texts(combo, skip_first: bool = True) -> list[str]:
    texts = [combo.itemText(i) for i in range(combo.count())]
    return texts[1:] if skip_first else texts


@pytest.fixture
def filled(archive):
    conn = archive.conn
    for n, name in enumerate(PEOPLE):
        customers.create(conn, {"name": name, "area": AREAS[n % len(AREAS)], "manager": MANAGERS[n % 3],
                                "phone": f"1381111{n:04d}"}, "t")
    search.refresh(conn)
    for name in COMPANIES:
        partners.create(conn, partners.Partner(name, "wholesaler"), "t")
        account = ka.create_account(conn, {"name": name, "scope": "regional"}, "t")
    for name in ("王采购", "安经理", "陈主任"):
        ka.save_contact(conn, account, {"name": name, "role": "采购"}, "t")
    for name in ("东湖舞队", "北苑棋社", "丹桂合唱团"):
        circles.create(conn, {"name": name}, "t")
    assert sorted(AREAS) != sorted(AREAS, key=lambda a: search.sort_key(a, False))
    return archive


def test_model_lists_are_in_pinyin_order(filled):
    from model.core import name_order
    conn = filled.conn
    assert [a[0] for a in name_order.areas(conn)] == ["北苑新村", "丹桂苑", "东湖小区", "临江花园"]
    assert in_pinyin_order(name_order.managers(conn), person=True)
    assert in_pinyin_order([p.name for p in partners.list_partners(conn)], person=False)
    assert [a.name for a in ka.accounts(conn)] == ["北华联", "东方百货", "吉祥商行", "鑫隆超市"]
    account = ka.accounts(conn)[-1].id
    assert in_pinyin_order([c.name for c in ka.contacts(conn, account)], person=True)
    assert in_pinyin_order([c.name for c in circles.list_circles(conn)], person=False)


def test_filter_bar_and_editor_choices(qtbot, filled):
    from gui.customers.customer_editor import CustomerEditor
    from gui.customers.customer_filters import FilterBar
    from model.customers.customer_filters import filter_choices
    bar = FilterBar("zh_CN")
    qtbot.addWidget(bar)
    bar.set_choices(*filter_choices(filled.conn))
    areas = [t for t in combo_texts(bar.area) if t in AREAS]
    assert areas == ["北苑新村", "丹桂苑", "东湖小区", "临江花园"]
    assert in_pinyin_order([t for t in combo_texts(bar.manager) if t in MANAGERS], person=True)
    editor = CustomerEditor(None, filled, None)
    qtbot.addWidget(editor)
    assert in_pinyin_order(combo_texts(editor.inputs["area"], skip_first=False), person=False)
    assert in_pinyin_order(combo_texts(editor.inputs["manager"], skip_first=False), person=True)


def test_pages_and_dialogs_list_names_in_pinyin_order(qtbot, filled):
    from gui.marketing.circle_dialogs import CustomerFinder
    from gui.key_accounts.key_accounts_page import KeyAccountsPage
    from gui.marketing.marketing_page import CirclesPanel
    from gui.partners.partners_page import PartnersPage
    from gui.marketing.promotion_dialogs import AudienceEditor
    ka_page = KeyAccountsPage(filled, "zh_CN")
    qtbot.addWidget(ka_page)
    assert column(ka_page.proxy) == ["北华联", "东方百货", "吉祥商行", "鑫隆超市"]
    ka_page.proxy.sort(0, Qt.SortOrder.DescendingOrder)      # a click on the header: pinyin too
    assert column(ka_page.proxy) == ["鑫隆超市", "吉祥商行", "东方百货", "北华联"]
    partner_page = PartnersPage(filled, "zh_CN")
    qtbot.addWidget(partner_page)
    assert in_pinyin_order(column(partner_page.model), person=False)
    panel = CirclesPanel(filled)
    qtbot.addWidget(panel)
    assert in_pinyin_order(column(panel.model), person=False)
    audience = AudienceEditor(filled)
    qtbot.addWidget(audience)
    for key, person in (("area_ids", False), ("circle_ids", False)):
        listing = audience.lists[key]
        assert in_pinyin_order([listing.item(i).text() for i in range(listing.count())], person), key
    finder = CustomerFinder(None, filled, True, "找")
    qtbot.addWidget(finder)
    assert column(finder.proxy) == sorted(PEOPLE, key=search.sort_key)


def test_small_searches_match_pinyin(qtbot, filled):
    from gui.marketing.circle_dialogs import CustomerFinder
    from gui.key_accounts.key_accounts_page import KeyAccountsPage
    finder = CustomerFinder(None, filled, True, "找")
    qtbot.addWidget(finder)
    finder.search.setText("zw")
    assert column(finder.proxy) == ["张伟"]
    finder.search.setText("shanli")                         # 单 read as a surname
    assert column(finder.proxy) == ["单丽"]
    ka_page = KeyAccountsPage(filled, "zh_CN")
    qtbot.addWidget(ka_page)
    ka_page.search.setText("xinl")
    assert column(ka_page.proxy) == ["鑫隆超市"]
    assert [p.name for p in partners.list_partners(filled.conn, "jx")] == ["吉祥商行"]
    assert search.name_matches("张伟", "wei") and not search.name_matches("张伟", "li")
