"""The day's takings as a printable A4 page: payments and refunds (money out, B6) by method and cash drawer,
and the total."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from app.pdf.invoice import FRAME_PADDING
from app.pdf.text import para, styles


def render_takings(takings: dict, business: dict, path: Path) -> Path:
    st = styles()
    margin = 18 * mm
    width = A4[0] - 2 * margin - 2 * FRAME_PADDING
    currency = business.get("currency", "")
    story = [para(business.get("business_name", ""), st["title"]),
             para(f"Takings of {takings['day']:%d.%m.%Y}", st["heading"]), Spacer(1, 4 * mm)]
    rows = [[para("Method", st["th"]), para("Cash drawer", st["th"]), para("Payments", st["th_right"]),
             para(f"Amount {currency}", st["th_right"])]]
    rows += [[para(line["method"], st["body"]), para(line["drawer"], st["body"]),
              para(str(line["count"]), st["right"]), para(f"{line['amount']:,.2f}", st["right"])]
             for line in takings["lines"]]
    if takings.get("refunds"):  # B6: money paid back today is money out of today's takings
        rows.append([para("Of which paid back (refunds)", st["body"]), "", "",
                     para(f"{-takings['refunds']:,.2f}", st["right"])])
    rows.append([para("Total", st["th"]), "", "", para(f"{takings['total']:,.2f}", st["bold_right"])])
    table = Table(rows, colWidths=[width * 0.3, width * 0.3, width * 0.15, width * 0.25], repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.append(table)
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin, title=f"Takings {takings['day']:%Y-%m-%d}").build(story)
    return Path(path)
