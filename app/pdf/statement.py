"""A client's credit statement as a printable A4 document (K4): per credit type every grant, use,
reversal and expiry with the running balance, then granted, used, expired, remaining and what expires when.

Names, notes and package names are user text: they go through :func:`app.pdf.text.para`, which escapes
markup and draws right-to-left scripts correctly.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from app.pdf.invoice import FRAME_PADDING
from app.pdf.text import para, styles


def _signed(change: int) -> str:
    return f"+{change}" if change > 0 else str(change)


def _type_story(entry: dict, width: float, st: dict) -> list:
    head = [para("Date", st["th"]), para("Movement", st["th"]), para("By", st["th"]), para("Units", st["th_right"]),
            para("Balance", st["th_right"])]
    rows = [head]
    for move in entry["movements"]:
        what = move["text"] + (f" — {move['note']}" if move["note"] else "") + (
            " (reversed)" if move.get("reversed") else "")
        rows.append([para(f"{move['date']:%d.%m.%Y}", st["body"]), para(what, st["body"]),
                     para(move["by"], st["muted"]),
                     para(_signed(move["change"]), st["right"]), para(str(move["balance"]), st["right"])])
    table = Table(rows, colWidths=[width * 0.14, width * 0.46, width * 0.18, width * 0.1, width * 0.12], repeatRows=1)
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    unit = entry["unit"]
    totals = (f"Granted {entry['granted']} · used {entry['used']} · expired {entry['expired']} · "
              f"remaining {entry['remaining']}, of which {entry['available']} valid today")
    expiring = "; ".join(f"{units} until {until:%d.%m.%Y}" for until, units in entry["expiring"])
    return [KeepTogether([para(f"{entry['name']} (unit: {unit})", st["heading"]), para(totals, st["body"])]),
            para(f"Expires: {expiring}" if expiring else "Nothing valid today.", st["muted"]), Spacer(1, 2 * mm),
            table, Spacer(1, 6 * mm)]


def render_statement(statement: dict, business: dict, path: Path) -> Path:
    """Write ``statement`` (app.services.credits.statement) to ``path`` as an A4 PDF."""
    st = styles()
    margin = 18 * mm
    width = A4[0] - 2 * margin - 2 * FRAME_PADDING
    story = [para(business.get("business_name", ""), st["title"]),
             para(f"Credit statement: {statement['name']} ({statement['code']})", st["heading"]),
             para(f"As of {statement['today']:%d.%m.%Y}", st["muted"]), Spacer(1, 5 * mm)]
    for entry in statement["types"]:
        story += _type_story(entry, width, st)
    if not statement["types"]:
        story.append(para("No credits have been granted to this client.", st["body"]))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin, title=f"Credit statement {statement['code']}").build(story)
    return Path(path)
