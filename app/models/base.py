"""Shared pieces of the models: enums of the business and the audit stamp."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Enum, ForeignKey
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from app.db import Base
from app.types import UTCDateTime, utcnow

__all__ = ["Base", "Stamped", "enum_column", "Role", "PackageKind", "BillingType", "TermUnit"]


def enum_column(enum_cls: type[enum.Enum]) -> Enum:
    """Store an enum by its value as text, with a CHECK listing the values."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [m.value for m in e],
        name=enum_cls.__name__.lower(),
    )


class Stamped:
    """Who added a record and when: every card shows "added by X on D"."""

    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @declared_attr
    def created_by_id(cls) -> Mapped[int | None]:
        return mapped_column(ForeignKey("users.id"), index=False)


class Role(enum.StrEnum):
    OWNER = "owner"
    RECEPTIONIST = "receptionist"
    TEACHER = "teacher"


class PackageKind(enum.StrEnum):
    MEMBERSHIP = "membership"
    LESSON_PACK = "lesson_pack"
    CREDITS = "credits"


class BillingType(enum.StrEnum):
    ONE_TIME = "one_time"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    TWICE_A_YEAR = "twice_a_year"
    YEARLY = "yearly"


class TermUnit(enum.StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"
