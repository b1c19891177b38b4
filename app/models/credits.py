"""Credit grants (units given by a sale) and their use."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Stamped


class CreditGrant(Stamped, Base):
    """Units of a credit type granted by a sale, valid for its term (K1).

    ``used`` counts the units taken from this grant; the CHECK keeps it
    within ``units`` so a balance can never go negative.
    """

    __tablename__ = "credit_grants"
    __table_args__ = (
        CheckConstraint("units > 0", name="units"),
        CheckConstraint("used >= 0 AND used <= units", name="used"),
        CheckConstraint("valid_until >= valid_from", name="dates"),
        Index("ix_credit_grants_client_type", "client_id", "credit_type_id", "valid_until"),
        # who holds a unit valid on a day, read from the index alone (the Credits area's count and page)
        Index("ix_credit_grants_holding", "client_id", "valid_until", "valid_from", "used", "units"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    credit_type_id: Mapped[int] = mapped_column(ForeignKey("credit_types.id"))
    membership_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"), index=True)
    units: Mapped[int]
    used: Mapped[int] = mapped_column(default=0)
    valid_from: Mapped[dt.date]
    valid_until: Mapped[dt.date]


class CreditUse(Stamped, Base):
    """One recorded use of N units of a type (K2); split over grants by its allocations.

    A reversal is a use of its own that points at the use it undoes
    (``reverses_id``, unique: a use is reversed at most once) and gives the
    units back to the same grants; nothing is ever deleted. ``visit_id``
    links a use taken by a check-in (K6).
    """

    __tablename__ = "credit_uses"
    __table_args__ = (
        CheckConstraint("units > 0", name="units"),
        Index("ix_credit_uses_client_type", "client_id", "credit_type_id", "used_on"),
        Index("uq_credit_uses_reverses_id", "reverses_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    credit_type_id: Mapped[int] = mapped_column(ForeignKey("credit_types.id"))
    units: Mapped[int]
    used_on: Mapped[dt.date]
    note: Mapped[str] = mapped_column(Text, default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("credit_uses.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id"))


class CreditAllocation(Base):
    """The part of a use taken from one grant."""

    __tablename__ = "credit_allocations"
    __table_args__ = (CheckConstraint("units > 0", name="units"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    use_id: Mapped[int] = mapped_column(ForeignKey("credit_uses.id"), index=True)
    grant_id: Mapped[int] = mapped_column(ForeignKey("credit_grants.id"), index=True)
    units: Mapped[int]
