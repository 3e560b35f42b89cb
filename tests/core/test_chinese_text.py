"""Chinese text as Chinese is written: the program's sentences put together without the
spaces English puts between them."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.gui


def test_chinese_grade_explanations_have_no_space_after_a_full_stop(qapp, tmp_path):
    """The explanations put sentences together with a space, as English does; in Chinese a
    sentence ends in "。" and the next follows without one."""
    from datetime import date
    from model.archive import database
    from model.demo import demo
    from model import grading
    from model.core import language
    from model.grading import store
    path = tmp_path / "demo.kehu"
    as_of = date(2026, 11, 20)
    demo.build_demo(path, customers=60, seed=1, as_of=as_of)
    language.install_translators(qapp, "zh_CN")
    try:
        with database.Archive.open(path) as archive:
            grading.apply(archive.conn, grading.compute(grading.load_inputs(archive.conn, as_of)))
            ids = [r[0] for r in archive.conn.execute("SELECT id FROM customers ORDER BY id")]
            texts = [record.explanation("zh_CN") for cid in ids
                     for record in store.current_grades(archive.conn, cid).values()]
    finally:
        language.install_translators(qapp, "en")
    joined = [t for t in texts if t.count("。") > 1]
    assert joined, "no explanation of two sentences"
    assert not [t for t in texts if "。 " in t], [t for t in texts if "。 " in t][:3]
