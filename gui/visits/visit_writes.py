"""What the Visits area's writes change (the notices of ``gui.common.operations``)."""
from __future__ import annotations

from gui.common.operations import Changes
from model.visits.plan_data import PlanVisit

PLANS = Changes.of(Changes.PLANS)


def outcome_changes(visit: PlanVisit) -> Changes:
    """Logging (or taking back) a visit's outcome: the plan, and the customer's contacts
    (who is due follows them), or the partner's follow-up for a partner's visit."""
    if visit.customer_id is None:
        return Changes.of(Changes.PLANS, Changes.CONTACTS, Changes.PARTNERS)
    return Changes.of(Changes.PLANS, Changes.CONTACTS, ids=[visit.customer_id])
