"""A failing print inside a modal dialog fails its test in seconds, never hangs the run."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_a_failing_print_fails_its_test_within_seconds(tmp_path):
    """The PDF job fails (no Chinese font), the dialog shows the error and stays open; a
    test that waits on it must end quickly with the error text, not hang."""
    test = tmp_path / "test_stuck.py"
    test.write_text(textwrap.dedent('''
        from datetime import date
        from gui.visits.print_dialogs import TrackingLogDialog
        from reports import fonts
        from tests.gui_helpers import on_modal

        def test_print(qtbot, archive, monkeypatch, tmp_path):
            fonts.cjk_font.cache_clear()
            monkeypatch.setattr(fonts, "candidates", lambda: [])
            def print_it(dialog):
                dialog.path_edit.setText(str(tmp_path / "log.pdf"))
                dialog.start()
            on_modal(print_it)
            TrackingLogDialog.run(None, archive)
    '''), encoding="utf-8")
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "pytest", "-c", str(ROOT / "pytest.ini"), "--rootdir", str(ROOT),
                           "-p", "tests.conftest", "-o", "timeout=120", str(test)],
                          cwd=ROOT, capture_output=True, text=True, timeout=180,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})
    elapsed = time.monotonic() - started
    out = done.stdout + done.stderr
    assert done.returncode == 1, out
    assert "a modal dialog blocked the test" in out and "fonts-wqy-microhei" in out, out
    assert elapsed < 60, out
    assert not (tmp_path / "log.pdf").exists()


def test_without_qt_pdf_the_print_dialog_offers_no_preview(qtbot, archive, monkeypatch):
    """The installers leave QtPdf and printing out: the dialog then only saves the PDF."""
    from gui.visits import print_dialogs
    monkeypatch.setattr(print_dialogs, "preview_available", lambda: False)
    dialog = print_dialogs.TrackingLogDialog(None, archive)
    qtbot.addWidget(dialog)
    assert dialog.preview_button.isHidden() and not dialog.print_button.isHidden()
    monkeypatch.setattr(print_dialogs, "preview_available", lambda: True)
    shown = print_dialogs.TrackingLogDialog(None, archive)
    qtbot.addWidget(shown)
    assert not shown.preview_button.isHidden()
