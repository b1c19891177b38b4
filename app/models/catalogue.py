"""What the centre sells: credit types and packages of three kinds."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, BillingType, PackageKind, Stamped, TermUnit, enum_column
from app.types import Money, Percent


class CreditType(Base):
    """A consumable unit: "Sauna" counted in visits, "Solarium" in minutes.

    Units are whole numbers. ``used_at_checkin`` makes it a visit pass (K6);
    a balance at or below ``low_balance`` is shown as low (K7; 0: never).
    """

    __tablename__ = "credit_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    unit: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(default=True)
    used_at_checkin: Mapped[bool] = mapped_column(default=False, server_default=false())
    low_balance: Mapped[int] = mapped_column(default=0, server_default="0")


class Package(Stamped, Base):
    """A membership plan, a lesson pack or a credits bundle, as offered for sale.

    Sales copy what they need from here, so editing a package never changes
    past sales.
    """

    __tablename__ = "packages"
    __table_args__ = (
        CheckConstraint("term_count > 0", name="term_count"),
        CheckConstraint("price >= 0", name="price"),
        CheckConstraint(
            "member_discount_pct IS NULL OR (member_discount_pct >= 0 AND member_discount_pct <= 10000)",
            name="member_discount_pct",
        ),
        CheckConstraint(
            "kind != 'lesson_pack' OR (program_id IS NOT NULL AND lesson_count > 0)",
            name="lesson_pack_has_program",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[PackageKind] = mapped_column(enum_column(PackageKind))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    price: Mapped[Decimal] = mapped_column(Money())
    billing_type: Mapped[BillingType] = mapped_column(enum_column(BillingType), default=BillingType.ONE_TIME)
    term_count: Mapped[int]
    term_unit: Mapped[TermUnit] = mapped_column(enum_column(TermUnit))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"))
    lesson_count: Mapped[int | None]
    member_discount_pct: Mapped[Decimal | None] = mapped_column(Percent())
    version: Mapped[int] = mapped_column(default=1, server_default="1")  # saves so far (D7: changed meanwhile)
    __mapper_args__ = {"version_id_col": version}

    credits: Mapped[list[PackageCredit]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    services: Mapped[list[PackageService]] = relationship(cascade="all, delete-orphan", lazy="selectin")


class PackageCredit(Base):
    """Units of one credit type that come with a package."""

    __tablename__ = "package_credits"
    __table_args__ = (
        UniqueConstraint("package_id", "credit_type_id"),
        CheckConstraint("units > 0", name="units"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    credit_type_id: Mapped[int] = mapped_column(ForeignKey("credit_types.id"))
    units: Mapped[int]


class PackageService(Base):
    """A service that recurs while a sale of the package runs (R1).

    Weekly: every ``every_weeks`` weeks on the weekdays of ``weekdays_mask``
    (bit 0 = Monday). Monthly: on ``month_day`` of the months of
    ``months_mask`` (bit 0 = January).
    """

    __tablename__ = "package_services"
    __table_args__ = (
        CheckConstraint("frequency IN ('weekly', 'monthly')", name="frequency"),
        CheckConstraint("every_weeks >= 1", name="every_weeks"),
        CheckConstraint("month_day IS NULL OR month_day BETWEEN 1 AND 31", name="month_day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    frequency: Mapped[str] = mapped_column(String(10))
    every_weeks: Mapped[int] = mapped_column(default=1)
    weekdays_mask: Mapped[int] = mapped_column(default=0)
    month_day: Mapped[int | None]
    months_mask: Mapped[int] = mapped_column(default=0)
