"""Export to CSV and .xlsx: keys, encoding, CSV injection, subsets, atomic writes, round trip."""
import csv
import io
import re
from datetime import date

import openpyxl
import pandas as pd
import pytest

from model.customers import customers, exporting, importing
from model.archive import database
from model.demo import demo
from model.core.progress import Cancelled, Progress

AS_OF = date(2025, 6, 30)
STABLE_KEYS = ["id", "name", "gender", "phone", "phone2", "address", "area", "area_type",
               "manager", "birth_date", "occupation", "employer", "source", "created_on", "needs",
               "products", "notes", "complaints", "tags", "dim_age", "dim_family",
               "dim_occupation", "dim_financial_assets", "dim_property", "dim_schedule",
               "dim_risk_appetite", "dim_consumption", "dim_channel", "latitude", "longitude",
               "size", "potential_amount", "own_channel", "scarce_resources", "deal_status",
               "handle_by", "keyman_name", "keyman_role", "keyman_phone"]
GRADE_KEYS = ["value_tier", "opportunity_grade", "urgency", "tracking_cadence",
              "next_tracking_date", "rfm_r", "rfm_f", "rfm_m", "rfm_type", "persona",
              "persona_score", "importance"]
EXPORT_KEYS = STABLE_KEYS + GRADE_KEYS


def _csv_rows(path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def _xlsx_rows(path) -> list[list]:
    book = openpyxl.load_workbook(path)
    try:
        return [[c.value for c in row] for row in book.active.iter_rows()]
    finally:
        book.close()


@pytest.fixture
def demo_archive(tmp_path):
    path = tmp_path / "demo.kehu"
    demo.build_demo(path, customers=120, seed=3, as_of=AS_OF)
    archive = database.Archive.open(path)
    yield archive
    archive.close()


def test_keys_are_stable_snake_case_with_id_first(archive):
    keys = exporting.export_keys(archive.conn)
    assert keys == EXPORT_KEYS
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", k) for k in keys)


def test_csv_has_a_bom_the_keys_and_importable_values(demo_archive, tmp_path):
    out = tmp_path / "客户.csv"
    written = exporting.export_customers(demo_archive.conn, out, include_sensitive=True, reason="check")
    assert written == 120
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"id,name,gender,phone,")
    rows = _csv_rows(out)
    assert rows[0] == EXPORT_KEYS and len(rows) == 121
    by_id = {int(r[0]): dict(zip(EXPORT_KEYS, r)) for r in rows[1:]}
    for record in (dict(r) for r in demo_archive.conn.execute(customers.SELECT_CUSTOMER)):
        cells = by_id[record["id"]]
        for key in STABLE_KEYS:
            value = record[key]
            if isinstance(value, float):            # whole amounts as typed (760000), others exact
                expected = str(int(value)) if value.is_integer() else repr(value)
            else:
                expected = "" if value is None else str(value)
            assert cells[key] == expected, (key, value)
    sample = next(c for c in by_id.values() if c["dim_age"] and c["birth_date"] and c["area_type"])
    assert re.fullmatch(r"\d\.\d", sample["dim_age"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", sample["birth_date"])
    assert sample["area_type"] in {"community", "industrial_park", "campus", "office_building",
                                   "commercial_district"}


def test_xlsx_is_readable_and_holds_the_same_rows(demo_archive, tmp_path):
    exporting.export_customers(demo_archive.conn, tmp_path / "a.csv", include_sensitive=True, reason="check")
    assert exporting.export_customers(demo_archive.conn, tmp_path / "a.XLSX",
                                      include_sensitive=True, reason="check") == 120
    from_csv = pd.read_csv(tmp_path / "a.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    from_xlsx = pd.read_excel(tmp_path / "a.XLSX", dtype=str, keep_default_na=False)
    assert list(from_xlsx.columns) == EXPORT_KEYS
    for key in ("latitude", "longitude", "id"):  # numbers in the sheet; compare as numbers
        assert pd.to_numeric(from_xlsx[key]).equals(pd.to_numeric(from_csv[key]))
    text_keys = [k for k in STABLE_KEYS if k not in ("latitude", "longitude", "id")]
    assert from_xlsx[text_keys].equals(from_csv[text_keys])
    rows = _xlsx_rows(tmp_path / "a.XLSX")
    assert isinstance(rows[1][0], int)
    latitude = EXPORT_KEYS.index("latitude")
    located = [r for r in rows[1:] if r[latitude] is not None]
    assert located and all(isinstance(r[latitude], float) for r in located)


def test_the_grade_columns_carry_the_stored_grades(demo_archive, tmp_path):
    from model import grading
    as_of = AS_OF
    grading.apply(demo_archive.conn, grading.compute(grading.load_inputs(demo_archive.conn, as_of)))
    grading.set_opportunity(demo_archive.conn, 3, "clear", "1m", by="test", as_of=as_of)
    exporting.export_customers(demo_archive.conn, tmp_path / "g.csv", include_sensitive=True, reason="check")
    rows = _csv_rows(tmp_path / "g.csv")
    by_id = {int(r[0]): dict(zip(EXPORT_KEYS, r)) for r in rows[1:]}
    assert {c["value_tier"] for c in by_id.values()} <= {"A", "B", "C"}
    assert {c["value_tier"] for c in by_id.values()} >= {"A", "C"}
    assert by_id[3]["opportunity_grade"] == "A" and by_id[3]["tracking_cadence"]
    assert by_id[3]["next_tracking_date"]
    bought = [c for c in by_id.values() if c["rfm_f"] not in ("", "0")]
    assert bought and all(int(float(c["rfm_f"])) >= 1 and c["rfm_type"] for c in bought)
    stored = grading.export_frame(demo_archive.conn)
    assert stored.loc[3, "value_tier"] == by_id[3]["value_tier"]


def test_deleted_customers_are_not_exported(demo_archive, tmp_path):
    customers.delete(demo_archive.conn, 5, by="test")
    assert exporting.export_customers(demo_archive.conn, tmp_path / "a.csv",
                                      include_sensitive=True, reason="check") == 119
    assert "5" not in {r[0] for r in _csv_rows(tmp_path / "a.csv")[1:]}


def test_a_view_subset_keeps_its_order(demo_archive, tmp_path):
    customers.delete(demo_archive.conn, 9, by="test")
    view = [30, 2, 9, 17, 999_999, 1]
    assert exporting.export_customers(demo_archive.conn, tmp_path / "v.csv", view,
                                      include_sensitive=True, reason="check") == 4
    assert [r[0] for r in _csv_rows(tmp_path / "v.csv")[1:]] == ["30", "2", "17", "1"]
    assert exporting.export_customers(demo_archive.conn, tmp_path / "v.xlsx", view,
                                      include_sensitive=True, reason="check") == 4
    assert [r[0] for r in _xlsx_rows(tmp_path / "v.xlsx")[1:]] == [30, 2, 17, 1]
    assert exporting.export_customers(demo_archive.conn, tmp_path / "none.csv", [],
                                      include_sensitive=True, reason="check") == 0
    assert _csv_rows(tmp_path / "none.csv") == [EXPORT_KEYS]


def test_a_view_larger_than_a_chunk_streams_in_order(demo_archive, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "CHUNK", 7)
    view = list(range(120, 0, -1))
    assert exporting.export_customers(demo_archive.conn, tmp_path / "v.csv", view,
                                      include_sensitive=True, reason="check") == 120
    assert [int(r[0]) for r in _csv_rows(tmp_path / "v.csv")[1:]] == view


# -- CSV injection -------------------------------------------------------------

FORMULAS = {"name": "=1+2", "address": "+1+cmd|' /C calc'!A0", "occupation": "-2+3",
            "employer": "@SUM(A1:A9)", "notes": '=HYPERLINK("http://x.example","click")'}


@pytest.fixture
def risky(archive):
    """A customer whose text cells start like formulas, one with tab/CR (only SQL
    can store those: the editor trims them), and a real negative latitude."""
    conn = archive.conn
    new_id = customers.create(conn, {**FORMULAS, "phone": "13800138000", "latitude": "-33.9",
                                     "longitude": "18.4", "tags": "-5"}, by="test")
    conn.execute("UPDATE customers SET needs = ?, products = ?, complaints = ? WHERE id = ?",
                 ("\t=1+1", "\r=2+2", "3 - 1 = 2", new_id))
    return conn


@pytest.mark.parametrize("text", ["=1", "+1+1", "-1+1", "@A1", "\tX", "\rX", "-", "+", "=",
                                  "-2e5", "- 5"])
def test_formula_like_text_is_recognised(text):
    assert exporting.is_formula_like(text)
    assert exporting.csv_cell(text) == "'" + text


@pytest.mark.parametrize("text", ["", "张三", "1.3", "13800138000", "-5", "-33.9", "+7", "a=b",
                                  "3 - 1 = 2", "'=1"])
def test_ordinary_text_is_left_alone(text):
    assert not exporting.is_formula_like(text)
    assert exporting.csv_cell(text) == text


def test_numbers_are_not_text_cells():
    assert exporting.csv_cell(-33.9) == "-33.9"
    assert exporting.csv_cell(-1250.5) == "-1250.5"
    assert exporting.csv_cell(7) == "7"
    assert exporting.csv_cell(None) == ""


def test_csv_neutralises_each_injection_but_not_a_negative_number(risky, tmp_path):
    exporting.export_customers(risky, tmp_path / "x.csv", include_sensitive=True, reason="check")
    header, row = _csv_rows(tmp_path / "x.csv")
    cells = dict(zip(header, row))
    for key, text in FORMULAS.items():
        assert cells[key] == "'" + text
    assert cells["needs"] == "'\t=1+1"
    assert cells["products"] == "'\r=2+2"
    assert cells["complaints"] == "3 - 1 = 2"
    assert cells["latitude"] == "-33.9" and cells["longitude"] == "18.4"
    assert cells["tags"] == "-5"
    assert cells["phone"] == "13800138000"


def test_a_neutralised_csv_imports_back_as_the_original_text(risky, tmp_path):
    exporting.export_customers(risky, tmp_path / "x.csv", include_sensitive=True, reason="check")
    target = database.Archive.create(tmp_path / "other.kehu")
    try:
        result = importing.import_file(target.conn, tmp_path / "x.csv", by="test")
        assert result.imported == 1
        back = customers.get(target.conn, 1)
        original = customers.get(risky, 1)
        for key in FORMULAS:
            assert back[key] == original[key], key
    finally:
        target.close()


def test_only_a_quote_before_a_formula_is_unwrapped():
    assert exporting.unneutralised("'=SUM(A1)") == "=SUM(A1)"
    assert exporting.unneutralised("'@home") == "@home"
    assert exporting.unneutralised("'quoted'") == "'quoted'"
    assert exporting.unneutralised("'-5") == "'-5"
    assert exporting.unneutralised(None) is None


def test_xlsx_keeps_formula_like_text_as_text(risky, tmp_path):
    exporting.export_customers(risky, tmp_path / "x.xlsx", include_sensitive=True, reason="check")
    book = openpyxl.load_workbook(tmp_path / "x.xlsx")
    try:
        sheet = book.active
        header = [c.value for c in sheet[1]]
        cells = {key: cell for key, cell in zip(header, sheet[2])}
        for key, text in {**FORMULAS, "needs": "\t=1+1", "products": "\r=2+2"}.items():
            assert cells[key].data_type == "s", key  # a string, never a formula
            assert cells[key].quotePrefix, key       # and Excel keeps it text when edited
            # (XML reads a carriage return back as a line feed: still text, never run.)
            assert cells[key].value == text.replace("\r", "\n")
        assert cells["latitude"].value == -33.9 and cells["latitude"].data_type == "n"
        assert not cells["complaints"].quotePrefix
    finally:
        book.close()
    assert "<f>" not in _sheet_xml(tmp_path / "x.xlsx")


def _sheet_xml(path) -> str:
    import zipfile
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


# -- where and how the file is written ---------------------------------------------

def test_an_unknown_suffix_or_folder_is_refused_clearly(archive, tmp_path):
    with pytest.raises(database.ArchiveError, match=r"\.csv or \.xlsx"):
        exporting.export_customers(archive.conn, tmp_path / "a.xls", include_sensitive=True, reason="check")
    with pytest.raises(database.ArchiveError, match=r"\.csv or \.xlsx"):
        exporting.export_customers(archive.conn, tmp_path / "noending", include_sensitive=True, reason="check")
    with pytest.raises(database.ArchiveError, match="does not exist"):
        exporting.export_customers(archive.conn, tmp_path / "missing" / "a.csv", include_sensitive=True, reason="check")
    assert list(tmp_path.glob("*.xls")) == []


class _FailAfterFirstChunk(Progress):
    def __init__(self, error):
        super().__init__()
        self.error = error
        self.checks = 0

    def check(self):
        self.checks += 1
        raise self.error


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
@pytest.mark.parametrize("error", [RuntimeError("disk gone"), Cancelled()])
def test_a_failure_mid_export_leaves_no_file(demo_archive, tmp_path, monkeypatch, suffix, error):
    monkeypatch.setattr(exporting, "CHUNK", 10)
    folder = tmp_path / "exports"
    folder.mkdir()
    out = folder / ("out" + suffix)
    progress = _FailAfterFirstChunk(error)
    with pytest.raises(type(error)):
        exporting.export_customers(demo_archive.conn, out, progress=progress, include_sensitive=True, reason="check")
    assert progress.checks == 1
    assert not out.exists()
    assert list(folder.iterdir()) == []  # no temporary file either


def test_a_failure_keeps_the_previous_export(demo_archive, tmp_path, monkeypatch):
    out = tmp_path / "out.csv"
    out.write_text("the previous export")
    monkeypatch.setattr(exporting, "CHUNK", 10)
    with pytest.raises(RuntimeError):
        exporting.export_customers(demo_archive.conn, out,
                                   progress=_FailAfterFirstChunk(RuntimeError("stop")),
                                   include_sensitive=True, reason="check")
    assert out.read_text() == "the previous export"
    # replaced when it works
    assert exporting.export_customers(demo_archive.conn, out, include_sensitive=True, reason="check") == 120
    assert len(_csv_rows(out)) == 121


def test_an_os_error_becomes_a_message_and_nothing_is_left(demo_archive, tmp_path, monkeypatch):
    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporting.os, "replace", full)
    folder = tmp_path / "exports"
    folder.mkdir()
    with pytest.raises(database.ArchiveError, match="No space left"):
        exporting.export_customers(demo_archive.conn, folder / "a.csv", include_sensitive=True, reason="check")
    assert list(folder.iterdir()) == []


def test_progress_reaches_the_total(demo_archive, tmp_path, monkeypatch):
    monkeypatch.setattr(exporting, "CHUNK", 50)
    seen = []

    class Watch(Progress):
        def report(self, done, total=None, text=""):
            seen.append((done, total))

    exporting.export_customers(demo_archive.conn, tmp_path / "a.xlsx", progress=Watch(),
                               include_sensitive=True, reason="check")
    assert seen[0] == (50, 120) and seen[-1] == (120, 120)


# -- the command -----------------------------------------------------------------

def test_cli_export_prints_the_rows_written(qapp, demo_archive, tmp_path, capsys):
    from cli import run_cli
    path = demo_archive.path
    demo_archive.close()
    assert run_cli(["export", str(path), str(tmp_path / "out.xlsx")]) == 2
    assert "--reason" in capsys.readouterr().err and not (tmp_path / "out.xlsx").exists()
    assert run_cli(["export", str(path), str(tmp_path / "out.xlsx"), "--reason", "年度核对"]) == 0
    out = capsys.readouterr().out
    assert "120" in out and "out.xlsx" in out
    rows = _xlsx_rows(tmp_path / "out.xlsx")
    assert len(rows) == 121 and "dim_financial_assets" not in rows[0]
    assert run_cli(["export", str(path), str(tmp_path / "all.csv"), "--reason", "核对",
                    "--include-sensitive"]) == 0
    assert "dim_financial_assets" in _csv_rows(tmp_path / "all.csv")[0]
    assert run_cli(["export", str(path), str(tmp_path / "out.txt")]) == 2
    assert ".csv or .xlsx" in capsys.readouterr().err
    assert run_cli(["export", str(tmp_path / "none.kehu"), str(tmp_path / "o.csv")]) == 2
    assert "new" in capsys.readouterr().err


# -- round trip --------------------------------------------------------------------

@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_an_export_imports_again_with_every_field_equal(demo_archive, tmp_path, suffix):
    customers.delete(demo_archive.conn, 4, by="test")
    out = tmp_path / ("book" + suffix)
    assert exporting.export_customers(demo_archive.conn, out, include_sensitive=True, reason="check") == 119

    target = database.Archive.create(tmp_path / "other.kehu")
    try:
        result = importing.import_file(target.conn, out, by="test")
        assert (result.imported, result.rejected, result.duplicates, result.rows) == (119, 0, 0, 119)
        fields = customers.record_fields()

        def records(conn):
            return sorted(tuple(r[k] for k in fields) for r in conn.execute(
                customers.SELECT_CUSTOMER + " WHERE c.deleted_at IS NULL"))

        assert records(target.conn) == records(demo_archive.conn)
        again = importing.import_file(target.conn, out, by="test")
        assert (again.imported, again.duplicates) == (0, 119)
    finally:
        target.close()
