import random

from model.branch.duplicates import (
    candidates,
    candidates_brute_force,
    id_card_check_char,
    id_card_valid,
)


def test_gb11643_check_digit():
    assert id_card_check_char("11010519491231002") == "X"
    assert id_card_valid("11010519491231002X")
    assert id_card_valid("11010519491231002x")
    assert id_card_valid("440524188001010014")
    assert not id_card_valid("110105194912310021")
    assert not id_card_valid("44052418800101001")
    assert not id_card_valid("")


def test_each_rule():
    recs = [
        {"id": 1, "name": "张伟", "phone": "138 0013 8000", "birth_date": "1980-01-01"},
        {"id": 2, "name": "王芳", "phone": "+86 13800138000"},
        {"id": 3, "name": "李娜", "id_card": "11010519491231002X"},
        {"id": 4, "name": "李那", "id_card": "11010519491231002x"},
        {"id": 5, "name": "张玮", "birth_date": "1980-01-01"},
        {"id": 6, "name": "赵强", "birth_date": "1980-01-01"},
        {"id": 7, "name": "钱多", "id_card": "110105194912310021"},
        {"id": 8, "name": "孙多", "id_card": "110105194912310021"},
    ]
    got = {(c.first, c.second): c.reason for c in candidates(recs)}
    assert got == {(1, 2): "phone", (3, 4): "id_card", (1, 5): "name_birth_date"}


def test_blocking_matches_brute_force():
    rng = random.Random(7)
    surnames, given = "张王李赵", "伟芳娜玮"
    recs = [{"id": i, "name": rng.choice(surnames) + rng.choice(given),
             "phone": "1380013800" + str(rng.randrange(10)),
             "birth_date": "1980-01-0" + str(rng.randrange(1, 4))} for i in range(300)]
    assert candidates(recs) == candidates_brute_force(recs)
