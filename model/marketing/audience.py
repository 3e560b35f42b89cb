"""Who a promotion activity is for (DOMAIN §6): the target audience as a stored filter
(grades, personas, areas, area types, circles), in words and counted.

Within one kind of criterion any value matches (OR), across kinds all must match (AND);
an empty filter means every customer not deleted.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from model.archive.database import sqlite3
from model.core.i18n import translate
from model.marketing.promotion_rules import area_type_label, rules_language


@dataclass(frozen=True)
class Audience:
    """Who the activity is for. Any value within a kind matches; every kind given must match."""
    value_tiers: tuple[str, ...] = ()
    opportunity_grades: tuple[str, ...] = ()
    rfm_types: tuple[str, ...] = ()
    personas: tuple[str, ...] = ()
    area_ids: tuple[int, ...] = ()
    area_types: tuple[str, ...] = ()
    circle_ids: tuple[int, ...] = ()

    _GRADE_KINDS = (("value_tiers", "value_tier"), ("opportunity_grades", "opportunity"),
                    ("rfm_types", "rfm"), ("personas", "persona"))

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.__dataclass_fields__)

    def to_json(self) -> str:
        return json.dumps({k: list(getattr(self, k)) for k in self.__dataclass_fields__ if getattr(self, k)},
                          ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> "Audience":
        data = json.loads(text) if text else {}
        known = {k: tuple(v) for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def sql(self) -> tuple[str, list]:
        """``SELECT c.id FROM customers c ...`` for this filter, with its parameters."""
        where, params = ["c.deleted_at IS NULL"], []
        for name, scheme in self._GRADE_KINDS:
            values = getattr(self, name)
            if values:
                where.append(f"c.id IN (SELECT customer_id FROM grades WHERE scheme = ? AND value IN "
                             f"({', '.join('?' * len(values))}))")
                params += [scheme, *values]
        if self.area_ids:
            where.append(f"c.area_id IN ({', '.join('?' * len(self.area_ids))})")
            params += [int(i) for i in self.area_ids]
        if self.area_types:
            where.append(f"c.area_id IN (SELECT id FROM areas WHERE area_type IN "
                         f"({', '.join('?' * len(self.area_types))}))")
            params += list(self.area_types)
        if self.circle_ids:
            where.append(f"c.id IN (SELECT customer_id FROM circle_members WHERE left_on IS NULL AND circle_id IN "
                         f"({', '.join('?' * len(self.circle_ids))}))")
            params += [int(i) for i in self.circle_ids]
        return "SELECT c.id FROM customers c WHERE " + " AND ".join(where), params

    def describe(self, conn: sqlite3.Connection | None = None, language: str | None = None,
                 names: dict | None = None) -> str:
        """The filter in words, e.g. 'value tier: A or B; area type: Residential community', in the
        installed language. Area and circle names come from ``names`` (see :func:`audience_names`)
        or are looked up through ``conn``."""
        from model import grading
        if names is None:
            names = audience_names(conn, self) if conn else {"areas": {}, "circles": {}}
        parts = []
        labels = {"value_tiers": translate("Promotions", "value tier"),
                  "opportunity_grades": translate("Promotions", "opportunity grade"),
                  "rfm_types": translate("Promotions", "RFM type"),
                  "personas": translate("Promotions", "persona")}
        joiner = translate("Promotions", " or ")
        for name, scheme in self._GRADE_KINDS:
            values = getattr(self, name)
            if values:
                words = [grading.value_label(scheme, v, rules_language(language)) or v for v in values]
                parts.append(translate("Promotions", "{kind}: {values}").format(kind=labels[name],
                                                                                values=joiner.join(words)))
        if self.area_types:
            parts.append(translate("Promotions", "area type: {types}").format(
                types=joiner.join(area_type_label(t, language) for t in self.area_types)))
        if self.area_ids:
            parts.append(translate("Promotions", "area: {areas}").format(
                areas=joiner.join(names["areas"].get(int(i), f"#{i}") for i in self.area_ids)))
        if self.circle_ids:
            parts.append(translate("Promotions", "circle: {circles}").format(
                circles=joiner.join(names["circles"].get(int(i), f"#{i}") for i in self.circle_ids)))
        return translate("Promotions", "; ").join(parts) if parts else translate("Promotions", "all customers")


def audience_names(conn: sqlite3.Connection, audience: Audience) -> dict:
    """{'areas': {id: name}, 'circles': {id: name}} for the areas and circles the filter names."""
    return {"areas": _names(conn, "areas", audience.area_ids), "circles": _names(conn, "circles", audience.circle_ids)}


def _names(conn: sqlite3.Connection, table: str, ids) -> dict[int, str]:
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, name FROM {table} WHERE id IN ({marks})", [int(i) for i in ids]).fetchall())


def audience_ids(conn: sqlite3.Connection, audience: Audience) -> list[int]:
    """The ids of the customers the filter selects, in id order."""
    sql, params = audience.sql()
    return [r[0] for r in conn.execute(sql + " ORDER BY c.id", params)]


def audience_size(conn: sqlite3.Connection, audience: Audience) -> int:
    sql, params = audience.sql()
    return conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]

