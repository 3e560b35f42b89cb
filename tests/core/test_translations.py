"""The Chinese translation is complete: every text reaches the .ts and is translated,
the .qm is current, and no English is left on the Chinese screens, in the CLI or
in the Chinese PDFs.

When this fails after a change: ``python tools/translations.py update``, then
``todo`` lists what is untranslated; ``apply FILE`` fills it in from JSON. The
screen walk is ``python tools/check_chinese_screens.py [--screenshots DIR]``.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import check_chinese_screens as screens  # noqa: E402
import translations  # noqa: E402


def test_every_text_is_translated_and_the_qm_is_current():
    problems = translations.check()
    assert not problems, (
        f"{len(problems)} translation problem(s); run tools/translations.py update, translate what "
        "'todo' lists, then 'apply' it:\n" + "\n".join(problems))


def test_the_check_finds_texts_lupdate_cannot_see(tmp_path, monkeypatch):
    """The static part of the check catches each way a text escapes lupdate."""
    source = tmp_path / "gui"
    source.mkdir()
    (source / "bad.py").write_text(
        "from model.core.i18n import translate\n"
        "tr = translate\n"
        "class Base(QWidget):\n"
        "    def title(self):\n"
        "        return self.tr('Title')\n"
        "class Page(Base):\n"
        "    def show(self, parent, name, text):\n"
        "        parent.tr('Open')\n"
        "        tr('Ctx', 'Alias')\n"
        "        self.tr(text)\n"
        "        label = f\"{translate('Ctx', 'Inside')}: {name}\"\n"
        "        translate('Ctx', f'Hello {name}')\n"
        "        return self.tr('Fine {name}').format(name=name)\n", encoding="utf-8")
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    monkeypatch.setattr(translations, "SOURCE_DIRS", ("gui",))
    (tmp_path / "main.py").write_text("", encoding="utf-8")
    found = "\n".join(translations.unreachable())
    for expected in ("not called on self (use translate(\"Context\", ...)): gui/bad.py:8",
                     "not called on self (use translate(\"Context\", ...)): gui/bad.py:9",
                     "tr() of something other than a literal text: gui/bad.py:10",
                     "inside an f-string (lupdate skips it): gui/bad.py:11",
                     "translate() of something other than literal texts: gui/bad.py:12",
                     "self.tr in Base (gui/bad.py:5), which Page subclass"):
        assert expected in found
    assert "bad.py:13" not in found
    assert len(translations.unreachable()) == 6


def test_latin_words_allows_codes_formats_keys_and_paths():
    assert screens.latin_words("导出为 CSV(&C)… Excel 工作簿（.xlsx）") == []
    assert screens.latin_words("RFM 类型；KA 重点客户；A/B/C；1.3 23-35岁；PDF、.ics") == []
    assert screens.latin_words("保存（Ctrl+S）；F5 刷新；已打开 /tmp/kehu-zh/demo.kehu") == []
    assert screens.latin_words("<h3>客户经营助手 (Kehu)</h3>") == []
    assert screens.latin_words("Value tier") == ["Value", "tier"]
    assert screens.latin_words("2026-11-20 由 rules 执行") == ["rules"]
    assert screens.latin_words("<b>Name</b>：张三") == ["Name"]


_WALK: list = []


def chinese_walk(tmp_path_factory) -> "screens.ScreenWalk":
    """The Chinese screen walk on a pretended 1366×768 laptop, once for the tests below."""
    if not _WALK:
        _WALK.append(screens.walk_screens(tmp_path_factory.mktemp("walk")))
    return _WALK[0]


@pytest.mark.gui
def test_no_english_on_the_chinese_screens(qapp, tmp_path_factory):
    walk = chinese_walk(tmp_path_factory)
    found, visited = walk.found, walk.screens
    # The walk really went through the window and its dialogs.
    visited_text = "\n".join(visited)
    for place in ("area 客户", "area 拜访", "area 经营看板", "menu archive", "dialog CustomerEditor",
                  "dialog ContactDialog", "wizard ImportDialog", "wizard GradingWizard", "dialog ExportDialog",
                  "dialog RestoreDialog", "dialog NewPlanDialog", "static dialog: 关于客户经营助手",
                  "Qt file dialog", "Qt colour dialog", "Qt print dialog, tab 1", "Qt print preview"):
        assert place in visited_text, f"the walk did not reach {place}:\n{visited_text}"
    assert not found, (f"{len(found)} text(s) with English on Chinese screens "
                       "(translate them in the .ts, or make the code translate them):\n"
                       + screens.report(found))


@pytest.mark.gui
def test_every_window_and_dialog_fits_a_1366x768_screen(qapp, tmp_path_factory):
    """Every top-level window and dialog the walk opens (at 1366×768 less the taskbar):
    its minimum size fits, it is shown inside the screen, and no one-line label is
    narrower than its text."""
    walk = chinese_walk(tmp_path_factory)
    dialogs = [s for s in walk.screens if s.startswith(("dialog ", "wizard "))]
    assert len(dialogs) > 40, dialogs
    assert not walk.layout, "\n".join(f"{problem}\n    seen in: {'; '.join(sorted(places)[:3])}"
                                      for problem, places in sorted(walk.layout.items()))


@pytest.mark.gui
def test_every_table_sorted_by_names_on_the_chinese_screens_is_in_pinyin_order(qapp, tmp_path_factory):
    """Every table or tree the walk shows sorted by a column of names (customers, areas,
    managers, partners, accounts, circles, stores): the order of the program's pinyin key."""
    walk = chinese_walk(tmp_path_factory)
    assert len(walk.name_lists) >= 12, sorted(walk.name_lists)
    assert not walk.misordered, "\n".join(f"{problem}\n    seen in: {'; '.join(sorted(places)[:3])}"
                                          for problem, places in sorted(walk.misordered.items()))


@pytest.mark.gui
def test_the_name_order_check_finds_a_table_in_code_point_order(qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QComboBox, QTableView, QWidget
    from model.customers.search import sort_key
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["区域", "电话"])
    for name in sorted(["东湖小区", "临江花园", "丹桂苑", "北苑新村"]):      # code points: 东 临 丹 北
        model.appendRow([QStandardItem(name), QStandardItem("1")])
    window = QWidget()
    qtbot.addWidget(window)
    view = QTableView(window)
    view.setModel(model)
    view.horizontalHeader().setSortIndicatorShown(True)
    view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    window.show()
    walk = screens.ScreenWalk(Path("unused.kehu"))
    walk.check_name_order("a table", window)
    assert list(walk.misordered) == ["QTableView (区域): 东湖小区, 临江花园, 丹桂苑, 北苑新村…"]
    rows = sorted(["东湖小区", "临江花园", "丹桂苑", "北苑新村"], key=lambda n: sort_key(n, False))
    for row, name in enumerate(rows):                                         # 北 丹 东 临
        model.item(row, 0).setText(name)
    walk.misordered.clear()
    walk.check_name_order("a table", window)
    assert walk.misordered == {} and walk.name_lists == {"QTableView (区域)"}
    combo = QComboBox(window)                  # a choice of the archive's areas: by pinyin too
    combo.addItems(["全部区域", "东湖小区", "临江花园", "丹桂苑", "北苑新村"])
    combo.show()
    walk.known_names = {"areas": ({"东湖小区", "临江花园", "丹桂苑", "北苑新村"}, False)}
    walk.check_name_order("a combo box", window)
    assert list(walk.misordered) == ["QComboBox (areas): 东湖小区, 临江花园, 丹桂苑, 北苑新村…"]


def test_qt_standard_dialogs_speak_chinese(qapp):
    """Qt's own file, colour, print and message dialogs: what qtbase_zh_CN leaves in English
    the program's translation fills in (gui/common/qt_strings.py)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QWidget
    from model.core import language
    language.install_translators(qapp, "zh_CN")
    previous = QLocale()
    QLocale.setDefault(QLocale("zh_CN"))
    parent = QWidget()
    try:
        walk = screens.ScreenWalk(Path("unused.kehu"))
        walk.qt_dialogs(parent)
    finally:
        language.install_translators(qapp, "en")
        QLocale.setDefault(previous)
        parent.deleteLater()
    assert any(s.startswith("Qt file dialog") for s in walk.screens)
    assert not walk.found, screens.report(walk.found)


def _cli(*args: str, cwd: Path, settings_dir: Path, lang: str = "zh_CN.UTF-8") -> subprocess.CompletedProcess:
    """The command line in a Chinese system locale (LC_CTYPE stays C.UTF-8: the zh_CN
    locale need not be installed), with its own settings folder."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k != "LANGUAGE"}
    env.update(LANG=lang, LC_CTYPE="C.UTF-8", XDG_CONFIG_HOME=str(settings_dir),
               QT_QPA_PLATFORM="offscreen", KEHU_USER="王芳")   # a name: no login-name note
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


# argparse's own words are Python's; the rest of a help text must be ours, in Chinese.
ARGPARSE_WORDS = {"usage", "positional", "arguments", "options", "show", "this", "help", "message",
                  "and", "exit", "python", "main", "py", "COMMAND", "ARCHIVE", "error", "the",
                  "following", "are", "required", "invalid", "choice", "choose", "from"}


def _english(text: str, allowed: set[str]) -> list[str]:
    import re
    text = re.sub(r"--?[\w-]+|\{[^}]*\}|\b[A-Z_.]+\b|\b[a-z]+(?:[-_][a-z]+)+\b", " ", text)
    return [w for w in screens.latin_words(text) if w not in allowed and w.lower() not in allowed]


def _command_helps(parser) -> list[str]:
    """The --help of the program, each command and each subcommand (e.g. print tracking-log)."""
    import argparse
    helps = [parser.format_help()]
    for action in parser._actions:   # argparse keeps the subcommands' parsers here
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                helps += _command_helps(sub)
    return helps


def test_the_cli_speaks_chinese(qapp, tmp_path):
    from cli import build_parser
    from model.core import language
    language.install_translators(qapp, "zh_CN")
    try:
        helps = _command_helps(build_parser())
    finally:
        language.install_translators(qapp, "en")
    assert len(helps) > 12
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    # The system's language picks: a Chinese locale gives Chinese.
    helps.append(_cli("--help", cwd=tmp_path, settings_dir=settings_dir).stdout)
    # Choices and metavars are stable identifiers (customers, 1m, half-month ...).
    allowed = ARGPARSE_WORDS | {"customers", "transactions", "clear", "latent", "none", "later", "never",
                                "all", "ungraded", "area", "manager", "older", "day", "week", "month",
                                "half", "en", "zh", "rejects", "csv", "ics", "pdf", "OUT", "MAP",
                                "NAME", "DAYS", "DATE", "PATH", "FILE", "file", "path", "plan", "print",
                                "help", "new", "check", "backup", "restore", "demo", "export", "import",
                                "grade", "opportunity", "self", "test", "tracking", "log", "visit",
                                "CN", "main", "null", "circles", "promotions", "promotion",
                                "passphrase", "encrypt", "decrypt", "partners", "checklist",
                                "ka", "ranking", "stores", "volume", "store", "audit", "purge", "deleted",
                                "managers", "handover", "targets", "care", "set", "show", "visits", "calls",
                                "complaints",
                                "surveys", "lifecycle", "potential", "growing", "mature", "declining", "lost",
                                "deals", "amount", "branch", "duplicates"}
    for text in helps:
        assert "客户" in text or "档案" in text, text
        assert not _english(text, allowed), f"English in the Chinese CLI help: {_english(text, allowed)}\n{text}"

    # The setting overrides the system's language.
    from PySide6.QtCore import QSettings
    from model.core import settings
    stored = QSettings(str(settings_dir / settings.ORGANIZATION / f"{settings.APPLICATION}.ini"),
                       QSettings.Format.IniFormat)
    stored.setValue(settings.LANGUAGE.key, "zh_CN")
    stored.sync()
    english_system = _cli("--help", cwd=tmp_path, settings_dir=settings_dir, lang="C.UTF-8")
    assert "客户经营助手" in english_system.stdout, english_system.stdout

    missing = _cli("check", str(tmp_path / "nowhere.kehu"), cwd=tmp_path, settings_dir=settings_dir)
    assert missing.returncode == 2
    assert "没有档案" in missing.stderr and not _english(missing.stderr, allowed), missing.stderr

    made = _cli("demo", "demo.kehu", "--customers", "30", cwd=tmp_path, settings_dir=settings_dir)
    assert made.returncode == 0 and "演示档案" in made.stdout, made.stderr
    (tmp_path / "new.csv").write_text("姓名,手机,爱好\n赵一,13811112222,钓鱼\n钱二,12345,书法\n",
                                      encoding="utf-8")
    imported = _cli("import", "demo.kehu", "new.csv", cwd=tmp_path, settings_dir=settings_dir)
    assert imported.returncode == 1, imported.stderr
    output = imported.stdout + imported.stderr
    assert "拒绝" in output and "爱好" in output
    assert not _english(output, allowed), f"English in the Chinese import output:\n{output}"


def test_chinese_pdfs_have_no_english(qapp, tmp_path):
    assert shutil.which("pdftotext"), "the PDF tests need poppler-utils (bash dev.sh setup installs it)"
    from model.archive import database
    from model.demo import demo
    from model.visits import due, tracking_logs, visit_plan
    from model import grading
    from model.core import language, settings
    from reports.due_list import due_list_pdf
    from reports.tracking_log import tracking_log_pdf
    from reports.visit_plan import visit_plan_pdf

    as_of = date(2026, 11, 20)
    path = tmp_path / "演示.kehu"
    demo.build_demo(path, customers=60, seed=1, as_of=as_of)
    settings.put(settings.LANGUAGE, "zh_CN")
    language.install_translators(qapp, "zh_CN")
    try:
        with database.Archive.open(path) as archive:
            grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, as_of)))
            plan = visit_plan.build(archive.conn, visit_plan.PlanRequest(
                start=as_of + timedelta(days=3), days=5, per_day=4, time_limit=0.2))
            log = tracking_logs.tracking_log(archive.conn, "D", as_of, None)
            listed = due.due_list(archive.conn, as_of, as_of + timedelta(days=6))
        pdfs = [visit_plan_pdf(plan, tmp_path / "plan.pdf", branch="城东支行", language="zh_CN"),
                tracking_log_pdf(log, tmp_path / "log.pdf", branch="城东支行", language="zh_CN"),
                due_list_pdf(listed, tmp_path / "due.pdf", branch="城东支行", language="zh_CN")]
    finally:
        language.install_translators(qapp, "en")
        settings.put(settings.LANGUAGE, "")
    for pdf in pdfs:
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "拜访" in text or "追踪" in text
        assert not screens.latin_words(text), f"English in {pdf.name}: {screens.latin_words(text)[:20]}"


def test_the_language_setting_survives_a_restart(tmp_path):
    """What the preferences store is read back by the next start of the program."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    code = ("import sys; sys.path.insert(0, {root!r}); from model.core import settings; {body}")
    subprocess.run([sys.executable, "-c", code.format(root=str(ROOT), body=(
        "settings.put(settings.LANGUAGE, 'zh_CN'); settings.put(settings.USER_NAME, '李经理')"))],
        env=env, check=True, timeout=60)
    read = subprocess.run([sys.executable, "-c", code.format(root=str(ROOT), body=(
        "print(settings.get(settings.LANGUAGE), settings.get(settings.USER_NAME))"))],
        env=env, check=True, capture_output=True, text=True, timeout=60)
    assert read.stdout.split() == ["zh_CN", "李经理"]
