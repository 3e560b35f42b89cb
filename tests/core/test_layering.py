"""model/ and reports/ never import widgets, QtGui or gui (STYLE.md: data flows one way)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("PySide6.QtWidgets", "PySide6.QtGui", "gui")


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            if node.module == "PySide6":
                for alias in node.names:
                    yield f"PySide6.{alias.name}"


def test_model_and_reports_do_not_import_gui_code():
    offenders = []
    for folder in ("model", "reports"):
        for path in (ROOT / folder).rglob("*.py"):
            for name in _imports(path):
                if any(name == f or name.startswith(f + ".") for f in FORBIDDEN):
                    offenders.append(f"{path.relative_to(ROOT)}: {name}")
    assert offenders == []


def test_the_check_itself_catches_a_widget_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6 import QtWidgets\nimport gui.main_window.app\n", encoding="utf-8")
    assert set(_imports(bad)) >= {"PySide6.QtWidgets", "gui.main_window.app"}
