"""Credits: using units (K2, K3), reversing a use, the client's statement (K4), the balances of the
Credits area, top-ups (K5), low and expiring balances (K7).

Units are whole numbers taken from the grants valid on the day of use, the one
expiring soonest first, across packages. Each take is a guarded UPDATE whose
row count is checked, so two PCs using the last unit at once never take it
twice (the grants' CHECK keeps ``used <= units`` as a last line). A use is
never deleted: a reversal is a use of its own pointing at it, and gives the
units back to the same grants.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy import case, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError, PermissionDenied
from app.files import written
from app.models import (
    Client,
    CreditAllocation,
    CreditGrant,
    CreditType,
    CreditUse,
    Membership,
    Package,
    PackageKind,
    User,
)
from app.reports.wording import Text, say
from app.services import audit, clients, sales
from app.services.access import Actor, Right, guarded
from app.services.records import existing, locked
from app.services.settings import get_settings
from app.types import utcnow

MAX_UNITS = 100_000  # as many as a package may hold


def amount(units: int, unit: str) -> str:
    """"3 visits", "1 visit": the unit word of the credit type, in the plural when needed."""
    return f"{units} {unit if units == 1 else _plural(unit)}"


def _plural(unit: str) -> str:
    """"visits" for "visit" (an English unit word; another script's is kept as it is)."""
    return unit if not unit.isascii() or unit.endswith("s") else unit + "s"


def _whole_units(value, ctype: CreditType) -> int:
    """Units as typed: a whole number from 1 to MAX_UNITS (credit types count whole units)."""
    try:
        number = Decimal(str(value).strip().replace(",", ".")) if not isinstance(value, bool) else None
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        raise DomainError("Units must be a number, like 1 or 3.", field="units")
    if number != number.to_integral_value():
        raise DomainError("{credit} is counted in whole {units}: {value} is not a whole number.",
                          field="units", credit=ctype.name, units=_plural(ctype.unit), value=value)
    units = int(number)
    if units < 1:
        raise DomainError("Units must be at least 1.", field="units")
    if units > MAX_UNITS:
        raise DomainError("Units must be at most {most}.", field="units", most=MAX_UNITS)
    return units


def _valid_on(on: dt.date):
    return (CreditGrant.valid_from <= on, CreditGrant.valid_until >= on, CreditGrant.used < CreditGrant.units)


def _valid_grants(session: Session, client_id: int, type_id: int, on: dt.date) -> list[tuple[int, int]]:
    """(grant id, free units) of the grants valid on ``on``, expiring soonest first (K2)."""
    rows = session.execute(
        select(CreditGrant.id, CreditGrant.units - CreditGrant.used)
        .where(CreditGrant.client_id == client_id, CreditGrant.credit_type_id == type_id, *_valid_on(on))
        .order_by(CreditGrant.valid_until, CreditGrant.id))
    return [(grant_id, free) for grant_id, free in rows]


def _short(session: Session, client: Client, ctype: CreditType, on: dt.date, balance: int, asked: int) -> DomainError:
    """K3: why ``asked`` units cannot be used, with the balance."""
    spans = session.execute(
        select(func.min(CreditGrant.valid_from), func.max(CreditGrant.valid_until))
        .where(CreditGrant.client_id == client.id, CreditGrant.credit_type_id == ctype.id)).one()
    if spans[0] is None:
        return DomainError("{name} has never had {credit}; sell a credits package first.", field="units",
                           name=client.name, credit=ctype.name)
    said = {"name": client.name, "credit": ctype.name, "day": on, "balance": amount(balance, ctype.unit),
            "asked": amount(asked, ctype.unit)}
    if balance == 0 and on < spans[0]:
        return DomainError("{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was "
                           "recorded. Their first {credit} starts on {first}.", field="units", first=spans[0], **said)
    if balance == 0 and on > spans[1]:
        return DomainError("{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was "
                           "recorded. Their last {credit} expired on {last}.", field="units", last=spans[1], **said)
    return DomainError("{name} has {balance} of {credit} valid on {day}; {asked} cannot be used. Nothing was "
                       "recorded.", field="units", **said)


def _active_client(session: Session, client_id: int) -> Client:
    client = locked(session, Client, client_id, "client")  # D7: a second PC using these credits waits, then sees the balance
    if client.archived:
        raise DomainError("{name} is archived; restore the client to use or reverse credits.", field="client_id",
                          name=client.name)
    return client


@dataclass(frozen=True)
class Used:
    use_id: int
    client_id: int
    credit_type_id: int
    units: int
    left: int  # units of the type still valid on the day of use
    text: Text  # "2 visits of Sauna used; 5 visits left.", in the reader's language through a voice


@guarded(Right.USE_CREDITS)
def take_units(session: Session, actor: Actor, client: Client, ctype: CreditType, units: int, on: dt.date,
               note: str = "", visit_id: int | None = None) -> Used:
    """K2/K3 without the checks of the input: take ``units`` from the valid grants, soonest expiry first."""
    grants = _valid_grants(session, client.id, ctype.id, on)
    balance = sum(free for _id, free in grants)
    if units > balance:
        raise _short(session, client, ctype, on, balance, units)
    use = CreditUse(client_id=client.id, credit_type_id=ctype.id, units=units, used_on=on, note=note,
                    visit_id=visit_id, created_by_id=actor.user_id)
    session.add(use)
    session.flush()
    need = units
    for grant_id, free in grants:
        take = min(need, free)
        taken = session.execute(update(CreditGrant)
                                .where(CreditGrant.id == grant_id, CreditGrant.used + take <= CreditGrant.units)
                                .values(used=CreditGrant.used + take))
        if taken.rowcount != 1:  # another PC took these units after we read them
            raise DomainError("Another computer used these credits at the same moment; nothing was recorded. "
                              "Please try again.", field="units")
        session.add(CreditAllocation(use_id=use.id, grant_id=grant_id, units=take))
        need -= take
        if need == 0:
            break
    left = balance - units
    audit.record(session, actor, "use", "credits", use.id, client=client.id, type=ctype.name, units=units,
                 on=on, left=left)
    return Used(use.id, client.id, ctype.id, units, left,
                say("{units} of {name} used; {left} left", units=amount(units, ctype.unit), name=ctype.name,
                    left=amount(left, ctype.unit)))


@guarded(Right.USE_CREDITS)
def use_credits(session: Session, actor: Actor, client_id: int, credit_type_id: int, units, on: dt.date | None = None,
                note: str = "", *, today: dt.date | None = None) -> Used:
    """K2, K3: record the use of ``units`` of a credit type on ``on`` (today by default)."""
    today = today or dt.date.today()
    on = today if on is None else validation.date(on, "on", "The date")
    client = _active_client(session, client_id)
    ctype = existing(session, CreditType, credit_type_id, "credit type")
    units = _whole_units(units, ctype)
    note = validation.text(note, "note", "The note", max_len=500, required=False)
    if on > today:
        raise DomainError("Credits cannot be used on a day still to come.", field="on")
    return take_units(session, actor, client, ctype, units, on, note)


@guarded(Right.USE_CREDITS)
def reverse_use(session: Session, actor: Actor, use_id: int, note: str = "", *,
                today: dt.date | None = None, now: dt.datetime | None = None) -> int:
    """Undo a use: a reversal record gives its units back to the grants they came from; its id.

    A use recorded before today is reversed only by the owner; a reversal is never reversed;
    units that came from a grant which has expired, or whose sale was cancelled, are not given back.
    """
    today = today or dt.date.today()
    use = existing(session, CreditUse, use_id, "credit use")
    note = validation.text(note, "note", "The note", max_len=500, required=False)
    if use.reverses_id is not None:
        raise DomainError("This is a reversal; it cannot be reversed itself.")
    earlier = session.scalar(select(CreditUse).where(CreditUse.reverses_id == use.id))
    if earlier is not None:
        raise DomainError("This use was already reversed on {day}.", day=earlier.used_on)
    if (use.created_at.astimezone().date() < (now or utcnow()).astimezone().date()
            and not actor.may(Right.REVERSE_OLD_CREDIT_USES)):
        raise PermissionDenied("Only the owner can reverse a use recorded before today.")
    _active_client(session, use.client_id)
    parts = session.execute(select(CreditAllocation.grant_id, CreditAllocation.units, CreditGrant.valid_until,
                                   Membership.cancelled_on)
                            .join(CreditGrant, CreditGrant.id == CreditAllocation.grant_id)
                            .outerjoin(Membership, Membership.id == CreditGrant.membership_id)
                            .where(CreditAllocation.use_id == use.id)).all()
    for _grant, _units, valid_until, cancelled_on in parts:
        if cancelled_on is not None:
            raise DomainError("These units came from a sale cancelled on {day}; they cannot be given back.",
                              day=cancelled_on)
        if valid_until < today:
            raise DomainError("These units came from credits that expired on {day}; giving them back would change "
                              "nothing.", day=valid_until)
    for grant_id, units, _until, _cancelled in parts:
        back = session.execute(update(CreditGrant).where(CreditGrant.id == grant_id, CreditGrant.used >= units)
                               .values(used=CreditGrant.used - units))
        if back.rowcount != 1:
            raise DomainError("Another computer changed these credits at the same moment; please try again.")
    reversal = CreditUse(client_id=use.client_id, credit_type_id=use.credit_type_id, units=use.units,
                         used_on=today, note=note, reverses_id=use.id, created_by_id=actor.user_id)
    try:
        with session.begin_nested():
            session.add(reversal)
            session.flush()
    except IntegrityError:  # the other PC reversed it first
        raise DomainError("This use was reversed on another computer meanwhile.") from None
    audit.record(session, actor, "reverse", "credits", use.id, reversal=reversal.id, units=use.units, note=note)
    return reversal.id


# The statement (K4) ---------------------------------------------------------------------------------

_ORDER = {"expiry": 0, "grant": 1, "use": 2}


def _place(move: dict) -> tuple:
    """Where a movement goes in the statement: by date; a reversal right under the use it undoes
    (shown with its own date). Neither moves the running balance: with a use recorded later for
    an earlier day, counting the pair would take the balance below zero in between."""
    if move["kind"] == "reversal":
        return move["under"]
    return move["date"], _ORDER[move["kind"]], move["id"], 0


def _movements(session: Session, client_id: int, today: dt.date) -> tuple[dict, dict]:
    """Every grant, use, reversal and expiry of the client, per credit type (unsorted), and the grants."""
    moves: dict[int, list[dict]] = {}
    grants: dict[int, list[CreditGrant]] = {}
    for grant, package in session.execute(
            select(CreditGrant, Membership.package_name)
            .outerjoin(Membership, Membership.id == CreditGrant.membership_id)
            .where(CreditGrant.client_id == client_id)):
        grants.setdefault(grant.credit_type_id, []).append(grant)
        moves.setdefault(grant.credit_type_id, []).append(
            {"kind": "grant", "date": grant.valid_from, "change": grant.units, "id": grant.id,
             "text": f"Granted: {package or 'Credits'}, until {grant.valid_until:%d.%m.%Y}",
             "package": package or "", "valid_from": grant.valid_from, "valid_until": grant.valid_until,
             "note": "", "by": "", "use_id": None})
        left = grant.units - grant.used
        if grant.valid_until < today and left > 0:
            moves[grant.credit_type_id].append(
                {"kind": "expiry", "date": grant.valid_until + dt.timedelta(days=1), "change": -left, "id": grant.id,
                 "text": f"Expired: what was left of {package or 'Credits'} (until {grant.valid_until:%d.%m.%Y})",
                 "package": package or "", "valid_until": grant.valid_until, "note": "", "by": "", "use_id": None})
    reversed_ids = set(session.scalars(select(CreditUse.reverses_id).where(CreditUse.client_id == client_id,
                                                                            CreditUse.reverses_id.is_not(None))))
    uses = session.execute(select(CreditUse, User.display_name).outerjoin(User, User.id == CreditUse.created_by_id)
                           .where(CreditUse.client_id == client_id)).all()
    dates = {use.id: use.used_on for use, _by in uses}
    for use, by in uses:
        reversal = use.reverses_id is not None
        moves.setdefault(use.credit_type_id, []).append(
            {"kind": "reversal" if reversal else "use", "date": use.used_on, "id": use.id,
             "change": use.units if reversal else -use.units, "note": use.note, "by": by or "",
             "text": (f"Reversal of the use of {dates[use.reverses_id]:%d.%m.%Y}" if reversal
                      else "Check-in" if use.visit_id else "Used"),
             "use_id": None if reversal else use.id, "reversed": use.id in reversed_ids,
             "checkin": use.visit_id is not None, "of": dates[use.reverses_id] if reversal else None,
             "recorded": use.created_at.astimezone().date(),
             "under": (dates[use.reverses_id], _ORDER["use"], use.reverses_id, 1) if reversal else None})
    return moves, grants


@guarded(Right.USE_CREDITS)
def statement(session: Session, actor: Actor, client_id: int, *, today: dt.date | None = None) -> dict:
    """K4: per credit type every movement with the running balance; granted, used (net of
    reversals), expired, remaining (not expired: valid now or starting later), available today,
    what expires when, and the K7 flags (low balance, units expiring within the setting's days)."""
    today = today or dt.date.today()
    client = existing(session, Client, client_id, "client")
    soon = today + dt.timedelta(days=get_settings(session)["credits_expiring_days"])
    moves, grants = _movements(session, client.id, today)
    types = {t.id: t for t in session.scalars(select(CreditType).where(CreditType.id.in_(list(moves))))}
    out = []
    for type_id in sorted(moves, key=lambda i: types[i].name.casefold()):
        ctype, balance = types[type_id], 0
        rows = sorted(moves[type_id], key=_place)
        for row in rows:  # a reversed use and its reversal leave the balance as it was
            if not (row.get("reversed") or row["kind"] == "reversal"):
                balance += row["change"]
            row["balance"] = balance
        valid = [g for g in grants.get(type_id, []) if g.valid_from <= today <= g.valid_until and g.used < g.units]
        expiring = sorted((g.valid_until, g.units - g.used) for g in valid)
        granted = sum(r["change"] for r in rows if r["kind"] == "grant")
        used = -sum(r["change"] for r in rows if r["kind"] in ("use", "reversal"))
        expired = -sum(r["change"] for r in rows if r["kind"] == "expiry")
        available = sum(units for _until, units in expiring)
        out.append({
            "credit_type_id": type_id, "name": ctype.name, "unit": ctype.unit, "movements": rows,
            "granted": granted, "used": used, "expired": expired, "remaining": granted - used - expired,
            "available": available, "expiring": expiring,
            "expiring_soon": sum(units for until, units in expiring if until <= soon),
            "low": 0 < ctype.low_balance and available <= ctype.low_balance,
            "used_at_checkin": ctype.used_at_checkin})
    return {"client_id": client.id, "name": client.name, "code": client.code, "today": today,
            "expiring_days": (soon - today).days, "types": out}


@guarded(Right.USE_CREDITS)
def statement_pdf(session: Session, actor: Actor, client_id: int, path, *, today: dt.date | None = None) -> Path:
    """K4 printed: the statement as an A4 PDF at ``path`` (whole, or nothing under that name)."""
    from app.pdf.statement import render_statement  # reportlab, loaded when a PDF is asked for (start budget)

    shown = statement(session, actor, client_id, today=today)
    with written(path) as part:
        render_statement(shown, get_settings(session), part)
    return Path(path)


def reminders(session: Session, client_id: int, today: dt.date, *, just_used: int | None = None) -> list[Text]:
    """K7 for the check-in banner, read in one query: per type held today, a low balance (at or
    under the type's threshold) and the units expiring within the setting's days. The type
    ``just_used`` says its own balance already: its low balance is marked, not said again."""
    return clients_reminders(session, [client_id], today, just_used=just_used).get(client_id, [])


def clients_reminders(session: Session, client_ids: list[int], today: dt.date, *,
                      just_used: int | None = None) -> dict[int, list[Text]]:
    """:func:`reminders` for many clients at once (the Q5 call list), a few hundred per query;
    clients with nothing to say are left out. Each note is a catalogue text (app.reports.wording):
    the reader's voice says it in their language."""
    soon = today + dt.timedelta(days=get_settings(session)["credits_expiring_days"])
    free = CreditGrant.units - CreditGrant.used
    said: dict[int, list[Text]] = {}
    for at in range(0, len(client_ids), 500):
        rows = session.execute(
            select(CreditGrant.client_id, CreditType.id, CreditType.name, CreditType.unit, CreditType.low_balance,
                   func.sum(free), func.sum(case((CreditGrant.valid_until <= soon, free), else_=0)),
                   func.min(CreditGrant.valid_until))
            .join(CreditType, CreditType.id == CreditGrant.credit_type_id)
            .where(CreditGrant.client_id.in_(client_ids[at:at + 500]), CreditGrant.valid_from <= today,
                   CreditGrant.valid_until >= today)
            .group_by(CreditGrant.client_id, CreditType.id, CreditType.name, CreditType.unit, CreditType.low_balance)
            .order_by(CreditGrant.client_id, CreditType.name))
        for client_id, type_id, name, unit, low, available, expiring, first in rows:
            lines = said.setdefault(client_id, [])
            if low and available <= low and type_id == just_used:
                lines.append(say("{name}: low balance.", name=name))
            elif low and available <= low:
                lines.append(say("{name}: low balance, {left} left.", name=name, left=amount(available, unit)))
            if expiring:
                lines.append(say("{name}: {units} expire by {day} (first on {first}).", name=name,
                                 units=amount(expiring, unit), day=soon, first=first))
    return {client_id: lines for client_id, lines in said.items() if lines}


@guarded(Right.CHECK_IN)
def take_a_pass(session: Session, actor: Actor, client: Client, on: dt.date, visit_id: int) -> Used | None:
    """K6: one unit of a "used at check-in" type valid on ``on`` (the soonest-expiring type first),
    taken for this visit (its ``text`` is what the banner says), or None when the client holds none."""
    type_id = session.scalar(
        select(CreditGrant.credit_type_id).join(CreditType, CreditType.id == CreditGrant.credit_type_id)
        .where(CreditGrant.client_id == client.id, CreditType.used_at_checkin, *_valid_on(on))
        .order_by(CreditGrant.valid_until, CreditGrant.id).limit(1))
    if type_id is None:
        return None
    ctype = session.get(CreditType, type_id)
    used = take_units(session, actor, client, ctype, 1, on, "Check-in", visit_id)
    return replace(used, text=say("{name}: 1 {unit} taken, {left} left.", name=ctype.name, unit=ctype.unit,
                                  left=amount(used.left, ctype.unit)))


def holds_a_pass(session: Session, client_id: int, on: dt.date) -> bool:
    """K6: whether the client holds a unit of a "used at check-in" type valid on ``on``."""
    return session.scalar(select(exists().where(
        CreditGrant.client_id == client_id, CreditGrant.credit_type_id == CreditType.id, CreditType.used_at_checkin,
        *_valid_on(on)))) or False


# The Credits area --------------------------------------------------------------------------------------

def _holders(today: dt.date):
    """Clients holding a unit valid today."""
    return exists().where(CreditGrant.client_id == Client.id, *_valid_on(today))


@guarded(Right.USE_CREDITS)
def count_balances(session: Session, actor: Actor, query: str = "", *, today: dt.date | None = None) -> int:
    """How many (not archived) clients the search finds that hold a valid unit today."""
    today = today or dt.date.today()
    if query.strip():  # the clients the search finds, each looked up in the holding index
        found = clients.matching_ids(session, query, archived=False).where(_holders(today))
        return session.scalar(select(func.count()).select_from(found.subquery()))
    # everyone: one pass over the holding index, less the few archived clients (their own index)
    return session.scalar(select(func.count(func.distinct(CreditGrant.client_id))).where(
        *_valid_on(today), CreditGrant.client_id.not_in(select(Client.id).where(Client.archived))))


@guarded(Right.USE_CREDITS)
def balance_client_ids(session: Session, actor: Actor, query: str = "", *, today: dt.date | None = None,
                       offset: int = 0, limit: int | None = None) -> list[int]:
    """Ids of those clients, by name, a page at a time (searched as the clients list searches)."""
    today = today or dt.date.today()
    stmt = (clients.matching_ids(session, query, archived=False).where(_holders(today))
            .order_by(Client.search_key, Client.id).offset(offset).limit(limit))
    return list(session.scalars(stmt))


@guarded(Right.USE_CREDITS)
def balance_rows(session: Session, actor: Actor, ids: list[int], *, today: dt.date | None = None) -> dict[int, dict]:
    """Per client: code, name and per credit type the units valid today with their soonest expiry."""
    today = today or dt.date.today()
    out = {cid: {"id": cid, "code": code, "name": name, "types": []} for cid, code, name in session.execute(
        select(Client.id, Client.code, Client.name).where(Client.id.in_(ids)))}
    rows = session.execute(
        select(CreditGrant.client_id, CreditType.id, CreditType.name, CreditType.unit, CreditType.low_balance,
               func.sum(CreditGrant.units - CreditGrant.used), func.min(CreditGrant.valid_until))
        .join(CreditType, CreditType.id == CreditGrant.credit_type_id)
        .where(CreditGrant.client_id.in_(ids), *_valid_on(today))
        .group_by(CreditGrant.client_id, CreditType.id, CreditType.name, CreditType.unit, CreditType.low_balance)
        .order_by(CreditType.name))
    for client_id, type_id, name, unit, low, units, until in rows:
        out[client_id]["types"].append({"credit_type_id": type_id, "name": name, "unit": unit, "available": units,
                                        "until": until, "low": units <= low})
    return out


@guarded(Right.USE_CREDITS)
def client_types(session: Session, actor: Actor, client_id: int, *, today: dt.date | None = None) -> list[dict]:
    """The credit types a client holds units of today, for the Use dialog: id, name, unit, available."""
    return balance_rows(session, actor, [client_id], today=today).get(client_id, {"types": []})["types"]


# Top-up (K5) -------------------------------------------------------------------------------------------

@guarded(Right.SELL)
def top_up(session: Session, actor: Actor, client_id: int, package_id: int, *,
           today: dt.date | None = None) -> sales.Sale:
    """K5: sell a credits package at any time, also while earlier credits are still valid; it stacks."""
    package = existing(session, Package, package_id, "package")
    if package.kind != PackageKind.CREDITS:
        raise DomainError("Top up sells a credits package; {name} is not one.", field="package_id",
                          name=package.name)
    return sales.sell(session, actor, client_id, package_id, today=today)


@guarded(Right.SELL)
def top_up_packages(session: Session, actor: Actor, client_id: int | None = None) -> list[dict]:
    """The credits packages on sale, for Top up…: id, name, price, what they hold; the one the client
    bought last comes first (a top-up is usually the same pack again)."""
    last = session.scalar(select(Membership.package_id).where(
        Membership.client_id == client_id, Membership.kind == PackageKind.CREDITS)
        .order_by(Membership.created_at.desc(), Membership.id.desc()).limit(1)) if client_id else None
    packages = sorted(session.scalars(select(Package).where(Package.kind == PackageKind.CREDITS, Package.active)),
                      key=lambda p: (p.id != last, p.name.casefold()))
    names = dict(session.execute(select(CreditType.id, CreditType.name)).all())
    return [{"id": p.id, "name": p.name, "price": p.price, "types": [c.credit_type_id for c in p.credits],
             "holds": ", ".join(f"{names[c.credit_type_id]} × {c.units}" for c in p.credits)} for p in packages]
