"""View → Branch rules…: export the rules in force, import a pack, a refused pack changes nothing;
About names the pack."""
from __future__ import annotations

import zipfile

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.branch.branch_rules import BranchRulesDialog
from model.branch import branch_pack
from model.core import rules
from model.core.resources import resource_path

pytestmark = pytest.mark.gui


def test_export_then_import_from_the_dialog(qtbot, tmp_path, monkeypatch):
    dialog = BranchRulesDialog()
    qtbot.addWidget(dialog)
    assert "shipped with Kehu" in dialog.current.text()
    file = tmp_path / "pack.zip"
    assert dialog.export_pack(file) is None                 # no branch name yet: said in the dialog
    assert dialog.error.isVisibleTo(dialog) and "name" in dialog.error.text()
    dialog.name.setText("城东支行")
    dialog.version.setText("7")
    info = dialog.export_pack(file)
    assert info is not None and not dialog.error.isVisibleTo(dialog)
    assert "pack.json" in zipfile.ZipFile(file).namelist()

    assert dialog.import_pack(file).version == "7"
    assert "城东支行, version 7" in dialog.current.text()
    assert rules.rules_dir() != resource_path("rules")

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip")
    before = rules.rules_dir()
    assert dialog.import_pack(broken) is None
    assert shown and "not a zip" in shown[0]
    assert rules.rules_dir() == before


def test_about_names_the_pack_in_force(qtbot, tmp_path):
    from gui.main_window.main_window import MainWindow
    window = MainWindow("en")
    qtbot.addWidget(window)
    assert "Branch rules: The rules shipped with Kehu" in window.about_text()
    file = tmp_path / "p.zip"
    branch_pack.export_pack(file, name="West", version="2026.2")
    branch_pack.import_pack(file)
    assert "Branch rules: West, version 2026.2" in window.about_text()
    assert window.action("branch_rules").isEnabled()
