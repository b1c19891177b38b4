"""Selling packages to clients, and what happens to a sale later (M1-M7, B5, K1, R1, J3).

A sale ("membership") copies the package's name, price and terms, gets an
invoice (issued at once, or a draft when the setting says so, M7), grants
the package's credits and schedules its recurring services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from dateutil.relativedelta import relativedelta
from dateutil.rrule import WEEKLY, rrule
from sqlalchemy import delete, exists, func, select, update
from sqlalchemy.orm import Session

from app import terms, validation
from app.errors import AlreadyMember, DomainError, PermissionDenied
from app.messages import QT_TRANSLATE_NOOP, Label, Words
from app.models import (
    Client,
    CreditAllocation,
    CreditGrant,
    Family,
    Freeze,
    Invoice,
    InvoiceLine,
    InvoiceState,
    Membership,
    Package,
    PackageKind,
    Payment,
    ServiceOccurrence,
    Visit,
)
from app.services import audit, invoices, journal, status
from app.services.access import Actor, Right, guarded
from app.services.catalogue import sellable
from app.services.records import existing, locked
from app.services.settings import get_settings
from app.types import CENT

KIND_WORDS = {PackageKind.MEMBERSHIP: QT_TRANSLATE_NOOP("Messages", "membership"),
              PackageKind.LESSON_PACK: QT_TRANSLATE_NOOP("Messages", "lesson pack"),
              PackageKind.CREDITS: QT_TRANSLATE_NOOP("Messages", "credits")}


@dataclass(frozen=True)
class Sale:
    membership_id: int
    invoice_id: int
    invoice_state: str  # "issued" or "draft" (M7)


def _percent_of(amount: Decimal, pct: Decimal) -> Decimal:
    return (amount * pct / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def _younger_sibling(session: Session, client: Client) -> bool:
    """Whether the client is a second or later child of a family (sibling discount).

    Children are the family's members other than its payer, oldest first
    (by birth date, then by when they were added).
    """
    if client.family_id is None:
        return False
    payer = session.scalar(select(Family.payer_id).where(Family.id == client.family_id))
    children = session.scalars(
        select(Client.id).where(Client.family_id == client.family_id, Client.archived.is_(False),
                                Client.id != (payer or -1))
        .order_by(Client.birth_date.is_(None), Client.birth_date, Client.id)).all()
    return client.id in children[1:]


def discount_lines(session: Session, client: Client, package: Package, price: Decimal, on: dt.date,
                   settings: dict) -> list[dict]:
    """The automatic discount lines of a sale: member discount (B5) and sibling discount."""
    say = Words(settings["language"])  # an invoice line keeps the language it was issued in (L2)
    lines = []
    if package.kind in (PackageKind.LESSON_PACK, PackageKind.CREDITS):
        current = status.current_membership(session, client.id, on, settings["tolerance_days"])
        if current is not None and current.member_discount_pct:
            lines.append({"kind": "discount", "amount": -_percent_of(price, current.member_discount_pct),
                          "description": say("Member discount {percent}% ({package})",
                                             percent=f"{current.member_discount_pct.normalize():f}",
                                             package=current.package_name)})
    sibling = settings["sibling_discount_pct"]
    if package.kind == PackageKind.LESSON_PACK and sibling > 0 and _younger_sibling(session, client):
        lines.append({"kind": "discount", "amount": -_percent_of(price, sibling),
                      "description": say("Sibling discount {percent}%", percent=f"{sibling.normalize():f}")})
    return lines


def _overlapping(session: Session, client_id: int, start: dt.date, end: dt.date) -> Membership | None:
    return session.scalar(
        select(Membership).where(Membership.client_id == client_id, Membership.kind == PackageKind.MEMBERSHIP,
                                 Membership.cancelled_on.is_(None), Membership.start_date <= end,
                                 Membership.end_date >= start).limit(1))


def _described(sale: Membership) -> dict:
    """A sale in a message: "{package} ({first} – {last})"'s parameters."""
    return {"package": sale.package_name, "first": sale.start_date, "last": sale.end_date}


def _grant_credits(session: Session, actor: Actor, package: Package, sale: Membership) -> None:
    """K1: the package's credits, valid for the sale's term."""
    for credit in package.credits:
        session.add(CreditGrant(client_id=sale.client_id, credit_type_id=credit.credit_type_id,
                                membership_id=sale.id, units=credit.units, valid_from=sale.start_date,
                                valid_until=sale.end_date, created_by_id=actor.user_id))


def occurrence_dates(service, start: dt.date, end: dt.date) -> list[dt.date]:
    """R1: the dates a package service falls on within [start, end].

    Weekly: every N weeks on the chosen weekdays, counted from the start.
    Monthly: on the chosen day of the chosen months; day 31 falls on the
    last day of a shorter month.
    """
    if service.frequency == "weekly":
        days = [d for d in range(7) if service.weekdays_mask >> d & 1]
        rule = rrule(WEEKLY, interval=service.every_weeks, byweekday=days, dtstart=start, until=end)
        return [d.date() for d in rule]
    dates = []
    month = start.replace(day=1)
    while month <= end:
        if service.months_mask >> (month.month - 1) & 1:
            last = (month + relativedelta(months=1) - dt.timedelta(days=1)).day
            day = month.replace(day=min(service.month_day, last))
            if start <= day <= end:
                dates.append(day)
        month += relativedelta(months=1)
    return dates


def _schedule(session: Session, package: Package, sale: Membership) -> None:
    for service in package.services:
        session.add_all(ServiceOccurrence(membership_id=sale.id, package_service_id=service.id,
                                          name=service.name, due_on=day)
                        for day in occurrence_dates(service, sale.start_date, sale.end_date))


def reschedule(session: Session, sale: Membership) -> None:
    """R1 after the sale's dates changed: planned occurrences outside the term go, the term's
    missing dates (not frozen) are added; done and missed ones stay as they were."""
    session.execute(delete(ServiceOccurrence).where(
        ServiceOccurrence.membership_id == sale.id, ServiceOccurrence.state == "planned",
        (ServiceOccurrence.due_on < sale.start_date) | (ServiceOccurrence.due_on > sale.end_date)))
    package = session.get(Package, sale.package_id)
    freezes = session.scalars(select(Freeze).where(Freeze.membership_id == sale.id)).all()
    for service in package.services:
        have = set(session.scalars(select(ServiceOccurrence.due_on).where(
            ServiceOccurrence.membership_id == sale.id, ServiceOccurrence.package_service_id == service.id)))
        session.add_all(ServiceOccurrence(membership_id=sale.id, package_service_id=service.id,
                                          name=service.name, due_on=day)
                        for day in occurrence_dates(service, sale.start_date, sale.end_date)
                        if day not in have and not status.frozen_on(freezes, day))


def _clean_start(value, today: dt.date) -> dt.date:
    start = validation.date(value or today, "start_date", "Start date")
    if abs((start - today).days) > 366:
        raise DomainError("The start date must be within a year of today.", field="start_date")
    return start


def sale_lines(session: Session, client: Client, package: Package, start: dt.date, end: dt.date, discount,
               today: dt.date, settings: dict) -> list[dict]:
    """The invoice lines of a sale: the package (first), its automatic discounts, a typed discount."""
    say = Words(settings["language"])  # an invoice line keeps the language it was issued in (L2)
    lines = [{"kind": "item", "amount": package.price, "membership_id": None,
              "description": say("{package}, {start} – {end}", package=package.name, start=say.date(start),
                                 end=say.date(end))}]
    lines += discount_lines(session, client, package, package.price, today, settings)
    if discount not in (None, "", 0):
        amount = validation.money(discount, "discount", "The discount")
        lines.append({"kind": "discount", "amount": -amount, "description": say("Discount")})
    return lines


@guarded(Right.SELL)
def quote(session: Session, actor: Actor, client_id: int, package_id: int, start_date: dt.date | None = None,
          discount=None, today: dt.date | None = None) -> dict:
    """What the sale dialog shows before saving: end date (M1), lines with discounts, tax, total."""
    today = today or dt.date.today()
    settings = get_settings(session)
    client = existing(session, Client, client_id, "client")
    package = existing(session, Package, package_id, "package")
    start = _clean_start(start_date, today)
    end = terms.end_date(start, package.term_count, package.term_unit)
    lines = sale_lines(session, client, package, start, end, discount, today, settings)
    sums = invoices.amounts([line["amount"] for line in lines], Decimal(settings["tax_rate"]))
    if sums.total < 0:
        raise DomainError("The discounts are larger than the items.", field="discount")
    return {"start": start, "end": end, "lines": lines, "tax_rate": Decimal(settings["tax_rate"]),
            "tax": sums.tax, "total": sums.total}


@guarded(Right.SELL)
def sell(session: Session, actor: Actor, client_id: int, package_id: int, *, start_date: dt.date | None = None,
         description: str = "", discount=None, renews_id: int | None = None, today: dt.date | None = None) -> Sale:
    """Sell a package (M1): the sale, its invoice with discount lines, credits, services."""
    today = today or dt.date.today()
    settings = get_settings(session)
    client = locked(session, Client, client_id, "client")  # D7: a second PC selling to this client waits, then sees this sale
    if client.archived:
        raise DomainError("{name} is archived; restore the client before selling.", field="client_id",
                          name=client.name)
    package = sellable(session, package_id)
    start = _clean_start(start_date, today)
    end = terms.end_date(start, package.term_count, package.term_unit)
    description = validation.text(description, "description", "Description", max_len=2000, required=False)
    if package.kind == PackageKind.MEMBERSHIP:
        current = status.current_membership(session, client.id, today, settings["tolerance_days"])
        if current is not None and renews_id is None:
            raise AlreadyMember(
                "{name} already has a current membership: {package} ({first} – {last}). "
                "Renew it instead; the renewal starts on {renewal}.", current.id, name=client.name,
                renewal=current.end_date + dt.timedelta(days=1), **_described(current))
        clash = _overlapping(session, client.id, start, end)
        if clash is not None:
            raise DomainError("These dates overlap {name}'s membership {package} ({first} – {last}).",
                              field="start_date", name=client.name, **_described(clash))
    lines = sale_lines(session, client, package, start, end, discount, today, settings)
    invoice = invoices.new_invoice(session, client, today, settings["invoice_prefix"],
                                   Decimal(settings["tax_rate"]), lines, actor)
    sale = Membership(
        client_id=client.id, package_id=package.id, kind=package.kind, package_name=package.name,
        price=package.price, billing_type=package.billing_type, term_count=package.term_count,
        term_unit=package.term_unit, program_id=package.program_id, lesson_count=package.lesson_count,
        member_discount_pct=package.member_discount_pct, start_date=start, end_date=end, invoice_id=invoice.id,
        description=description or package.description, renews_id=renews_id, created_by_id=actor.user_id)
    session.add(sale)
    session.flush()
    lines[0]["membership_id"] = sale.id  # the package's line: the sale it bills
    invoices.add_lines(session, invoice, lines)
    if not settings["draft_invoices"]:
        invoices.issue(session, invoice, actor, has_lines=True)
    _grant_credits(session, actor, package, sale)
    _schedule(session, package, sale)
    journal.link_unpaid_visits(session, sale)
    session.flush()
    audit.record(session, actor, "sell", "membership", sale.id, client=client.id, package=package.name,
                 price=package.price, start=start, end=end, renews=renews_id)
    return Sale(sale.id, invoice.id, invoice.state.value)


@guarded(Right.SELL)
def preview_end_date(session: Session, actor: Actor, package_id: int, start_date: dt.date) -> dt.date:
    """The end date shown live in the sale dialog before saving (M1)."""
    package = existing(session, Package, package_id, "package")
    return terms.end_date(validation.date(start_date, "start_date", "Start date"), package.term_count,
                          package.term_unit)


def renewal_start(sale: Membership, today: dt.date, tolerance_days: int) -> dt.date:
    """M4: the day after the current end, or today once that end is past grace."""
    following = sale.end_date + dt.timedelta(days=1)
    return following if (today - sale.end_date).days <= tolerance_days else max(today, following)


@guarded(Right.SELL)
def renewal_of(session: Session, actor: Actor, membership_id: int, today: dt.date | None = None) -> dict:
    """What the renewal dialog offers (M4): where the renewal starts, the package renewed
    (preselected) and the kind of package a renewal must be."""
    old = existing(session, Membership, membership_id, "membership")
    return {"start": renewal_start(old, today or dt.date.today(), get_settings(session)["tolerance_days"]),
            "package_id": old.package_id, "kind": old.kind}


def _renewal_package(session: Session, old: Membership, package_id: int) -> Package:
    """M4: a sale is renewed by a package of its own kind: a membership by a membership."""
    package = existing(session, Package, package_id, "package")
    if package.kind != old.kind:
        raise DomainError("A {kind} is renewed with a {kind} package; “{package}” is a {other} package.",
                          field="package_id", kind=Label(KIND_WORDS[old.kind]), package=package.name,
                          other=Label(KIND_WORDS[package.kind]))
    return package


@guarded(Right.SELL)
def renew(session: Session, actor: Actor, membership_id: int, package_id: int | None = None,
          today: dt.date | None = None, **extra) -> Sale:
    """M4: the next sale of the same (or another) package of its kind, linked to the one it renews."""
    today = today or dt.date.today()
    old = existing(session, Membership, membership_id, "membership")
    tolerance = get_settings(session)["tolerance_days"]
    status.allow("renew", status.membership_status(session, old, today, tolerance))
    package = _renewal_package(session, old, package_id or old.package_id)
    later = session.scalar(select(Membership.id).where(Membership.renews_id == old.id,
                                                       Membership.cancelled_on.is_(None)))
    if later is not None:
        raise DomainError("This membership has already been renewed.")
    return sell(session, actor, old.client_id, package.id,
                start_date=renewal_start(old, today, tolerance), renews_id=old.id, today=today, **extra)


def _freeze_days_this_year(session: Session, sale: Membership, year: int) -> int:
    total = 0
    for f in session.scalars(select(Freeze).where(Freeze.membership_id == sale.id)):
        last = (f.resumed_on - dt.timedelta(days=1)) if f.resumed_on else f.end_date
        first, last = max(f.start_date, dt.date(year, 1, 1)), min(last, dt.date(year, 12, 31))
        total += max(0, (last - first).days + 1)
    return total


@guarded(Right.SELL)
def freeze(session: Session, actor: Actor, membership_id: int, start_date: dt.date, end_date: dt.date,
           today: dt.date | None = None) -> int:
    """M5: suspend from ``start_date`` to ``end_date`` (inclusive); the end date moves by those days."""
    today = today or dt.date.today()
    sale = existing(session, Membership, membership_id, "membership")
    settings = get_settings(session)
    if sale.kind != PackageKind.MEMBERSHIP:
        raise DomainError("Only a time membership can be frozen.")
    status.allow("freeze", status.membership_status(session, sale, today, settings["tolerance_days"]))
    start = validation.date(start_date, "start_date", "Freeze start")
    end = validation.date(end_date, "end_date", "Freeze end")
    days = (end - start).days + 1
    if start < today:
        raise DomainError("A freeze cannot start in the past.", field="start_date")
    if not sale.start_date <= start <= sale.end_date:
        raise DomainError("The freeze must start within the membership ({first} – {last}).", field="start_date",
                          first=sale.start_date, last=sale.end_date)
    if days < settings["freeze_min_days"] or days > settings["freeze_max_days"]:
        raise DomainError("A freeze lasts {least} to {most} days; this one is {days}.", field="end_date",
                          least=settings["freeze_min_days"], most=settings["freeze_max_days"], days=max(days, 0))
    if session.scalar(select(Freeze.id).where(Freeze.membership_id == sale.id, Freeze.start_date <= end,
                                              Freeze.end_date >= start, Freeze.resumed_on.is_(None))):
        raise DomainError("This freeze overlaps another one.", field="start_date")
    used = _freeze_days_this_year(session, sale, start.year)
    if used + days > settings["freeze_max_days_per_year"]:
        raise DomainError("At most {most} freeze days a year; {used} already used in {year}.", field="end_date",
                          most=settings["freeze_max_days_per_year"], used=used, year=start.year)
    row = Freeze(membership_id=sale.id, start_date=start, end_date=end, created_by_id=actor.user_id)
    session.add(row)
    sale.end_date += dt.timedelta(days=days)
    session.execute(delete(ServiceOccurrence).where(ServiceOccurrence.membership_id == sale.id,
                                                    ServiceOccurrence.state == "planned",
                                                    ServiceOccurrence.due_on >= start,
                                                    ServiceOccurrence.due_on <= end))
    session.flush()
    audit.record(session, actor, "freeze", "membership", sale.id, start=start, end=end, new_end=sale.end_date)
    return row.id


@guarded(Right.SELL)
def resume(session: Session, actor: Actor, membership_id: int, today: dt.date | None = None) -> None:
    """M5: end the running freeze today; the unused frozen days come off the end date."""
    today = today or dt.date.today()
    sale = existing(session, Membership, membership_id, "membership")
    status.allow("resume", status.membership_status(session, sale, today, get_settings(session)["tolerance_days"]))
    running = session.scalar(select(Freeze).where(Freeze.membership_id == sale.id, Freeze.start_date <= today,
                                                  Freeze.end_date >= today, Freeze.resumed_on.is_(None)))
    running.resumed_on = today
    sale.end_date -= dt.timedelta(days=(running.end_date - today).days + 1)
    audit.record(session, actor, "resume", "membership", sale.id, on=today, new_end=sale.end_date)


def _has_money_or_visits(session: Session, sale: Membership) -> tuple[bool, bool]:
    payments = session.scalar(select(func.count(Payment.id)).where(Payment.invoice_id == sale.invoice_id)) \
        if sale.invoice_id else 0
    visits = session.scalar(select(func.count(Visit.id)).where(Visit.membership_id == sale.id))
    return bool(payments), bool(visits)


@guarded(Right.SELL)
def delete_sale(session: Session, actor: Actor, membership_id: int) -> None:
    """M6: only a sale without payments and visits can be deleted; its invoice is voided."""
    sale = existing(session, Membership, membership_id, "membership")
    paid, visited = _has_money_or_visits(session, sale)
    if paid or visited:
        raise DomainError("This sale has payments or visits and cannot be deleted; cancel it instead.")
    if session.scalar(select(Membership.id).where(Membership.renews_id == sale.id)):
        raise DomainError("This sale has been renewed; delete the renewal first.")
    invoice = session.get(Invoice, sale.invoice_id) if sale.invoice_id else None
    session.execute(delete(ServiceOccurrence).where(ServiceOccurrence.membership_id == sale.id))
    session.execute(delete(Freeze).where(Freeze.membership_id == sale.id))
    grants = select(CreditGrant.id).where(  # used, also when reversed since: the statement keeps both
        CreditGrant.membership_id == sale.id,
        (CreditGrant.used > 0) | exists().where(CreditAllocation.grant_id == CreditGrant.id))
    if session.scalar(grants):
        raise DomainError("Credits of this sale have been used; cancel it instead.")
    session.execute(delete(CreditGrant).where(CreditGrant.membership_id == sale.id))
    if invoice is not None:
        session.execute(update(InvoiceLine).where(InvoiceLine.membership_id == sale.id).values(membership_id=None))
        if invoice.state == InvoiceState.DRAFT:
            session.execute(delete(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id))
            session.delete(invoice)
        elif invoice.state == InvoiceState.ISSUED:
            invoices.void(session, invoice, "Sale deleted", actor)
    session.delete(sale)
    session.flush()
    audit.record(session, actor, "delete", "membership", membership_id, client=sale.client_id,
                 package=sale.package_name)


@guarded(Right.SELL)
def cancel(session: Session, actor: Actor, membership_id: int, reason: str, today: dt.date | None = None, *,
           method=None, cash_drawer_id: int | None = None) -> None:
    """M6: cancel a sale: its invoice is voided with the reason, its visits become unpaid; what was paid
    is paid back today by ``method`` and drawer (B6; by default the last payment's)."""
    today = today or dt.date.today()
    sale = existing(session, Membership, membership_id, "membership")
    reason = validation.text(reason, "reason", "A reason", max_len=500)
    status.allow("cancel", status.membership_status(session, sale, today, get_settings(session)["tolerance_days"]))
    invoice = session.get(Invoice, sale.invoice_id) if sale.invoice_id else None
    if invoice is not None and invoice.state != InvoiceState.VOID:
        if invoices.paid(session, invoice.id) > 0 and not actor.may(Right.VOID_MONEY):
            raise PermissionDenied("This sale has payments: only the owner can cancel it (the money is paid back).")
        invoices.void(session, invoice, reason, actor, method=method, cash_drawer_id=cash_drawer_id, today=today)
    session.execute(update(Visit).where(Visit.membership_id == sale.id, Visit.kind == "lesson")
                    .values(membership_id=None))
    sale.lessons_used = 0
    session.execute(delete(ServiceOccurrence).where(ServiceOccurrence.membership_id == sale.id,
                                                    ServiceOccurrence.state == "planned",
                                                    ServiceOccurrence.due_on >= today))
    for grant in session.scalars(select(CreditGrant).where(CreditGrant.membership_id == sale.id,
                                                           CreditGrant.valid_until >= today)):
        if grant.used == 0:  # nothing taken, or only uses since reversed (their records stay, unlinked)
            session.execute(delete(CreditAllocation).where(CreditAllocation.grant_id == grant.id))
            session.delete(grant)
        else:  # what was used stays on the statement; the rest ends with the sale
            grant.units = grant.used
    sale.cancelled_on = today
    sale.cancel_reason = reason
    audit.record(session, actor, "cancel", "membership", sale.id, reason=reason)


@guarded(Right.VIEW_CLIENTS)
def standing(session: Session, actor: Actor, client_id: int, today: dt.date | None = None) -> dict:
    """The client's standing for the profile's badge (M8), as the lists and check-in see it:
    status ("none" without a time membership) and the governing membership's package and end."""
    state, membership_id = status.governing(session, client_id, today or dt.date.today(),
                                            get_settings(session)["tolerance_days"])
    sale = session.get(Membership, membership_id) if membership_id is not None else None
    return {"status": state, "membership_id": membership_id, "package": sale.package_name if sale else None,
            "start": sale.start_date if sale else None, "end": sale.end_date if sale else None}


