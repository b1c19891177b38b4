"""Invoices as PDF files, and sending them by email through the SMTP settings (B4)."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.models import Client
from app.pdf.cards import render_cards
from app.pdf.invoice import render_invoice
from app.pdf.takings import render_takings
from app.services import audit, invoices, payments
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings

SIZES = ("a4", "receipt")


@guarded(Right.VIEW_MONEY)
def invoice_pdf(session: Session, actor: Actor, invoice_id: int, path, size: str = "a4") -> Path:
    """Write the invoice as a PDF at ``path`` (A4 or an 80 mm receipt)."""
    if size not in SIZES:
        raise DomainError("Choose A4 or receipt.", field="size")
    view = invoices.invoice_view(session, actor, invoice_id)
    return render_invoice(view, get_settings(session), Path(path), size)


def _send(settings: dict, message: EmailMessage, timeout: float = 20) -> None:
    host, port = settings["smtp_host"], settings["smtp_port"]
    if not host or not settings["smtp_sender"]:
        raise DomainError("Set up the email server and sender in Settings › Email first.")
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            if settings["smtp_tls"]:
                smtp.starttls(context=ssl.create_default_context())
            if settings["smtp_user"]:
                smtp.login(settings["smtp_user"], settings["smtp_password"])
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise DomainError(f"The email could not be sent: {exc}. Nothing was sent.") from None


@guarded(Right.VIEW_MONEY)
def email_invoice(session: Session, actor: Actor, invoice_id: int, to: str | None = None,
                  size: str = "a4") -> str:
    """Email the invoice PDF to the payer (or to ``to``); returns the address it went to."""
    settings = get_settings(session)
    view = invoices.invoice_view(session, actor, invoice_id)
    address = validation.email(to if to is not None else view["payer"]["email"], "to", "The address")
    if not address:
        raise DomainError(f"{view['payer']['name']} has no email address; type one.", field="to")
    business = settings["business_name"] or "Membership desk"
    message = EmailMessage()
    message["Subject"] = f"Invoice {view['number']} from {business}"
    message["From"] = settings["smtp_sender"]
    message["To"] = address
    message.set_content(f"Hello {view['payer']['name']},\n\nplease find invoice {view['number']} attached.\n"
                        f"Total {view['total']:,.2f} {settings['currency']}, balance due "
                        f"{view['balance']:,.2f} {settings['currency']}.\n\n{business}\n")
    with TemporaryDirectory() as folder:
        pdf = render_invoice(view, settings, Path(folder) / f"invoice-{view['number']}.pdf", size)
        message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name)
    _send(settings, message)
    audit.record(session, actor, "email", "invoice", invoice_id, to=address)
    return address


@guarded(Right.VIEW_DAY_TAKINGS)
def takings_pdf(session: Session, actor: Actor, path, day=None) -> Path:
    """The day's takings (today for a receptionist) as a printable PDF."""
    return render_takings(payments.day_takings(session, actor, day), get_settings(session), Path(path))


MAX_CARDS = 1000


@guarded(Right.VIEW_CLIENTS)
def member_cards_pdf(session: Session, actor: Actor, client_ids: list[int], path) -> Path:
    """X3: member cards for these clients (at most 1,000 at a time), ten to an A4 page."""
    if not client_ids:
        raise DomainError("No clients are listed, so there are no cards to print.")
    if len(client_ids) > MAX_CARDS:
        raise DomainError(f"Print at most {MAX_CARDS:,} cards at a time; narrow the list.")
    found = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(client_ids)))}
    cards = [{"name": found[i].name, "code": found[i].code} for i in client_ids if i in found]
    return render_cards(cards, get_settings(session)["business_name"], Path(path))
