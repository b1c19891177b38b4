"""The owner's reports (SPEC Q1-Q8): each a read-only function returning a :class:`~app.reports.base.Report`.

:data:`REPORTS` lists them in the order the Reports area shows them; the dashboard (Q7) is
:func:`app.reports.dashboard.run`, whose figures name the report (key and filters) that lists what
they count. (``REPORTS: dict[str, ReportDef]``, built on first use.)
"""

from __future__ import annotations

from app.reports.base import Filters, ReportDef
from app.reports.wording import say

SALE_FILTERS = frozenset({"period", "package_id", "client_id", "status", "kind"})


def _registry() -> dict[str, ReportDef]:
    from app.reports import at_risk, attendance, balances, credits, expiring, memberships, money, packages, unpaid

    return {d.key: d for d in (
        ReportDef("expiring", say("Memberships and packs ending soon"), expiring.run,
                  frozenset({"days", "package_id", "client_id", "kind"}), Filters(days=expiring.DEFAULT_DAYS)),
        ReportDef("at_risk", say("Members at risk"), at_risk.run, frozenset({"days", "client_id"})),
        ReportDef("expired", say("Expired memberships"), memberships.expired, SALE_FILTERS),
        ReportDef("renewals", say("Renewals"), memberships.renewals, SALE_FILTERS),
        ReportDef("new", say("New subscriptions"), memberships.new_subscriptions, SALE_FILTERS),
        ReportDef("packages", say("Most requested packages"), packages.run, frozenset({"period", "client_id", "kind"})),
        ReportDef("money", say("Payments and refunds by method and cash drawer"), money.run, frozenset({"period"})),
        ReportDef("balances", say("Outstanding balances"), balances.run, frozenset({"client_id"})),
        ReportDef("unpaid", say("Unpaid lessons"), unpaid.run,
                  frozenset({"period", "client_id", "program_id", "group_id"})),
        ReportDef("attendance", say("Attendance and occupancy by group and month"), attendance.run,
                  frozenset({"period", "program_id", "group_id"})),
        ReportDef("credits", say("Credits by client and type"), credits.run,
                  frozenset({"period", "client_id", "credit_type_id", "days"})),
    )}


def __getattr__(name: str):
    """``REPORTS`` is built on first use: the report modules read the services, and the services
    (settings) import small pieces of this package, so importing them here at once would go round."""
    if name == "REPORTS":
        globals()["REPORTS"] = _registry()
        return globals()["REPORTS"]
    raise AttributeError(name)
