"""The KA dossier and the store check sheet: text through pdftotext, fonts through pdffonts,
photo thumbnails as images, the audit entry, Chinese printouts without English, and the
``print ka`` / ``print store-check`` / ``ka`` commands."""
from __future__ import annotations

import subprocess
from datetime import date

import pytest
from PIL import Image

from cli import run_cli
from model.archive import audit, database
from model.key_accounts import ka_volumes, key_accounts as ka, store_checks as sc
from model.core import settings
from reports.ka_dossier import print_check, print_dossier
from tests.core.test_reports import assert_cjk_font_embedded, pdf_pages

YEAR = date.today().year


@pytest.fixture(autouse=True)
def english(qapp):
    settings.put(settings.LANGUAGE, "en")


def fill(conn, tmp_path) -> tuple[int, int]:
    account = ka.create_account(conn, {"name": "华润万家", "scope": "national", "channel": "大卖场",
                                       "head_office": "深圳市罗湖区"}, "t")
    ka.save_store(conn, account, {"kind": "region", "code": "HD", "name": "华东大区"}, "t")
    store = ka.save_store(conn, account, {"code": "001", "name": "南京新街口店", "parent": "HD", "city": "南京"}, "t")
    ka.set_team(conn, account, [("manager", "陈经理"), ("merchandiser", "小周")], "t")
    ka.save_contact(conn, account, {"name": "王采购", "role": "采购总监", "phone": "13812345678",
                                    "is_keyman": True}, "t")
    ka.save_commitment(conn, account, {"kind": "display", "description": "主通道端架"}, "t")
    ka.save_commitment(conn, account, {"kind": "promotion", "description": "春节堆头", "store_id": store}, "t")
    ka_volumes.set_volume(conn, account, f"{YEAR}-01", 1200, 1000, "t")
    ka_volumes.set_volume(conn, account, f"{YEAR}-02", 400, 1000, "t")
    photo = tmp_path / "shelf.png"
    Image.new("RGB", (200, 150), (200, 40, 40)).save(photo)
    items = [sc.ItemResult.of(c, r, n) for c, r, n in zip(ka.commitments(conn, account, store),
                                                          (sc.COMPLIANT, sc.PARTLY), ("陈列完整", "只有一半"))]
    items[0].photo_path = str(photo)
    check = sc.record(conn, store, date.today(), "小周", items, "t", note="月度检查")
    return account, check


def test_dossier_text_fonts_photo_and_audit(archive, tmp_path):
    account, _ = fill(archive.conn, tmp_path)
    path = tmp_path / "dossier.pdf"
    print_dossier(archive.conn, account, path, branch="城东支行", by="李经理")
    text = "\n".join(pdf_pages(path))
    for expected in ("KA dossier: 华润万家", "National KA", "深圳市罗湖区", "王采购", "138****5678", "KeyMan",
                     "Account manager (Manager)", "陈经理", "南京新街口店", "华东大区", "主通道端架", "all stores",
                     "春节堆头", "1,600 units (target 2,000, 80%)", "Third prize",
                     "400 units missing for Second prize (2,000 units)", "rank 1, in the Top ten of the year",
                     "score 75%", "陈列完整", "Partly", "Latest store checks (1 of 1)"):
        assert expected in text, expected
    assert "13812345678" not in text
    assert_cjk_font_embedded(path)
    images = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    assert len(images.splitlines()) == 3          # header lines + the one thumbnail
    entry = audit.entries(archive.conn)[-1]
    assert (entry.action, entry.by, entry.count) == ("print", "李经理", 1)
    assert "华润万家" in entry.what and entry.detail["full_phone"] is False
    print_dossier(archive.conn, account, tmp_path / "full.pdf", full_phone=True, by="李经理")
    assert "13812345678" in "\n".join(pdf_pages(tmp_path / "full.pdf"))


def test_store_check_sheet(archive, tmp_path):
    _, check = fill(archive.conn, tmp_path)
    path = tmp_path / "check.pdf"
    print_check(archive.conn, check, path, by="李经理")
    text = "\n".join(pdf_pages(path))
    assert "Store check: 南京新街口店" in text and "score 75%" in text and "Store manager:" in text
    assert_cjk_font_embedded(path)
    assert audit.entries(archive.conn)[-1].detail["check"] == check


def test_chinese_printouts_have_no_english(archive, tmp_path):
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
    import check_chinese_screens as screens
    account, check = fill(archive.conn, tmp_path)
    print_dossier(archive.conn, account, tmp_path / "d.pdf", branch="城东支行", language="zh_CN")
    print_check(archive.conn, check, tmp_path / "c.pdf", language="zh_CN")
    for name in ("d.pdf", "c.pdf"):
        text = "\n".join(pdf_pages(tmp_path / name))
        assert not screens.latin_words(text), f"English in {name}: {screens.latin_words(text)[:20]}"
    text = "\n".join(pdf_pages(tmp_path / "d.pdf"))
    assert "三等奖" in text and "还差" in text and "年度十佳" in text


def test_commands(archive, tmp_path, capsys):
    account, check = fill(archive.conn, tmp_path)
    path = archive.path
    archive.close()
    pdf = tmp_path / "out.pdf"
    assert run_cli(["print", "ka", str(path), "--account", str(account), "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "华润万家: 1 stores, 1 store checks" in out and "Third prize" in out and pdf.exists()
    assert run_cli(["print", "store-check", str(path), "--check", str(check), "--pdf", str(tmp_path / "c.pdf")]) == 0
    assert "score 75%" in capsys.readouterr().out
    assert run_cli(["print", "ka", str(path), "--account", "99", "--pdf", str(pdf)]) == 2
    assert "Key account 99 is not in this archive" in capsys.readouterr().err
    assert run_cli(["ka", str(path)]) == 0
    out = capsys.readouterr().out
    assert "华润万家" in out and "Third prize; 400 units missing for Second prize" in out and "last check" in out
    assert run_cli(["ka", "ranking", str(path), "--year", str(YEAR)]) == 0
    assert "*  1" in capsys.readouterr().out
    stores = tmp_path / "stores.csv"
    stores.write_text("门店编号,门店名称,所属大区\n002,上海店,HD\n003,,HD\n", encoding="utf-8")
    assert run_cli(["ka", "import-stores", str(path), "--account", str(account), str(stores)]) == 1
    out = capsys.readouterr().out
    assert "imported 1, rejected 1" in out and "Nothing was written" in out
    assert run_cli(["ka", "import-stores", str(path), str(stores), "--account", str(account), "--partial"]) == 1
    volume = tmp_path / "volume.xlsx"
    import pandas as pd
    pd.DataFrame({"期间": [f"{YEAR}-03"], "销量": [3500], "目标": [1000]}).to_excel(volume, index=False)
    assert run_cli(["ka", "import-volume", str(path), "--account", str(account), str(volume)]) == 0
    assert "imported 1, rejected 0" in capsys.readouterr().out
    assert run_cli(["ka", str(path)]) == 0
    assert "First prize (the top tier)" in capsys.readouterr().out     # 1,200 + 400 + 3,500
    with database.Archive.open(path) as again:
        assert {s.code for s in ka.stores(again.conn, account)} == {"HD", "001", "002"}
        assert [e.action for e in audit.entries(again.conn)] == ["print", "print"]
