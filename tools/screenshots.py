"""Screenshots of the main screens for the README, in English and Chinese.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots]

Builds a demo archive (800 customers, seed 1) as of today, grades it and plans the
working week from today, then opens the real window offscreen in each language and
saves PNGs of the Today page, the customer list, a search, the customer editor, the
import wizard, the visit plan, the dashboard and the grading wizard, the customer list
and the Today page on a 1366×768 laptop screen (``customers-1366x768.png``,
``today-1366x768.png``), and the Today page on that laptop at 150 % scaling, drawn
at 1.5 device pixels a pixel as the laptop shows it (``today-1366x768-150.png``).
The PNGs are stored with at most 256 colours (PIL) to keep the repository small. The
pictures of the in-program guide (Help → Guide, ``resources/guide/<language>/``) are
copies of some of them, made smaller. Run it again after changing a screen so the
README and the guide stay current.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("en", "zh_CN")
SIZE = (1440, 900)
GUIDE = ROOT / "resources" / "guide"
GUIDE_PICTURES = ("import", "customers", "editor", "grading-wizard", "visits", "dashboard")
GUIDE_WIDTH = 800


def prepare(folder: Path) -> Path:
    """A demo archive graded as of today with a saved plan for the working week from
    today (from next Monday on a weekend), so the Today page shows its visits."""
    sys.path.insert(0, str(ROOT))
    from model.archive import database
    from model.demo import demo
    from model import grading
    from model.visits import visit_plan
    path = folder / "demo.kehu"
    as_of = date.today()
    demo.build_demo(path, customers=800, seed=1, as_of=as_of)
    with database.Archive.open(path) as archive:
        computed = grading.compute(grading.load_inputs(archive.conn, as_of))
        grading.apply(archive.conn, computed)
        start = as_of if as_of.weekday() < 5 else as_of + timedelta(days=7 - as_of.weekday())
        plan = visit_plan.build(archive.conn, visit_plan.PlanRequest(start=start, days=5 - start.weekday(),
                                                                     per_day=8))
        visit_plan.save(archive.conn, plan, by="李经理")
    return path


def optimise(path: Path, colours: int = 256) -> None:
    """The PNG with at most ``colours`` colours, compressed (screenshots are mostly flat)."""
    from PIL import Image
    Image.open(path).convert("RGB").quantize(colors=colours, method=Image.Quantize.MEDIANCUT).save(
        path, optimize=True)


def shoot(archive_path: Path, language: str, out: Path, scaled: bool = False) -> None:
    """Runs in a child process per language (translators are per process); ``scaled``:
    only the Today page on a 1366×768 laptop at 150 % (the child runs with
    QT_SCALE_FACTOR=1.5)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    settings_dir = tempfile.mkdtemp(prefix="kehu-shots-")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    from model.core import settings
    settings.put(settings.LANGUAGE, language)
    settings.put(settings.USER_NAME, "李经理")
    from gui.main_window.app import make_application
    app = make_application()
    from gui.main_window.main_window import MainWindow
    from gui.common import screen_fit
    from PySide6.QtCore import QRect
    # The offscreen screen is 800×800: pretend a monitor the README pictures fit on.
    screen_fit.simulated_area = QRect(0, 0, SIZE[0], SIZE[1] + 60)

    def settle(ms: int = 300) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()
        app.processEvents()

    def wait_idle(window, limit_ms: int = 30000) -> None:
        waited = 0
        while window.busy() and waited < limit_ms:
            settle(100)
            waited += 100
        settle(300)

    out.mkdir(parents=True, exist_ok=True)
    if scaled:       # 911×485 logical pixels less the taskbar, drawn at 1.5 device pixels each
        screen_fit.simulated_area = screen_fit.laptop_area(150)
        window = MainWindow(language)
        window.resize(screen_fit.simulated_area.size())
        window.show()
        screen_fit.fit_on_screen(window)
        window.open_archive(archive_path)
        settle(500)
        wait_idle(window)
        window.grab().save(str(out / "today-1366x768-150.png"))
        window.close()
        settle(200)
        app.quit()
        return
    window = MainWindow(language)
    window.resize(*SIZE)
    window.show()
    window.open_archive(archive_path)
    settle(500)
    wait_idle(window)
    window.grab().save(str(out / "today.png"))          # the first area
    window.show_area("customers")
    settle(300)
    wait_idle(window)
    window.grab().save(str(out / "customers.png"))

    window.focus_search()
    window.search_field.setText("zhang" if language == "en" else "张")
    settle(600)
    wait_idle(window)
    window.grab().save(str(out / "search.png"))
    window.search_field.clear()
    settle(300)

    page = window.page()
    customer_id = page.model.customer_id(3)
    from gui.customers.customer_editor import CustomerEditor
    editor = CustomerEditor(window, window.archive, customer_id)
    editor.resize(1280, 820)
    editor.show()
    settle(500)
    editor.grab().save(str(out / "editor.png"))
    editor.reject()

    for key in ("visits", "marketing", "partners", "key_accounts", "dashboard"):
        if window.show_area(key) is not None:
            settle(500)
            wait_idle(window)
            window.grab().save(str(out / f"{key}.png"))
    window.show_area("customers")

    from gui.partners.checklist_run_dialog import ChecklistRunDialog
    from gui.key_accounts.store_check_dialog import StoreCheckDialog
    partner = window.archive.conn.execute("SELECT min(id) FROM partners").fetchone()[0]
    account = window.archive.conn.execute("SELECT min(id) FROM key_accounts").fetchone()[0]
    for name, dialog in (("checklist-run", ChecklistRunDialog(window, window.archive, partner)),
                         ("store-check", StoreCheckDialog(window, window.archive, account))):
        dialog.resize(1000, 760)
        dialog.show()
        settle(500)
        dialog.grab().save(str(out / f"{name}.png"))
        dialog.reject()

    from gui.grading.grading_wizard import GradingWizard
    wizard = GradingWizard(window, window.archive)
    wizard.resize(1100, 760)
    wizard.show()
    settle(500)
    wizard.grab().save(str(out / "grading-wizard.png"))
    wizard.reject()

    from gui.customers.import_dialog import ImportDialog
    dialog = ImportDialog(window, window.archive)
    dialog.resize(1000, 700)
    dialog.show()
    settle(300)
    dialog.grab().save(str(out / "import.png"))
    dialog.reject()

    # The same list on a field laptop: 1366×768, less the taskbar and the title bar.
    screen_fit.simulated_area = QRect(screen_fit.LAPTOP)
    window.show_area("customers")
    window.resize(1366, 768 - 40 - 32)
    screen_fit.fit_on_screen(window)
    settle(500)
    wait_idle(window)
    window.grab().save(str(out / "customers-1366x768.png"))
    window.show_area("today")
    settle(300)
    wait_idle(window)
    window.grab().save(str(out / "today-1366x768.png"))

    window.close()
    settle(200)
    app.quit()


def guide_pictures(shots: Path, guide: Path) -> list[Path]:
    """Smaller copies of the screenshots the guide shows, beside its text."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    made = []
    guide.mkdir(parents=True, exist_ok=True)
    for name in GUIDE_PICTURES:
        image = QImage(str(shots / f"{name}.png"))
        if image.isNull():
            continue
        target = guide / f"{name}.png"
        image.scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation).save(str(target))
        optimise(target, 128)   # 128 colours: the guide ships in the bundle, which has a size cap
        made.append(target)
    return made


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--guide", type=Path, default=GUIDE, help="where the guide's pictures go")
    parser.add_argument("--shoot", nargs=2, metavar=("ARCHIVE", "LANGUAGE"),
                        help=argparse.SUPPRESS)
    parser.add_argument("--scaled", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.shoot:
        archive, language = args.shoot
        shoot(Path(archive), language, args.out / language, args.scaled)
        return 0
    with tempfile.TemporaryDirectory(prefix="kehu-demo-") as tmp:
        archive = prepare(Path(tmp))
        for language in LANGUAGES:
            env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
            command = [sys.executable, __file__, "--out", str(args.out), "--shoot", str(archive), language]
            for extra, more_env in (([], {}), (["--scaled"], {"QT_SCALE_FACTOR": "1.5"})):
                done = subprocess.run(command + extra, env={**env, **more_env})
                if done.returncode != 0:
                    return done.returncode
            made = guide_pictures(args.out / language, args.guide / language)
            shots = sorted((args.out / language).glob("*.png"))
            for shot in shots:
                optimise(shot)
            print(f"{args.out / language}: " + ", ".join(p.name for p in shots))
            print(f"{args.guide / language}: " + ", ".join(p.name for p in made))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
