"""Member cards (X3): credit-card size (85.6 x 54 mm), ten to an A4 page, with name, code and a QR code.

The QR holds the client's code and nothing else, so the check-in field
(which takes a typed or scanned code) accepts it. Drawn with reportlab's
own barcode module; cut along the thin grey outlines.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.pdf.text import BOLD, REGULAR, register_fonts, visual

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
    renderPDF.draw(qr_drawing(card["code"]), canvas, x + CARD_W - QR_SIZE - 4 * mm, y + (CARD_H - QR_SIZE) / 2)


def render_cards(cards: list[dict], business: str, path: Path) -> Path:
    """``cards``: dicts with name and code. Ten cards to a page, in the order given."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setTitle("Member cards")
    left = (A4[0] - COLUMNS * CARD_W) / 2
    bottom = (A4[1] - ROWS * CARD_H) / 2
    per_page = COLUMNS * ROWS
    for number, card in enumerate(cards):
        place = number % per_page
        if number and place == 0:
            canvas.showPage()
        column, row = place % COLUMNS, place // COLUMNS
        _card(canvas, left + column * CARD_W, bottom + (ROWS - 1 - row) * CARD_H, card, business)
    canvas.save()
    return Path(path)
