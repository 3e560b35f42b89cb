"""Human sentences and labels built from a grade's structured ``detail``.

The archive stores the structured explanation; the sentence is built when it
is shown, in the user's language, so changing the language changes it too.
"""
from __future__ import annotations

import re
from datetime import date

from model.grading import ruleset
from model.grading.compute import OPPORTUNITY, PERSONA, RFM, VALUE_TIER
from model.grading.persona import NO_MATCH, NOT_ENOUGH_INFORMATION
from model.grading.rfm import NO_TRANSACTIONS
from model.core.i18n import translate


def current_language() -> str:
    from model.core import language
    return language.chosen_language()


def _days(window: list[str]) -> int:
    start, end = (date.fromisoformat(d) for d in window)
    return (end - start).days + 1


def _money(value) -> str:
    return f"{float(value or 0):,.2f}"


def _pct(value) -> str:
    return f"{100 * float(value or 0):.1f}%"


def value_label(scheme: str, value: str | None, language: str | None = None,
                rules: ruleset.GradingRules | None = None) -> str:
    """What to show for a stored value: a tier letter, an RFM type or persona name."""
    if value is None:
        return ""
    rules = rules or ruleset.load()
    language = language or current_language()
    if value == NO_TRANSACTIONS:
        return translate("Grading", "no transactions")
    if value == NOT_ENOUGH_INFORMATION:
        return translate("Grading", "not enough information")
    if value == NO_MATCH:
        return translate("Grading", "no persona")
    if scheme == RFM:
        t = rules.rfm.type(value)
        return t.display(language) if t else value
    if scheme == PERSONA:
        p = rules.persona.persona(value)
        return p.label(language) if p else value
    return value


def scheme_label(scheme: str) -> str:
    return {VALUE_TIER: translate("Grading", "Value tier"),
            OPPORTUNITY: translate("Grading", "Opportunity grade"),
            RFM: translate("Grading", "RFM type"),
            PERSONA: translate("Grading", "Persona")}.get(scheme, scheme)


def sentence(scheme: str, value: str, detail: dict, language: str | None = None,
             rules: ruleset.GradingRules | None = None) -> str:
    """The explanation of one grade, from its detail."""
    rules = rules or ruleset.load()
    language = language or current_language()
    if detail.get("override"):
        return translate("Grading", "Set to {value} by hand (the computed grade was {computed}): {reason}").format(
            value=value_label(scheme, value, language, rules),
            computed=value_label(scheme, detail.get("computed"), language, rules) or "-",
            reason=detail.get("reason", ""))
    builder = {VALUE_TIER: _value_tier, RFM: _rfm, PERSONA: _persona, OPPORTUNITY: _opportunity}[scheme]
    text = builder(value, detail, language, rules)
    # Sentences are put together with a space, as English writes them; Chinese ones end in
    # a full-width stop and need none ("C类。没有稀缺资源", not "C类。 没有稀缺资源").
    return _AFTER_FULL_STOP.sub("", text) if language.startswith("zh") else text


_AFTER_FULL_STOP = re.compile(r"(?<=[。；！？])[ ]+")


def _value_tier(value, d, language, rules) -> str:
    days, end = _days(d["window"]), d["window"][1]
    if d["basis"] == "amount":
        basis = translate("Grading", "amount")
    else:
        basis = translate("Grading", "volume")
    rule = d.get("rule")
    if rule in _SEED_RULES:
        return _value_tier_seed(value, d, basis, days, end, language, rules)
    if rule == "total_zero":
        return translate("Grading", "The total {basis} of all customers in the {days} days to {end} is zero, "
                         "so every customer is tier {tier}.").format(basis=basis, days=days, end=end,
                                                                    tier=value) + _rest_reason(d, rules)
    if rule == "no_transactions":
        return translate("Grading", "No transactions in the {days} days to {end}: tier {tier}.").format(
            days=days, end=end, tier=value) + _rest_reason(d, rules)
    if rule == "no_volume":
        return translate("Grading", "The net {basis} in the {days} days to {end} is {amount}, not above zero: "
                         "tier {tier}.").format(basis=basis, days=days, end=end, amount=_money(d["amount"]),
                                                tier=value) + _rest_reason(d, rules)
    text = translate("Grading", "{basis} {amount} in the {days} days to {end}, rank {rank} of {ranked}. "
                     "Customers ranked above hold {before} of the total; up to here {cum}.").format(
        basis=basis.capitalize(), amount=_money(d["amount"]), days=days, end=end, rank=d["rank"],
        ranked=d["ranked"], before=_pct(d["share_before"]), cum=_pct(d["cum_share"]))
    last = rules.value_tier.cutoffs[-1][1]
    if value == rules.value_tier.rest:
        text += " " + translate("Grading", "Tier {tier}: beyond the {cutoff} cut-off.").format(
            tier=value, cutoff=_pct(d.get("cutoff", last)))
        text += _rest_reason(d, rules)
    else:
        text += " " + translate("Grading", "Tier {tier} takes customers until {cutoff} of the total is "
                                "reached.").format(tier=value, cutoff=_pct(d["cutoff"]))
    if d.get("tie_size", 1) > 1:
        text += " " + translate("Grading", "{count} customers have this same amount and share the better "
                                "tier.").format(count=d["tie_size"])
    return text


_SEED_RULES = ("scarce_resources", "size_own_channel", "size_potential", "size_own_channel_potential")


def _rest_reason(d: dict, rules) -> str:
    """Why a customer beyond the cut-offs is not in a seed tier either (new runs only)."""
    vt = rules.value_tier
    if "potential_from" not in d or vt.size_tier is None:
        return ""
    return " " + translate("Grading", "No scarce resources, and not of size medium or above with its own supply "
                           "channel or a potential amount of at least {limit}.").format(
        limit=_money(d["potential_from"]))


def _value_tier_seed(value, d, basis, days, end, language, rules) -> str:
    """The seed's rules (seed 002): scarce resources → A; size with own channel or potential → B."""
    if d.get("pareto_rule") == "pareto":
        text = translate("Grading", "{basis} {amount} in the {days} days to {end}, rank {rank} of {ranked}, "
                         "beyond the {cutoff} cut-off.").format(
            basis=basis.capitalize(), amount=_money(d["amount"]), days=days, end=end, rank=d["rank"],
            ranked=d["ranked"], cutoff=_pct(d.get("cutoff")))
    else:
        text = translate("Grading", "Little or no trade in the {days} days to {end} ({basis} {amount}).").format(
            days=days, end=end, basis=basis, amount=_money(d["amount"]))
    if d["rule"] == "scarce_resources":
        return text + " " + translate("Grading", "Holds scarce resources the market cannot do without: "
                                      "tier {tier}.").format(tier=value)
    from model.customers import customer_fields
    size = customer_fields.field_rules().label("size", d.get("size"), language)
    reasons = []
    if d["rule"] in ("size_own_channel", "size_own_channel_potential"):
        reasons.append(translate("Grading", "its own supply channel"))
    if d["rule"] in ("size_potential", "size_own_channel_potential"):
        reasons.append(translate("Grading", "a potential amount of {amount} (at least {limit})").format(
            amount=_money(d.get("potential")), limit=_money(d.get("potential_from"))))
    return text + " " + translate("Grading", "Size {size}, with {reasons}: tier {tier}, a large customer not "
                                  "won yet.").format(size=size, reasons=translate("Grading", " and ").join(reasons),
                                                     tier=value)


def _high_low(flag: bool) -> str:
    return translate("Grading", "high") if flag else translate("Grading", "low")


def _rfm(value, d, language, rules) -> str:
    days, end = _days(d["window"]), d["window"][1]
    if d.get("rule") == NO_TRANSACTIONS:
        return translate("Grading", "No transactions in the {days} days to {end}, so no RFM type.").format(
            days=days, end=end)
    th = d.get("thresholds", {})
    if d["method"] == "quintile":
        s = d.get("scores", {})
        figures = translate("Grading", "R {r} days since the last transaction (score {rs}, {rh}), F {f} "
                            "transactions (score {fs}, {fh}), M {m} (score {ms}, {mh}); a score of "
                            "{high_from} or more is high.").format(
            r=d["r"], rs=s.get("r"), rh=_high_low(d["r_high"]), f=d["f"], fs=s.get("f"),
            fh=_high_low(d["f_high"]), m=_money(d["m"]), ms=s.get("m"), mh=_high_low(d["m_high"]),
            high_from=th.get("high_from"))
    else:
        figures = translate("Grading", "R {r} days since the last transaction ({rh}; mean {mr:.1f}), F {f} "
                            "transactions ({fh}; mean {mf:.1f}), M {m} ({mh}; mean {mm}).").format(
            r=d["r"], rh=_high_low(d["r_high"]), mr=th.get("r") or 0, f=d["f"], fh=_high_low(d["f_high"]),
            mf=th.get("f") or 0, m=_money(d["m"]), mh=_high_low(d["m_high"]), mm=_money(th.get("m")))
    t = rules.rfm.type(value)
    result = translate("Grading", "Type: {type}. Suggested: {action}").format(
        type=value_label(RFM, value, language, rules), action=t.action(language) if t else "")
    return f"{figures} {result}"


def _persona(value, d, language, rules) -> str:
    if value == NOT_ENOUGH_INFORMATION or d.get("rule") == NOT_ENOUGH_INFORMATION:
        return translate("Grading", "Only {known} of {total} dimensions are known ({min} needed): not enough "
                         "information to match a persona.").format(
            known=d.get("known", 0), total=d.get("dimensions", len(rules.persona.dimension_keys)),
            min=d.get("min_known", rules.persona.min_known))
    from model.core import rules as base_rules
    if value == NO_MATCH:
        return translate("Grading", "Closest {persona}: only {matched} of {known} known dimensions match (score "
                         "{score}); a persona needs a score above {min}: no persona.").format(
            persona=value_label(PERSONA, d.get("best"), language, rules), matched=d["matched"], known=d["known"],
            score=f"{float(d['score']):.2f}", min=f"{float(d.get('min_score_above', 0)):.2f}")

    def names(status: str) -> str:
        keys = d.get("dims", {}).get(status, [])
        return ", ".join(base_rules.dimension(k).label(language) for k in keys) or "-"

    text = translate("Grading", "Best match {persona}: {matched} of {known} known dimensions match "
                     "(score {score}). Matched: {yes}. Not matched: {no}. Unknown: {unknown}.").format(
        persona=value_label(PERSONA, value, language, rules), matched=d["matched"], known=d["known"],
        score=f"{float(d['score']):.2f}", yes=names("matched"), no=names("not_matched"),
        unknown=names("unknown"))
    if d.get("tied_with"):
        text += " " + translate("Grading", "Equally close: {names}.").format(
            names=", ".join(value_label(PERSONA, k, language, rules) for k in d["tied_with"]))
    return text


def cadence_label(grade: str | None, language: str | None = None,
                  rules: ruleset.GradingRules | None = None) -> str:
    rules = rules or ruleset.load()
    cadence = rules.opportunity.cadences.get(grade) if grade else None
    return cadence.label(language or current_language()) if cadence else ""


def urgency_label(key: str | None, language: str | None = None,
                  rules: ruleset.GradingRules | None = None) -> str:
    rules = rules or ruleset.load()
    cls = next((u for u in rules.opportunity.urgency if u.key == key), None)
    return cls.label(language or current_language()) if cls else ""


def _opportunity(value, d, language, rules) -> str:
    opp = rules.opportunity
    need = opp.need(d.get("need", ""))
    close = opp.close(d.get("close", ""))
    text = translate("Grading", "{need}, expected to close {close}{date}: grade {grade}.").format(
        need=need.label(language) if need else d.get("need"),
        close=close.label(language) if close else d.get("close"),
        date=f" ({d['expected_close_date']})" if d.get("expected_close_date") else "", grade=value)
    if d.get("cadence_days"):
        text += " " + translate("Grading", "Tracking: {cadence}; next tracking on {next}.").format(
            cadence=cadence_label(value, language, rules), next=d.get("next_tracking_date"))
    else:
        text += " " + translate("Grading", "No tracking.")
    if d.get("urgency"):
        text += " " + translate("Grading", "Urgency: {urgency}.").format(
            urgency=urgency_label(d["urgency"], language, rules))
    if d.get("reason"):
        text += " " + d["reason"]
    return text
