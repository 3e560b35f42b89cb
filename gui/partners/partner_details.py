"""The partner's details and its 101 agreement, as the rich text the page shows (the
texts keep the page's context, ``PartnerView``)."""
from __future__ import annotations

from html import escape

from model.core.i18n import translate
from model.partners import partners


def details_html(conn, partner: partners.Partner) -> str:
    """The partner's record as a table, then what each side of its agreement commits to."""
    deal = partners.agreement(conn, partner.id)
    rows = [(translate("PartnerView", "Kind"), partners.kind_label(partner.kind)),
            (translate("PartnerView", "Territory"), partner.territory),
            (translate("PartnerView", "Address"), partner.address),
            (translate("PartnerView", "Phone"), partner.phone),
            (translate("PartnerView", "Manager in charge"), partner.manager),
            (translate("PartnerView", "Notes"), partner.notes)]
    if partner.latitude is not None:
        rows.append((translate("PartnerView", "Position"), f"{partner.latitude:.5f}, {partner.longitude:.5f}"))
    html = "<table cellspacing='4'>" + "".join(
        f"<tr><td><b>{escape(k)}</b></td><td>{escape(v or '—')}</td></tr>" for k, v in rows) + "</table>"
    heading = translate("PartnerView", "101 agreement")
    html += f"<h3>{escape(heading)}</h3>"
    if not deal.commitments and not deal.starts_on:
        html += "<p>" + escape(translate("PartnerView", "No agreement recorded yet: use 101 agreement… to write "
                                                        "down what each side commits to.")) + "</p>"
    else:
        dates = translate("PartnerView", "Signed {signed}; in force {start} to {end}").format(
            signed=deal.signed_on.isoformat() if deal.signed_on else "—",
            start=deal.starts_on.isoformat() if deal.starts_on else "…",
            end=deal.ends_on.isoformat() if deal.ends_on else "…")
        html += f"<p>{escape(dates)}</p>"
        for side, topics in partners.SIDES.items():
            html += f"<p><b>{escape(partners.side_label(side))}</b></p><ul>"
            for topic in topics:
                texts = [c.text for c in deal.commitments if c.side == side and c.topic == topic]
                html += (f"<li><i>{escape(partners.topic_label(topic))}</i>: "
                         f"{escape('；'.join(texts)) if texts else '—'}</li>")
            html += "</ul>"
        if deal.notes:
            html += f"<p>{escape(deal.notes)}</p>"
    return html
