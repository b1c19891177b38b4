"""All tables of the desk. Importing this package registers every model on ``Base.metadata``."""

from app.models.attendance import Makeup, Visit
from app.models.base import Base, BillingType, PackageKind, Role, TermUnit
from app.models.billing import (
    CashDrawer,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    InvoiceState,
    Payment,
    PaymentAttachment,
    PaymentMethod,
)
from app.models.catalogue import CreditType, Package, PackageCredit, PackageService
from app.models.clients import Client, ClientCategory, Family
from app.models.credits import CreditAllocation, CreditGrant, CreditUse
from app.models.programs import AttendanceStatus, Enrolment, Group, GroupExtraDate, GroupSlot, Program
from app.models.sales import Freeze, Membership, ServiceOccurrence
from app.models.system import AuditEvent, Setting, User

__all__ = [
    "AttendanceStatus", "AuditEvent", "Base", "BillingType", "CashDrawer", "Client",
    "ClientCategory", "CreditAllocation", "CreditGrant", "CreditType", "CreditUse",
    "Enrolment", "Family", "Freeze", "Group", "GroupExtraDate", "GroupSlot", "Invoice",
    "InvoiceCounter", "InvoiceLine", "InvoiceState", "Makeup", "Membership", "Package",
    "PackageCredit", "PackageKind", "PackageService", "Payment", "PaymentAttachment",
    "PaymentMethod", "Program", "Role", "ServiceOccurrence", "Setting", "TermUnit", "User",
    "Visit",
]
