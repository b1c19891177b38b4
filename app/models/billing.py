"""Invoices, their lines, payments and cash drawers.

Money is never deleted: invoices and payments are voided with a reason.
An invoice stores only its lifecycle (draft, issued, void); whether it is
paid or partly paid is derived from its valid payments.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, Stamped, enum_column
from app.types import Fixed, Money, Percent, UTCDateTime


class InvoiceState(enum.StrEnum):
    DRAFT = "draft"
    ISSUED = "issued"
    VOID = "void"


class PaymentMethod(enum.StrEnum):
    CASH = "cash"
    BANK_TRANSFER = "bank_transfer"
    CHEQUE = "cheque"
    CARD = "card"
    OTHER = "other"


class CashDrawer(Base):
    __tablename__ = "cash_drawers"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(default=True)


class InvoiceCounter(Base):
    """The next number per prefix; locked in the issuing transaction (B3)."""

    __tablename__ = "invoice_counters"

    prefix: Mapped[str] = mapped_column(String(20), primary_key=True)
    next_number: Mapped[int] = mapped_column(default=1)


class Invoice(Stamped, Base):
    __tablename__ = "invoices"
    __table_args__ = (
        UniqueConstraint("prefix", "number"),
        CheckConstraint("number IS NULL OR number > 0", name="number"),
        Index("ix_invoices_client_date", "client_id", "date"),
        Index("ix_invoices_date", "date"),  # Q2: the sales of a period
        Index("ix_invoices_owing", "state", "payer_id", "date", "total"),  # Q4: what each payer owes
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    prefix: Mapped[str] = mapped_column(String(20), default="")
    number: Mapped[int | None]  # assigned when issued, gapless per prefix
    state: Mapped[InvoiceState] = mapped_column(enum_column(InvoiceState), default=InvoiceState.DRAFT)
    date: Mapped[dt.date]
    client_id: Mapped[int] = mapped_column(ForeignKey("clients.id"))
    payer_id: Mapped[int] = mapped_column(ForeignKey("clients.id"), index=True)
    tax_rate: Mapped[Decimal] = mapped_column(Percent(), default=Decimal(0))
    total: Mapped[Decimal] = mapped_column(Money(), default=Decimal(0))
    notes: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    voided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str] = mapped_column(Text, default="")


class InvoiceLine(Base):
    """A line: an item sold, or a discount (a negative amount)."""

    __tablename__ = "invoice_lines"
    __table_args__ = (CheckConstraint("kind IN ('item', 'discount')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(10), default="item")
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal] = mapped_column(Fixed(3), default=Decimal(1))
    unit_price: Mapped[Decimal] = mapped_column(Money())
    amount: Mapped[Decimal] = mapped_column(Money())
    membership_id: Mapped[int | None] = mapped_column(ForeignKey("memberships.id"))


class Payment(Stamped, Base):
    __tablename__ = "payments"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        Index("ix_payments_paid_on", "paid_on"),
        Index("ix_payments_invoice_valid", "invoice_id", "voided_at", "amount"),  # Q4: what an invoice owes
        Index("ix_payments_takings", "paid_on", "voided_at", "method", "cash_drawer_id", "amount"),  # Q4, Q7
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    paid_on: Mapped[dt.date]
    amount: Mapped[Decimal] = mapped_column(Money())
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod))
    cash_drawer_id: Mapped[int | None] = mapped_column(ForeignKey("cash_drawers.id"))
    reference: Mapped[str] = mapped_column(String(200), default="")
    voided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str] = mapped_column(Text, default="")


class PaymentAttachment(Base):
    """A file attached to a payment, copied into the data folder."""

    __tablename__ = "payment_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_id: Mapped[int] = mapped_column(ForeignKey("payments.id"), index=True)
    name: Mapped[str] = mapped_column(String(260))
    stored_as: Mapped[str] = mapped_column(String(260))
    size: Mapped[int]


class Refund(Stamped, Base):
    """Money paid back (B6): dated the day it left the till, by a method and drawer, with a credit note
    numbered in its own gapless series. The payments it pays back stay as they were on their day."""

    __tablename__ = "refunds"
    __table_args__ = (
        CheckConstraint("amount > 0", name="amount"),
        Index("ix_refunds_refunded_on", "refunded_on"),
        UniqueConstraint("number", name="uq_refunds_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoices.id"), index=True)
    number: Mapped[int]  # the credit note's number
    refunded_on: Mapped[dt.date]
    amount: Mapped[Decimal] = mapped_column(Money())
    method: Mapped[PaymentMethod] = mapped_column(enum_column(PaymentMethod))
    cash_drawer_id: Mapped[int | None] = mapped_column(ForeignKey("cash_drawers.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
