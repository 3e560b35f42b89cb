"""The plan screen's printouts and exports (gui.visits.plan_page.PlanPanel): the plan to
carry and the tracking log as PDFs, the plan as a calendar (.ics) or a CSV table. Their
texts keep the context "PlanPanel" (``translate``), the panel they are shown in."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from gui.common.operations import Changes, write
from gui.common.tasks import show_error
from gui.visits.print_dialogs import PlanPrintDialog, TrackingLogDialog
from model.archive import audit
from model.core import settings
from model.core.i18n import translate
from model.visits import calendar_export
from model.archive.page_header import branch_name


class PlanOutputs:
    """The printouts and exports of :class:`gui.visits.plan_page.PlanPanel` (a part of it:
    it uses the panel's plan, archive and status line)."""

    def print_plan(self) -> Path | None:
        if self.plan is None:
            return None
        written = PlanPrintDialog.run(self, self.plan, branch_name(self.archive.conn), self.archive)
        if written is not None:
            self.status.setText(translate("PlanPanel", "Printed to {path}").format(path=written))
        return written

    def print_tracking_log(self, start: date | None = None, manager: str | None = None) -> Path | None:
        written = TrackingLogDialog.run(self, self.archive, manager if manager is not None
                                        else (self.plan.manager if self.plan else None), start)
        if written is not None:
            self.status.setText(translate("PlanPanel", "Printed to {path}").format(path=written))
        return written

    def export(self, kind: str) -> Path | None:
        """Write the plan as a calendar (.ics) or a CSV table, to a file the user names."""
        if self.plan is None:
            return None
        folder = Path(settings.get(settings.FILE_FOLDER) or Path.home())
        name = translate("PlanPanel", "visit-plan-{date}").format(date=self.plan.start.isoformat()) + f".{kind}"
        filters = (translate("PlanPanel", "Calendar files (*.ics)") if kind == "ics"
                   else translate("PlanPanel", "CSV files (*.csv)"))
        chosen, _ = QFileDialog.getSaveFileName(self, translate("PlanPanel", "Export the plan"), str(folder / name),
                                                filters)
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != f".{kind}":
            path = path.with_name(f"{path.name}.{kind}")
        full_phone = kind == "ics" and bool(settings.get(settings.PRINT_FULL_PHONE))
        try:
            if kind == "ics":
                calendar_export.write_ics(self.plan, path, show_full_phone=full_phone)
            else:
                calendar_export.write_csv(self.plan, path)
        except OSError as exc:
            show_error(self, OSError(translate("PlanPanel", "Could not write {path}: {problem}. Choose another place.")
                                     .format(path=path, problem=exc.strerror or exc)))
            return None
        what, count = audit.visit_plan_what(self.plan.start, self.plan.end), len(self.plan.planned())
        detail = {"file": str(path.resolve()), "plan": self.plan.id, "full_phone": full_phone}
        write(self, lambda conn: audit.record(conn, "export", what, count, detail=detail),
              Changes(), archive=self.archive)       # an audit entry: no page shows it
        settings.put(settings.FILE_FOLDER, str(path.parent))
        self.status.setText(translate("PlanPanel", "Wrote {path}").format(path=path))
        return path
