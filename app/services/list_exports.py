"""X2: the desk's lists as shown (same filters), as headers and typed rows for the CSV/XLSX writer
(:func:`app.services.transfer.write_table`): the memberships list, the credits area, the day's agenda.
The clients list has its own (transfer.export_clients). Slow on a big list: run them as jobs."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.services import agenda, credits, memberships_list
from app.services.access import Actor, Right, guarded
from app.services.memberships_list import SaleFilters
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
    headers = ["Client", "Code", "Package", "From", "Until", "Status", "Lessons used", "Lessons", "Price",
               "Invoice", "Payment", "Due"]
    ids = memberships_list.sale_ids(session, actor, filters, today=today)
    rows = []
    for chunk in _chunks(ids, state):
        found = memberships_list.sale_rows(session, actor, chunk, today=today)
        for sale in (found[i] for i in chunk if i in found):
            used, count = sale["lessons"] or (None, None)
            rows.append([sale["client"], sale["code"], sale["package"], sale["start"], sale["end"],
                         LABELS.get(sale["status"], sale["status"]), used, count, sale["price"], sale["invoice"],
                         sale["payment"], sale["due"]])
    return headers, rows


@guarded(Right.USE_CREDITS)
def credit_balances_table(session: Session, actor: Actor, query: str = "", *, state: TaskState | None = None,
                          today: dt.date | None = None) -> tuple[list[str], list[list]]:
    """The credits area's clients (same search), one row per client and credit type held today."""
    headers = ["Code", "Client", "Credit type", "Available", "Unit", "Soonest expiry"]
    ids = credits.balance_client_ids(session, actor, query, today=today)
    rows = []
    for chunk in _chunks(ids, state):
        found = credits.balance_rows(session, actor, chunk, today=today)
        for client in (found[i] for i in chunk if i in found):
            rows += [[client["code"], client["name"], held["name"], held["available"], held["unit"], held["until"]]
                     for held in client["types"]]
    return headers, rows


AGENDA_STATES = {"planned": "Planned", "done": "Done", "missed": "Missed", "cancelled": "Cancelled"}


@guarded(Right.VIEW_CLIENTS)
def agenda_table(session: Session, actor: Actor, on: dt.date, *,
                 state: TaskState | None = None) -> tuple[list[str], list[list]]:
    """The agenda of day ``on``: each occurrence with its mark, who made it and when, the note."""
    headers = ["Day", "Client", "Code", "Service", "Membership", "State", "Moved to", "Moved from", "Marked by",
               "Marked at", "Note"]
    rows = [[o["due_on"], o["client"], o["code"], o["name"], o["package"], AGENDA_STATES.get(o["state"], o["state"]),
             o["moved_to"], o["moved_from"], o["marked_by"],
             o["marked_at"].astimezone().strftime("%d.%m.%Y %H:%M") if o["marked_at"] else "", o["note"] or ""]
            for o in agenda.day(session, actor, on)]
    if state is not None:
        state.progress(len(rows), len(rows))
    return headers, rows
