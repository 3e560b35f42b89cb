"""What the build records (resources/build_info.json) and Help → About showing it."""
from __future__ import annotations

import json

import pytest

from model.core import version


@pytest.fixture
def build_file(tmp_path, monkeypatch):
    path = tmp_path / "build_info.json"
    monkeypatch.setattr(version, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    version.build_info.cache_clear()
    yield path
    version.build_info.cache_clear()


def test_no_build_information_from_source(build_file):
    assert version.build_info() == {}


def test_build_information_is_read_and_damaged_files_ignored(build_file):
    build_file.write_text(json.dumps({"version": "0.1.0", "date": "2026-11-22", "commit": "abc1234",
                                      "other": "x"}), encoding="utf-8")
    assert version.build_info() == {"version": "0.1.0", "date": "2026-11-22", "commit": "abc1234"}
    version.build_info.cache_clear()
    build_file.write_text("{not json", encoding="utf-8")
    assert version.build_info() == {}


@pytest.mark.gui
def test_about_shows_the_build_date(build_file, qtbot):
    from gui.main_window.main_window import MainWindow
    window = MainWindow("en")
    qtbot.addWidget(window)
    assert "Built on" not in window.about_text()
    build_file.write_text(json.dumps({"version": "0.1.0", "date": "2026-11-22", "commit": "abc1234"}),
                          encoding="utf-8")
    version.build_info.cache_clear()
    assert "Built on 2026-11-22 (abc1234)" in window.about_text()


@pytest.mark.gui
def test_bundled_font_is_registered_and_follows_the_default_family(qapp, tmp_path, monkeypatch):
    from pathlib import Path

    from gui.main_window import app as app_module
    source = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    assert source.exists(), "the tests need fonts-wqy-microhei (bash dev.sh setup installs it)"
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / source.name).symlink_to(source)
    monkeypatch.setattr(app_module, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    before = qapp.font()
    try:
        families = app_module.use_bundled_fonts(qapp)
        assert "WenQuanYi Micro Hei" in families
        assert qapp.font().families()[0] == before.families()[0]
        assert "WenQuanYi Micro Hei" in qapp.font().families()[1:]
    finally:
        qapp.setFont(before)
        del qapp._kehu_fonts
