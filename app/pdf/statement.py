"""A client's credit statement as a printable A4 document (K4): per credit type every grant, use,
reversal and expiry with the running balance, then granted, used, expired, remaining and what expires when.

Names, notes and package names are user text: they go through :func:`app.pdf.text.para`, which escapes
markup and draws right-to-left scripts correctly. The labels are in the business's language
(app/messages.py), mirrored in Arabic.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from app.pdf.invoice import FRAME_PADDING
from app.messages import Words
from app.pdf.text import in_reading_order, para, styles


def _signed(change: int) -> str:
    return f"+{change}" if change > 0 else str(change)


def _movement(move: dict, say: Words) -> str:
    """What a movement was, in the document's words (the service's "text" is its English)."""
    package = move.get("package") or say("Credits")
    if move["kind"] == "grant":
        return say("Granted: {package}, until {end}", package=package, end=say.date(move["valid_until"]))
    if move["kind"] == "expiry":
        return say("Expired: what was left of {package} (until {end})", package=package,
                   end=say.date(move["valid_until"]))
    if move["kind"] == "reversal":
        return say("Reversal of the use of {day}", day=say.date(move["of"]))
    return say("Check-in") if move.get("checkin") else say("Used")


def _type_story(entry: dict, width: float, st: dict, say: Words) -> list:
    mirrored = say.right_to_left
    head = [para(say("Date"), st["th"]), para(say("Movement"), st["th"]), para(say("By"), st["th"]),
            para(say("Units"), st["th_right"]), para(say("Balance"), st["th_right"])]
    rows = [head]
    for move in entry["movements"]:
        what = _movement(move, say) + (f" — {move['note']}" if move["note"] else "") + (
            " " + say("(reversed)") if move.get("reversed") else "")
        rows.append([para(say.date(move["date"]), st["body"]), para(what, st["body"]),
                     para(move["by"], st["muted"]),
                     para(_signed(move["change"]), st["right"]), para(str(move["balance"]), st["right"])])
    table = Table([in_reading_order(row, mirrored) for row in rows], repeatRows=1,
                  colWidths=in_reading_order([width * 0.14, width * 0.46, width * 0.18, width * 0.1, width * 0.12],
                                             mirrored))
    table.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    unit = entry["unit"]
    totals = say("Granted {granted} · used {used} · expired {expired} · remaining {remaining}, of which "
                 "{available} valid today", granted=entry["granted"], used=entry["used"], expired=entry["expired"],
                 remaining=entry["remaining"], available=entry["available"])
    expiring = "; ".join(say("{units} until {day}", units=units, day=say.date(until))
                         for until, units in entry["expiring"])
    return [KeepTogether([para(say("{name} (unit: {unit})", name=entry["name"], unit=unit), st["heading"]),
                          para(totals, st["body"])]),
            para(say("Expires: {when}", when=expiring) if expiring else say("Nothing valid today."), st["muted"]),
            Spacer(1, 2 * mm), table, Spacer(1, 6 * mm)]


def render_statement(statement: dict, business: dict, path: Path) -> Path:
    """Write ``statement`` (app.services.credits.statement) to ``path`` as an A4 PDF."""
    say = Words(business.get("language"))
    st = styles(right_to_left=say.right_to_left)
    margin = 18 * mm
    width = A4[0] - 2 * margin - 2 * FRAME_PADDING
    heading = say("Credit statement: {name} ({code})", name=statement["name"], code=statement["code"])
    story = [para(business.get("business_name", ""), st["title"]), para(heading, st["heading"]),
             para(say("As of {day}", day=say.date(statement["today"])), st["muted"]), Spacer(1, 5 * mm)]
    for entry in statement["types"]:
        story += _type_story(entry, width, st, say)
    if not statement["types"]:
        story.append(para(say("No credits have been granted to this client."), st["body"]))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                      bottomMargin=margin, title=heading).build(story)
    return Path(path)
