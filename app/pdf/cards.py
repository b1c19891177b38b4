"""Member cards (X3): credit-card size (85.6 x 54 mm), ten to an A4 page, with name, code and a QR code.

The QR holds the client's code and nothing else, so the check-in field
(which takes a typed or scanned code) accepts it. Drawn with reportlab's
own barcode module; cut along the thin grey outlines.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.pdf.text import BOLD, REGULAR, register_fonts, visual
from app.tasks import TaskState, steps

CARD_W, CARD_H = 85.6 * mm, 54 * mm
COLUMNS, ROWS = 2, 5
QR_SIZE = 30 * mm
NAME_SIZE = 10


def qr_drawing(value: str, size: float = QR_SIZE) -> Drawing:
    widget = QrCodeWidget(value)
    left, bottom, right, top = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (right - left), 0, 0, size / (top - bottom), 0, 0])
    drawing.add(widget)
    return drawing


def qr_modules(value: str) -> list[list[bool]]:
    """The QR's dark modules, as reportlab's QR widget (level L) encodes ``value``, computed once."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.L)
    code.addData(value)
    code.make()
    return [[bool(m) for m in row] for row in code.modules]


def draw_qr(canvas: Canvas, value: str, x: float, y: float, size: float = QR_SIZE, border: int = 4) -> None:
    """Draw the QR straight onto the page: one path of dark runs (ten times faster than the widget,
    which encodes the code twice and makes a shape per module: 1,000 cards took 13 s)."""
    modules = qr_modules(value)
    box = size / (len(modules) + 2 * border)
    path = canvas.beginPath()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in itertools.groupby(row):
            count = len(list(run))
            if dark:
                path.rect(x + (c + border) * box, y + size - (r + border + 1) * box, count * box, box)
            c += count
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> float:
    """The font size at which ``text`` fits ``width`` (long names shrink, down to 6 pt)."""
    while size > 6 and canvas.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _name_lines(canvas: Canvas, name: str, width: float) -> list[str]:
    """The name on at most two lines that fit ``width``; what is left over ends in an ellipsis."""
    lines = simpleSplit(name, BOLD, NAME_SIZE, width)
    if len(lines) > 2:
        second = " ".join(lines[1:])
        while second and canvas.stringWidth(second + "…", BOLD, NAME_SIZE) > width:
            second = second[:-1]
        lines = [lines[0], second.rstrip() + "…"]
    return [visual(line) for line in lines]


def _card(canvas: Canvas, x: float, y: float, card: dict, business: str) -> None:
    canvas.setStrokeColorRGB(0.8, 0.8, 0.8)
    canvas.roundRect(x, y, CARD_W, CARD_H, 3 * mm)
    canvas.setFillColorRGB(0.17, 0.49, 0.63)
    text_width = CARD_W - QR_SIZE - 12 * mm
    size = _fit(canvas, visual(business), BOLD, 9, text_width)
    canvas.setFont(BOLD, size)
    canvas.drawString(x + 5 * mm, y + CARD_H - 9 * mm, visual(business))
    canvas.setFillColorRGB(0.1, 0.1, 0.1)
    for line_number, line in enumerate(_name_lines(canvas, card["name"], text_width)):
        canvas.setFont(BOLD, NAME_SIZE)
        canvas.drawString(x + 5 * mm, y + CARD_H / 2 + 2 * mm - line_number * (NAME_SIZE + 2), line)
    canvas.setFont(REGULAR, 14)
    canvas.drawString(x + 5 * mm, y + 8 * mm, card["code"])
    draw_qr(canvas, card["code"], x + CARD_W - QR_SIZE - 4 * mm, y + (CARD_H - QR_SIZE) / 2)


def render_cards(cards: list[dict], business: str, path: Path, state: TaskState | None = None) -> Path:
    """``cards``: dicts with name and code. Ten cards to a page, in the order given."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("Member cards")
    left = (A4[0] - COLUMNS * CARD_W) / 2
    bottom = (A4[1] - ROWS * CARD_H) / 2
    per_page = COLUMNS * ROWS
    for number, card in enumerate(steps(state, cards, every=COLUMNS * ROWS)):
        place = number % per_page
        if number and place == 0:
            canvas.showPage()
        column, row = place % COLUMNS, place // COLUMNS
        _card(canvas, left + column * CARD_W, bottom + (ROWS - 1 - row) * CARD_H, card, business)
    canvas.save()
    return Path(path)
