"""Programs, their groups (teacher, schedule, enrolments) and attendance statuses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.types import Money


class Program(Base):
    __tablename__ = "programs"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    base_lesson_price: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    colour: Mapped[str] = mapped_column(String(9), default="#4a90d9")
    active: Mapped[bool] = mapped_column(default=True)


class Group(Base):
    """A class of a program: the journal is kept per group."""

    __tablename__ = "groups"
    __table_args__ = (CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("programs.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    teacher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    room: Mapped[str] = mapped_column(String(100), default="")
    capacity: Mapped[int | None]
    active: Mapped[bool] = mapped_column(default=True)
    version: Mapped[int] = mapped_column(default=1, server_default="1")  # saves so far (D7: changed meanwhile)
    __mapper_args__ = {"version_id_col": version}


class GroupSlot(Base):
    """A weekly lesson time of a group (weekday 0 = Monday)."""

    __tablename__ = "group_slots"
    __table_args__ = (CheckConstraint("weekday BETWEEN 0 AND 6", name="weekday"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), index=True)
    weekday: Mapped[int]
    starts: Mapped[dt.time]
    ends: Mapped[dt.time]


class GroupExtraDate(Base):
    """A lesson held outside the weekly schedule (a journal column added by hand)."""

    __tablename__ = "group_extra_dates"

    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    date: Mapped[dt.date] = mapped_column(primary_key=True)


class Enrolment(Base):
    __tablename__ = "enrolments"
    __table_args__ = (
        UniqueConstraint("group_id", "client_id"),
        Index("ix_enrolments_occupancy", "group_id", "waiting", "since", "until"),  # Q4, Q7: enrolled in a month
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    since: Mapped[dt.date]
    until: Mapped[dt.date | None]
    waiting: Mapped[bool] = mapped_column(default=False)  # on the waiting list of a full group


class AttendanceStatus(Base):
    """A journal mark: its colour is shared by the journal and the membership cards."""

    __tablename__ = "attendance_statuses"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    letter: Mapped[str] = mapped_column(String(2))
    colour: Mapped[str] = mapped_column(String(9))
    charges: Mapped[bool]  # charges a lesson
    gives_makeup: Mapped[bool] = mapped_column(default=False)  # an excused absence (J7)
    uses_makeup: Mapped[bool] = mapped_column(default=False)  # a makeup lesson (J7)
    position: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
