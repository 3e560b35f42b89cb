"""The visit planner: who to see on which working day, in what order (DOMAIN §7).

``build`` takes the due visits of a manager for a date range, assigns them to
working days within each day's capacity and hours, orders each day's route
(OR-Tools, see ``model.visits.routing``) and lists what does not fit as unplanned,
with why. A plan is saved in the archive; the manager's changes are kept when
the plan is re-optimised:

* ``move`` puts a visit on another day; it stays on that day (order free);
* ``reorder`` and ``lock`` fix a visit to its day *and* place in the order;
* ``remove`` takes a visit out; it stays out until ``restore``;
* ``add`` brings in a customer who is not due; it is never left out for a due one;
* visits with an outcome are history and keep their day and place.

``log_outcome`` records done / not met / rescheduled, writes the contact to
the customer's contacts (channel 'visit') so the next due date follows, and
a rescheduled visit reappears on its new day when that day is in the plan.

The planner is four modules, gathered here under one name: ``plan_data`` (the plan,
its days and visits), ``plan_building`` (building a plan, why a visit is left out, the
checks of a day), ``plan_store`` (saving, loading, listing) and ``plan_changes`` (the
manager's changes, logging outcomes, taking a change back).
"""
from __future__ import annotations

from model.visits import due  # noqa: F401 - visit_plan.due, as before the split
from model.visits.plan_building import (RoutingProblem, visit_from_due, build, day_problems,  # noqa: F401
                                        routing_problem, visit_problems)
from model.visits.plan_changes import (add, lock, log_outcome, move, place_of, put_back, remove,  # noqa: F401
                                       reoptimise, reorder, restore, take_back_outcome)
from model.visits.plan_data import (EARLY_BONUS, MUST_PLAN, OUTCOMES, Plan, PlanBreak, PlanDay,  # noqa: F401
                                    PlanError, PlanRequest, PlanSummary, PlanVisit, as_dict, completion)
from model.visits.plan_store import changes, delete_plan, list_plans, load, save  # noqa: F401
