"""The day's takings as a printable A4 page: payments and refunds (money out, B6) by method and cash drawer,
and the total. Its labels in the business's language (app/messages.py), mirrored in Arabic."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from app.pdf.invoice import FRAME_PADDING
from app.messages import Words
from app.pdf.text import in_reading_order, para, styles


def _method(line: dict, say: Words) -> str:
    """A line's method in the document's words (a refund's line says "Refund: Cash")."""
    method = line["method"].removeprefix("Refund: ") if line.get("refund") else line["method"]
    return say("Refund: {method}", method=say.term(method)) if line.get("refund") else say.term(method)


def render_takings(takings: dict, business: dict, path: Path) -> Path:
    say = Words(business.get("language"))
    mirrored = say.right_to_left
    st = styles(right_to_left=mirrored)
    margin = 18 * mm
    width = A4[0] - 2 * margin - 2 * FRAME_PADDING
    currency = business.get("currency", "")
    heading = say("Takings of {day}", day=say.date(takings["day"]))
    story = [para(business.get("business_name", ""), st["title"]), para(heading, st["heading"]), Spacer(1, 4 * mm)]
    rows = [[para(say("Method"), st["th"]), para(say("Cash drawer"), st["th"]), para(say("Payments"), st["th_right"]),
             para(say("Amount {currency}", currency=currency), st["th_right"])]]
    rows += [[para(_method(line, say), st["body"]), para(line["drawer"], st["body"]),
              para(str(line["count"]), st["right"]), para(say.money(line["amount"]), st["right"])]
             for line in takings["lines"]]
    if takings.get("refunds"):  # B6: money paid back today is money out of today's takings
        rows.append([para(say("Of which paid back (refunds)"), st["body"]), "", "",
                     para(say.money(-takings["refunds"]), st["right"])])
    rows.append([para(say("Total"), st["th"]), "", "", para(say.money(takings["total"]), st["bold_right"])])
    table = Table([in_reading_order(row, mirrored) for row in rows], repeatRows=1,
                  colWidths=in_reading_order([width * 0.3, width * 0.3, width * 0.15, width * 0.25], mirrored))
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin, title=heading).build(story)
    return Path(path)
