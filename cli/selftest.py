"""The self-test: ``python main.py self-test`` (the installed program: ``kehu --self-test``).

Runs the program's main paths once on a temporary folder, offscreen, and
prints one line per step (``ok  <step>  <seconds>``): a demo archive, a CSV
import with Chinese names, grading, a day's visit plan, its PDF (the CJK font
must be embedded), and the main window opened on the archive and closed
again. The first failing step is printed with its error and the exit code is
1; nothing outside the temporary folder is touched (settings included).

Installers run it after installing; CI runs it on the built bundle with no
system CJK font visible, so the bundled font is what makes the PDF.
"""
from __future__ import annotations

import csv
import os
import re
import shutil
import sys
import tempfile
import time
import traceback
import zlib
from datetime import date, timedelta
from pathlib import Path

from model.core.i18n import translate

DEMO_CUSTOMERS = 200
WINDOW_SECONDS = 20.0       # the window must show its customer list within this
# Chinese names for the CSV import; the PDF check looks for CJK glyphs.
IMPORT_ROWS = (("欧阳明", "13900000001", "文三路1号"), ("诸葛慧", "13900000002", "文三路2号"),
               ("单晓彤", "13900000003", "文三路3号"), ("翟子轩", "13900000004", "文三路4号"))


def register(commands) -> None:
    p = commands.add_parser(
        "self-test", help=translate("CLI", "check that this installation works: demo archive, import, "
                                    "grading, visit plan, PDF with Chinese font, window (offscreen)"))
    p.add_argument("--keep", action="store_true",
                   help=translate("CLI", "keep the temporary folder and say where it is"))
    p.set_defaults(run=cmd_self_test)


def prepare_environment() -> None:
    """Before the QApplication exists: run offscreen unless a platform was chosen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def cmd_self_test(args) -> int:
    folder = Path(tempfile.mkdtemp(prefix="kehu-selftest-"))
    try:
        return run_self_test(folder)
    finally:
        if args.keep:
            print(translate("CLI", "Files kept in {folder}").format(folder=folder))
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run_self_test(folder: Path, out=None) -> int:
    """Every step in ``folder``; 0 when all passed, else 1 after the failing step."""
    out = out or sys.stdout
    state: dict = {"folder": folder, "archive": folder / "selftest.kehu"}
    started = time.perf_counter()
    with _own_settings(folder / "settings"):
        for name, step in STEPS:
            begun = time.perf_counter()
            try:
                detail = step(state)
            except BaseException as exc:  # noqa: BLE001 - any failure is the step's result
                if isinstance(exc, KeyboardInterrupt):
                    raise
                print(f"FAIL  {name}  {time.perf_counter() - begun:.2f}", file=out, flush=True)
                print(f"      {type(exc).__name__}: {exc}", file=out)
                traceback.print_exc(file=sys.stderr)
                print(translate("CLI", "Self-test failed at step {step}.").format(step=name), file=out)
                return 1
            line = f"ok  {name}  {time.perf_counter() - begun:.2f}"
            print(f"{line}  {detail}" if detail else line, file=out, flush=True)
    print(translate("CLI", "Self-test passed in {seconds} s.").format(
        seconds=f"{time.perf_counter() - started:.1f}"), file=out, flush=True)
    return 0


class SelfTestError(Exception):
    pass


class _own_settings:
    """Point QSettings at the temporary folder (the window writes recent files and
    geometry), and back where they were afterwards."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self):
        from PySide6.QtCore import QSettings
        probe = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "o", "a").fileName()
        self.previous = str(Path(probe).parent.parent)
        self.env = os.environ.get("KEHU_SETTINGS_DIR")
        self.folder.mkdir(parents=True, exist_ok=True)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(self.folder))
        os.environ["KEHU_SETTINGS_DIR"] = str(self.folder)
        return self

    def __exit__(self, *exc):
        from PySide6.QtCore import QSettings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, self.previous)
        if self.env is None:
            os.environ.pop("KEHU_SETTINGS_DIR", None)
        else:
            os.environ["KEHU_SETTINGS_DIR"] = self.env
        return False


# -- the steps ------------------------------------------------------------------------

def _demo(state: dict) -> str:
    from model.demo import demo
    counts = demo.build_demo(state["archive"], customers=DEMO_CUSTOMERS, seed=1)
    if counts["customers"] != DEMO_CUSTOMERS:
        raise SelfTestError(f"demo archive has {counts['customers']} customers, not {DEMO_CUSTOMERS}")
    return f"{counts['customers']} customers"


def _import(state: dict) -> str:
    from model.archive import database
    from model.customers import importing
    path = state["folder"] / "customers.csv"
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["姓名", "手机", "地址", "小区"])
        writer.writerows([*row, "自测小区"] for row in IMPORT_ROWS)
    with database.Archive.open(state["archive"]) as archive:
        result = importing.import_file(archive.conn, path, by="self-test")
        names = {r[0] for r in archive.conn.execute(
            "SELECT name FROM customers WHERE name IN (%s)" % ",".join("?" * len(IMPORT_ROWS)),
            [row[0] for row in IMPORT_ROWS])}
    if not result.written or result.imported != len(IMPORT_ROWS) or len(names) != len(IMPORT_ROWS):
        raise SelfTestError(f"imported {result.imported} of {len(IMPORT_ROWS)} rows "
                            f"({result.rejected} rejected); found {len(names)} in the archive")
    return f"{result.imported} rows"


def _photo(state: dict) -> str:
    """A JPEG photo stored as evidence and shrunk to a thumbnail (Pillow's native code)."""
    import io
    from PIL import Image
    from model.archive import database
    from model.partners import evidence
    picture = io.BytesIO()
    Image.new("RGB", (800, 600), (180, 40, 40)).save(picture, format="JPEG")
    with database.Archive.open(state["archive"]) as archive:
        evidence_id = evidence.add(archive.conn, picture.getvalue(), "自测照片.jpg", by="self-test")
        thumb = Image.open(io.BytesIO(evidence.thumbnail_png(archive.conn, evidence_id, 200)))
    if thumb.size != (200, 150):
        raise SelfTestError(f"thumbnail is {thumb.size}, not (200, 150)")
    return "800x600 -> 200x150"


def _encrypted(state: dict) -> str:
    """An encrypted archive (SQLCipher): written, nothing in clear on disk, a wrong
    passphrase refused, the right one opens it."""
    from model.customers import customers
    from model.archive import database
    path = state["folder"] / "encrypted.kehu"
    name, phone = "自测加密客户", "13911112222"
    with database.Archive.create(path, passphrase="self-test passphrase") as archive:
        customers.create(archive.conn, {"name": name, "phone": phone}, by="self-test")
    raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if p.is_file())
    if name.encode() in raw or phone.encode() in raw or not database.is_encrypted(path):
        raise SelfTestError("the encrypted archive holds its data in clear")
    try:
        database.Archive.open(path, passphrase="wrong").close()
        raise SelfTestError("a wrong passphrase opened the archive")
    except database.WrongPassphrase:
        pass
    with database.Archive.open(path, passphrase="self-test passphrase") as archive:
        found = archive.conn.execute("SELECT count(*) FROM customers WHERE name = ?", (name,)).fetchone()[0]
        version = archive.conn.execute("PRAGMA cipher_version").fetchone()[0]
    if found != 1:
        raise SelfTestError("the customer written is not in the reopened archive")
    return f"SQLCipher {version}"


def _grade(state: dict) -> str:
    from model.archive import database
    from model import grading
    with database.Archive.open(state["archive"]) as archive:
        computed = grading.compute(grading.load_inputs(archive.conn, date.today()))
        result = grading.apply(archive.conn, computed)
        tiers = grading.distribution(archive.conn).get(grading.VALUE_TIER, {})
    graded = sum(tiers.values())
    if graded < DEMO_CUSTOMERS:
        raise SelfTestError(f"only {graded} customers have a value tier")
    return f"{result.changed_rows} grades"


def _plan(state: dict) -> str:
    from model.archive import database
    from model.visits import planning_rules, visit_plan
    rules = planning_rules.planning_rules()
    day = next(d for d in rules.working_days(date.today(), date.today() + timedelta(days=14)))
    with database.Archive.open(state["archive"]) as archive:
        plan = visit_plan.build(archive.conn, visit_plan.PlanRequest(start=day, days=1, time_limit=0.5))
    if not plan.planned():
        raise SelfTestError(f"no visit planned for {day} ({len(plan.unplanned)} not planned)")
    from model.visits import routing_pyvrp
    if not routing_pyvrp.available():
        raise SelfTestError("PyVRP (the route search) cannot be loaded")
    state["plan"] = plan
    return f"{len(plan.planned())} visits on {day} (route search: PyVRP)"


def _pdf(state: dict) -> str:
    from reports.visit_plan import visit_plan_pdf
    path = visit_plan_pdf(state["plan"], state["folder"] / "plan.pdf", language="zh_CN")
    fonts = pdf_fonts(Path(path).read_bytes())
    cjk = [f for f in fonts if f.cjk_characters]
    if not cjk:
        raise SelfTestError(f"no font in the PDF carries Chinese characters ({fonts})")
    missing = [f.name for f in cjk if not f.embedded]
    if missing:
        raise SelfTestError(f"Chinese font not embedded: {', '.join(missing)}")
    return ", ".join(sorted({f.name.partition("+")[2] or f.name for f in cjk}))


def _window(state: dict) -> str:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from gui.main_window.main_window import MainWindow
    from model.core import language

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        raise SelfTestError("the self-test needs a QApplication (run it through main.py)")

    class Painted(QObject):
        seen = False

        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen = True
            return False

    window = MainWindow(language.chosen_language())
    painted = Painted()
    try:
        window.show()
        window.open_archive(state["archive"])
        deadline = time.perf_counter() + WINDOW_SECONDS
        shown = False
        watched = None
        while time.perf_counter() < deadline:
            app.processEvents()
            page = window.page()
            if page is not None and not shown:   # the first area may be Today: show the list
                window.show_area("customers")
                shown = True
            if page is not None and page.model.rowCount() > 0:
                if watched is not page.table.viewport():
                    watched = page.table.viewport()
                    watched.installEventFilter(painted)
                    watched.update()
                elif painted.seen:
                    break
            time.sleep(0.005)
        page = window.page()
        if not painted.seen:
            rows = page.model.rowCount() if page is not None else 0
            raise SelfTestError(f"the customer list did not paint within {WINDOW_SECONDS:.0f} s "
                                f"({rows} rows)")
        rows = page.model.rowCount()
        while window.busy() and time.perf_counter() < deadline:   # let opening's background work end
            app.processEvents()
            time.sleep(0.005)
        if not window.close():
            raise SelfTestError("the window refused to close")
        app.processEvents()
    finally:
        if window.isVisible():
            window.close()
        window.deleteLater()
        app.processEvents()
    return f"{rows} rows shown"


STEPS = (("demo-archive", _demo), ("import-csv", _import), ("evidence-photo", _photo),
         ("encrypted-archive", _encrypted), ("grading", _grade),
         ("visit-plan", _plan),
         ("pdf-font", _pdf), ("main-window", _window))


# -- a small PDF font reader (pdffonts may not be on the machine) -----------------------

class PdfFont:
    def __init__(self, name: str, embedded: bool, cjk_characters: int):
        self.name, self.embedded, self.cjk_characters = name, embedded, cjk_characters

    def __repr__(self) -> str:
        return f"PdfFont({self.name!r}, embedded={self.embedded}, cjk={self.cjk_characters})"


_REF = rb"(\d+)\s+\d+\s+R"


class _Pdf:
    """Objects of a PDF with a classic cross-reference table (as reportlab writes)."""

    def __init__(self, data: bytes):
        self.data = data
        start = int(re.search(rb"startxref\s+(\d+)", data[-1024:]).group(1))
        self.offsets: dict[int, int] = {}
        while True:
            match = re.match(rb"xref\s+", data[start:])
            if not match:
                raise ValueError("no cross-reference table (compressed PDFs are not read here)")
            pos = start + match.end()
            while True:
                head = re.match(rb"(\d+)\s+(\d+)\s*\r?\n", data[pos:])
                if not head:
                    break
                first, count = int(head.group(1)), int(head.group(2))
                pos += head.end()
                for i in range(count):
                    entry = data[pos:pos + 20]
                    if entry[17:18] == b"n":
                        self.offsets.setdefault(first + i, int(entry[:10]))
                    pos += 20
            trailer = data[pos:pos + 2048]
            previous = re.search(rb"/Prev\s+(\d+)", trailer.split(b"startxref")[0])
            if not previous:
                break
            start = int(previous.group(1))

    def dictionary(self, number: int) -> bytes:
        begin = self.data.index(b"obj", self.offsets[number]) + 3
        end = min(i for i in (self.data.find(b"stream", begin), self.data.find(b"endobj", begin)) if i >= 0)
        return self.data[begin:end]

    def stream(self, number: int) -> bytes:
        head = self.dictionary(number)
        begin = self.data.index(b"stream", self.offsets[number]) + 6
        begin += 2 if self.data[begin:begin + 2] == b"\r\n" else 1
        length = re.search(rb"/Length\s+(\d+)(\s+\d+\s+R)?", head)
        size = int(self.dictionary(int(length.group(1))).strip()) if length.group(2) else int(length.group(1))
        raw = self.data[begin:begin + size]
        return zlib.decompress(raw) if b"/FlateDecode" in head else raw

    def ref(self, dictionary: bytes, key: bytes) -> int | None:
        match = re.search(rb"/" + key + rb"\s+" + _REF, dictionary)
        return int(match.group(1)) if match else None


def _is_cjk(code: int) -> bool:
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x2FFFF


def _unicode_targets(cmap: bytes) -> list[int]:
    """Code points a ToUnicode CMap maps to (bfchar targets and bfrange starts)."""
    found = []
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for target in re.findall(rb"<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>", block):
            found.append(_utf16_first(target))
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for low, high, target in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = _utf16_first(target)
            found.extend(range(first, first + int(high, 16) - int(low, 16) + 1))
    return found


def _utf16_first(hex_text: bytes) -> int:
    text = bytes.fromhex(hex_text.decode()).decode("utf-16-be", errors="replace")
    return ord(text[0]) if text else 0


def pdf_fonts(data: bytes) -> list[PdfFont]:
    """The fonts of a PDF: name, whether its TrueType program is embedded (a
    /FontFile2 stream that is a real TrueType font), and how many CJK characters
    its ToUnicode map covers."""
    pdf = _Pdf(data)
    fonts = []
    for number in pdf.offsets:
        head = pdf.dictionary(number)
        if not re.search(rb"/Type\s*/Font\b", head):
            continue
        name_match = re.search(rb"/BaseFont\s*/([^\s/<>\[\]()]+)", head)
        name = name_match.group(1).decode("latin-1") if name_match else f"object {number}"
        descriptor_owner = head
        descendants = re.search(rb"/DescendantFonts\s*\[\s*" + _REF, head)
        if descendants:
            descriptor_owner = pdf.dictionary(int(descendants.group(1)))
        embedded = False
        descriptor = pdf.ref(descriptor_owner, b"FontDescriptor")
        if descriptor is not None:
            program = pdf.ref(pdf.dictionary(descriptor), b"FontFile2")
            if program is not None:
                body = pdf.stream(program)
                embedded = body[:4] in (b"\x00\x01\x00\x00", b"true") and len(body) > 1000
        cjk = 0
        to_unicode = pdf.ref(head, b"ToUnicode")
        if to_unicode is not None:
            cjk = sum(1 for code in _unicode_targets(pdf.stream(to_unicode)) if _is_cjk(code))
        fonts.append(PdfFont(name, embedded, cjk))
    return fonts
