"""Q5 reminders: the call list of memberships, lesson packs and credits that end around now, and
"Email all", which sends each client one message and records every reminder that went out.

When a reminder is due. Settings give day offsets, e.g. 7, 1, -3: a week before the end, the day
before, three days after. The reminder of offset ``o`` falls on ``end - o``. A sale is on the list
when the day of one of its offsets has come, counting only offsets whose day lies on or after the
sale's start (a 5-day pass gets no "a week before"). Of the offsets whose day has come, only the
latest one counts: it supersedes the earlier ones, so a client is never sent "a week before" and
"the day before" in one go after the desk was off for a week. That reminder is due until it is
recorded as sent; the last offset's stays due for :data:`CATCH_UP_DAYS` more days, then the end is
old news (the expired memberships report lists it). So a reminder whose day passed while the
program was not running is sent the next time, once, instead of being lost as a cron "exactly N
days before" would lose it. The message says "ends on" or "ended on" from the actual dates, so a
late reminder is still true.

A child without a phone or an email of their own is reached through the guardian's phone and the
family payer's phone and email.

Not reminded: cancelled sales, archived clients, and a sale already replaced: its renewal (any
kind), a later time membership of the client (the membership that governs them now, M8), a later
pack of the same program, a later top-up of the same credits package.

Never twice: a reminder is one row of ``reminders_sent`` (sale, offset, end), written in a small
transaction of its own right after the mail server took the message; a reminder already recorded
is not due, and a freeze that moves the end makes the reminders of the new end due again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Callable

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from app.errors import DomainError
from app.models import Client, Family, Membership, PackageKind, ReminderSent
from app.reports.base import Column, Filters, Kind, Report, ReportDef
from app.reports.reminder_template import fill, template_for, values_for
from app.reports.wording import Text, say, sentences
from app.services import credits, documents
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings
from app.tasks import Cancelled, TaskState

CATCH_UP_DAYS = 7  # how long the last offset's reminder waits for the desk to be running

KIND_WORDS = {PackageKind.MEMBERSHIP: "membership", PackageKind.LESSON_PACK: "lesson pack",
              PackageKind.CREDITS: "credits"}

COLUMNS = [Column("client", say("Client")), Column("phone", say("Phone")), Column("email", say("Email")),
           Column("package", say("What ends")), Column("ends", say("Ends on"), Kind.DATE),
           Column("when", say("Reminder")),
           Column("credits", say("Credits"))]


def offset_words(offset: int) -> Text:
    """7 -> "7 days before", 1 -> "1 day before", 0 -> "on the day", -3 -> "3 days after"."""
    if offset == 0:
        return say("on the day")
    if offset > 0:
        return say("%n days before", n=offset, one="%n day before")
    return say("%n days after", n=-offset, one="%n day after")


def _replaced(sale):
    """Whether a later sale of the client (not cancelled) makes this one's end no news."""
    later = aliased(Membership)
    same_line = or_(
        and_(sale.kind == PackageKind.MEMBERSHIP, later.kind == PackageKind.MEMBERSHIP),
        and_(sale.kind == PackageKind.LESSON_PACK, later.kind == PackageKind.LESSON_PACK,
             later.program_id == sale.program_id),
        and_(sale.kind == PackageKind.CREDITS, later.package_id == sale.package_id))
    return exists().where(later.client_id == sale.client_id, later.cancelled_on.is_(None), later.id != sale.id,
                          or_(later.renews_id == sale.id, and_(later.start_date > sale.start_date, same_line)))


def _offset_due(start: dt.date, end: dt.date, offsets: list[int], today: dt.date) -> int | None:
    """The offset whose reminder is the one to send today for a sale from ``start`` to ``end``, if any."""
    reached = [o for o in offsets if start <= end - dt.timedelta(days=o) <= today]
    if not reached:
        return None
    latest = min(reached)  # the offset whose day came last
    if latest == min(offsets) and (today - (end - dt.timedelta(days=latest))).days > CATCH_UP_DAYS:
        return None
    return latest


def due(session: Session, today: dt.date) -> list[dict]:
    """Every reminder due today, soonest end first: one row per sale with its client's contacts."""
    offsets = get_settings(session)["reminder_offsets"]
    if not offsets:
        return []
    first_end = today + dt.timedelta(days=min(offsets) - CATCH_UP_DAYS)
    last_end = today + dt.timedelta(days=max(offsets))
    sale, payer = Membership, aliased(Client)
    rows = session.execute(
        select(sale.id, sale.client_id, sale.kind, sale.package_name, sale.start_date, sale.end_date,
               Client.name, Client.code, Client.phone, Client.guardian_phone, Client.email,
               payer.phone.label("payer_phone"), payer.email.label("payer_email"))
        .join(Client, Client.id == sale.client_id)
        .outerjoin(Family, Family.id == Client.family_id).outerjoin(payer, payer.id == Family.payer_id)
        .where(sale.end_date.between(first_end, last_end), sale.cancelled_on.is_(None), ~Client.archived,
               ~_replaced(sale))
        .order_by(sale.end_date, Client.name, sale.id)).all()
    found = []
    for row in rows:
        offset = _offset_due(row.start_date, row.end_date, offsets, today)
        if offset is not None:
            found.append((row, offset))
    sent = set()
    ids = [row.id for row, _ in found]
    for at in range(0, len(ids), 500):
        sent.update(session.execute(select(ReminderSent.membership_id, ReminderSent.offset_days, ReminderSent.ends_on)
                                    .where(ReminderSent.membership_id.in_(ids[at:at + 500]))).all())
    return [{"client_id": row.client_id, "membership_id": row.id, "client": row.name, "code": row.code,
             "phone": row.phone or row.guardian_phone or row.payer_phone or "",
             "email": row.email or row.payer_email or "", "package": row.package_name,
             "kind": KIND_WORDS[row.kind], "ends": row.end_date, "offset": offset, "when": offset_words(offset)}
            for row, offset in found if (row.id, offset, row.end_date) not in sent]


@guarded(Right.VIEW_REPORTS)
def run(session: Session, actor: Actor, filters: Filters | None = None, *, state: TaskState | None = None,
        today: dt.date | None = None) -> Report:
    """The call list (Q5): clients to phone or email, with what ends when and which reminder it is;
    clients with neither a phone nor an email are listed apart. Credits running low or expiring
    (K7) are said next to each client."""
    today = today or dt.date.today()
    rows = due(session, today)
    notes = credits.clients_reminders(session, sorted({r["client_id"] for r in rows}), today)
    for row in rows:
        row["credits"] = sentences(notes.get(row["client_id"], []))
    offsets = get_settings(session)["reminder_offsets"]
    return Report(
        "reminders", say("Reminders"), COLUMNS,
        rows=[r for r in rows if r["phone"] or r["email"]],
        apart=[r for r in rows if not (r["phone"] or r["email"])],
        filters=[(say("Day"), today),
                 (say("Offsets"), tuple(offset_words(o) for o in offsets) or say("no reminder days set"))],
        empty_text=say("No reminders are due today.") if offsets else
        say("No reminder days are set: add them in Settings (e.g. 7, 1, -3)."),
        apart_title=say("No phone or email"))


REPORT = ReportDef("reminders", say("Reminders"), run, uses=frozenset())


@dataclass(frozen=True)
class Letter:
    """One client's message: every reminder due to them, in one email."""

    client_id: int
    client: str
    address: str
    subject: str
    body: str
    reminders: tuple[tuple[int, int, dt.date], ...]  # (sale, offset, end) each


@dataclass(frozen=True)
class Mailing:
    settings: dict
    letters: list[Letter]
    without_email: list[str]  # clients due a reminder who have no address: to be phoned


@guarded(Right.VIEW_REPORTS)
def prepare_mailing(session: Session, actor: Actor, *, today: dt.date | None = None) -> Mailing:
    """The letters "Email all" sends now, one per client with an address, from the Settings template."""
    today = today or dt.date.today()
    settings = get_settings(session)
    if not settings["smtp_host"] or not settings["smtp_sender"]:
        raise DomainError("Set up the email server and sender in Settings › Email first.")
    subject_template, body_template = template_for(settings)  # the business's language (or the owner's own text)
    by_client: dict[int, list[dict]] = {}
    without = []
    for row in due(session, today):
        if row["email"]:
            by_client.setdefault(row["client_id"], []).append(row)
        elif row["client"] not in without:
            without.append(row["client"])
    letters = []
    for client_id, rows in by_client.items():
        values = values_for(rows, today, settings)  # in the business's language, as the default letter
        letters.append(Letter(client_id, rows[0]["client"], rows[0]["email"], fill(subject_template, values),
                              fill(body_template, values),
                              tuple((r["membership_id"], r["offset"], r["ends"]) for r in rows)))
    return Mailing(settings, letters, without)


@guarded(Right.VIEW_REPORTS)
def already_sent(session: Session, actor: Actor, letter: Letter) -> bool:
    """Whether another PC recorded one of this letter's reminders since the mailing was prepared."""
    return any(session.scalar(select(exists().where(ReminderSent.membership_id == sale, ReminderSent.offset_days ==
                                                    offset, ReminderSent.ends_on == ends)))
               for sale, offset, ends in letter.reminders)


@guarded(Right.VIEW_REPORTS)
def record_sent(session: Session, actor: Actor, letter: Letter) -> int:
    """Record the letter's reminders as sent to its address (its own small transaction, right after
    the send); a reminder another PC recorded meanwhile stays as it was. How many were recorded."""
    recorded = 0
    for sale, offset, ends in letter.reminders:
        try:
            with session.begin_nested():
                session.add(ReminderSent(client_id=letter.client_id, membership_id=sale, offset_days=offset,
                                         ends_on=ends, address=letter.address, created_by_id=actor.user_id))
            recorded += 1
        except IntegrityError:  # the unique (sale, offset, end): another PC sent it at the same moment
            pass
    return recorded


CANCELLED = "cancelled"  # the reasons of a letter "not sent" (the page words them)
SENT_ELSEWHERE = "already sent from another PC"


@dataclass(frozen=True)
class Outcome:
    """What happened to one letter: "sent", "refused" (with the server's reason) or "not sent"."""

    client: str
    address: str
    result: str
    reason: str = ""
    error: DomainError | None = None  # the refusal itself: the page says it in the user's language


def send_mailing(mailing: Mailing, call: Callable, state: TaskState | None = None) -> list[Outcome]:
    """Send each letter and record it once the server took it (off the window's thread).

    ``call(service, *args, write=...)`` runs a service in a transaction of its own (``Ops.call``).
    A refused address does not stop the others; a server that cannot be reached (or refuses the
    sign-in) and Cancel stop the mailing, and the letters not sent are listed as such with the reason
    (nothing of them is recorded: they stay due).
    """
    state = state or TaskState()
    outcomes = []
    letters = mailing.letters
    for number, letter in enumerate(letters):
        try:
            state.progress(number, len(letters))
            if call(already_sent, letter, write=False):
                outcomes.append(Outcome(letter.client, letter.address, "not sent", SENT_ELSEWHERE))
                continue
            documents.send(mailing.settings, _message(mailing.settings, letter), state)
        except Cancelled:
            outcomes.extend(Outcome(left.client, left.address, "not sent", CANCELLED)
                            for left in letters[number:])
            return outcomes
        except documents.AddressRefused as refused:  # this address only: the others still go
            outcomes.append(Outcome(letter.client, letter.address, "refused", refused.message, refused))
            continue
        except DomainError as failed:  # no server, wrong password: the next letters would fail the same way
            outcomes.extend(Outcome(left.client, left.address, "not sent", failed.message, failed)
                            for left in letters[number:])
            return outcomes
        call(record_sent, letter)
        outcomes.append(Outcome(letter.client, letter.address, "sent"))
    return outcomes


def _message(settings: dict, letter: Letter) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = " ".join(letter.subject.split())  # a business name typed on two lines stays one header
    message["From"] = settings["smtp_sender"]
    message["To"] = letter.address
    message.set_content(letter.body)
    return message
