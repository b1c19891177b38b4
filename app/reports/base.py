"""What every report is made of (SPEC Q1-Q8), without Qt.

A report is a function ``run(session, actor, filters, *, state=None) -> Report``: it reads, never
writes, and returns rows of plain values (str, int, Decimal, date) under typed columns, with an
optional chart. The window shows a Report as a sortable table with its chart, and the same Report
becomes a PDF, a CSV or an XLSX file: one result, every form (Q6, X2).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Callable

from app.errors import DomainError
from app.reports.wording import ENGLISH, Text, say

FIRST_YEAR, LAST_YEAR = 2000, 2100


class Kind(str, Enum):
    """How a column's values are shown, sorted and written to a spreadsheet."""

    TEXT = "text"
    COUNT = "count"  # a whole number, right-aligned
    MONEY = "money"  # Decimal, two places
    DATE = "date"
    MONTH = "month"  # a date standing for its calendar month: "December 2026"
    PERCENT = "percent"  # Decimal, 0-100


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # a Text (say("Client")), or a list's header already in the reader's words
    kind: Kind = Kind.TEXT

    def text(self, value, voice=ENGLISH) -> str:
        """The value as ``voice`` writes it (English: 1,234.50 / 31.12.2026 / 42 / 12.5 % / December 2026)."""
        return voice.cell(self.kind, value)

    @property
    def right(self) -> bool:
        """Numbers are aligned right."""
        return self.kind in (Kind.COUNT, Kind.MONEY, Kind.PERCENT)


@dataclass(frozen=True)
class Period:
    """Both ends included. A period that ends before it starts, or lies outside 2000-2100, is refused."""

    start: dt.date
    end: dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise DomainError("The period ends before it starts.", field="period")
        for day in (self.start, self.end):
            if not FIRST_YEAR <= day.year <= LAST_YEAR:
                raise DomainError("Choose dates between {first} and {last}.", field="period", first=FIRST_YEAR,
                                  last=LAST_YEAR)

    @classmethod
    def month_of(cls, day: dt.date) -> Period:
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return cls(first, following - dt.timedelta(days=1))

    def previous(self) -> Period:
        """The period of the same length just before this one (a whole month before a whole month)."""
        if self.start.day == 1 and (self.end + dt.timedelta(days=1)).day == 1:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            first = self.start
            for _ in range(months):
                first = (first - dt.timedelta(days=1)).replace(day=1)
            return Period(first, self.start - dt.timedelta(days=1))
        length = self.end - self.start
        end = self.start - dt.timedelta(days=1)
        return Period(end - length, end)

    def to_date(self, today: dt.date) -> Period:
        """The part of the period up to ``today`` ("this month to date")."""
        return Period(self.start, min(self.end, max(today, self.start)))

    def month_earlier(self) -> Period:
        """The same days one month earlier (1-17 March -> 1-17 February; a 31st falls on the month's
        last day): what "this month to date" is compared with."""
        return Period(_month_back(self.start), _month_back(self.end))

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period (for reports by month)."""
        out, first = [], self.start
        while first <= self.end:
            month = Period.month_of(first)
            out.append(Period(first, min(month.end, self.end)))
            first = month.end + dt.timedelta(days=1)
        return out

    def text(self) -> Text:
        return say("{start} – {end}", start=self.start, end=self.end)


def _month_back(day: dt.date) -> dt.date:
    last_of_previous = day.replace(day=1) - dt.timedelta(days=1)
    return last_of_previous.replace(day=min(day.day, last_of_previous.day))


@dataclass(frozen=True)
class Filters:
    """What the user chose; each report uses the fields it understands and ignores the rest."""

    period: Period | None = None
    package_id: int | None = None
    client_id: int | None = None
    status: str | None = None
    program_id: int | None = None
    group_id: int | None = None
    days: int | None = None  # "within N days" / "no visit in N days"
    kind: str | None = None  # a PackageKind value: memberships, lesson packs or credits only
    credit_type_id: int | None = None


CHART_WIDTH, CHART_HEIGHT = 480, 240  # points; the screen scales a chart keeping this shape


@dataclass(frozen=True)
class Chart:
    """A picture of the rows: bars (or lines) per category, one series or several side by side."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[Decimal | int]]]
    kind: str = "bar"  # "bar" or "line"


@dataclass
class Report:
    key: str
    title: str
    columns: list[Column]
    rows: list[dict]
    filters: list[tuple[str, str]] = field(default_factory=list)  # (label, value) for the PDF header
    totals: dict = field(default_factory=dict)  # column key -> total (or a Text: "8 clients"), under the table
    chart: Chart | None = None
    apart: list[dict] = field(default_factory=list)  # rows listed separately (e.g. no phone or email)
    empty_text: str = field(default_factory=lambda: say("Nothing in this period."))
    apart_title: str = field(default_factory=lambda: say("Listed apart"))  # the heading over ``apart``

    @property
    def empty(self) -> bool:
        return not self.rows and not self.apart

    def table(self) -> tuple[list[str], list[list]]:
        """Headers and rows of plain values, as the CSV, XLSX and PDF writers take them."""
        return ([c.title for c in self.columns],
                [[row.get(c.key) for c in self.columns] for row in self.rows])


@dataclass(frozen=True)
class ReportDef:
    """A report the Reports area lists: its title, the filters it offers, and the function that runs it."""

    key: str
    title: str
    run: Callable[..., Report]  # run(session, actor, filters, *, state=None) -> Report
    uses: frozenset[str] = frozenset({"period"})  # Filters fields the filter bar offers
    defaults: Filters = Filters()


@dataclass(frozen=True)
class Figure:
    """One number of the owner's dashboard (Q7): it opens report ``report`` with ``filters``.

    ``previous`` is the same figure for the period before (None: no comparison); a figure whose
    period holds today is "to date" (the window says so).
    """

    title: str
    value: int | Decimal
    previous: int | Decimal | None
    report: str
    filters: Filters = Filters()
    kind: Kind = Kind.COUNT
    key: str = ""  # which figure ("current_members", "new", ...), for tests and the window's layout
    of: int | None = None  # the whole the value is part of (occupancy: enrolled of ``of`` places)
    to_date: bool = False  # a "this month to date" figure, compared with the same days of last month


@dataclass
class Dashboard:
    """The owner's first page: figures as tiles, and the charts under them (member movement, revenue)."""

    figures: list[Figure]
    charts: list[Chart] = field(default_factory=list)
    period: Period | None = None  # "this month to date"
    previous: Period | None = None  # the same days of last month

    def figure(self, key: str) -> Figure:
        return next(f for f in self.figures if f.key == key)
