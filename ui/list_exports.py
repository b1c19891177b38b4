"""X2: the "Export…" of the clients list, the memberships list, the credits area and the agenda: the list
as shown (same filters) to XLSX, CSV or a printable PDF (the filters as shown in its header), read and
written as a job with progress and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services import list_exports, transfer
from ui.jobs import Job
from ui.reports.files import export_list


def _searched(screen, words: str) -> list[tuple[str, str]]:
    return [(QCoreApplication.translate("ListExports", "Search"), words)] if words.strip() else []


def export_clients(screen, path=None) -> Job | None:
    query, filters = screen.search.text(), screen.filters()
    shown = _searched(screen, query) + [
        (QCoreApplication.translate("ListExports", "Category"), screen.category.currentText()),
        (QCoreApplication.translate("ListExports", "Status"), screen.standing.currentText())]
    if filters.get("archived"):
        shown.append((QCoreApplication.translate("ListExports", "Archived"),
                      QCoreApplication.translate("ListExports", "yes")))
    return export_list(screen.ops, screen, QCoreApplication.translate("ListExports", "Clients"),
                       lambda state: screen.ops.call(transfer.clients_table, query, write=False, state=state,
                                                     **filters), path, shown)


def export_memberships(screen, path=None) -> Job | None:
    filters = screen.filters()  # read on the window's thread, as shown now
    shown = _searched(screen, filters.client_query) + [
        (QCoreApplication.translate("ListExports", "Status"), screen.standing.currentText()),
        (QCoreApplication.translate("ListExports", "Package"), screen.package.currentText()),
        (QCoreApplication.translate("ListExports", "Started"),
         f"{screen.start_from.text()} – {screen.start_to.text()}")]
    return export_list(screen.ops, screen, QCoreApplication.translate("ListExports", "Memberships"),
                       lambda state: screen.ops.call(list_exports.memberships_table, filters, write=False,
                                                     state=state), path, shown)


def export_credit_balances(screen, path=None) -> Job | None:
    query = screen.search.text()
    return export_list(screen.ops, screen, QCoreApplication.translate("ListExports", "Credits"),
                       lambda state: screen.ops.call(list_exports.credit_balances_table, query, write=False,
                                                     state=state), path, _searched(screen, query))


def export_agenda(screen, day, path=None) -> Job | None:
    return export_list(screen.ops, screen,
                       QCoreApplication.translate("ListExports", "Agenda {day}").format(day=f"{day:%Y-%m-%d}"),
                       lambda state: screen.ops.call(list_exports.agenda_table, day, write=False, state=state), path,
                       [(QCoreApplication.translate("ListExports", "Day"), screen.day.text())])
