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


def test_l2_statement_pdf_speaks_the_business_language(session, owner, receptionist, sauna_ten, tmp_path):
    """The labels and the movements in Russian (the business's language); names and notes as typed."""
    from app.services import settings

    settings.update_settings(session, owner, {"language": "ru"})
    client = clients.create_client(session, owner, name="Анна Иванова")
    sauna = session.scalar(select(CreditType.id).where(CreditType.name == "Sauna"))
    sales.sell(session, receptionist, client, sauna_ten, start_date=TODAY, today=TODAY)
    credits.use_credits(session, receptionist, client, sauna, 3, note="полотенце", today=TODAY)
    path = credits.statement_pdf(session, receptionist, client, tmp_path / "statement.pdf", today=TODAY)
    shown = " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert "Выписка по баллам: Анна Иванова" in shown and "На 10.03.2027" in shown
    assert "Sauna (единица: visit)" in shown  # the credit type and its unit as the business named them
    assert "Начислено 10 · использовано 3 · сгорело 0 · осталось 7" in shown
    assert "Начислено: Sauna x10, до " in shown and "Списано — полотенце" in shown
    for english in ("Granted", "Used", "Balance", "Credit statement"):
        assert english not in shown
