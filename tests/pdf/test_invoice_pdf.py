"""B4: the invoice PDF prints any name, never fetches what a name points at, and goes out by email."""

from __future__ import annotations

import socket
import unicodedata
import urllib.request

import pytest
from reportlab.pdfbase import pdfmetrics

from app.errors import DomainError
from app.pdf import text
from app.services import clients, documents, payments, sales, settings


@pytest.fixture
def invoice(session, owner, gold):
    def make(name: str, email: str = "") -> int:
        client = clients.create_client(session, owner, name=name, email=email)
        sale = sales.sell(session, owner, client, gold)
        payments.add_payment(session, owner, sale.invoice_id, "40.00", reference="slip <b>7</b>")
        return sale.invoice_id
    return make


@pytest.mark.parametrize("name", ["Анна Петровна Иванова", "Zoë Müller-Ångström", "محمد عبد الله"])
@pytest.mark.parametrize("size", ["a4", "receipt"])
def test_b4_invoice_pdf_in_a4_and_receipt_for_any_script(session, owner, invoice, tmp_path, name, size):
    path = documents.invoice_pdf(session, owner, invoice(name), tmp_path / "invoice.pdf", size)
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"DejaVuSans" in data  # the shipped Unicode font is embedded
    drawn = text.visual(name)
    font = pdfmetrics.getFont(text.REGULAR).face.charToGlyph
    assert all(ord(ch) in font for ch in drawn if not ch.isspace())  # no missing glyph boxes


def test_b4_arabic_is_joined_and_right_to_left():
    drawn = text.visual("محمد عبد الله")
    assert all(unicodedata.name(ch).startswith("ARABIC LETTER") and "FORM" in unicodedata.name(ch)
               for ch in drawn if not ch.isspace())
    assert drawn.split()[-1] == text.visual("محمد")  # the first word is drawn rightmost
    assert text.visual("Zoë") == "Zoë"


def test_l2_a_latin_name_with_its_code_in_brackets_stays_whole_in_arabic():
    """The payer line of an Arabic invoice: the name and its bracketed code read as typed."""
    for name in ("Jack Hughes (C000040)", "Анна Иванова (C000044)", "Zoë (3BM5ME)"):
        drawn = text.visual(f"الدافع: {name}")
        assert drawn.startswith(name) and "\u202a" not in drawn and "\u202c" not in drawn
    assert text.visual("تخاطب 7-12 سنة: 6 حصص، 02/12/2026 – 01/03/2027").startswith("01/03/2027 – 02/12/2026")


def test_b4_markup_in_a_name_is_printed_as_text_and_fetches_nothing(session, owner, invoice, tmp_path, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the PDF tried to fetch something")

    monkeypatch.setattr(urllib.request, "urlopen", no_network)
    name = '<img src="http://127.0.0.1:9/x.png"/> O\'Brien & "Sons"'
    path = documents.invoice_pdf(session, owner, invoice(name), tmp_path / "invoice.pdf")
    assert path.stat().st_size > 1000
    paragraph = text.para(name, text.styles()["body"])
    assert "&lt;img" in paragraph.text


def test_b4_invoice_is_emailed_with_the_pdf_attached(session, owner, invoice):
    from aiosmtpd.controller import Controller

    received = []

    class Inbox:
        async def handle_DATA(self, server, smtp_session, envelope):  # noqa: N802 - aiosmtpd's hook name
            received.append(envelope)
            return "250 OK"

    with socket.socket() as probe:  # a free port for the test's own SMTP server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(Inbox(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_tls": False,
                                                  "smtp_sender": "desk@sunny.example"})
        mail = documents.record_invoice_email(session, owner, invoice("Anna Mail", "anna@example.org"))
        assert received == []  # recorded first; sent only after the commit
        sent_to = documents.send_invoice_email(mail)
    finally:
        controller.stop()
    assert sent_to == "anna@example.org" and received[0].rcpt_tos == ["anna@example.org"]
    content = received[0].content
    assert b"application/pdf" in content and b"Subject: Invoice INV-" in content


def test_b4_email_without_server_or_address_is_refused(session, owner, invoice):
    with pytest.raises(DomainError, match="Set up the email server"):
        documents.record_invoice_email(session, owner, invoice("No Server", "x@example.org"))
    settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_sender": "desk@sunny.example"})
    with pytest.raises(DomainError, match="has no email address"):
        documents.record_invoice_email(session, owner, invoice("No Address"))


@pytest.mark.parametrize("size", ["a4", "receipt"])
def test_b6_invoice_pdf_lists_what_was_paid_back_with_its_credit_note(session, owner, anna, gold, tmp_path, size):
    import datetime as dt
    import subprocess

    from app.services import invoices

    sale = sales.sell(session, owner, anna, gold, start_date=dt.date(2026, 10, 17), today=dt.date(2026, 10, 17))
    payments.add_payment(session, owner, sale.invoice_id, "95.00", paid_on=dt.date(2026, 10, 17))
    sales.cancel(session, owner, sale.membership_id, "moved away", today=dt.date(2026, 12, 1), method="bank_transfer")
    (refund,) = invoices.invoice_view(session, owner, sale.invoice_id)["refunds"]

    path = documents.invoice_pdf(session, owner, sale.invoice_id, tmp_path / "invoice.pdf", size)
    shown = " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert "Paid 95.00 Paid back -95.00 Balance due 0.00" in shown
    paid_back = shown.split("Paid back ")[-1].split()  # the section's words (a receipt wraps its lines)
    assert paid_back == ["01.12.2026", "Bank", "transfer", "·", "credit", "note", refund["credit_note"], "-95.00"] \
        or paid_back == ["01.12.2026", "Bank", "transfer", "·", "-95.00", "credit", "note", refund["credit_note"]]
    assert "17.10.2026 Cash 95.00" in shown  # the payment stays on its day


def _pdf_words(path) -> str:
    import subprocess

    return " ".join(subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())


@pytest.mark.parametrize("size", ["a4", "receipt"])
def test_l2_invoice_pdf_labels_are_in_the_business_language_and_the_lines_as_issued(session, owner, invoice,
                                                                                    tmp_path, size):
    """An invoice is the business's document: its labels follow the business's language setting
    (whoever prints it); what was sold keeps the words it was issued with."""
    invoice_id = invoice("Анна Петровна Иванова")
    issued = documents.invoice_pdf(session, owner, invoice_id, tmp_path / "en.pdf", size)
    english = _pdf_words(issued)
    assert "Invoice INV-" in english and "Balance due" in english and "Bill to: Анна Петровна Иванова" in english
    settings.update_settings(session, owner, {"language": "ru"})
    russian = _pdf_words(documents.invoice_pdf(session, owner, invoice_id, tmp_path / "ru.pdf", size))
    assert "Счёт INV-" in russian and "Плательщик: Анна Петровна Иванова" in russian
    assert "Оплачено 40,00" in russian and "Итого" in russian and "К оплате" in russian
    assert "Наличные" in russian  # the payment's method, as the window's terms say it
    for label in ("Invoice", "Balance due", "Total", "Bill to", "Description", "Cash"):
        assert label not in russian
    line = english.split("Amount ")[1].split()[1]  # the first word of the line sold, as it was issued
    assert line in russian


def test_l2_an_arabic_invoice_reads_right_to_left(session, owner, invoice, tmp_path):
    """The labels in Arabic, joined (presentation forms as drawn), starting at the right margin; the
    amounts at the left, where an Arabic line ends; the payer's code in its brackets."""
    import re
    import subprocess

    from app.services import invoices

    settings.update_settings(session, owner, {"language": "ar"})
    invoice_id = invoice("محمد عبد الله")
    path = documents.invoice_pdf(session, owner, invoice_id, tmp_path / "ar.pdf")
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = [(float(x0), float(x1), unicodedata.normalize("NFKC", word)) for x0, x1, word in
             re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes)]
    page_width = 595.28
    number = next(w for w in words if w[2].startswith("INV-"))
    heading = next(w for w in words if w[2] == "فاتورة"[::-1])
    assert heading[1] > page_width - 60 > number[1]  # "فاتورة" at the right margin, the number after it (leftwards)
    amounts = [w for w in words if re.fullmatch(r"-?\d+\.\d\d", w[2])]
    assert amounts and all(w[0] < 100 for w in amounts)
    discounts = next(w for w in words if w[2] == "الخصومات"[::-1])  # drawn in visual order
    assert discounts[0] > 100  # the label beside its amount, not over it
    codes = [w[2] for w in words if re.fullmatch(r"\W\w{6}\W", w[2])]
    assert codes == [f"({invoices.invoice_view(session, owner, invoice_id)['payer']['code']})"]  # brackets mirrored
    assert "Invoice" not in boxes.split("</head>")[-1] and "Balance due" not in boxes
