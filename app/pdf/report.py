"""Any report as a printable PDF (Q6): its title, the filters it ran with, the table (header row
repeated on every page), the totals, the rows listed apart, the chart, and "Page n of m".

In the business's language like the other documents (``business["language"]``, app/reports/wording.py:
a report's words, its dates, months and numbers); Arabic mirrored: the columns from the right, text at
the right of its cell and numbers at the left, the page number at the bottom left.

A4 upright, or landscape when the columns are many. Plain data in (a
:class:`~app.reports.base.Report`), a file out; the caller writes it whole (app/files.py).

The title, the filters and the chart are platypus flowables; the table draws its rows itself
on the canvas, a fixed height each, text cut with "…" to its column (a reportlab table cost
over a millisecond a row: a 20,000-row report took half a minute).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from itertools import accumulate
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfdoc import PDFPage, PDFStream, PDFZCompress
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer

from app.languages import right_to_left
from app.pdf.charts import chart_drawing
from app.pdf.text import BOLD, REGULAR, para, styles, visual
from app.reports.base import Report
from app.reports.wording import ENGLISH, RIGHT_TO_LEFT, Voice, document_voice, say
from app.tasks import TaskState

LANDSCAPE_FROM = 7  # columns: from this many the page turns sideways
MARGIN = 15 * mm
PADDING = 3  # points left and right in a cell
ROW_PADDING = 2  # points above and below a row's text
ELLIPSIS = "…"
STRIPE = colors.HexColor("#f2f4f7")
PROGRESS_EVERY = 200  # rows between two progress reports (and Cancel checks) while the rows are drawn


class _NumberedCanvas(Canvas):
    """Writes "Page n of m" on every page once the number of pages is known (pages are kept until save)."""

    def __init__(self, *args, voice: Voice = ENGLISH, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._voice = voice

    def showPage(self):  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total, voice = len(self._pages), self._voice
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.setFont(REGULAR, 8)
            self.setFillColor(colors.HexColor("#666666"))
            label = _shown(voice.text(say("Page {number} of {total}", number=number, total=total)))
            if right_to_left(voice.language):  # where the reading ends: the bottom left
                self.drawString(MARGIN, MARGIN / 2, label)
            else:
                self.drawRightString(self._pagesize[0] - MARGIN, MARGIN / 2, label)
            super().showPage()
            self._flate_only(self._doc.Pages.pages[-1])
        super().save()

    @staticmethod
    def _flate_only(page: PDFPage) -> None:
        """The page's text compressed without ASCII85 on top (reportlab's default, for 7-bit channels no
        one uses now: its pure-Python encoder took a third of a long report's time). Exactly what
        ``PDFPage.check_format`` would make, less that filter; reportlab is pinned (5.1.0)."""
        if page.compression and page.stream and not page.Contents:
            page.Contents = PDFStream(content=page.stream, filters=[PDFZCompress])
            page.Contents.__Comment__ = "page stream"


def render_report(report: Report, business: dict, path: Path, state: TaskState | None = None,
                  made: dt.datetime | None = None) -> Path:
    """Write ``report`` to ``path`` in the business's language (progress through ``state`` while the rows
    are laid out and drawn)."""
    voice = document_voice(business.get("language"))
    mirrored = right_to_left(voice.language)
    pagesize = landscape(A4) if len(report.columns) >= LANDSCAPE_FROM else A4
    width = pagesize[0] - 2 * MARGIN
    st = styles(small=len(report.columns) >= LANDSCAPE_FROM, right_to_left=mirrored)
    made = made or dt.datetime.now()
    title = voice.text(report.title)
    story = [para(business.get("business_name", ""), st["muted"]), para(title, st["title"])]
    shown_filters = [voice.text(say("{label}: {value}", label=label, value=voice.text(value)))
                     for label, value in report.filters]
    story.append(para("   ·   ".join([*shown_filters, voice.text(say("Made {when}", when=made))]), st["muted"]))
    story.append(Spacer(1, 4 * mm))
    if report.empty:
        story.append(para(voice.text(report.empty_text), st["heading"]))
    if report.chart is not None and not report.empty:
        drawing = chart_drawing(report.chart, min(width, 170 * mm), 80 * mm, voice)
        drawing.hAlign = "CENTER"
        story += [drawing, Spacer(1, 4 * mm)]
    if report.rows or report.apart:
        grid = _Grid(report, width, st["body"].fontSize, st["body"].leading, state, voice)
        if report.rows:
            story.append(grid.table(report.rows, with_totals=True))
        if report.apart:
            story += [Spacer(1, 6 * mm), KeepTogether([para(voice.text(report.apart_title), st["heading"]),
                                                       Spacer(1, 2 * mm), grid.table(report.apart)])]
    SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                      bottomMargin=MARGIN, title=title).build(
        story, canvasmaker=lambda *args, **kwargs: _NumberedCanvas(*args, voice=voice, **kwargs))
    return Path(path)


_RIGHT_TO_LEFT = RIGHT_TO_LEFT  # a right-to-left letter


def _shown(text: str) -> str:
    """Text as drawn (right-to-left runs reordered); text without a right-to-left letter, most cells, as it is."""
    return visual(text) if _RIGHT_TO_LEFT.search(text) else text


class _Measure(dict):
    """Character widths of a font at a size, looked up once each: the width of a text is then a sum."""

    def __init__(self, font: str, size: float):
        super().__init__()
        self._face, self._scale = getFont(font).face, size / 1000

    def __missing__(self, char: str) -> float:
        width = self[char] = self._face.charWidths.get(ord(char), self._face.defaultWidth) * self._scale
        return width

    def width(self, text: str) -> float:
        return sum(map(self.__getitem__, text))

    def fit(self, text: str, room: float) -> tuple[str, float]:
        """``text`` on one line as drawn and its width, cut with "…" at its end (in reading order) when
        wider than ``room``."""
        if "\n" in text or "\t" in text or "\r" in text:
            text = " ".join(text.split())
        shown = _shown(text)
        width = self.width(shown)
        if width <= room:
            return shown, width
        if shown is text:  # left to right: the longest start that fits beside the ellipsis, from the running widths
            keep = bisect_right(list(accumulate(map(self.__getitem__, text))), room - self[ELLIPSIS])
        else:
            low, high = 0, len(text)
            while low < high:
                middle = (low + high + 1) // 2
                if self.width(_shown(text[:middle].rstrip() + ELLIPSIS)) <= room:
                    low = middle
                else:
                    high = middle - 1
            keep = low
        shown = _shown(text[:keep].rstrip() + ELLIPSIS) if keep else ""
        return shown, self.width(shown)


class _Encoder:
    """Text as PDF text operators in a TrueType font, for many short cells: each character is placed in
    the font's subsets once (by reportlab), after that a text of characters already met is one lookup."""

    def __init__(self, font: str, size: float, doc):
        self._font, self._doc, self._size = getFont(font), doc, size
        self._first: dict[int, str] = {}  # characters in subset 0 -> their escaped byte
        self._known: set[str] = set()
        self._other: dict[str, tuple[int, str]] = {}  # characters in later subsets

    def _learn(self, char: str) -> tuple[int, str]:
        (subset, code), = self._font.splitString(char, self._doc)
        byte = code[0]
        escaped = "\\" + chr(byte) if chr(byte) in "()\\" else chr(byte) if 32 <= byte < 127 else f"\\{byte:03o}"
        if subset == 0:
            self._first[ord(char)] = escaped
            self._known.add(char)
        else:
            self._other[char] = (subset, escaped)
        return subset, escaped

    def select(self, subset: int = 0) -> str:
        return f"{self._font.getSubsetInternalName(subset, self._doc)} {self._size:g} Tf"

    def show(self, text: str) -> str:
        """``text`` as "(...) Tj", a subset's font selected where it changes (and subset 0 again after)."""
        if self._known.issuperset(text):
            return f"({text.translate(self._first)}) Tj"
        runs: list[tuple[int, list[str]]] = []
        for char in text:
            subset, escaped = (0, self._first[ord(char)]) if char in self._known else (
                self._other.get(char) or self._learn(char))
            if runs and runs[-1][0] == subset:
                runs[-1][1].append(escaped)
            else:
                runs.append((subset, [escaped]))
        shown = [f"{self.select(subset)} ({''.join(chars)}) Tj" for subset, chars in runs]
        return " ".join(shown) + ("" if runs[-1][0] == 0 else " " + self.select(0))


class _Grid:
    """The columns of a report's tables: their widths (sized once from the header and the rows' texts),
    the header row's lines, the row height, and each row's texts cut to fit."""

    SAMPLE = 500  # rows measured for the width of a text column (numbers: the longest ones, all rows)

    def __init__(self, report: Report, width: float, size: float, leading: float, state: TaskState | None,
                 voice: Voice = ENGLISH):
        self.voice, self.mirrored = voice, right_to_left(voice.language)
        self.columns = list(reversed(report.columns)) if self.mirrored else report.columns  # in reading order
        self.align_right = [column.right != self.mirrored for column in self.columns]  # mirrored: text at the right
        self.size, self.leading = size, leading
        self.row_height = leading + 2 * ROW_PADDING
        self.regular, self.bold = _Measure(REGULAR, size), _Measure(BOLD, size)
        self.state = state
        self._encoders: dict[tuple[str, int], _Encoder] = {}
        self.done, self.total = 0, 2 * (len(report.rows) + len(report.apart))  # texts made, then rows drawn
        self._texts = {id(rows): self._plain(rows) for rows in (report.rows, report.apart) if rows}
        totals = [c.text(report.totals.get(c.key), voice) for c in report.columns] if report.totals else None
        if totals is not None:
            totals[0] = totals[0] or voice.text(say("Total"))
            totals = list(reversed(totals)) if self.mirrored else totals
        self.widths = self._widths(totals, width)
        self.lefts = [sum(self.widths[:i]) for i in range(len(self.widths))]
        self.header = [self._title_lines(voice.text(c.title), w) for c, w in zip(self.columns, self.widths)]
        self.header_height = max(len(lines) for lines in self.header) * leading + 2 * ROW_PADDING
        self.totals = self._fitted([totals], self.bold)[0] if totals is not None else None

    def _progress(self, count: int) -> None:
        """``count`` more steps done: reported (and Cancel checked) when a step of PROGRESS_EVERY is passed
        or all are done."""
        before, self.done = self.done, self.done + count
        if self.state is not None and (before // PROGRESS_EVERY != self.done // PROGRESS_EVERY
                                       or self.done == self.total):
            self.state.progress(self.done, self.total)

    def _plain(self, rows: list[dict]) -> list[list[str]]:
        columns, texts, voice = self.columns, [], self.voice
        for start in range(0, len(rows), PROGRESS_EVERY):
            part = rows[start:start + PROGRESS_EVERY]
            texts += [[c.text(row.get(c.key), voice) for c in columns] for row in part]
            self._progress(len(part))
        return texts

    def _widths(self, totals: list[str] | None, width: float) -> list[float]:
        """Each column as wide as its longest text (the header's longest word, a sampled row, a total; a
        number column: its longest number in all the rows); when they do not all fit, the widest columns
        are narrowed to one common width, so short columns (codes, dates, amounts) stay whole."""
        texts = list(self._texts.values())
        sample = [line for lines in texts for line in lines[:self.SAMPLE]]
        sample += [line for lines in texts for line in lines[self.SAMPLE::max(1, len(lines) // self.SAMPLE)]]
        if totals is not None:
            sample.append(totals)
        natural = []
        for i, column in enumerate(self.columns):
            shown = [line[i] for line in sample]
            if column.right:
                shown += sorted((line[i] for lines in texts for line in lines), key=len)[-5:]
            measure = self.bold if column.right else self.regular  # the totals are bold
            title = self.voice.text(column.title)
            natural.append(max([self.bold.width(_shown(word)) for word in title.split() or [""]]
                               + [measure.width(_shown(text)) for text in sorted(set(shown), key=len)[-20:]])
                           + 2 * PADDING + 1)
        if sum(natural) <= width:
            return [width * n / sum(natural) for n in natural]
        cap, rest, ordered = width, width, sorted(natural)
        for count, n in enumerate(ordered):  # one common width for the columns left, narrowest first
            cap = rest / (len(ordered) - count)
            if n > cap:
                break
            rest -= n
        return [min(n, cap) for n in natural]

    def _title_lines(self, title: str, width: float) -> list[str]:
        room = width - 2 * PADDING
        return [self.bold.fit(line, room)[0] for line in simpleSplit(title, BOLD, self.size, room)] or [""]

    def _fitted(self, lines: list[list[str]], measure: _Measure) -> list[list[tuple[str, str]]]:
        """Each row's non-empty cells as (x where its text starts, formatted for PDF; the text as drawn)."""
        places = [(f"{left + PADDING:.2f}", left + width - PADDING, width - 2 * PADDING, right, {})
                  for right, left, width in zip(self.align_right, self.lefts, self.widths)]
        fit, fitted = measure.fit, []
        for line in lines:
            cells = []
            for text, (start, end, room, right, done) in zip(line, places):
                if text:
                    cell = done.get(text)  # a text met before in this column (a package, a date): placed once
                    if cell is None:
                        shown, width = fit(text, room)
                        cell = done[text] = (f"{end - width:.2f}" if right else start, shown)
                    cells.append(cell)
            fitted.append(cells)
        return fitted

    def encoder(self, font: str, doc) -> _Encoder:
        """One per font and document: what it learnt of the characters serves every page."""
        key = (font, id(doc))
        if key not in self._encoders:
            self._encoders[key] = _Encoder(font, self.size, doc)
        return self._encoders[key]

    def table(self, rows: list[dict], with_totals: bool = False) -> _Rows:
        return _Rows(self, self._fitted(self._texts[id(rows)], self.regular), 0,
                     self.totals if with_totals else None)


class _Rows(Flowable):
    """Rows of a report's table under its header row, drawn straight on the canvas; split at a page's
    end by counting the rows that fit, the header row again on the next page and the totals after the
    last row."""

    def __init__(self, grid: _Grid, cells: list[list[tuple[str, str]]], first: int, totals: list | None):
        super().__init__()
        self.grid, self.cells, self.first, self.totals = grid, cells, first, totals
        self.width = sum(grid.widths)
        self.hAlign = "RIGHT" if grid.mirrored else "LEFT"  # a narrower table starts where the reading does
        self.height = grid.header_height + (len(cells) + (1 if totals else 0)) * grid.row_height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def split(self, avail_width, avail_height):
        grid = self.grid
        fit = int((avail_height - grid.header_height + 1e-6) // grid.row_height)
        if fit < 1:
            return []
        if fit >= len(self.cells) + (1 if self.totals else 0):
            return [self]
        return [_Rows(grid, self.cells[:fit], self.first, None),
                _Rows(grid, self.cells[fit:], self.first + fit, self.totals)]  # last: the totals, maybe alone

    def draw(self):
        canvas, grid = self.canv, self.grid
        size, row_height, leading = grid.size, grid.row_height, grid.leading
        top = self.height - grid.header_height
        rows = len(self.cells)
        canvas.saveState()
        stripes = [f"0 {top - (index + 1) * row_height:.2f} {self.width:.2f} {row_height:.2f} re"
                   for index in range(rows) if (self.first + index) % 2]
        if stripes:
            canvas.setFillColor(STRIPE)
            canvas.addLiteral("\n".join(stripes) + " f")
        canvas.setFillColor(colors.black)
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.8)
        canvas.line(0, top, self.width, top)
        if self.totals:
            canvas.line(0, top - rows * row_height, self.width, top - rows * row_height)
        baseline = row_height / 2 - 0.346 * size  # the glyphs' box (DejaVu: ascent 0.928, descent 0.236) centred
        regular, bold = grid.encoder(REGULAR, canvas._doc), grid.encoder(BOLD, canvas._doc)
        code = ["BT", bold.select()]
        for lines, right, left, width in zip(grid.header, grid.align_right, grid.lefts, grid.widths):
            for number, line in enumerate(lines):
                x = left + width - PADDING - grid.bold.width(line) if right else left + PADDING
                y = self.height - ROW_PADDING - (number + 1) * leading + (row_height - leading) / 2 + baseline
                code.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm {bold.show(line)}")
        code.append(regular.select())
        for index, cells in enumerate(self.cells):
            y = f"{top - (index + 1) * row_height + baseline:.2f}"
            code += [f"1 0 0 1 {x} {y} Tm {regular.show(text)}" for x, text in cells]
        if self.totals:
            y = f"{top - (rows + 1) * row_height + baseline:.2f}"
            code.append(bold.select())
            code += [f"1 0 0 1 {x} {y} Tm {bold.show(text)}" for x, text in self.totals]
        code.append("ET")
        canvas.addLiteral("\n".join(code))
        canvas.restoreState()
        grid._progress(rows)
