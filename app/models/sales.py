"""Sales of packages to clients ("memberships"), their freezes and scheduled services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, BillingType, PackageKind, Stamped, TermUnit, enum_column
from app.types import Money, Percent, UTCDateTime


class Membership(Stamped, Base):
    """One sale of a package to a client, with the package's terms as sold.

    The name, price and terms are copied at sale time: later changes to the
    package never alter this sale. Status (upcoming, active, grace, ...) is
    derived from the dates, freezes and cancellation, never stored.
    ``lessons_used`` is the count of visits linked to a lesson pack, guarded
    by a CHECK so a pack can never hold more than its size (J4).
    """

    __tablename__ = "memberships"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="dates"),
        CheckConstraint("price >= 0", name="price"),
        CheckConstraint(
            "lessons_used >= 0 AND (lesson_count IS NULL OR lessons_used <= lesson_count)",
            name="lessons_used",
        ),
        Index("ix_memberships_client_kind", "client_id", "kind", "start_date"),
        Index("ix_memberships_end_date", "end_date"),
        Index("ix_memberships_start_date", "start_date", "id"),  # the memberships list, newest first
        Index("ix_memberships_renews_id", "renews_id", "cancelled_on"),  # Q1: a sale's renewal (not cancelled)
        # Q7, Q8: the time memberships that may be current today, and those started in a period, read
        # with what their status needs from the index alone (dates first: with the kind first, the
        # planner took them for a client's sales instead of ix_memberships_client_kind)
        Index("ix_memberships_current", "end_date", "kind", "start_date", "cancelled_on", "client_id"),
        Index("ix_memberships_started", "start_date", "kind", "cancelled_on", "renews_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id"), index=True)
    kind: Mapped[PackageKind] = mapped_column(enum_column(PackageKind))
    package_name: Mapped[str] = mapped_column(String(200))
    price: Mapped[Decimal] = mapped_column(Money())
    billing_type: Mapped[BillingType] = mapped_column(enum_column(BillingType))
    term_count: Mapped[int]
    term_unit: Mapped[TermUnit] = mapped_column(enum_column(TermUnit))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"))
    lesson_count: Mapped[int | None]
    lessons_used: Mapped[int] = mapped_column(default=0)
    member_discount_pct: Mapped[Decimal | None] = mapped_column(Percent())
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    description: Mapped[str] = mapped_column(Text, default="")
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoices.id"), index=True)
    renews_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"))
    cancelled_on: Mapped[dt.date | None]
    cancel_reason: Mapped[str] = mapped_column(Text, default="")


class Freeze(Stamped, Base):
    """A suspension from ``start_date`` to ``end_date`` inclusive (M5).

    ``resumed_on`` is set when the member came back before the planned end.
    """

    __tablename__ = "freezes"
    __table_args__ = (CheckConstraint("end_date >= start_date", name="dates"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("memberships.id"), index=True)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]
    resumed_on: Mapped[dt.date | None]


class ServiceOccurrence(Base):
    """One scheduled occurrence of a package's recurring service (R1).

    Staff mark it done or missed (who, when) with a note; a missed one may be
    rescheduled once: a new occurrence points back at it.
    """

    __tablename__ = "service_occurrences"
    __table_args__ = (
        CheckConstraint("state IN ('planned', 'done', 'missed', 'cancelled')", name="state"),
        Index("ix_service_occurrences_due_on", "due_on"),
        Index("uq_service_occurrences_rescheduled_from_id", "rescheduled_from_id", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    membership_id: Mapped[int] = mapped_column(ForeignKey("memberships.id"), index=True)
    package_service_id: Mapped[int | None] = mapped_column(ForeignKey("package_services.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[dt.date]
    state: Mapped[str] = mapped_column(String(10), default="planned")
    marked_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    marked_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")
    rescheduled_from_id: Mapped[int | None] = mapped_column(ForeignKey("service_occurrences.id"))
