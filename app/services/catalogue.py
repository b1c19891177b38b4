"""What the centre sells and teaches: packages, programs, groups and credit types.

Sales copy a package's terms when sold, so editing a package here never
changes a past sale; an inactive package cannot be sold (:func:`sellable`).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label
from app.models import (
    BillingType,
    CreditType,
    Package,
    PackageCredit,
    PackageKind,
    PackageService,
    Program,
    TermUnit,
)
from app.services import audit, lists
from app.services.access import Actor, Right, guarded
from app.services.records import existing, locked
from app.services.versions import refuse_if_changed

PACKAGE_FIELDS = ("kind", "name", "description", "active", "price", "billing_type", "term_count", "term_unit",
                  "program_id", "lesson_count", "member_discount_pct", "credits", "services")


def _enum(enum_cls, value, field: str, label: str):
    try:
        return enum_cls(value)
    except ValueError:
        raise DomainError("Choose a {what}.", field=field, what=Label(label)) from None


def _clean_services(services) -> list[dict]:
    cleaned = []
    for service in services or []:
        name = validation.name(service.get("name"), "services", "A service's name", max_len=200)
        frequency = service.get("frequency")
        if frequency == "weekly":
            weekdays = set(service.get("weekdays") or ())
            if not weekdays or not weekdays <= set(range(7)):
                raise DomainError("Choose the weekdays of “{name}”.", field="services", name=name)
            cleaned.append(dict(name=name, frequency="weekly", month_day=None, months_mask=0,
                                every_weeks=validation.whole(service.get("every_weeks", 1), "services",
                                                             "Every N weeks", minimum=1, maximum=52),
                                weekdays_mask=sum(1 << d for d in weekdays)))
        elif frequency == "monthly":
            months = set(service.get("months") or ())
            if not months or not months <= set(range(1, 13)):
                raise DomainError("Choose the months of “{name}”.", field="services", name=name)
            cleaned.append(dict(name=name, frequency="monthly", every_weeks=1, weekdays_mask=0,
                                month_day=validation.whole(service.get("month_day"), "services", "Day of the month",
                                                           minimum=1, maximum=31),
                                months_mask=sum(1 << (m - 1) for m in months)))
        else:
            raise DomainError("“{name}” repeats weekly or monthly.", field="services", name=name)
    return cleaned


def _clean_package(session: Session, data: dict) -> dict:
    unknown = set(data) - set(PACKAGE_FIELDS)
    if unknown:
        raise DomainError("Unknown package fields: {fields}.", fields=", ".join(sorted(unknown)))
    kind = _enum(PackageKind, data.get("kind"), "kind", QT_TRANSLATE_NOOP("Messages", "kind of package"))
    out = {
        "kind": kind,
        "name": validation.name(data.get("name"), "name", "Name", max_len=200),
        "description": validation.text(data.get("description", ""), "description", "Description", max_len=5000,
                                       required=False),
        "active": bool(data.get("active", True)),
        "price": validation.money(data.get("price"), "price", "Price"),
        "billing_type": _enum(BillingType, data.get("billing_type", BillingType.ONE_TIME), "billing_type",
                              QT_TRANSLATE_NOOP("Messages", "billing type")),
        "term_count": validation.whole(data.get("term_count"), "term_count", "The term", minimum=1, maximum=1000),
        "term_unit": _enum(TermUnit, data.get("term_unit"), "term_unit", QT_TRANSLATE_NOOP("Messages", "term unit")),
        "program_id": None, "lesson_count": None, "member_discount_pct": None,
    }
    if kind == PackageKind.LESSON_PACK:
        if data.get("program_id") is None or session.get(Program, data["program_id"]) is None:
            raise DomainError("A lesson pack needs its program.", field="program_id")
        out["program_id"] = data["program_id"]
        out["lesson_count"] = validation.whole(data.get("lesson_count"), "lesson_count", "Lessons", minimum=1,
                                               maximum=500)
    if data.get("member_discount_pct") not in (None, ""):
        if kind != PackageKind.MEMBERSHIP:
            raise DomainError("Only a membership gives a member discount.", field="member_discount_pct")
        out["member_discount_pct"] = validation.percent(data["member_discount_pct"], "member_discount_pct",
                                                        "Member discount")
    credits = {}
    for credit_type_id, units in (data.get("credits") or {}).items():
        if session.get(CreditType, credit_type_id) is None:
            raise DomainError("Choose credit types from the list.", field="credits")
        credits[credit_type_id] = validation.whole(units, "credits", "Units", minimum=1, maximum=100_000)
    if kind == PackageKind.CREDITS and not credits:
        raise DomainError("A credits package needs at least one credit type with its units.", field="credits")
    out["credits"] = credits
    out["services"] = _clean_services(data.get("services"))
    return out


def _apply(package: Package, values: dict) -> None:
    credits, services = values.pop("credits"), values.pop("services")
    for key, value in values.items():
        setattr(package, key, value)
    package.credits = [PackageCredit(credit_type_id=ct, units=units) for ct, units in credits.items()]
    package.services = [PackageService(**service) for service in services]


@guarded(Right.EDIT_CATALOGUE)
def create_package(session: Session, actor: Actor, **fields) -> int:
    package = Package(created_by_id=actor.user_id)
    _apply(package, _clean_package(session, fields))
    session.add(package)
    session.flush()
    audit.record(session, actor, "create", "package", package.id, name=package.name, price=package.price)
    return package.id


@guarded(Right.EDIT_CATALOGUE)
def update_package(session: Session, actor: Actor, package_id: int, **fields) -> int:
    """Change a package for future sales; past sales keep the terms they were sold with."""
    version = fields.pop("version", None)  # the version the form showed (D7)
    package = locked(session, Package, package_id, "package")
    refuse_if_changed(session, package.version, version, "This package", "package", package.id)
    values = _clean_package(session, {**package_fields(package), **fields})
    _apply(package, values)
    audit.record(session, actor, "update", "package", package.id, **{k: v for k, v in fields.items()
                                                                       if k not in ("credits", "services")})
    return package.id


@guarded(Right.EDIT_CATALOGUE)
def set_package_active(session: Session, actor: Actor, package_id: int, active: bool) -> int:
    package = existing(session, Package, package_id, "package")
    package.active = bool(active)
    audit.record(session, actor, "activate" if active else "deactivate", "package", package.id)
    return package.id


def package_fields(package: Package) -> dict:
    """A package as the fields its dialog edits."""
    return {
        "kind": package.kind, "name": package.name, "description": package.description, "active": package.active,
        "price": package.price, "billing_type": package.billing_type, "term_count": package.term_count,
        "term_unit": package.term_unit, "program_id": package.program_id, "lesson_count": package.lesson_count,
        "member_discount_pct": package.member_discount_pct,
        "credits": {c.credit_type_id: c.units for c in package.credits},
        "services": [
            {"name": s.name, "frequency": s.frequency, "every_weeks": s.every_weeks,
             "weekdays": [d for d in range(7) if s.weekdays_mask >> d & 1], "month_day": s.month_day,
             "months": [m for m in range(1, 13) if s.months_mask >> (m - 1) & 1]}
            for s in package.services
        ],
    }


@guarded(Right.VIEW_CLIENTS)
def get_package(session: Session, actor: Actor, package_id: int) -> dict:
    package = existing(session, Package, package_id, "package")
    return {"id": package.id, **package_fields(package), "version": package.version}


@guarded(Right.VIEW_CLIENTS)
def list_packages(session: Session, actor: Actor, kind: PackageKind | None = None,
                  active_only: bool = False) -> list[dict]:
    stmt = select(Package, Program.name.label("program")).outerjoin(Program, Program.id == Package.program_id)
    if kind is not None:
        stmt = stmt.where(Package.kind == kind)
    if active_only:
        stmt = stmt.where(Package.active.is_(True))
    rows = session.execute(stmt.order_by(Package.kind, Package.name))
    return [
        {"id": p.id, "kind": p.kind, "name": p.name, "price": p.price, "active": p.active,
         "billing_type": p.billing_type, "term": (p.term_count, p.term_unit), "program": program,
         "lesson_count": p.lesson_count, "member_discount_pct": p.member_discount_pct}
        for p, program in rows
    ]


def sellable(session: Session, package_id: int) -> Package:
    """The package, if it can be sold now; the selling services call this."""
    package = existing(session, Package, package_id, "package")
    if not package.active:
        raise DomainError("“{name}” is inactive and cannot be sold.", field="package_id", name=package.name)
    return package


@guarded(Right.EDIT_CATALOGUE)
def create_credit_type(session: Session, actor: Actor, name: str, unit: str) -> int:
    """A new credit type (the settings list of credit types does the checks)."""
    return lists.save_item(session, actor, "credit_types", None, {"name": name, "unit": unit})


@guarded(Right.VIEW_CLIENTS)
def list_credit_types(session: Session, actor: Actor) -> list[dict]:
    return [{"id": c.id, "name": c.name, "unit": c.unit, "active": c.active}
            for c in session.scalars(select(CreditType).order_by(CreditType.name))]
