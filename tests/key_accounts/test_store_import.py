"""Importing a key account's regions and stores: the customer import's all-or-nothing rules."""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from model.key_accounts import ka_volumes, key_accounts as ka, store_import
from model.core.progress import Cancelled, Progress
from model.core.table_files import ImportFileError

GOOD = ("门店编号,门店名称,类型,所属大区,地址,纬度,经度\n"
        "HD,华东大区,大区,,,,\n"
        "001,南京新街口店,门店,HD,南京市中山路1号,32.04,118.78\n"
        "002,上海徐家汇店,,HD,,31.19,121.43\n"
        "003,深圳总部店,,,,,\n")
BAD_ROWS = ("004,,门店,HD,,,\n"            # row 6: no name
            "005,杭州店,,HN,,,\n"           # row 7: unknown parent
            "006,苏州店,,003,,,\n"          # row 8: the parent is a store
            "002,又一个徐家汇店,,,,,\n"     # row 9: code twice in the file
            "007,无锡店,,,,95,120\n"        # row 10: bad latitude
            "008,常州店,,,,31.8,\n"         # row 11: latitude without longitude
            ",没有编号的店,,,,,\n")         # row 12: no code


@pytest.fixture
def account(archive):
    return ka.create_account(archive.conn, {"name": "苏果超市", "scope": "regional"}, "t")


def write(tmp_path, text, name="stores.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def test_good_file_builds_the_hierarchy(archive, account, tmp_path):
    result = store_import.import_file(archive.conn, account, write(tmp_path, GOOD, encoding="gb18030"), by="t")
    assert (result.rows, result.imported, result.rejected, result.duplicates, result.written) == (4, 4, 0, 0, True)
    stores = {s.code: s for s in ka.stores(archive.conn, account)}
    assert stores["HD"].is_region and stores["001"].parent_id == stores["HD"].id
    assert stores["003"].parent_id is None
    first = stores["001"]
    assert (first.address, first.latitude, first.longitude) == ("南京市中山路1号", 32.04, 118.78)
    again = store_import.import_file(archive.conn, account, write(tmp_path, GOOD), by="t")
    assert (again.imported, again.duplicates, again.written) == (0, 4, True)
    assert len(ka.stores(archive.conn, account)) == 4


def test_one_bad_row_writes_nothing_and_lists_every_reason(archive, account, tmp_path):
    path = write(tmp_path, GOOD + BAD_ROWS)
    result = store_import.import_file(archive.conn, account, path, by="t")
    assert (result.rows, result.imported, result.rejected, result.duplicates) == (11, 4, 7, 0)
    assert not result.written and ka.stores(archive.conn, account) == []
    reasons = {r.row_number: " ".join(r.reasons) for r in result.rejects}
    assert sorted(reasons) == [6, 7, 8, 9, 10, 11, 12]
    assert "needs a name" in reasons[6]
    assert "no region HN" in reasons[7]
    assert "003 is a store, not a region" in reasons[8]
    assert "used twice (row 4" in reasons[9]
    assert "outside -90..90" in reasons[10]
    assert "both latitude and longitude" in reasons[11]
    assert "needs its code" in reasons[12]
    with open(result.rejects_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "Row" and rows[0][-1] == "Reasons" and len(rows) == 8
    assert rows[1][:3] == ["6", "004", ""]


def test_partial_writes_the_good_rows(archive, account, tmp_path):
    result = store_import.import_file(archive.conn, account, write(tmp_path, GOOD + BAD_ROWS), partial=True, by="t")
    assert result.written and result.imported == 4
    assert sorted(s.code for s in ka.stores(archive.conn, account)) == ["001", "002", "003", "HD"]


def test_a_rejected_region_takes_its_stores_with_it(archive, account, tmp_path):
    text = "code,name,type,parent\nHN,华南大区,planet,\n101,广州店,store,HN\n"
    result = store_import.import_file(archive.conn, account, write(tmp_path, text), partial=True, by="t")
    assert result.rejected == 2 and result.imported == 0
    assert "neither a store" in result.rejects[0].reasons[0] and "no region HN" in result.rejects[1].reasons[0]


def test_parent_region_already_in_the_account(archive, account, tmp_path):
    ka.save_store(archive.conn, account, {"kind": "region", "code": "HB", "name": "华北大区"}, "t")
    frame = pd.DataFrame({"Store code": ["201"], "Store name": ["北京店"], "Region": ["HB"]})
    result = store_import.import_frame(archive.conn, account, frame, by="t")
    assert result.imported == 1 and result.written
    store = [s for s in ka.stores(archive.conn, account) if s.code == "201"][0]
    assert ka.get_store(archive.conn, store.parent_id).code == "HB"


def test_dry_run_and_missing_columns(archive, account, tmp_path):
    result = store_import.import_file(archive.conn, account, write(tmp_path, GOOD), dry_run=True, by="t")
    assert result.imported == 4 and not result.written and ka.stores(archive.conn, account) == []
    with pytest.raises(ImportFileError, match="no column for the store's code"):
        store_import.import_file(archive.conn, account, write(tmp_path, "名称,地址\n店,路\n"), by="t")


def test_volume_import_all_or_nothing_then_overwrites(archive, account, tmp_path):
    conn = archive.conn
    ka_volumes.set_volume(conn, account, "2026-01", 5, 5, "t")
    text = ("期间,销量,目标\n2026年1月,\"1,200\",1000\n2026-02,800,1000\n2026Q2,,3000\n"
            "2026-13,1,1\n2026-02,9,9\n2026-03,-5,10\n2026-04,,\n")
    path = write(tmp_path, text, "volumes.csv")
    result = store_import.import_volumes(conn, account, path, by="t")
    assert (result.rows, result.imported, result.rejected, result.written) == (7, 3, 4, False)
    reasons = {r.row_number: " ".join(r.reasons) for r in result.rejects}
    assert "not a period" in reasons[5] and "given twice (row 3" in reasons[6]
    assert "cannot be negative" in reasons[7] and "neither a volume nor a target" in reasons[8]
    assert [(v.period, v.volume) for v in ka_volumes.volumes(conn, account)] == [("2026-01", 5)]
    result = store_import.import_volumes(conn, account, path, partial=True, by="t")
    assert result.written
    assert [(v.period, v.volume, v.target) for v in ka_volumes.volumes(conn, account, 2026)] == [
        ("2026-01", 1200, 1000), ("2026-02", 800, 1000), ("2026-Q2", None, 3000)]
    with pytest.raises(ImportFileError, match="period column"):
        store_import.import_volumes(conn, account, write(tmp_path, "销量\n5\n", "v2.csv"), by="t")


class _CancelAfter(Progress):
    """Cancels once the import has reported ``after`` rows written (part-way through)."""

    def __init__(self, after: int):
        super().__init__()
        self.after, self.reports = after, []

    def report(self, done, total=None, text=""):
        self.reports.append((done, total))
        if done >= self.after:
            self.cancel()


def test_a_cancel_part_way_leaves_no_store_and_no_volume_imported(archive, account, tmp_path):
    conn = archive.conn
    rows = "".join(f"S{n:04d},门店{n},,,,,\n" for n in range(1000))
    path = write(tmp_path, "门店编号,门店名称,类型,所属大区,地址,纬度,经度\n" + rows)
    progress = _CancelAfter(400)
    with pytest.raises(Cancelled):
        store_import.import_file(conn, account, path, by="t", progress=progress)
    assert progress.reports[0] == (200, 1000) and ka.stores(conn, account) == []
    assert not conn.in_transaction
    volumes = "期间,销量,目标\n" + "".join(f"{2000 + n // 12}-{n % 12 + 1:02d},10,20\n" for n in range(480))
    progress = _CancelAfter(200)
    with pytest.raises(Cancelled):
        store_import.import_volumes(conn, account, write(tmp_path, volumes, "v.csv"), by="t", progress=progress)
    assert progress.reports == [(200, 480)] and ka_volumes.volumes(conn, account) == []
    # Not cancelled, the same file lands whole.
    assert store_import.import_file(conn, account, path, by="t", progress=Progress()).imported == 1000
    assert len(ka.stores(conn, account)) == 1000
