"""A factory for long lists: many clients with one sale each (the memberships list's paging)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from app.models import Client, Membership
from app.services import clients, sales


def many_members(session, actor, package_id: int, count: int, newest: dt.date) -> list[int]:
    """``count`` clients "Manypage Client 000..." with one sale each, a day apart, the newest first.

    A factory: one sale goes through the service; the others copy it row by row (selling
    hundreds through the service would take the test a minute).
    """
    first = clients.create_client(session, actor, name="Manypage Client 000")
    sold = session.get(Membership, sales.sell(session, actor, first, package_id, start_date=newest,
                                              today=newest).membership_id)
    session.execute(insert(Client), [
        {"code": f"MP{i:04d}", "name": f"Manypage Client {i:03d}", "search_key": f"manypage client {i:03d}"}
        for i in range(1, count)])
    ids = dict(session.execute(select(Client.search_key, Client.id).where(Client.code.like("MP%"))).all())
    copied = {column: getattr(sold, column) for column in ("package_id", "kind", "package_name", "price",
                                                            "billing_type", "term_count", "term_unit")}
    session.execute(insert(Membership), [
        {**copied, "client_id": ids[f"manypage client {i:03d}"], "start_date": newest - dt.timedelta(days=i),
         "end_date": newest - dt.timedelta(days=i) + (sold.end_date - sold.start_date)} for i in range(1, count)])
    return [first, *(ids[f"manypage client {i:03d}"] for i in range(1, count))]
