"""The Key accounts area with real widgets: the account list with its tier, a store check
recorded through the dialog (results chosen with the keyboard, a Chinese note, a photo
attached through the file dialog, live score, saved at once), the KeyMan set with one
click, volume entered with the tier and what is missing shown, stores imported with bad
rows, the ranking, and the dossier printed from the account's page."""
from __future__ import annotations

import subprocess
import threading

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.key_accounts.ka_dialogs import KaPrintDialog, VolumeDialog
from gui.key_accounts.key_accounts_page import KeyAccountsPage
from gui.key_accounts.store_check_dialog import StoreCheckDialog
from gui_helpers import on_modal, type_text
from model.archive import audit
from model.partners import evidence
from model.key_accounts import ka_volumes, key_accounts as ka, store_checks as sc

pytestmark = pytest.mark.gui


@pytest.fixture
def chain(archive):
    conn = archive.conn
    account = ka.create_account(conn, {"name": "华润万家", "scope": "national", "channel": "大卖场"}, "t")
    ka.save_store(conn, account, {"kind": "region", "code": "HD", "name": "华东大区"}, "t")
    store = ka.save_store(conn, account, {"code": "001", "name": "南京新街口店", "parent": "HD"}, "t")
    ka.save_store(conn, account, {"code": "002", "name": "深圳总部店"}, "t")
    ka.save_commitment(conn, account, {"kind": "display", "description": "主通道端架"}, "t")
    ka.save_commitment(conn, account, {"kind": "promotion", "description": "春节堆头", "store_id": store}, "t")
    ka.save_commitment(conn, account, {"kind": "shopper_guidance", "description": "周末导购"}, "t")
    ka.save_contact(conn, account, {"name": "王采购", "role": "采购总监", "is_keyman": True}, "t")
    ka.save_contact(conn, account, {"name": "李经理", "role": "品类经理"}, "t")
    other = ka.create_account(conn, {"name": "苏果超市", "scope": "regional"}, "t")
    from datetime import date
    year = date.today().year
    ka_volumes.set_volume(conn, account, str(year), 1500, 2000, "t")
    ka_volumes.set_volume(conn, other, str(year), 2500, 2000, "t")
    return account, store


@pytest.fixture
def page(qtbot, archive, chain):
    page = KeyAccountsPage(archive, "en")
    qtbot.addWidget(page)
    page.show()
    return page


def test_list_shows_tier_and_ranking(page, chain):
    model = page.model
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert sorted(names) == ["华润万家", "苏果超市"]
    row = names.index("华润万家")
    assert model.index(row, 5).data() == "Third prize"
    type_text(page.search, "苏果")
    assert page.proxy.rowCount() == 1
    ranking = page.ranking.table.model
    assert [ranking.index(r, 1).data() for r in range(ranking.rowCount())] == ["苏果超市", "华润万家"]
    assert ranking.index(0, 5).data() == "Second prize" and ranking.index(0, 6).data().startswith("★")


def test_store_check_through_the_dialog(qtbot, page, archive, chain, tmp_path, monkeypatch):
    account, store = chain
    photo = tmp_path / "端架.png"
    Image.new("RGB", (80, 60), (10, 120, 200)).save(photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    view = page.account
    assert view.account_id == account
    view.tabs.setCurrentIndex(4)
    view.check_store.setCurrentIndex(view.check_store.findData(store))
    seen = {}

    def fill(dialog: StoreCheckDialog):
        try:
            assert [r.commitment.kind for r in dialog.rows] == ["display", "promotion", "shopper_guidance"]
            assert dialog.store.value() == store
            assert "0 of 3" in dialog.score_label.text()
            first, second, third = dialog.rows
            first.result.setFocus()
            qtbot.keyClick(first.result, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)     # compliant
            assert first.result.value() == sc.COMPLIANT
            type_text(second.note, "堆头只搭了一半")
            qtbot.keyClick(second.note, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)      # partly
            assert second.result.value() == sc.PARTLY
            seen["live"] = dialog.score_label.text()
            qtbot.mouseClick(first.photo_button, Qt.MouseButton.LeftButton)
            assert first.thumbnail.pixmap() is not None and not first.thumbnail.pixmap().isNull()
            assert first.remove_button.isEnabled()
            type_text(dialog.note, "周末巡店")
            dialog.checker.clear()
            type_text(dialog.checker, "小周")
            assert third.result.value() == sc.NOT_CHECKED
            dialog.accept()
        except BaseException as exc:  # noqa: BLE001 - reported after the modal closed
            seen["error"] = exc
            dialog.reject()
    on_modal(fill)
    qtbot.mouseClick(view.new_check_button, Qt.MouseButton.LeftButton)
    assert "error" not in seen, seen.get("error")
    assert "75%" in seen["live"] and "2 of 3" in seen["live"]       # (1 + ½) / 2
    check = sc.checks(archive.conn, store_id=store)[0]
    assert (check.checker, check.note, check.score) == ("小周", "周末巡店", 0.75)
    assert [i.result for i in check.items] == [sc.COMPLIANT, sc.PARTLY, sc.NOT_CHECKED]
    assert check.items[1].note == "堆头只搭了一半"
    stored = evidence.load(archive.conn, check.items[0].evidence_id)
    assert stored.is_image and stored.filename == "端架.png"
    # The page shows it: the table, the trend and the photo of the chosen check.
    assert view.checks.model.index(0, 4).data() == "75%"
    assert view.trend.points and view.trend.points[-1][1] == 75
    assert view.photo.pixmap() is not None and not view.photo.pixmap().isNull()
    assert "75%" in page.model.index(0, 6).data() or "75%" in page.model.index(1, 6).data()


def test_a_store_check_with_a_bad_photo_saves_nothing(qtbot, archive, chain, tmp_path):
    account, store = chain
    dialog = StoreCheckDialog(None, archive, account, store)
    qtbot.addWidget(dialog)
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"no picture here")
    assert not dialog.attach_photo(dialog.rows[0], broken)
    assert dialog.error.isVisibleTo(dialog) and "not a picture" in dialog.error.text()
    dialog.rows[0].result.set_value(sc.COMPLIANT)
    dialog.rows[0].photo = broken                        # even if one slipped through: the model refuses it
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "not a picture" in dialog.error.text()
    assert sc.checks(archive.conn, store_id=store) == []


def test_keyman_with_one_click(qtbot, page, archive, chain):
    account, _ = chain
    view = page.account
    view.tabs.setCurrentIndex(2)
    contacts = view.contacts
    row = [contacts.model.index(r, 0).data() for r in range(contacts.model.rowCount())].index("李经理")
    contacts.view.selectRow(row)
    qtbot.mouseClick(view.keyman_button, Qt.MouseButton.LeftButton)
    assert ka.keyman(archive.conn, account).name == "李经理"
    assert contacts.model.index(0, 0).data() == "李经理" and contacts.model.index(0, 1).data() == "★ KeyMan"
    assert contacts.model.index(1, 1).data() == ""
    details = view.details.text()    # the account's name a heading, no empty line under it
    assert "KeyMan: 李经理 (品类经理)" in details and "</h3><br>" not in details
    assert "2 stores in 1 regions" in details


def test_volume_entered_shows_tier_and_missing(qtbot, page, archive, chain):
    from datetime import date
    account, _ = chain
    view = page.account
    view.tabs.setCurrentIndex(5)
    assert "500 units missing for Second prize" in view.standing.text()

    def enter(dialog: VolumeDialog):
        dialog.period_edit.setText(f"{date.today().year}")
        dialog.volume_edit.setText("2000")
        dialog.target_edit.setText("2000")
        dialog.accept()
    on_modal(enter)
    view.enter_volume()
    assert "Second prize; 3,000 units missing for First prize" in view.standing.text()
    assert view.volume_table.model.index(0, 1).data() == "2,000"


def test_stores_import_with_bad_rows_asks_before_writing_the_good_ones(qtbot, page, archive, chain, tmp_path,
                                                                       monkeypatch):
    account, _ = chain
    path = tmp_path / "stores.csv"
    path.write_text("门店编号,门店名称,所属大区\n101,杭州店,HD\n102,,HD\n103,苏州店,XX\n", encoding="utf-8")
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)

    def cancel(box: QMessageBox):
        assert "2 of 3 rows" in box.text()
        box.button(QMessageBox.StandardButton.Cancel).click()
    on_modal(cancel)
    with qtbot.waitSignal(page.account.imported, timeout=15000) as refused:
        page.account.import_stores(str(path))
    assert not refused.args[0].written
    assert "101" not in {s.code for s in ka.stores(archive.conn, account)}

    def take_good(box: QMessageBox):
        next(b for b in box.buttons() if b.text() == "Import the good rows").click()
    on_modal(take_good)
    with qtbot.waitSignal(page.account.imported, timeout=15000) as taken:
        page.account.import_stores(str(path))
    assert taken.args[0].written
    assert "101" in {s.code for s in ka.stores(archive.conn, account)}
    tree = page.account.tree
    texts = []

    def walk(item):
        texts.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))
    walk(tree.topLevelItem(0))
    assert "杭州店" in texts and texts.index("华东大区") < texts.index("杭州店")


def test_print_dossier_from_the_page(qtbot, page, archive, chain, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    target = tmp_path / "dossier.pdf"

    def print_it(dialog: KaPrintDialog):
        dialog.path_edit.setText(str(target))
        dialog.start()
    on_modal(print_it)
    qtbot.mouseClick(page.account.print_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(target))]
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "华润万家" in text and "王采购" in text and "Third prize" in text
    assert [e.action for e in audit.entries(archive.conn)] == ["print"]


def test_volume_import_from_the_page(qtbot, page, archive, chain, tmp_path, monkeypatch):
    from datetime import date
    account, _ = chain
    year = date.today().year
    path = tmp_path / "volume.csv"
    path.write_text(f"期间,销量,目标\n{year}-01,3000,2500\n{year}-02,2600,2500\n", encoding="utf-8")
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    page.account.tabs.setCurrentIndex(5)
    with qtbot.waitSignal(page.account.imported, timeout=15000):
        page.account.import_volume(str(path))
    assert told == ["2 periods of volume and target entered."]
    assert "First prize (the top tier)" in page.account.standing.text()
    periods = [v.period for v in ka_volumes.volumes(archive.conn, account, year)]
    assert periods == [f"{year}-01", f"{year}-02", f"{year}"]


def test_a_store_import_runs_off_the_gui_thread_and_shows_its_result(qtbot, page, archive, chain, tmp_path,
                                                                    monkeypatch):
    from model.key_accounts import store_import
    account, _ = chain
    path = tmp_path / "stores.csv"
    path.write_text("门店编号,门店名称,所属大区\n101,杭州店,HD\n102,宁波店,HD\n", encoding="utf-8")
    told, threads = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append((title, text)))
    original = store_import.import_file

    def watched(*args, **kw):
        threads.append(threading.current_thread())
        assert kw["progress"] is not None
        return original(*args, **kw)
    monkeypatch.setattr(store_import, "import_file", watched)
    with qtbot.waitSignal(page.account.imported, timeout=15000) as done:
        page.account.import_stores(str(path))
    assert threads and threads[0] is not threading.main_thread()
    assert done.args[0].written and done.args[0].imported == 2
    assert told == [("Import stores", "2 regions and stores imported; 0 already in the account were skipped.")]
    assert {"101", "102"} <= {s.code for s in ka.stores(archive.conn, account)}
    stores = [page.account.tree.topLevelItem(0).child(0).child(i).text(0) for i in range(3)]
    assert "杭州店" in stores and "宁波店" in stores


def test_a_cancelled_store_import_leaves_nothing_and_tells_nothing(qtbot, page, archive, chain, tmp_path,
                                                                   monkeypatch):
    from model.key_accounts import store_import
    account, _ = chain
    path = tmp_path / "stores.csv"
    path.write_text("门店编号,门店名称\n" + "".join(f"S{n},门店{n}\n" for n in range(500)), encoding="utf-8")
    told, ran = [], []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a))
    imported = []
    page.account.imported.connect(imported.append)
    original = store_import.import_file

    def cancelled(*args, **kw):
        kw["progress"].cancel()           # as the progress box's Cancel does
        try:
            return original(*args, **kw)
        finally:
            ran.append(True)
    monkeypatch.setattr(store_import, "import_file", cancelled)
    page.account.import_stores(str(path))
    qtbot.waitUntil(lambda: bool(ran), timeout=15000)
    qtbot.wait(100)
    assert not told and not imported
    assert not any(s.code.startswith("S") for s in ka.stores(archive.conn, account))
