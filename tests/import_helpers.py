"""Small files for the import tests, written in the test's own folder."""
from __future__ import annotations

import csv
import io
from pathlib import Path


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    """Rows (the first is the header) as a CSV file in ``encoding``."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def customer_rows(count: int, start: int = 0) -> list[list[str]]:
    """A header and ``count`` good customer rows with distinct phones."""
    rows = [["姓名", "手机", "地址", "小区"]]
    for i in range(start, start + count):
        rows.append([f"客户{i}", f"139{i:08d}", f"幸福路{i}号", "阳光小区"])
    return rows


def count(conn, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def snapshot(conn) -> dict:
    """Everything an import may write, to show it wrote nothing."""
    return {table: [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            for table in ("customers", "customer_history", "areas", "transactions")}
