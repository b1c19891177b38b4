"""Visits (journal marks and check-ins) and the makeups excused absences earn."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Stamped


class Visit(Stamped, Base):
    """One attendance mark or check-in.

    A chargeable visit is linked to at most one lesson pack (``membership_id``)
    or is unpaid (``membership_id`` is NULL). A check-in is linked to the
    time membership it was allowed by.
    """

    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("kind IN ('lesson', 'checkin')", name="kind"),
        UniqueConstraint("client_id", "group_id", "date", name="uq_visits_client_group_date"),
        Index("ix_visits_group_date", "group_id", "date"),
        Index("ix_visits_membership", "membership_id"),
        Index("ix_visits_client_program_date", "client_id", "program_id", "date"),
        Index("ix_visits_date", "date"),
        Index("ix_visits_date_group", "date", "group_id", "program_id"),  # Q4: a month's marks per group
        Index("ix_visits_unpaid", "membership_id", "kind", "status_id"),  # Q7: the unpaid lessons counted
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10), default="lesson")
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"))
    program_id: Mapped[int | None] = mapped_column(ForeignKey("programs.id"))
    date: Mapped[dt.date]
    status_id: Mapped[int | None] = mapped_column(ForeignKey("attendance_statuses.id"))
    membership_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"))


class Makeup(Base):
    """A makeup lesson earned by an excused absence, usable until ``expires_on`` (J7)."""

    __tablename__ = "makeups"

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"))
    source_visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), unique=True)
    expires_on: Mapped[dt.date]
    used_by_visit_id: Mapped[int | None] = mapped_column(ForeignKey("visits.id", ondelete="SET NULL"), unique=True)
