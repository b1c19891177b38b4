"""Selling on the 100,000-client database: a sale plus its payment, and the invoice PDF."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import BIG_DB, Result, median_of

RUNS = 30


def run() -> list[Result]:
    from sqlalchemy import select

    from app.db import sqlite_url
    from app.models import Client, Package, PackageKind, load_all
    from app.storage import open_database

    load_all()
    from app.services import payments, sales
    from ui.app import _first_owner

    db = open_database(sqlite_url(BIG_DB))
    actor = _first_owner(db)
    with db.reader() as s:
        pack = s.scalar(select(Package.id).where(Package.kind == PackageKind.LESSON_PACK, Package.active))
        client_ids = s.scalars(select(Client.id).where(Client.archived.is_(False)).order_by(Client.id.desc())
                               .limit(RUNS)).all()
    took, invoice_ids = [], []
    for client_id in client_ids:  # one transaction per action, committed, as at the desk
        started = time.perf_counter()
        with db.writer.begin() as s:
            sale = sales.sell(s, actor, client_id, pack)
        with db.writer.begin() as s:
            payments.add_payment(s, actor, sale.invoice_id, "10.00")
        took.append(time.perf_counter() - started)
        invoice_ids.append(sale.invoice_id)

    folder = Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    started = time.perf_counter()
    from ui.app import warm_up_documents

    warm_up_documents()  # reportlab, the documents and the fonts: the desk loads them on its worker after the first paint
    warm_up = time.perf_counter() - started
    from app.services import documents

    started = time.perf_counter()
    with db.reader() as s:
        documents.invoice_pdf(s, actor, invoice_ids[0], folder / "first.pdf")
    first = time.perf_counter() - started
    warm = []
    for number, invoice_id in enumerate(invoice_ids[1:]):
        started = time.perf_counter()
        with db.reader() as s:
            documents.invoice_pdf(s, actor, invoice_id, folder / f"{number}.pdf")
        warm.append(time.perf_counter() - started)
    db.dispose()
    return [
        Result("selling: sale + payment (two actions)", median_of(took), 0.030),
        Result("selling: invoice PDF, warm", median_of(warm), 0.050),
        Result("selling: PDF code loaded ahead on the worker", warm_up, float("inf"),
               "after the first paint: the start does not wait"),
        Result("selling: invoice PDF, first of the run", first, 0.300, "after that warm-up, as in the desk"),
    ]
