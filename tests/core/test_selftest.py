"""The self-test command, and the small PDF font reader it checks the PDF with."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest
from reportlab.pdfgen import canvas

import main
from cli import selftest
from reports.fonts import cjk_font

ROOT = selftest.Path(__file__).resolve().parents[2]


@pytest.mark.gui
def test_self_test_passes_with_one_line_per_step(qapp, capsys, isolated_settings):
    assert main.main(["--self-test"]) == 0
    out = capsys.readouterr().out.splitlines()
    steps = [line.split()[1] for line in out if line.startswith("ok  ")]
    assert steps == [name for name, _ in selftest.STEPS]
    assert "Self-test passed" in out[-1]
    # The user's settings were not touched: the window wrote into the temporary folder.
    assert not list(isolated_settings.rglob("*.ini"))


def test_failing_step_is_named_and_exit_code_is_one(tmp_path, monkeypatch):
    def broken(state):
        raise selftest.SelfTestError("no visit planned")
    monkeypatch.setattr(selftest, "STEPS", (("demo-archive", selftest._demo), ("visit-plan", broken),
                                            ("pdf-font", selftest._pdf)))
    out = io.StringIO()
    assert selftest.run_self_test(tmp_path, out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("ok  demo-archive  ")
    assert lines[1].startswith("FAIL  visit-plan  ")
    assert "no visit planned" in lines[2]
    assert not any("pdf-font" in line for line in lines)


def _pdf(text: str, font: str) -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.setFont(font, 12)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def test_pdf_reader_finds_the_embedded_cjk_subset():
    fonts = selftest.pdf_fonts(_pdf("客户经营 abc", cjk_font()))
    cjk = [f for f in fonts if f.cjk_characters]
    assert len(cjk) == 1 and cjk[0].embedded and cjk[0].cjk_characters >= 4
    assert "+" in cjk[0].name          # a subset


def test_pdf_reader_sees_a_font_that_is_not_embedded():
    fonts = selftest.pdf_fonts(_pdf("abc", "Helvetica"))
    assert [(f.name, f.embedded, f.cjk_characters) for f in fonts] == [("Helvetica", False, 0)]


def test_frozen_style_flag_runs_as_a_command():
    """``--self-test`` is a command line of its own (the installed ``kehu --self-test``)."""
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--self-test", "--help"],
                            capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "--keep" in result.stdout
