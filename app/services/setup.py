"""First start: the business, its owner, and editable defaults to begin with."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from app.errors import DomainError
from app.models import (
    AttendanceStatus,
    BillingType,
    CashDrawer,
    ClientCategory,
    Package,
    PackageKind,
    Role,
    TermUnit,
)
from app.services import audit, settings, users
from app.services.access import Actor

DEFAULT_STATUSES = [
    # name, letter, colour, charges a lesson, gives a makeup, uses a makeup
    ("Present", "P", "#2e9d4f", True, False, False),
    ("Absent without notice", "A", "#d64541", True, False, False),
    ("Excused", "E", "#e6a100", False, True, False),
    ("Sick", "S", "#3b7dd8", False, False, False),
    ("Trial", "T", "#8e44ad", False, False, False),
    ("Makeup", "M", "#16a596", False, False, True),
]

DEFAULT_CATEGORIES = ["Adult", "Child", "Student"]

DEFAULT_PLANS = [
    # name, description, price, billing, term (count, unit), member discount %
    ("Silver", "Gym floor at any time. Billed monthly.", "35.00", BillingType.MONTHLY, (1, TermUnit.MONTH), None),
    ("Gold", "Gym floor and group classes; 5% off lesson packs and credits.", "95.00",
     BillingType.QUARTERLY, (3, TermUnit.MONTH), "5"),
    ("Platinum", "Everything for a year; 10% off lesson packs and credits.", "340.00",
     BillingType.YEARLY, (1, TermUnit.YEAR), "10"),
]


def add_defaults(session: Session) -> None:
    for position, (name, letter, colour, charges, gives, uses) in enumerate(DEFAULT_STATUSES):
        session.add(AttendanceStatus(name=name, letter=letter, colour=colour, charges=charges,
                                     gives_makeup=gives, uses_makeup=uses, position=position))
    session.add_all(ClientCategory(name=name) for name in DEFAULT_CATEGORIES)
    front_desk = CashDrawer(name="Front desk")
    session.add(front_desk)
    session.flush()
    settings.store(session, {"default_cash_drawer": front_desk.id})
    for name, description, price, billing, (count, unit), discount in DEFAULT_PLANS:
        session.add(Package(kind=PackageKind.MEMBERSHIP, name=name, description=description,
                            price=Decimal(price), billing_type=billing, term_count=count, term_unit=unit,
                            member_discount_pct=Decimal(discount) if discount else None))


def first_start(session: Session, *, business_name: str, currency: str, owner_name: str,
                username: str, password: str, repeat_password: str, language: str = "en") -> Actor:
    """Create the business and its owner; refuse if the database already has users."""
    if users.has_users(session):
        raise DomainError("This database is already set up; sign in instead.")
    settings.store(session, {"business_name": business_name, "currency": currency, "language": language})
    users.check_new_password(password, repeat_password, "password", "repeat_password")
    owner = users.actor_of(users.add_user(session, username, owner_name, Role.OWNER, password))
    add_defaults(session)
    audit.record(session, owner, "first_start", "settings", None, business_name=business_name.strip())
    return owner
