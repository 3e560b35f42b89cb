"""A small archive for the circle and promotion tests: customers in areas, grades and
transactions written directly, so every figure can be worked out by hand."""
from __future__ import annotations

from model.customers import customers


def add_customer(conn, name: str, *, area: str | None = None, area_type: str | None = None,
                 created_on: str = "2025-01-01", source: str | None = None) -> int:
    values = {"name": name, "created_on": created_on}
    if area:
        values.update(area=area, area_type=area_type)
    if source:
        values["source"] = source
    return customers.create(conn, values, "test")


def grade(conn, customer_id: int, scheme: str, value: str, as_of: str = "2025-01-01") -> None:
    conn.execute("INSERT INTO grades(customer_id, scheme, value, detail, as_of, set_on, set_by)"
                 " VALUES (?, ?, ?, '{}', ?, ?, 'rules') ON CONFLICT(customer_id, scheme) DO UPDATE SET"
                 " value = excluded.value, as_of = excluded.as_of",
                 (customer_id, scheme, value, as_of, as_of + "T00:00:00"))
    conn.execute("INSERT INTO grade_history(customer_id, scheme, value, detail, as_of, set_on, set_by)"
                 " VALUES (?, ?, ?, '{}', ?, ?, 'rules')", (customer_id, scheme, value, as_of, as_of + "T00:00:00"))


def txn(conn, customer_id: int, day: str, amount: float, product: str | None = None) -> None:
    conn.execute("INSERT INTO transactions(customer_id, txn_date, amount, product) VALUES (?, ?, ?, ?)",
                 (customer_id, day, amount, product))


def small_archive(conn) -> dict[str, int]:
    """Ten customers: four in 阳光华庭 (community), three in 科技园 (industrial park),
    two in 大学城 (campus), one without an area. Tiers, personas and opportunity grades
    are given so the audience counts can be done by hand (see the tests)."""
    ids = {}
    for name, area, kind in [("张伟", "阳光华庭", "community"), ("王芳", "阳光华庭", "community"),
                             ("李娜", "阳光华庭", "community"), ("刘洋", "阳光华庭", "community"),
                             ("陈静", "科技园", "industrial_park"), ("杨磊", "科技园", "industrial_park"),
                             ("赵敏", "科技园", "industrial_park"), ("黄强", "大学城", "campus"),
                             ("周丽", "大学城", "campus"), ("吴刚", None, None)]:
        ids[name] = add_customer(conn, name, area=area, area_type=kind)
    for name, tier in [("张伟", "A"), ("王芳", "B"), ("李娜", "C"), ("刘洋", "A"), ("陈静", "A"), ("杨磊", "C"),
                       ("赵敏", "B"), ("黄强", "C"), ("周丽", "C"), ("吴刚", "A")]:
        grade(conn, ids[name], "value_tier", tier)
    for name, persona in [("张伟", "enjoying_retirement"), ("王芳", "enjoying_retirement"), ("刘洋", "homemaker"),
                          ("陈静", "wage_earner")]:
        grade(conn, ids[name], "persona", persona)
    for name, opp in [("张伟", "A"), ("陈静", "B"), ("黄强", "A")]:
        grade(conn, ids[name], "opportunity", opp)
    return ids
