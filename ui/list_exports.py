"""X2: the "Export…" of the memberships list, the credits area and the agenda: the list as shown (same
filters) to XLSX or CSV, read and written as a job with progress and Cancel."""

from __future__ import annotations

from app.services import list_exports
from ui.jobs import Job
from ui.reports.files import export_list


def export_memberships(screen, path=None) -> Job | None:
    filters = screen.filters()  # read on the window's thread, as shown now
    return export_list(screen.ops, screen, screen.tr("Memberships"), lambda state: screen.ops.call(
        list_exports.memberships_table, filters, write=False, state=state), path)


def export_credit_balances(screen, path=None) -> Job | None:
    query = screen.search.text()
    return export_list(screen.ops, screen, screen.tr("Credits"), lambda state: screen.ops.call(
        list_exports.credit_balances_table, query, write=False, state=state), path)


def export_agenda(screen, day, path=None) -> Job | None:
    return export_list(screen.ops, screen, screen.tr("Agenda {day}").format(day=f"{day:%Y-%m-%d}"),
                       lambda state: screen.ops.call(list_exports.agenda_table, day, write=False, state=state), path)
