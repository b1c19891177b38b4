"""All tables of the desk, one module per area, each loaded on first use.

``from app.models import Client`` imports just the module that defines it
(PEP 562), so start-up maps only what sign-in needs and the window shows
sooner; :func:`load_all` registers every table on ``Base.metadata`` (for
migrations, and right after the first window is painted).
"""

from __future__ import annotations

import importlib

from app.models.base import Base, BillingType, PackageKind, Role, TermUnit

_MODULE_OF = {
    "Makeup": "attendance", "Visit": "attendance",
    "CashDrawer": "billing", "Invoice": "billing", "InvoiceCounter": "billing", "InvoiceLine": "billing",
    "InvoiceState": "billing", "Payment": "billing", "PaymentAttachment": "billing", "PaymentMethod": "billing",
    "Refund": "billing",
    "CreditType": "catalogue", "Package": "catalogue", "PackageCredit": "catalogue", "PackageService": "catalogue",
    "Client": "clients", "ClientCategory": "clients", "Family": "clients",
    "CreditAllocation": "credits", "CreditGrant": "credits", "CreditUse": "credits",
    "AttendanceStatus": "programs", "Enrolment": "programs", "Group": "programs", "GroupExtraDate": "programs",
    "GroupSlot": "programs", "Program": "programs",
    "Freeze": "sales", "Membership": "sales", "ServiceOccurrence": "sales",
    "ReminderSent": "reminders",
    "AuditEvent": "system", "Setting": "system", "User": "system",
}

__all__ = ["Base", "BillingType", "PackageKind", "Role", "TermUnit", "load_all", *_MODULE_OF]


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'app.models' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"app.models.{module}"), name)
    globals()[name] = value
    return value


def load_all() -> None:
    """Import every model module, so ``Base.metadata`` holds every table."""
    for module in sorted(set(_MODULE_OF.values())):
        importlib.import_module(f"app.models.{module}")
