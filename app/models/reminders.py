"""Reminders sent (Q5): which client was reminded of which sale's end, at which offset, and where."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Stamped


class ReminderSent(Stamped, Base):
    """One reminder that reached the mail server: written in its own small transaction right after the
    send succeeded, so a crash in the middle of "Email all" neither loses one nor sends one twice.

    The same reminder is the same sale, offset and end date: a freeze that moves the end makes the
    reminders of the new end due again. ``created_at`` is when it was sent, ``created_by_id`` by whom.
    """

    __tablename__ = "reminders_sent"
    __table_args__ = (
        UniqueConstraint("membership_id", "offset_days", "ends_on", name="uq_reminders_sent_sale_offset"),
        Index("ix_reminders_sent_client_id", "client_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    membership_id: Mapped[int] = mapped_column(ForeignKey("memberships.id", ondelete="CASCADE"))  # M6 delete
    offset_days: Mapped[int]  # 7: a week before the end; -3: three days after it
    ends_on: Mapped[dt.date]  # the end the reminder spoke of
    address: Mapped[str] = mapped_column(String(254))
