"""K4 printed: the credit statement as an A4 PDF, any client name, markup printed as text (D8)."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from sqlalchemy import select

from app.models import CreditType
from app.services import clients, credits, sales

TODAY = dt.date(2027, 3, 10)


@pytest.mark.parametrize("name", ['<b>Анна</b> "O\'Brien" & Sons', "محمد عبد الله"])
def test_k4_statement_pdf_lists_every_movement_with_the_balance(session, owner, receptionist, sauna_ten, tmp_path,
                                                                  name):
    client = clients.create_client(session, owner, name=name)
    sauna = session.scalar(select(CreditType.id).where(CreditType.name == "Sauna"))
    sales.sell(session, receptionist, client, sauna_ten, start_date=TODAY, today=TODAY)
    credits.use_credits(session, receptionist, client, sauna, 3, note="<i>towel</i>", today=TODAY)
    path = credits.statement_pdf(session, receptionist, client, tmp_path / "statement.pdf", today=TODAY)
    assert path.read_bytes().startswith(b"%PDF")
    shown = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout
    assert "Sauna (unit: visit)" in shown and "Granted 10 · used 3 · expired 0 · remaining 7" in shown
    assert "<i>towel</i>" in shown  # user text printed as typed, not as markup
    if name.startswith("<b>"):
        assert name in shown
