"""The import's promise, for any file: imported + rejected + duplicates = rows."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from model.customers import customers, importing
from model.archive import database
from tests.import_helpers import count, write_csv

NAMES = st.sampled_from(["张三", "李四", "王五", "", " ", "Ｚｈａｏ"])
PHONES = st.sampled_from(["13800138000", "+86 138 0013 8000", "13900139000", "139-0013-9000",
                          "13700137000", "123", "1.38E+10", "", "057188886666"])
DATES = st.sampled_from(["", "1990-01-02", "1990/1/2", "60", "61", "2023-02-30", "someday"])
ROW = st.one_of(st.tuples(NAMES, PHONES, DATES).map(list),
                st.just(["", "", ""]))                      # a blank row


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(ROW, max_size=12), partial=st.booleans(), existing=st.booleans())
def test_every_row_is_imported_rejected_or_a_duplicate(rows, partial, existing):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.kehu"
        with database.Archive.create(path) as archive:
            conn = archive.conn
            if existing:
                customers.create(conn, {"name": "老客户", "phone": "13700137000"}, by="t")
            before = count(conn, "customers")
            csv_path = write_csv(Path(folder) / "c.csv", [["姓名", "手机", "出生日期"], *rows])
            result = importing.import_file(conn, csv_path, by="t", partial=partial)

            blank = sum(1 for r in rows if not "".join(r).strip())
            assert result.rows == len(rows) - blank
            assert result.blank_rows == blank
            assert result.imported + result.rejected + result.duplicates == result.rows
            assert len(result.rejects) == result.rejected
            assert len(result.duplicate_rows) == result.duplicates
            assert result.written == (partial or result.rejected == 0)
            assert count(conn, "customers") - before == result.added
            assert count(conn, "customer_history") == count(conn, "customers")

            again = importing.import_file(conn, csv_path, by="t", partial=True)
            assert again.imported + again.rejected + again.duplicates == again.rows == result.rows
            if result.written:
                assert again.imported == 0      # the same file twice adds nothing the second time
