"""The owner's reports (SPEC Q1-Q8): each a read-only function returning a :class:`~app.reports.base.Report`.

:data:`REPORTS` lists them in the order the Reports area shows them; the dashboard (Q7) is
:func:`app.reports.dashboard.run`, whose figures name the report (key and filters) that lists what
they count. (``REPORTS: dict[str, ReportDef]``, built on first use.)
"""

from __future__ import annotations

import importlib
from typing import Callable

from app.reports.base import Filters, Report, ReportDef
from app.reports.wording import say

SALE_FILTERS = frozenset({"period", "package_id", "client_id", "status", "kind"})
EXPIRING_DAYS = 7  # the "ending soon" report's default: within a week (app.reports.expiring.DEFAULT_DAYS)


def _later(module: str, name: str = "run") -> Callable[..., Report]:
    """``app.reports.<module>.<name>``, imported when first run: listing the reports (the owner's first
    screen) then maps no table and reads no query (start budget); it runs on the worker."""

    def run(*args, **kwargs) -> Report:
        return getattr(importlib.import_module(f"app.reports.{module}"), name)(*args, **kwargs)

    run.__name__ = run.__qualname__ = name
    return run


def _registry() -> dict[str, ReportDef]:
    return {d.key: d for d in (
        ReportDef("expiring", say("Memberships and packs ending soon"), _later("expiring"),
                  frozenset({"days", "package_id", "client_id", "kind"}), Filters(days=EXPIRING_DAYS)),
        ReportDef("at_risk", say("Members at risk"), _later("at_risk"), frozenset({"days", "client_id"})),
        ReportDef("expired", say("Expired memberships"), _later("memberships", "expired"), SALE_FILTERS),
        ReportDef("renewals", say("Renewals"), _later("memberships", "renewals"), SALE_FILTERS),
        ReportDef("new", say("New subscriptions"), _later("memberships", "new_subscriptions"), SALE_FILTERS),
        ReportDef("packages", say("Most requested packages"), _later("packages"),
                  frozenset({"period", "client_id", "kind"})),
        ReportDef("money", say("Payments and refunds by method and cash drawer"), _later("money"),
                  frozenset({"period"})),
        ReportDef("balances", say("Outstanding balances"), _later("balances"), frozenset({"client_id"})),
        ReportDef("unpaid", say("Unpaid lessons"), _later("unpaid"),
                  frozenset({"period", "client_id", "program_id", "group_id"})),
        ReportDef("attendance", say("Attendance and occupancy by group and month"), _later("attendance"),
                  frozenset({"period", "program_id", "group_id"})),
        ReportDef("credits", say("Credits by client and type"), _later("credits"),
                  frozenset({"period", "client_id", "credit_type_id", "days"})),
    )}


def __getattr__(name: str):
    """``REPORTS`` is built on first use: the report modules read the services, and the services
    (settings) import small pieces of this package, so importing them here at once would go round."""
    if name == "REPORTS":
        globals()["REPORTS"] = _registry()
        return globals()["REPORTS"]
    raise AttributeError(name)
