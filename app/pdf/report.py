"""Any report as a printable PDF (Q6): its title, the filters it ran with, the table (header row
repeated on every page), the totals, the rows listed apart, the chart, and "Page n of m".

A4 upright, or landscape when the columns are many. Plain data in (a
:class:`~app.reports.base.Report`), a file out; the caller writes it whole (app/files.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, LongTable, SimpleDocTemplate, Spacer, TableStyle

from app.pdf.charts import chart_drawing
from app.pdf.text import REGULAR, para, styles, visual
from app.reports.base import Report
from app.tasks import TaskState, steps

LANDSCAPE_FROM = 7  # columns: from this many the page turns sideways
MARGIN = 15 * mm
PADDING = 3  # points left and right in a cell


class _NumberedCanvas(Canvas):
    """Writes "Page n of m" on every page once the number of pages is known (pages are kept until save)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.setFont(REGULAR, 8)
            self.setFillColor(colors.HexColor("#666666"))
            self.drawRightString(self._pagesize[0] - MARGIN, MARGIN / 2, f"Page {number} of {total}")
            super().showPage()
        super().save()


def _widths(report: Report, width: float) -> list[float]:
    """Column widths in proportion to their longest text (header word, cell or total), the same for the
    rows and the rows listed apart; a number's column is never narrower than its longest number."""
    lines = [[c.text(row.get(c.key)) for c in report.columns] for row in (report.rows[:500] + report.apart[:100])]
    lines.append([c.text(report.totals.get(c.key)) for c in report.columns])
    weights = []
    for i, column in enumerate(report.columns):
        longest = max([max(len(word) for word in column.title.split() or [""])] + [len(line[i]) for line in lines])
        weights.append(min(max(longest, 8 if column.right else 4), 40) + 1)
    return [width * w / sum(weights) for w in weights]


def render_report(report: Report, business: dict, path: Path, state: TaskState | None = None,
                  made: dt.datetime | None = None) -> Path:
    """Write ``report`` as a PDF to ``path`` (progress through ``state`` while the rows are laid out)."""
    pagesize = landscape(A4) if len(report.columns) >= LANDSCAPE_FROM else A4
    width = pagesize[0] - 2 * MARGIN
    st = styles(small=len(report.columns) >= LANDSCAPE_FROM)
    made = made or dt.datetime.now()
    story = [para(business.get("business_name", ""), st["muted"]), para(report.title, st["title"])]
    shown_filters = "   ·   ".join(f"{label}: {value}" for label, value in report.filters)
    story.append(para(shown_filters + ("   ·   " if shown_filters else "") + f"Made {made:%d.%m.%Y %H:%M}",
                      st["muted"]))
    story.append(Spacer(1, 4 * mm))
    if report.empty:
        story.append(para(report.empty_text, st["heading"]))
    if report.chart is not None and not report.empty:
        drawing = chart_drawing(report.chart, min(width, 170 * mm), 80 * mm)
        drawing.hAlign = "CENTER"
        story += [drawing, Spacer(1, 4 * mm)]
    if report.rows:
        story.append(_table(report, report.rows, width, st, state, with_totals=True))
    if report.apart:
        story += [Spacer(1, 6 * mm), KeepTogether([para(report.apart_title, st["heading"]), Spacer(1, 2 * mm),
                                                   _table(report, report.apart, width, st, None)])]
    SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                      bottomMargin=MARGIN, title=report.title).build(story, canvasmaker=_NumberedCanvas)
    return Path(path)


class _PagedTable(Flowable):
    """A long table laid out a window of rows at a time, its header row on every page.

    reportlab measures every row left each time a table is split at a page's end: a 20,000-row
    table took a minute that way. Here each split looks at the next :data:`WINDOW` rows only, so
    the time grows with the rows, not with their square.
    """

    WINDOW = 150  # rows: more than any page holds

    def __init__(self, make, rows: list, first: int = 0):
        super().__init__()
        self._make, self._rows, self._first = make, rows, first  # make(rows, first, last) -> LongTable
        self._table = None

    def _window(self):
        window = self._rows[:self.WINDOW]
        return self._make(window, self._first, len(self._rows) <= self.WINDOW)

    def wrap(self, avail_width, avail_height):
        if len(self._rows) > self.WINDOW:
            self._table = None
            return avail_width, avail_height + 1  # more than a page: the frame splits it
        self._table = self._window()
        return self._table.wrap(avail_width, avail_height)

    def split(self, avail_width, avail_height):
        parts = self._window().split(avail_width, avail_height)
        if not parts:
            return []
        window = min(len(self._rows), self.WINDOW)
        placed = len(parts[0]._cellvalues) - 1  # rows on this page, less the header (with the totals, if there)
        if placed <= 0:
            return []
        if placed > window:
            return [parts[0]]  # the last rows and the totals: done
        # the rows after this page; after the last window, an empty rest still brings the totals row
        return [parts[0], _PagedTable(self._make, self._rows[placed:], self._first + placed)]

    def draw(self):
        self._table.drawOn(self.canv, 0, 0)


def _table(report: Report, rows: list[dict], width: float, st: dict, state: TaskState | None,
           with_totals: bool = False) -> _PagedTable:
    """The rows as a table with its header row on every page. A cell that fits its column is plain
    text, drawn at once; only longer text becomes a paragraph that wraps (a paragraph per cell made
    a 3,000-row report take ten seconds)."""
    columns = report.columns
    widths = _widths(report, width)
    body_style = st["body"]
    font, size = body_style.fontName, body_style.fontSize

    def cell(text: str, column, room: float):
        if column.right or stringWidth(text, font, size) <= room - 2 * PADDING:
            return visual(text)
        return para(text, body_style)

    body = [[cell(column.text(row.get(column.key)), column, room) for column, room in zip(columns, widths)]
            for row in steps(state, rows)]
    header = [para(c.title, st["th_right"] if c.right else st["th"]) for c in columns]
    totals = None
    if with_totals and report.totals:
        texts = [c.text(report.totals.get(c.key)) for c in columns]
        texts[0] = texts[0] or "Total"
        totals = [para(text, st["bold_right"] if c.right else st["th"]) for c, text in zip(columns, texts)]

    def make(window: list, first: int, last: bool) -> LongTable:
        data = [header] + window + ([totals] if last and totals else [])
        stripes = [colors.white, colors.HexColor("#f2f4f7")][first % 2:] + [colors.white][:first % 2]
        style = [("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                 ("VALIGN", (0, 0), (-1, -1), "TOP"),
                 ("FONT", (0, 1), (-1, -1), font, size, body_style.leading),
                 ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING)]
        if window:
            style.append(("ROWBACKGROUNDS", (0, 1), (-1, len(window)), stripes))
        style += [("ALIGN", (i, 1), (i, -1), "RIGHT") for i, column in enumerate(columns) if column.right]
        if last and totals:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(style))
        return table

    return _PagedTable(make, body)
