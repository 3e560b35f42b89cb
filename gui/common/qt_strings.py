"""Qt's own dialog texts that Qt's Chinese translation (qtbase_zh_CN) leaves in English.

Qt looks its texts up under its own class names ("QFileDialog", ...); every installed
translator is asked, so the program's .qm can carry the ones qtbase_zh_CN lacks. The
calls below only exist so that ``pyside6-lupdate`` files these sources under Qt's
contexts in ``kehu_zh_CN.ts`` (lupdate reads literal calls); nothing calls
:func:`texts` to show them. Found by opening Qt's standard dialogs in Chinese
(``tests/test_qt_dialogs_chinese.py`` does it on every run): a new Qt version that
adds an English text fails that test, and its source goes here.
"""
from __future__ import annotations

from model.core.i18n import translate


def texts() -> list[str]:
    return [
        # QFileDialog (qfiledialog.ui): qtbase has "Files of type:" but not these spellings.
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        # The file list's Type column (QAbstractFileIconProvider).
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QAbstractFileIconProvider", "Folder"),
        translate("QAbstractFileIconProvider", "File"),
        # QPrintDialog's copies page (qprintsettingsoutput.ui).
        translate("QPrintSettingsOutput", "Page &Set:"),
    ]
