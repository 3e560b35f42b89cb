"""The grading wizard's opportunity page: one customer at a time, by keys.

Two answers per customer, each one key: the need (1 clear, 2 latent, 3 none)
and the expected close (A within 1 month, B 3 months, C 6 months, D later,
E never); the keys follow the order of the rules data. S moves on without
answering, Backspace goes back to the previous customer (their answer can be
changed). A need that gives the same grade whatever the close (no need → E)
needs no second key. Two optional answers (seed 002) go to the customer record on
Apply: the deal status (7 closed, 8 negotiating, 9 potential) and by when the
customer must be handled (U within a week ... X after 3 months). After each answer the session is saved, so the wizard
can be closed and resumed at the same customer.
"""
from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QProgressBar,
                               QPushButton, QScrollArea, QTextBrowser, QVBoxLayout, QWidget, QWizardPage)

from gui.grading.grade_text import scheme_text, value_text
from gui.common.widgets import channel_labels, dimension_label, dimension_value_label
from model.customers import customers
from model import grading
from model.core import privacy, rules
from model.core.i18n import translate

if TYPE_CHECKING:
    from gui.grading.grading_wizard import GradingWizard

NEED_KEYS = "123456789"
CLOSE_KEYS = "ABCDEFGHIJ"
DEAL_KEYS = "789"          # deal status (seed 002): 已成交 / 正在谈判 / 潜在
URGENCY_KEYS = "UVWX"      # the urgency of handling (seed 002): 紧急 / 缓急 / 不紧急 / 可慢反应
CONTACTS_SHOWN = 3
HISTORY_SHOWN = 4
ANSWER_STYLE = ("QPushButton { text-align: left; padding: 4px 10px; }"
                " QPushButton:checked { background: #4c78a8; color: white; font-weight: bold; }")


def _button(text: str) -> QPushButton:
    button = QPushButton(text)
    button.setCheckable(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the keys belong to the page
    button.setAutoDefault(False)
    button.setStyleSheet(ANSWER_STYLE)
    return button


def _answer_box(title: str, keys: str, options, lang: str, answer) -> tuple[QGroupBox, dict[str, QPushButton]]:
    """A box of answer buttons, each labelled with its key; clicking one answers."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setSpacing(2)            # tight rows: the page must fit 1366x768
    layout.setContentsMargins(6, 4, 6, 4)
    buttons: dict[str, QPushButton] = {}
    for key_char, option in zip(keys, options):
        button = _button(f"{key_char}   {option.label(lang)}")
        button.clicked.connect(lambda _c=False, k=option.key: answer(k))
        buttons[option.key] = button
        layout.addWidget(button)
    return box, buttons


def _answer_grid(title: str, keys: str, options, answer) -> tuple[QGroupBox, dict[str, QPushButton]]:
    """A compact box of answer buttons; ``options`` are (key, label)."""
    box = QGroupBox(title)
    layout = QGridLayout(box)
    layout.setSpacing(2)
    layout.setContentsMargins(6, 4, 6, 4)
    buttons: dict[str, QPushButton] = {}
    for n, (key_char, (key, label)) in enumerate(zip(keys, options)):
        button = _button(f"{key_char}   {label}")
        button.clicked.connect(lambda _c=False, k=key: answer(k))
        buttons[key] = button
        layout.addWidget(button, n, 0)
    return box, buttons


class OpportunityPage(QWizardPage):
    def __init__(self, wizard: "GradingWizard"):
        super().__init__()
        self.wiz = wizard
        self.rules = grading.load_rules().opportunity
        lang = grading.explain.current_language()
        self.setTitle(self.tr("Opportunity grades"))
        self.setSubTitle(self.tr("For each customer: is there a need, and when do you expect to close? "
                                 "Press Next at any time to review what you answered."))
        self.position_label = QLabel()
        self.position_label.setObjectName("position")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(10)
        self.card = QTextBrowser()
        self.card.setObjectName("customer_card")
        self.card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.card.setOpenLinks(False)

        need_box, self.need_buttons = _answer_box(self.tr("Need"), NEED_KEYS, self.rules.needs, lang,
                                                  self.answer_need)
        close_box, self.close_buttons = _answer_box(self.tr("Expected close"), CLOSE_KEYS, self.rules.closes,
                                                    lang, self.answer_close)
        # The seed's other two questions (optional; written to the record on Apply).
        lang_key = "zh" if lang.startswith("zh") else "en"
        from model.customers import customer_fields
        self.deal_options = [(c.key, c.label(lang_key)) for c in customer_fields.field_rules().values("deal_status")]
        self.urgency_options = [(u.key, u.label(lang)) for u in self.rules.urgency]
        deal_box, self.deal_buttons = _answer_grid(self.tr("Deal status"), DEAL_KEYS, self.deal_options,
                                                   self.answer_deal)
        urgency_box, self.urgency_buttons = _answer_grid(self.tr("Handle within"), URGENCY_KEYS,
                                                         self.urgency_options, self.answer_urgency)
        urgency_box.setToolTip(self.tr("By when the customer must be handled: sets the handle-by date"))
        self.result = QLabel()
        self.result.setObjectName("result")
        self.result.setWordWrap(True)
        self.previous = QLabel()
        self.previous.setObjectName("previous")
        self.previous.setWordWrap(True)
        self.back_button = QPushButton(self.tr("◀ Back (Backspace)"))
        self.skip_button = QPushButton(self.tr("Skip (S) ▶"))
        for button in (self.back_button, self.skip_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addWidget(self.skip_button)
        keys = QLabel(self.tr("Keys: {needs} need · {closes} expected close · {deals} deal status · "
                              "{urgency} handle within · S skip · Backspace back")
                      .format(needs="/".join(NEED_KEYS[:len(self.rules.needs)]),
                              closes="/".join(CLOSE_KEYS[:len(self.rules.closes)]),
                              deals="/".join(DEAL_KEYS[:len(self.deal_options)]),
                              urgency="/".join(URGENCY_KEYS[:len(self.urgency_options)])))
        keys.setWordWrap(True)
        keys.setStyleSheet("color: palette(placeholder-text);")
        answers = QVBoxLayout()
        extra = QHBoxLayout()          # side by side: the page must fit 1366x768
        extra.addWidget(deal_box, 1)
        extra.addWidget(urgency_box, 1)
        answers.addLayout(extra)
        answers.addWidget(need_box)
        answers.addWidget(close_box)
        answers.addWidget(self.result)
        answers.addLayout(nav)
        answers.addWidget(keys)
        answers.addStretch(1)
        answers.addWidget(self.previous)
        holder = QWidget()
        body = QGridLayout(holder)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.card, 0, 0)
        body.addLayout(answers, 0, 1)
        body.setColumnStretch(0, 3)
        body.setColumnStretch(1, 2)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.position_label)
        top.addWidget(self.bar, 1)
        layout.addLayout(top)
        scroll = QScrollArea(self)       # scrolls on a laptop at 125 % or 150 % (gui/common/screen_fit.py)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        self._need: str | None = None
        self._close: str | None = None

    # -- where we are ---------------------------------------------------------------
    @property
    def session(self):
        return self.wiz.session

    def current_id(self) -> int | None:
        s = self.session
        return s.queue[s.position] if s is not None and s.position < len(s.queue) else None

    def initializePage(self) -> None:  # noqa: N802
        self.wiz.save_session()
        self._show()

    def _show(self) -> None:
        s = self.session
        total = len(s.queue)
        locale = QLocale()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(s.position)
        cid = self.current_id()
        answered = len(s.answers)
        if cid is None:
            self.position_label.setText(self.tr("All {total} customers done · {answered} answered").format(
                total=locale.toString(total), answered=locale.toString(answered)))
            self.card.setHtml("<h3>{}</h3><p>{}</p>".format(
                html.escape(self.tr("That was the last customer in the scope.")),
                html.escape(self.tr("Press Next to review the changes, or Backspace to go back."))))
            self._need = self._close = None
            self._check_buttons(None, None)
            self._check_deal(None, None)
            self.result.clear()
            return
        self.position_label.setText(self.tr("Customer {n} of {total} · {answered} answered").format(
            n=locale.toString(s.position + 1), total=locale.toString(total),
            answered=locale.toString(answered)))
        self.card.setHtml(customer_card_html(self.wiz.archive.conn, cid, self.wiz.prepared))
        answer = s.answers.get(cid)
        self._need, self._close = (answer if answer else (None, None))
        self._check_buttons(self._need, self._close)
        self._check_deal(*self._deal_answer(cid))
        self._show_result()

    def _deal_answer(self, cid: int) -> tuple[str | None, str | None]:
        """The deal status and urgency answered, else as the record has them."""
        answer = self.session.deals.get(cid, {})
        record = customers.get(self.wiz.archive.conn, cid) or {}
        from model.grading import deal
        urgency = answer.get("urgency") or deal.handling_urgency(record.get("handle_by"), self.wiz.as_of)
        return answer.get("deal_status") or record.get("deal_status"), urgency

    def _check_deal(self, status: str | None, urgency: str | None) -> None:
        for key, button in self.deal_buttons.items():
            button.setChecked(key == status)
        for key, button in self.urgency_buttons.items():
            button.setChecked(key == urgency)

    def _answer_extra(self, field: str, key: str) -> None:
        cid = self.current_id()
        if cid is None:
            return
        self.session.deals.setdefault(cid, {})[field] = key
        self.wiz.save_session()
        self._check_deal(*self._deal_answer(cid))

    def answer_deal(self, status: str) -> None:
        self._answer_extra("deal_status", status)

    def answer_urgency(self, urgency: str) -> None:
        self._answer_extra("urgency", urgency)

    def _check_buttons(self, need: str | None, close: str | None) -> None:
        for key, button in self.need_buttons.items():
            button.setChecked(key == need)
        for key, button in self.close_buttons.items():
            button.setChecked(key == close)

    def _show_result(self) -> None:
        if self._need and self._close:
            value = self.rules.grades[self._need][self._close]
            # The rules' long label already starts with the grade ("D: latent need"): said once.
            label = re.sub(rf"^\s*{re.escape(value)}\s*[:：]\s*", "",
                           value_text(grading.OPPORTUNITY, value, long=True))
            self.result.setText(self.tr("Grade {grade}: {label}").format(grade=value, label=label))
        elif self._need or self._close:
            self.result.setText(self.tr("Now the expected close (A–E).") if self._need
                                else self.tr("Now the need (1–3)."))
        else:
            self.result.clear()

    # -- answering --------------------------------------------------------------------------
    def answer_need(self, need: str) -> None:
        if self.current_id() is None:
            return
        self._need = need
        closes = self.rules.grades[need]
        if len(set(closes.values())) == 1:    # the close makes no difference (no need → E)
            never = next((c.key for c in self.rules.closes if c.never), None)
            self._close = never or self.rules.closes[-1].key
        elif self._close is not None and self.session.answers.get(self.current_id()) is not None:
            self._close = None     # changing an answer: both keys again
        self._check_buttons(self._need, self._close)
        self._record_if_complete()

    def answer_close(self, close: str) -> None:
        if self.current_id() is None:
            return
        self._close = close
        self._check_buttons(self._need, self._close)
        self._record_if_complete()

    def _record_if_complete(self) -> None:
        self._show_result()
        if not (self._need and self._close):
            return
        cid = self.current_id()
        s = self.session
        s.answers[cid] = (self._need, self._close)
        s.skipped.discard(cid)
        value = self.rules.grades[self._need][self._close]
        name = self.wiz.prepared.table["name"].get(cid, "")
        self.previous.setText(self.tr("Previous: {name} → grade {grade} ({cadence})").format(
            name=name, grade=value, cadence=grading.cadence_label(value) or self.tr("no tracking")))
        self._move(1)

    def skip(self) -> None:
        cid = self.current_id()
        if cid is None:
            return
        if cid not in self.session.answers:
            self.session.skipped.add(cid)
        self._move(1)

    def back(self) -> None:
        if self.session.position > 0:
            self._move(-1)

    def _move(self, step: int) -> None:
        s = self.session
        s.position = min(max(s.position + step, 0), len(s.queue))
        self.wiz.save_session()
        self._show()

    def handle_key(self, event: QKeyEvent) -> bool:
        """The wizard passes the page its key presses; True when one was used."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        key = event.key()
        if key == Qt.Key.Key_Backspace:
            self.back()
            return True
        text = event.text().upper()
        if not text:
            return False
        if text == "S":
            self.skip()
            return True
        if text in NEED_KEYS[:len(self.rules.needs)]:
            self.answer_need(self.rules.needs[NEED_KEYS.index(text)].key)
            return True
        if text in CLOSE_KEYS[:len(self.rules.closes)]:
            self.answer_close(self.rules.closes[CLOSE_KEYS.index(text)].key)
            return True
        if text in DEAL_KEYS[:len(self.deal_options)]:
            self.answer_deal(self.deal_options[DEAL_KEYS.index(text)][0])
            return True
        if text in URGENCY_KEYS[:len(self.urgency_options)]:
            self.answer_urgency(self.urgency_options[URGENCY_KEYS.index(text)][0])
            return True
        return False


def _labelled(label: str) -> str:
    """A label before its value: "区域：" in Chinese, "Area:" in English."""
    return translate("OpportunityPage", "{label}:").format(label=label)


def _seed_facts(record: dict, lang: str) -> list[tuple[str, object]]:
    """Seed 002's inputs on the record: size, potential (and importance), channel, resources, KeyMan."""
    from model.customers import customer_fields
    from model.grading import deal
    fields = customer_fields.field_rules()
    short = "zh" if lang.startswith("zh") else "en"
    yes_no = {1: translate("OpportunityPage", "yes"), 0: translate("OpportunityPage", "no")}
    potential = record.get("potential_amount")
    importance = deal.importance(potential)
    rules_ = grading.load_rules()
    keyman = " ".join(str(v) for v in (record.get("keyman_name"), record.get("keyman_role")) if v)
    return [(translate("OpportunityPage", "Size"), fields.label("size", record.get("size"), short) or None),
            (translate("OpportunityPage", "Potential amount"),
             f"{float(potential):,.0f} ({rules_.importance.label(importance, lang)})"
             if potential is not None else None),
            (translate("OpportunityPage", "Own supply channel"), yes_no.get(record.get("own_channel"))),
            (translate("OpportunityPage", "Scarce resources"), yes_no.get(record.get("scarce_resources"))),
            (translate("OpportunityPage", "KeyMan"), keyman or None)]


def customer_card_html(conn, customer_id: int, prepared) -> str:
    """What is known about the customer, for answering the two questions."""
    record = customers.get(conn, customer_id)
    if record is None or record.get("deleted_at"):
        return "<h2>{}</h2>".format(
            html.escape(translate("OpportunityPage", "This customer was deleted; press S to skip.")))
    esc = html.escape
    lang = grading.explain.current_language()
    out = [f"<h2>{esc(record['name'] or '')}</h2>"]
    facts = [(translate("OpportunityPage", "Area"), record.get("area")),
             (translate("OpportunityPage", "Manager"), record.get("manager")),
             (translate("OpportunityPage", "Phone"), privacy.mask_phone(record.get("phone"))),
             (translate("OpportunityPage", "Occupation"), record.get("occupation")),
             (translate("OpportunityPage", "Employer"), record.get("employer")),
             (translate("OpportunityPage", "Needs"), record.get("needs")),
             (translate("OpportunityPage", "Products held"), record.get("products")),
             (translate("OpportunityPage", "Notes"), record.get("notes"))] + _seed_facts(record, lang)
    out.append("<table cellspacing='2'>" + "".join(
        f"<tr><td><b>{esc(_labelled(label))}</b>&nbsp;</td><td>{esc(str(value))}</td></tr>"
        for label, value in facts if value) + "</table>")
    dims = []
    unknown = 0
    for dim in rules.dimensions():
        value = dim.value(record.get(dim.column))
        if value is None:
            unknown += 1
        else:
            dims.append(esc(_labelled(dimension_label(dim))) + " " + esc(dimension_value_label(dim, value)))
    not_known = translate("OpportunityPage", "{count} not known").format(count=unknown)
    out.append("<h4>" + esc(translate("OpportunityPage", "Segments")) + "</h4><p>"
               + ("<br>".join(dims) or esc(translate("OpportunityPage", "None known")))
               + ("<br><i>" + esc(not_known) + "</i>" if unknown and dims else "") + "</p>")
    # Transactions: the grading window (from the computed RFM figures) and all time.
    out.append("<h4>" + esc(translate("OpportunityPage", "Transactions")) + "</h4>")
    count, total, last = customers.transaction_totals(conn, customer_id)
    locale = QLocale()
    if prepared is not None and customer_id in prepared.computed.rfm.index:
        row = prepared.computed.rfm.loc[customer_id]
        comp = prepared.computed
        if row["value"] == grading.NO_TRANSACTIONS:
            out.append("<p>" + esc(translate("OpportunityPage", "None from {start} to {end}.").format(
                start=comp.window_start.isoformat(), end=comp.as_of.isoformat())) + "</p>")
        else:
            window = translate("OpportunityPage", "From {start} to {end}: {f} transactions, amount {m}, last one {r} "
                                                  "days before {end}.")
            out.append("<p>" + esc(window.format(
                start=comp.window_start.isoformat(), end=comp.as_of.isoformat(), f=int(row["f"]),
                m=locale.toString(float(row["m"]), "f", 2), r=int(row["r"]))) + "</p>")
    all_time = translate("OpportunityPage", "All time: {count} transactions, amount {total}, the last on {last}.")
    out.append("<p>" + esc(all_time.format(
        count=count, total=locale.toString(float(total or 0), "f", 2), last=(last or "–")[:10])) + "</p>")
    # Contacts.
    found = customers.contacts(conn, customer_id)[:CONTACTS_SHOWN]
    channels = channel_labels()
    out.append("<h4>" + esc(translate("OpportunityPage", "Last contacts")) + "</h4>")
    if found:
        out.append("<ul>" + "".join(
            "<li>{} · {}{}</li>".format(
                esc(c["contact_date"][:10]), esc(channels.get(c["channel"], c["channel"])),
                esc(" · " + " · ".join(t for t in (c.get("purpose"), c.get("result"), c.get("next_step")) if t))
                if any(c.get(k) for k in ("purpose", "result", "next_step")) else "")
            for c in found) + "</ul>")
    else:
        out.append("<p>" + esc(translate("OpportunityPage", "No contact recorded yet.")) + "</p>")
    # Grades: now, and what the computed ones will be.
    current = grading.current(conn, customer_id)
    out.append("<h4>" + esc(translate("OpportunityPage", "Grades")) + "</h4><table cellspacing='2'>")
    for scheme in grading.SCHEMES:
        record_now = current.get(scheme)
        now = value_text(scheme, record_now.value, long=True) if record_now else translate("OpportunityPage", "none")
        if record_now is not None and record_now.override:
            now += " ✎"
        new = ""
        if prepared is not None and scheme in grading.COMPUTED_SCHEMES and customer_id in \
                prepared.computed.frame(scheme).index:
            value = prepared.computed.frame(scheme).at[customer_id, "value"]
            if record_now is None or (value != record_now.value and not record_now.override):
                new = " → " + value_text(scheme, value, long=True)
        tip = record_now.explanation(lang) if record_now else ""
        out.append(f"<tr><td><b>{esc(_labelled(scheme_text(scheme)))}</b>&nbsp;</td>"
                   f"<td title='{esc(tip, quote=True)}'>{esc(now + new)}</td></tr>")
    out.append("</table>")
    opp = current.get(grading.OPPORTUNITY)
    if opp is not None:
        out.append("<p><i>" + esc(translate("OpportunityPage", "Last answered on {date} by {by}: {why}").format(
            date=opp.set_on[:10], by=grading.set_by_label(opp.set_by), why=opp.explanation(lang)))
                   + "</i></p>")
    past = grading.history(conn, customer_id)[:HISTORY_SHOWN]
    if past:
        out.append("<h4>" + esc(translate("OpportunityPage", "Grade history")) + "</h4><ul>" + "".join(
            "<li>{} · {} {}{} ({})</li>".format(
                esc(h.set_on[:10]), esc(_labelled(scheme_text(h.scheme))), esc(value_text(h.scheme, h.value)),
                " ✎" if h.override else "", esc(grading.set_by_label(h.set_by))) for h in past) + "</ul>")
    return "".join(out)

