"""Key accounts: the record, KeyMan, team, commitments, store checks and their score, volumes."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from PIL import Image

from model.partners import evidence
from model.key_accounts import ka_volumes, key_accounts as ka, store_checks as sc
from model.core import normalize
from model.customers.customers import ValidationError
from model.archive.database import ArchiveError, sqlite3


@pytest.fixture
def chain(archive):
    conn = archive.conn
    account = ka.create_account(conn, {"name": "华润万家", "scope": "national", "channel": "大卖场",
                                       "head_office": "深圳市罗湖区"}, "t")
    ka.save_store(conn, account, {"kind": "region", "code": "HD", "name": "华东大区"}, "t")
    store = ka.save_store(conn, account, {"code": "001", "name": "南京新街口店", "parent": "HD"}, "t")
    other = ka.save_store(conn, account, {"code": "002", "name": "深圳总部店"}, "t")
    return conn, account, store, other


def test_account_needs_name_and_scope_and_unique_name(archive):
    conn = archive.conn
    with pytest.raises(ValidationError) as caught:
        ka.create_account(conn, {"name": " ", "scope": "global"}, "t")
    assert set(caught.value.problems) == {"name", "scope"}
    ka.create_account(conn, {"name": "永辉超市", "scope": "regional"}, "t")
    with pytest.raises(ValidationError, match="already a key account"):
        ka.create_account(conn, {"name": "永辉超市", "scope": "national"}, "t")


def test_store_hierarchy_rules(chain):
    conn, account, store, other = chain
    assert [(s.code, s.kind) for s in ka.stores(conn, account)] == [("HD", "region"), ("001", "store"),
                                                                     ("002", "store")]
    assert ka.get_store(conn, store).parent_id == ka.stores(conn, account, "region")[0].id
    with pytest.raises(ValidationError, match="no region with the code XX"):
        ka.save_store(conn, account, {"code": "003", "name": "x", "parent": "XX"}, "t")
    with pytest.raises(ValidationError, match="no region with the code 002"):     # a store is no parent
        ka.save_store(conn, account, {"code": "003", "name": "x", "parent": "002"}, "t")
    with pytest.raises(ValidationError, match="already used"):
        ka.save_store(conn, account, {"code": "001", "name": "again"}, "t")
    with pytest.raises(ValidationError, match="both latitude and longitude"):
        ka.save_store(conn, account, {"code": "004", "name": "x", "latitude": "31"}, "t")
    region = ka.stores(conn, account, "region")[0].id
    with pytest.raises(ArchiveError, match="still has stores"):
        ka.delete_store(conn, region, "t")
    ka.delete_store(conn, store, "t")
    ka.delete_store(conn, region, "t")
    assert [s.code for s in ka.stores(conn, account)] == ["002"]


def test_one_keyman_per_account(chain):
    conn, account, *_ = chain
    first = ka.save_contact(conn, account, {"name": "王采购", "role": "采购总监", "phone": "13812345678",
                                            "is_keyman": True}, "t")
    second = ka.save_contact(conn, account, {"name": "李经理", "role": "品类经理"}, "t")
    assert ka.keyman(conn, account).id == first
    ka.set_keyman(conn, second, "t")
    assert [c.is_keyman for c in ka.contacts(conn, account)] == [True, False]
    assert ka.keyman(conn, account).id == second
    ka.save_contact(conn, account, {"name": "王采购", "is_keyman": True}, "t", contact_id=first)
    assert ka.keyman(conn, account).id == first
    # The database itself refuses a second KeyMan, whatever writes it.
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("UPDATE ka_contacts SET is_keyman = 1 WHERE id = ?", (second,))
    with pytest.raises(ValidationError, match="phone"):
        ka.save_contact(conn, account, {"name": "x", "phone": "12345"}, "t")


def test_team_roles(chain):
    conn, account, *_ = chain
    ka.set_team(conn, account, [("merchandiser", "小周"), ("manager", "陈经理"), ("merchandiser", "小吴"),
                                ("service", " "), ("operation", "刘运作")], "t")
    assert ka.team(conn, account) == [("manager", "陈经理"), ("operation", "刘运作"), ("merchandiser", "小周"),
                                      ("merchandiser", "小吴")]
    with pytest.raises(ValidationError, match="one account manager"):
        ka.set_team(conn, account, [("manager", "a"), ("manager", "b")], "t")
    with pytest.raises(ValidationError):
        ka.set_team(conn, account, [("boss", "a")], "t")
    assert len(ka.team(conn, account)) == 4          # unchanged after the refusals


def test_commitments_for_one_store_or_all(chain):
    conn, account, store, other = chain
    everywhere = ka.save_commitment(conn, account, {"kind": "display", "description": "主通道端架"}, "t")
    mine = ka.save_commitment(conn, account, {"kind": "promotion", "description": "春节堆头", "store_id": store,
                                              "starts_on": "2026-01-01", "ends_on": "2026-02-28"}, "t")
    ka.save_commitment(conn, account, {"kind": "pos_material", "description": "价签", "store_id": other}, "t")
    assert [c.id for c in ka.commitments(conn, account, store)] == [everywhere, mine]
    assert [c.id for c in ka.commitments(conn, account, store, on="2026-03-01")] == [everywhere]
    assert [c.id for c in ka.commitments(conn, account, store, include_all_stores=False)] == [mine]
    with pytest.raises(ValidationError, match="ends before"):
        ka.save_commitment(conn, account, {"kind": "display", "description": "x", "starts_on": "2026-02-01",
                                           "ends_on": "2026-01-01"}, "t")
    with pytest.raises(ValidationError) as caught:
        ka.save_commitment(conn, account, {"kind": "other", "description": ""}, "t")
    assert set(caught.value.problems) == {"kind", "description"}


@pytest.mark.parametrize("results, expected", [
    (["compliant", "compliant"], 1.0),
    (["compliant", "not_compliant"], 0.5),
    (["partly", "partly", "compliant", "not_compliant"], 0.5),
    (["compliant", "not_checked", "not_checked"], 1.0),       # not checked is left out
    (["partly", "not_checked"], 0.5),
    (["not_checked"], None),                                  # nothing checked: no score, not zero
    ([], None),
    (["not_compliant"], 0.0),
])
def test_score(results, expected):
    assert sc.score(results) == expected


def _photo(tmp_path, name="shelf.png"):
    path = tmp_path / name
    Image.new("RGB", (64, 48), (200, 30, 30)).save(path)
    return path


def test_store_check_saved_with_photo_and_read_back(chain, tmp_path):
    conn, account, store, _ = chain
    ka.save_commitment(conn, account, {"kind": "display", "description": "端架"}, "t")
    ka.save_commitment(conn, account, {"kind": "shopper_guidance", "description": "导购员", "store_id": store}, "t")
    found = ka.commitments(conn, account, store)
    items = [sc.ItemResult.of(found[0], sc.PARTLY, "少了一层", photo_path=str(_photo(tmp_path))),
             sc.ItemResult.of(found[1], sc.NOT_CHECKED)]
    check_id = sc.record(conn, store, "2026-05-06", "小周", items, "t", note="周末检查")
    check = sc.get(conn, check_id)
    assert (check.checked_on, check.checker, check.note, check.store_code) == ("2026-05-06", "小周", "周末检查", "001")
    assert [(i.kind, i.result, i.note) for i in check.items] == [("display", "partly", "少了一层"),
                                                                 ("shopper_guidance", "not_checked", None)]
    assert check.score == 0.5
    photo = evidence.load(conn, check.items[0].evidence_id)
    assert photo.is_image and photo.filename == "shelf.png"
    # A deleted commitment leaves the check as it was.
    ka.delete_commitment(conn, found[0].id, "t")
    assert sc.get(conn, check_id).items[0].description == "端架"
    assert sc.trend(conn, account, store) == [("2026-05-06", 0.5)]
    # The account's trend: each month's average.
    commitment = ka.commitments(conn, account, store)[0]
    sc.record(conn, store, "2026-05-20", "小周", [sc.ItemResult.of(commitment, sc.COMPLIANT)], "t")
    sc.record(conn, store, "2026-06-02", "小周", [sc.ItemResult.of(commitment, sc.NOT_CHECKED)], "t")
    assert sc.trend(conn, account) == [("2026-05-15", 0.75)]
    assert sc.trend(conn, account, store) == [("2026-05-06", 0.5), ("2026-05-20", 1.0)]
    assert sc.last_scores(conn)[account] == ("2026-06-02", None)


def test_store_check_is_all_or_nothing(chain, tmp_path):
    conn, account, store, _ = chain
    ka.save_commitment(conn, account, {"kind": "display", "description": "端架"}, "t")
    commitment = ka.commitments(conn, account, store)[0]
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a picture at all")
    with pytest.raises(ArchiveError, match="not a picture"):
        sc.record(conn, store, "2026-05-06", "小周",
                  [sc.ItemResult.of(commitment, sc.COMPLIANT, photo_path=str(broken))], "t")
    assert conn.execute("SELECT count(*) FROM ka_store_checks").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM ka_check_results").fetchone()[0] == 0
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    with pytest.raises(ValidationError) as caught:
        sc.record(conn, store, tomorrow, " ", [], "t")
    assert set(caught.value.problems) == {"checked_on", "checker", "items"}
    region = ka.stores(conn, account, "region")[0].id
    with pytest.raises(ValidationError, match="not a region"):
        sc.record(conn, region, "2026-05-06", "x", [sc.ItemResult.of(commitment)], "t")


@pytest.mark.parametrize("text, key", [
    ("2026", "2026"), ("2026-Q3", "2026-Q3"), ("2026q1", "2026-Q1"), ("2026年第二季度", "2026-Q2"),
    ("2026-7", "2026-07"), ("2026/12", "2026-12"), ("2026年7月", "2026-07"), ("202607", "2026-07"),
])
def test_period_keys(text, key):
    assert ka_volumes.period_key(text) == key


@pytest.mark.parametrize("text", ["", "2026-13", "2026-Q5", "26", "next year"])
def test_bad_periods(text):
    with pytest.raises(normalize.Invalid):
        ka_volumes.period_key(text)


def test_volumes_entered_changed_and_removed(chain):
    conn, account, *_ = chain
    ka_volumes.set_volume(conn, account, "2026年1月", "1,200", "1000", "t")
    ka_volumes.set_volume(conn, account, "2026-02", 800, 1000, "t")
    ka_volumes.set_volume(conn, account, "2026-01", 1300, 1000, "t")        # changed, not added
    rows = ka_volumes.volumes(conn, account, 2026)
    assert [(v.period, v.volume, v.target) for v in rows] == [("2026-01", 1300, 1000), ("2026-02", 800, 1000)]
    assert rows[0].share == 1.3
    ka_volumes.set_volume(conn, account, "2026-02", None, "", "t")
    assert [v.period for v in ka_volumes.volumes(conn, account)] == ["2026-01"]
    with pytest.raises(ValidationError) as caught:
        ka_volumes.set_volume(conn, account, "soon", -5, "x", "t")
    assert set(caught.value.problems) == {"period", "volume", "target"}
    assert ka_volumes.years(conn) == [2026]


def test_delete_account_removes_everything(chain, tmp_path):
    conn, account, store, _ = chain
    ka.save_commitment(conn, account, {"kind": "display", "description": "端架"}, "t")
    sc.record(conn, store, "2026-05-06", "x", [sc.ItemResult.of(ka.commitments(conn, account, store)[0],
                                                                sc.COMPLIANT)], "t")
    ka_volumes.set_volume(conn, account, "2026", 10, 10, "t")
    ka.delete_account(conn, account, "t")
    for table in ("ka_stores", "ka_commitments", "ka_store_checks", "ka_check_results", "ka_volumes"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    with pytest.raises(ArchiveError, match="not in this archive"):
        ka.get_account(conn, account)
