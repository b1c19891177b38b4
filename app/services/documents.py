"""Invoices as PDF files, and sending them by email through the SMTP settings (B4)."""

from __future__ import annotations

import contextlib
import smtplib
import socket
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.files import written
from app.messages import QT_TRANSLATE_NOOP, Words
from app.models import Client
from app.pdf.cards import render_cards
from app.pdf.invoice import render_invoice
from app.pdf.takings import render_takings
from app.services import audit, invoices, payments
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings, smtp_password
from app.tasks import TaskState

SIZES = ("a4", "receipt")


@guarded(Right.VIEW_MONEY)
def invoice_pdf(session: Session, actor: Actor, invoice_id: int, path, size: str = "a4") -> Path:
    """Write the invoice as a PDF at ``path`` (A4 or an 80 mm receipt)."""
    if size not in SIZES:
        raise DomainError("Choose A4 or receipt.", field="size")
    view = invoices.invoice_view(session, actor, invoice_id)
    with written(path) as part:
        render_invoice(view, get_settings(session), part, size)
    return Path(path)


class _CancellableSMTP(smtplib.SMTP):
    """SMTP whose connection Cancel shuts down, waking a send that waits on a slow server."""

    def __init__(self, state: TaskState, timeout: float):
        self._state = state
        super().__init__(timeout=timeout)

    def _get_socket(self, host, port, timeout):
        sock = super()._get_socket(host, port, timeout)
        self._state.interrupt_with(lambda: _shut(sock))
        return sock


def _shut(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def send(settings: dict, message: EmailMessage, state: TaskState | None = None, timeout: float = 20) -> None:
    """Send through the SMTP settings; Cancel shuts the connection at once and nothing is sent."""
    state = state or TaskState()
    try:
        with _CancellableSMTP(state, timeout) as smtp:
            state.check()
            smtp.connect(settings["smtp_host"], settings["smtp_port"])
            if settings["smtp_tls"]:
                smtp.starttls(context=ssl.create_default_context())
            if settings["smtp_user"]:
                smtp.login(settings["smtp_user"], smtp_password(settings))
            state.check()
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        state.check()  # a connection closed by Cancel is a cancel, not a failure
        refused = (AddressRefused if isinstance(exc, (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError))
                   else DomainError)  # AddressRefused: others may still go
        raise refused(QT_TRANSLATE_NOOP("Messages", "The email could not be sent: {reason}. Nothing was sent."),
                      reason=_reason(exc)) from None


class AddressRefused(DomainError):
    """The server took the connection but refused this address or this message: others may still go."""


def _reason(exc: Exception) -> str:
    """The server's own words for a refusal ("the server refused x@y: 550 No such user"), else the error."""
    def said(code, text):
        return f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"

    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(f"the server refused {to}: {said(*answer)}" for to, answer in exc.recipients.items())
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"the server said {said(exc.smtp_code, exc.smtp_error)}"
    return str(exc)


@dataclass(frozen=True)
class InvoiceEmail:
    """An invoice email recorded in the database and not sent yet: sending happens after the commit."""

    view: dict
    settings: dict
    address: str
    size: str = "a4"


@guarded(Right.VIEW_MONEY)
def record_invoice_email(session: Session, actor: Actor, invoice_id: int, to: str | None = None,
                         size: str = "a4") -> InvoiceEmail:
    """Check the address and the server, and record the email in the audit trail.

    Nothing is sent here: :func:`send_invoice_email` sends once this transaction has committed,
    so no write lock is held while the mail server takes its time (SPEC L3).
    """
    if size not in SIZES:
        raise DomainError("Choose A4 or receipt.", field="size")
    settings = get_settings(session)
    view = invoices.invoice_view(session, actor, invoice_id)
    address = validation.email(to if to is not None else view["payer"]["email"], "to", "The address")
    if not address:
        raise DomainError("{name} has no email address; type one.", field="to", name=view["payer"]["name"])
    if not settings["smtp_host"] or not settings["smtp_sender"]:
        raise DomainError("Set up the email server and sender in Settings › Email first.")
    audit.record(session, actor, "email", "invoice", invoice_id, to=address)
    return InvoiceEmail(view, settings, address, size)


def send_invoice_email(mail: InvoiceEmail, state: TaskState | None = None) -> str:
    """Build the PDF and send it (after the commit, off the window's thread); returns the address."""
    view, settings = mail.view, mail.settings
    say = Words(settings["language"])  # the business's letter, in its language, like the invoice it carries
    business = settings["business_name"] or say("Membership desk")
    message = EmailMessage()
    message["Subject"] = say("Invoice {number} from {business}", number=view["number"], business=business)
    message["From"] = settings["smtp_sender"]
    message["To"] = mail.address
    message.set_content(say("Hello {client},\n\nplease find invoice {number} attached.\nTotal {total} {currency}, "
                            "balance due {balance} {currency}.\n\n{business}\n",
                            client=view["payer"]["name"], number=view["number"], total=say.money(view["total"]),
                            balance=say.money(view["balance"]), currency=settings["currency"], business=business))
    with TemporaryDirectory() as folder:
        pdf = render_invoice(view, settings, Path(folder) / f"invoice-{view['number']}.pdf", mail.size)
        message.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=pdf.name)
    send(settings, message, state)
    return mail.address


@guarded(Right.VIEW_DAY_TAKINGS)
def takings_pdf(session: Session, actor: Actor, path, day=None) -> Path:
    """The day's takings (today for a receptionist) as a printable PDF."""
    with written(path) as part:
        render_takings(payments.day_takings(session, actor, day), get_settings(session), part)
    return Path(path)


MAX_CARDS = 1000


@guarded(Right.VIEW_CLIENTS)
def member_cards_pdf(session: Session, actor: Actor, client_ids: list[int], path, *,
                     state: TaskState | None = None) -> Path:
    """X3: member cards for these clients (at most 1,000 at a time), ten to an A4 page. Slow: a job."""
    if not client_ids:
        raise DomainError("No clients are listed, so there are no cards to print.")
    if len(client_ids) > MAX_CARDS:
        raise DomainError("Print at most {most} cards at a time; narrow the list.", most=MAX_CARDS)
    found = {c.id: c for c in session.scalars(select(Client).where(Client.id.in_(client_ids)))}
    cards = [{"name": found[i].name, "code": found[i].code} for i in client_ids if i in found]
    with written(path, state) as part:
        render_cards(cards, get_settings(session)["business_name"], part, state)
    return Path(path)
