"""Clients, their categories and families."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Stamped


class ClientCategory(Base):
    __tablename__ = "client_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    may_attend: Mapped[bool] = mapped_column(default=True)  # J5: may be marked in the journal


class Family(Stamped, Base):
    """Clients grouped under one payer, who gets the invoices."""

    __tablename__ = "families"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    payer_id: Mapped[int | None] = mapped_column(
        ForeignKey("clients.id", use_alter=True, name="fk_families_payer_id_clients")
    )


class Client(Stamped, Base):
    """A person (or a child with a guardian's contact).

    ``search_key`` and ``phone_key`` are the case-folded, accent-free name and
    the bare digits of the phone: what search compares against.
    """

    __tablename__ = "clients"
    __table_args__ = (  # the few archived ones, for lists that leave them out (a partial index: the
        # planner never takes it for "not archived", which would spoil the list read by name)
        Index("ix_clients_archived", "id", sqlite_where=text("archived"), postgresql_where=text("archived")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(String(200), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone_key: Mapped[str] = mapped_column(String(40), default="", index=True)
    email: Mapped[str] = mapped_column(String(254), default="")
    birth_date: Mapped[dt.date | None]
    category_id: Mapped[int | None] = mapped_column(ForeignKey("client_categories.id"))
    family_id: Mapped[int | None] = mapped_column(ForeignKey("families.id"), index=True)
    guardian_name: Mapped[str] = mapped_column(String(200), default="")
    guardian_phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    photo: Mapped[str] = mapped_column(String(260), default="")
    archived: Mapped[bool] = mapped_column(default=False)
    version: Mapped[int] = mapped_column(default=1, server_default="1")  # saves so far (D7: changed meanwhile)
    __mapper_args__ = {"version_id_col": version}
