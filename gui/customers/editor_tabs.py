"""The customer editor's side tabs: contacts (with Log contact), change history, grades,
circles, complaints and satisfaction surveys, each with its count in its title."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QScrollArea, QTableView, QTabWidget, QVBoxLayout, QWidget

from gui.common.widgets import RecordsModel, channel_labels, display_value, field_label, fit_columns, records_view
from gui.grading.grade_panel import GradePanel
from model.core import stored_text
from model.core.datetime_text import datetime_text
from model.core.i18n import translate
from model.customers import customers
from model.marketing import circles


class EditorTabs:
    """The side half of :class:`gui.customers.customer_editor.CustomerEditor` (a mixin)."""

    def _build_tabs(self) -> None:
        # The side panel: what changed, and every contact.
        self.history_model = RecordsModel(parent=self)
        self.history_view = self._table(self.history_model)
        self.contacts_model = RecordsModel(parent=self)
        self.contacts_view = self._table(self.contacts_model)
        self.log_button = QPushButton(translate("CustomerEditor", "&Log contact…"))
        self.log_button.setToolTip(translate("CustomerEditor",
                                             "Record a visit, call, message or online contact (Ctrl+L)"))
        self.log_button.clicked.connect(self.log_contact)
        contacts_page = QWidget()
        contacts_layout = QVBoxLayout(contacts_page)
        contacts_layout.setContentsMargins(4, 4, 4, 4)
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_button)
        log_row.addStretch(1)
        contacts_layout.addLayout(log_row)
        contacts_layout.addWidget(self.contacts_view)
        self.tabs = QTabWidget()
        self.tabs.addTab(contacts_page, translate("CustomerEditor", "Contacts"))
        self.tabs.addTab(self.history_view, translate("CustomerEditor", "Change history"))
        # Grades with their explanations and history; overrides are written at once.
        self.grade_panel = GradePanel(self.archive)
        self.grade_panel.changed.connect(self._grades_changed)
        # In a scroll area: the explanations wrap and can be longer than a laptop screen is high.
        grade_scroll = QScrollArea()
        grade_scroll.setObjectName("grade_scroll")
        grade_scroll.setWidget(self.grade_panel)
        grade_scroll.setWidgetResizable(True)
        grade_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grade_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs.addTab(grade_scroll, translate("CustomerEditor", "Grades"))
        # The circles (圈子) the customer belongs to, and whether they are its centre.
        self.circles_model = RecordsModel(parent=self)
        self.circles_view = self._table(self.circles_model)
        self.circles_view.setObjectName("customer_circles")
        self.tabs.addTab(self.circles_view, translate("CustomerEditor", "Circles"))
        # Complaints (抱怨处理): recorded and moved on at once, like the grades.
        from gui.customers.complaints import ComplaintsPanel
        self.complaints_panel = ComplaintsPanel(self.archive)
        self.complaints_panel.changed.connect(self._complaints_changed)
        self.tabs.addTab(self.complaints_panel, translate("CustomerEditor", "Complaints"))
        # Satisfaction surveys (满意度调查) and their trend.
        from gui.customers.surveys import SurveysPanel
        self.surveys_panel = SurveysPanel(self.archive)
        self.surveys_panel.changed.connect(self._surveys_changed)
        self.tabs.addTab(self.surveys_panel, translate("CustomerEditor", "Satisfaction"))

    @staticmethod
    def _table(model: RecordsModel) -> QTableView:
        return records_view(model)

    def _refresh_histories(self) -> None:
        conn = self.archive.conn
        history = customers.history(conn, self.customer_id) if self.customer_id else []
        self.history_model.set_rows(
            [translate("CustomerEditor", "When"), translate("CustomerEditor", "Who"),
             translate("CustomerEditor", "Field"), translate("CustomerEditor", "Change")],
            [[when_text(h["changed_at"]), h["changed_by"], field_label(h["field"]), _change(h)]
             for h in history])
        channels = channel_labels()
        contacts = customers.contacts(conn, self.customer_id) if self.customer_id else []
        self.contacts_model.set_rows(
            [translate("CustomerEditor", "Date"), translate("CustomerEditor", "Channel"),
             translate("CustomerEditor", "Purpose"), translate("CustomerEditor", "Result"),
             translate("CustomerEditor", "Next step"), translate("CustomerEditor", "Next date"),
             translate("CustomerEditor", "By")],
            [[c["contact_date"], channels.get(c["channel"], c["channel"]), stored_text.display(c["purpose"]),
              c["result"], c["next_step"], c["next_date"], c["recorded_by"]] for c in contacts])
        self.tabs.setTabText(0, translate("CustomerEditor", "Contacts ({count})").format(count=len(contacts)))
        self.tabs.setTabText(1, translate("CustomerEditor", "Change history ({count})")
                             .format(count=len(history)))
        self.grade_panel.load(self.customer_id)
        member_of = circles.circles_of(conn, self.customer_id) if self.customer_id else []
        centre, member = translate("CustomerEditor", "centre (圆心)"), translate("CustomerEditor", "member")
        self.circles_model.set_rows(
            [translate("CustomerEditor", "Circle"), translate("CustomerEditor", "Role"),
             translate("CustomerEditor", "Area"), translate("CustomerEditor", "Members"),
             translate("CustomerEditor", "Contact mode")],
            [[c.name, centre if c.centre_id == self.customer_id else member, c.area or "",
              c.member_count, c.contact_mode] for c in member_of])
        self.tabs.setTabText(self.tabs.indexOf(self.circles_view),
                             translate("CustomerEditor", "Circles ({count})").format(count=len(member_of)))
        self.complaints_panel.set_customer(self.customer_id, not self.stored.get("deleted_at"))
        self._count_complaints()
        self.surveys_panel.set_customer(self.customer_id, not self.stored.get("deleted_at"))
        self._surveys_changed()
        for view in (self.history_view, self.contacts_view, self.circles_view):
            fit_columns(view, 220)

    def _count_complaints(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.complaints_panel),
                             translate("CustomerEditor", "Complaints ({count})")
                             .format(count=len(self.complaints_panel.items)))

    def _complaints_changed(self) -> None:
        self.saved = True
        self._count_complaints()

    def _surveys_changed(self) -> None:
        self.tabs.setTabText(self.tabs.indexOf(self.surveys_panel),
                             translate("CustomerEditor", "Satisfaction ({count})")
                             .format(count=len(self.surveys_panel.items)))

    def _grades_changed(self) -> None:
        self.saved = True     # the list shows grades: refresh it when the editor closes


def when_text(stamp: str | None) -> str:
    """2024-05-01T14:03:22 → 2024-05-01 14:03."""
    return datetime_text(stamp)


def _change(entry: dict) -> str:
    field = entry["field"]
    if field.startswith("*"):
        return entry["new_value"] or ""
    old = display_value(field, entry["old_value"]) or "—"
    new = display_value(field, entry["new_value"]) or "—"
    return f"{old} → {new}"
