"""X2: the desk's lists as shown (same filters), as headers and typed rows for the CSV/XLSX writer
(:func:`app.services.transfer.write_table`): the memberships list, the credits area, the day's agenda
(the clients list's rows: transfer.clients_table). Slow on a big list: run them as jobs.

Any of them is also a printable PDF (:func:`write_list`): the rows become a
:class:`~app.reports.base.Report` with the list's filters as its header, drawn by the report's PDF
writer (app/pdf/report.py), the one that prints every report."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from app.reports.base import Column, Kind, Report
from app.reports.wording import say, term
from app.services import agenda, credits, memberships_list
from app.services.access import Actor, Right, guarded
from app.services.memberships_list import SaleFilters
from app.services.report_files import write_report
from app.services.settings import get_settings, language_for
from app.services.status import LABELS
from app.tasks import TaskState

CHUNK = 2000  # rows read at a time (an IN list of ids)


def _chunks(ids: list[int], state: TaskState | None):
    for start in range(0, len(ids), CHUNK):
        if state is not None:
            state.progress(start, len(ids))
        yield ids[start:start + CHUNK]


@guarded(Right.VIEW_CLIENTS)
def memberships_table(session: Session, actor: Actor, filters: SaleFilters, *, state: TaskState | None = None,
                      today: dt.date | None = None) -> tuple[list[str], list[list]]:
    """Every sale the memberships list shows with ``filters``, newest first, its columns typed."""
    headers = [say("Client"), say("Code"), say("Package"), say("From"), say("Until"), say("Status"),
               say("Lessons used"), say("Lessons"), say("Price"), say("Invoice"), say("Payment"), say("Due")]
    ids = memberships_list.sale_ids(session, actor, filters, today=today)
    rows = []
    for chunk in _chunks(ids, state):
        found = memberships_list.sale_rows(session, actor, chunk, today=today)
        for sale in (found[i] for i in chunk if i in found):
            used, count = sale["lessons"] or (None, None)
            rows.append([sale["client"], sale["code"], sale["package"], sale["start"], sale["end"],
                         term(LABELS[sale["status"]]) if sale["status"] in LABELS else sale["status"], used, count, sale["price"], sale["invoice"],
                         sale["payment"], sale["due"]])
    return headers, rows


@guarded(Right.USE_CREDITS)
def credit_balances_table(session: Session, actor: Actor, query: str = "", *, state: TaskState | None = None,
                          today: dt.date | None = None) -> tuple[list[str], list[list]]:
    """The credits area's clients (same search), one row per client and credit type held today."""
    headers = [say("Code"), say("Client"), say("Credit type"), say("Available"), say("Unit"), say("Soonest expiry")]
    ids = credits.balance_client_ids(session, actor, query, today=today)
    rows = []
    for chunk in _chunks(ids, state):
        found = credits.balance_rows(session, actor, chunk, today=today)
        for client in (found[i] for i in chunk if i in found):
            rows += [[client["code"], client["name"], held["name"], held["available"], held["unit"], held["until"]]
                     for held in client["types"]]
    return headers, rows


AGENDA_STATES = {"planned": say("Planned"), "done": say("Done"), "missed": say("Missed"),
                 "cancelled": say("Cancelled")}


@guarded(Right.VIEW_CLIENTS)
def agenda_table(session: Session, actor: Actor, on: dt.date, *,
                 state: TaskState | None = None) -> tuple[list[str], list[list]]:
    """The agenda of day ``on``: each occurrence with its mark, who made it and when, the note."""
    headers = [say("Day"), say("Client"), say("Code"), say("Service"), say("Membership"), say("State"),
               say("Moved to"), say("Moved from"), say("Marked by"), say("Marked at"), say("Note")]
    rows = [[o["due_on"], o["client"], o["code"], o["name"], o["package"], AGENDA_STATES.get(o["state"], o["state"]),
             o["moved_to"], o["moved_from"], o["marked_by"],
             o["marked_at"].astimezone().strftime("%d.%m.%Y %H:%M") if o["marked_at"] else "", o["note"] or ""]
            for o in agenda.day(session, actor, on)]
    if state is not None:
        state.progress(len(rows), len(rows))
    return headers, rows


def _kind(values) -> Kind:
    """A column's kind from its first value: amounts, whole numbers and dates as such, the rest text."""
    first = next((v for v in values if v is not None and v != ""), None)
    if isinstance(first, Decimal):
        return Kind.MONEY
    if isinstance(first, int) and not isinstance(first, bool):
        return Kind.COUNT
    if isinstance(first, dt.date):
        return Kind.DATE
    return Kind.TEXT


def list_report(title: str, headers: list[str], rows: list[list], filters: list[tuple[str, str]]) -> Report:
    """A list's headers and typed rows as a :class:`Report` (columns typed by their values), its
    filters (label, value as shown) in the header."""
    keys = [f"c{i}" for i in range(len(headers))]
    columns = [Column(key, header, _kind(row[i] for row in rows)) for i, (key, header) in enumerate(zip(keys, headers))]
    return Report(key="list", title=title, columns=columns, rows=[dict(zip(keys, row)) for row in rows],
                  filters=list(filters), empty_text=say("Nothing in this list with these filters."))


def write_list(path: Path | str, title: str, headers: list[str], rows: list[list], filters: list[tuple[str, str]],
               business: dict, state: TaskState | None = None) -> Path:
    """A list to ``path``: .pdf (with ``filters`` and the business's name in its header, page numbers),
    .xlsx or .csv, written whole."""
    return write_report(list_report(title, headers, rows, filters), path, business, state)


@guarded(Right.VIEW_CLIENTS)
def list_header(session: Session, actor: Actor) -> dict:
    """What a list's PDF says about the business (its name), in the language of the list's own
    headers: the window's, this user's (L2), so "Page 1 of 3" reads as the columns do."""
    return {"business_name": get_settings(session).get("business_name", ""),
            "language": language_for(session, actor.user_id)}
