"""The screen walk (tools/check_chinese_screens.py) on a 1366×768 laptop at 125 % and 150 %
scaling: fewer logical pixels (1093×582 and 911×485 less the taskbar), the same fonts.
tests/core/test_translations.py walks the Chinese window at 100 %; here the English edition at
125 % (its longer texts: dimension labels in combo boxes, buttons) and the Chinese one at
150 % (the smallest screen: every window and dialog whole on it, scrolling where it must)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

import check_chinese_screens as screens  # noqa: E402

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("language_code, scale", [("en", 125), ("zh_CN", 150)])
def test_every_window_and_dialog_fits_a_scaled_laptop(qapp, tmp_path, language_code, scale):
    walk = screens.walk_screens(tmp_path, scale=scale, language_code=language_code)
    dialogs = [s for s in walk.screens if s.startswith(("dialog ", "wizard "))]
    assert len(dialogs) > 40, dialogs
    for place in ("area ", "dialog CustomerEditor", "wizard GradingWizard", "dialog ChecklistRunDialog",
                  "dialog StoreCheckDialog", "dialog PlanDialog", "key account, tab", "lock screen"):
        assert any(s.startswith(place) for s in walk.screens), place
    assert not walk.layout, "\n".join(f"{problem}\n    seen in: {'; '.join(sorted(places)[:3])}"
                                      for problem, places in sorted(walk.layout.items()))

