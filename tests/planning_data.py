"""Small archives for the visit-planning tests: customers with positions, schedules,
grades and contacts, written through the model's own functions."""
from __future__ import annotations

from datetime import date, timedelta

from model.customers import customers
from model import grading

# Around a residential district; about 100 m per 0.001 degree.
BASE = (31.2300, 121.4700)


def customer(conn, name: str, *, area: str = "阳光小区", lat: float | None = None,
             lon: float | None = None, schedule: str | None = "6.2", tier: str | None = None,
             last_visit: date | None = None, last_contact: date | None = None,
             tags: str | None = None, phone: str | None = "13812345678", manager: str = "王经理",
             created_on: date = date(2025, 1, 1), opportunity: tuple[str, str] | None = None,
             channel_pref: str | None = None, keyman: str | None = None) -> int:
    values = {"name": name, "area": area, "phone": phone, "manager": manager,
              "address": f"{area}{len(name)}号楼", "created_on": created_on.isoformat(),
              "dim_schedule": schedule, "tags": tags, "dim_channel": channel_pref, "keyman_name": keyman}
    if lat is not None:
        values["latitude"], values["longitude"] = lat, lon
    cid = customers.create(conn, {k: v for k, v in values.items() if v is not None}, by="test")
    if last_visit:
        customers.log_contact(conn, cid, customers.Contact(last_visit.isoformat(), "visit",
                                                           result="聊了理财"), by="test")
    if last_contact:
        customers.log_contact(conn, cid, customers.Contact(last_contact.isoformat(), "phone",
                                                           result="电话问候"), by="test")
    if tier:
        grading.override(conn, cid, "value_tier", tier, "test data", by="test",
                         as_of=created_on)
    if opportunity:
        grading.set_opportunity(conn, cid, opportunity[0], opportunity[1], by="test", as_of=created_on)
    return cid


def spread(i: int, step: float = 0.004) -> tuple[float, float]:
    """A point on a small grid around BASE."""
    return BASE[0] + (i % 7) * step, BASE[1] + (i // 7) * step


def overdue_a_customers(conn, count: int, start: date, **kw) -> list[int]:
    """A-tier customers last visited 60 days before ``start`` (30 days overdue)."""
    ids = []
    for i in range(count):
        lat, lon = spread(i)
        ids.append(customer(conn, f"甲客户{i}", lat=lat, lon=lon, tier="A",
                            last_visit=start - timedelta(days=60), **kw))
    return ids
