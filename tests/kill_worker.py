"""The desk at work, to be killed (D1): sells, pays, marks and uses credits in a loop, one transaction each.

Run as ``python -m tests.kill_worker URL SETUP_JSON``; prints one line per finished round so the
parent kills it while work is under way. The parent owns the checks (tests/app/test_kill.py).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from decimal import Decimal

from app.models import load_all


def main(url: str, setup: dict) -> None:
    load_all()
    from app.models import Invoice
    from app.services import clients, credits, journal, payments, programs, sales
    from app.services.access import SYSTEM
    from app.storage import open_database

    db = open_database(url)
    today = dt.date.fromisoformat(setup["today"])
    round_no = 0
    while True:
        round_no += 1
        with db.writer.begin() as s:
            client = clients.create_client(s, SYSTEM, name=f"Killed Client {round_no}")
        with db.writer.begin() as s:
            gold = sales.sell(s, SYSTEM, client, setup["gold"], start_date=today, today=today)
        with db.writer.begin() as s:
            payments.add_payment(s, SYSTEM, gold.invoice_id, s.get(Invoice, gold.invoice_id).total)
        with db.writer.begin() as s:
            pack = sales.sell(s, SYSTEM, client, setup["pack"], start_date=today, today=today)
        with db.writer.begin() as s:
            half = (s.get(Invoice, pack.invoice_id).total / 2).quantize(Decimal("0.01"))
            payments.add_payment(s, SYSTEM, pack.invoice_id, half)
        with db.writer.begin() as s:
            programs.enrol(s, SYSTEM, setup["group"], client, since=today)
        with db.writer.begin() as s:
            journal.mark(s, SYSTEM, setup["group"], client, today, setup["present"])
        with db.writer.begin() as s:
            sales.sell(s, SYSTEM, client, setup["sauna_pack"], start_date=today, today=today)
        with db.writer.begin() as s:
            credits.use_credits(s, SYSTEM, client, setup["sauna"], 1, today=today)
        print(round_no, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], json.loads(sys.argv[2]))
