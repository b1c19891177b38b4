"""X3: member cards as a PDF, ten to a page, whose QR holds the code the check-in field accepts."""

from __future__ import annotations

import pytest

from app.errors import DomainError
from app.models import Client
from app.pdf.cards import qr_drawing, qr_modules
from app.services import checkin, clients, documents, sales


def test_x3_cards_pdf_with_a_qr_the_check_in_accepts(session, owner, receptionist, silver, tmp_path):
    ids = [clients.create_client(session, owner, name=name) for name in
           ("Анна Иванова", "Zoë Müller", "محمد عبد الله", "A very long name " * 5)] * 3
    path = documents.member_cards_pdf(session, receptionist, ids, tmp_path / "cards.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and data.count(b"/Type /Page\n") + data.count(b"/Type /Page ") >= 2
    code = session.get(Client, ids[0]).code
    qr = qr_drawing(code).contents[0]
    assert qr.value == code  # the QR holds the code and nothing else
    qr.qr.make()
    assert qr_modules(code) == [[bool(m) for m in row] for row in qr.qr.modules]  # and the page draws that QR
    sales.sell(session, receptionist, ids[0], silver)
    assert checkin.check_in(session, receptionist, qr.value).colour == "green"


def test_x3_a_foreign_qr_or_no_clients_is_refused(session, receptionist):
    with pytest.raises(DomainError, match="No client has the code"):
        checkin.check_in(session, receptionist, "HTTPS://EXAMPLE.ORG/TICKET/12345")
    with pytest.raises(DomainError, match="No clients are listed"):
        documents.member_cards_pdf(session, receptionist, [], "x.pdf")
