"""First start: the business, its owner, and editable defaults to begin with."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Words
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

# The defaults' names are catalogue texts: a first start in Russian gets Russian ones.
DEFAULT_STATUSES = [
    # name, colour, charges a lesson, gives a makeup, uses a makeup (the letters: LETTERS)
    (QT_TRANSLATE_NOOP("Messages", "Present"), "#2e9d4f", True, False, False),
    (QT_TRANSLATE_NOOP("Messages", "Absent without notice"), "#d64541", True, False, False),
    (QT_TRANSLATE_NOOP("Messages", "Excused"), "#e6a100", False, True, False),
    (QT_TRANSLATE_NOOP("Messages", "Sick"), "#3b7dd8", False, False, False),
    (QT_TRANSLATE_NOOP("Messages", "Trial"), "#8e44ad", False, False, False),
    (QT_TRANSLATE_NOOP("Messages", "Makeup"), "#16a596", False, False, True),
]
# The statuses' letters in the journal, per language (in DEFAULT_STATUSES' order): Я явка, Н неявка,
# У уважительная причина, Б болезнь, П пробное, О отработка; حاضر، غائب، عذر، مريض، تجريبية، تعويض
LETTERS = {"en": "PAESTM", "ru": "ЯНУБПО", "ar": "حغعمتض"}

DEFAULT_CATEGORIES = [QT_TRANSLATE_NOOP("Messages", "Adult"), QT_TRANSLATE_NOOP("Messages", "Child"),
                      QT_TRANSLATE_NOOP("Messages", "Student")]

DEFAULT_PLANS = [
    # name, description, price, billing, term (count, unit), member discount %
    (QT_TRANSLATE_NOOP("Messages", "Silver"), QT_TRANSLATE_NOOP("Messages", "Gym floor at any time. Billed monthly."),
     "35.00", BillingType.MONTHLY, (1, TermUnit.MONTH), None),
    (QT_TRANSLATE_NOOP("Messages", "Gold"),
     QT_TRANSLATE_NOOP("Messages", "Gym floor and group classes; 5% off lesson packs and credits."),
     "95.00", BillingType.QUARTERLY, (3, TermUnit.MONTH), "5"),
    (QT_TRANSLATE_NOOP("Messages", "Platinum"),
     QT_TRANSLATE_NOOP("Messages", "Everything for a year; 10% off lesson packs and credits."),
     "340.00", BillingType.YEARLY, (1, TermUnit.YEAR), "10"),
]
FRONT_DESK = QT_TRANSLATE_NOOP("Messages", "Front desk")


def add_defaults(session: Session, language: str = "en") -> None:
    """The editable lists a business starts with, named in its language."""
    say = Words(language)
    letters = LETTERS.get(say.language, LETTERS["en"])
    for position, (name, colour, charges, gives, uses) in enumerate(DEFAULT_STATUSES):
        session.add(AttendanceStatus(name=say(name), letter=letters[position], colour=colour, charges=charges,
                                     gives_makeup=gives, uses_makeup=uses, position=position))
    session.add_all(ClientCategory(name=say(name)) for name in DEFAULT_CATEGORIES)
    front_desk = CashDrawer(name=say(FRONT_DESK))
    session.add(front_desk)
    session.flush()
    settings.store(session, {"default_cash_drawer": front_desk.id})
    for name, description, price, billing, (count, unit), discount in DEFAULT_PLANS:
        session.add(Package(kind=PackageKind.MEMBERSHIP, name=say(name), description=say(description),
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
    add_defaults(session, language)
    audit.record(session, owner, "first_start", "settings", None, business_name=business_name.strip())
    return owner
