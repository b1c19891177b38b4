"""The invoice as a PDF (B4): A4, or an 80 mm receipt for a till printer.

Every piece of user text goes through :func:`app.pdf.text.para`, which
escapes it before reportlab's markup parser sees it, and lays out Arabic
and Hebrew right to left with joined letters. The fonts are DejaVu Sans,
shipped in resources/fonts, so Cyrillic, accented and Arabic names print.

The labels are the business's (its language setting: the invoice is the business's document,
whoever prints it), from the message catalogue (app/messages.py); an Arabic invoice reads right
to left. What was sold (the lines' descriptions) stays as it was issued.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Image, SimpleDocTemplate, Spacer, Table, TableStyle

from app.messages import QT_TRANSLATE_NOOP, Words
from app.pdf.text import in_reading_order, para, styles

RECEIPT_WIDTH = 80 * mm
FRAME_PADDING = 6  # points: SimpleDocTemplate's frame keeps this inside its margins
STATE_WORDS = {"draft": QT_TRANSLATE_NOOP("Messages", "DRAFT"), "void": QT_TRANSLATE_NOOP("Messages", "VOID"),
               "unpaid": QT_TRANSLATE_NOOP("Messages", "Unpaid"),
               "partly paid": QT_TRANSLATE_NOOP("Messages", "Partly paid"), "paid": QT_TRANSLATE_NOOP("Messages", "Paid")}


def _logo(business: dict, width: float, right_to_left: bool = False):
    path = Path(business.get("business_logo") or "")
    if not path.is_file() or path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return None
    try:
        logo = Image(str(path))
    except (OSError, ValueError):  # not a picture after all: print without it
        return None
    scale = min(width / logo.imageWidth, 18 * mm / logo.imageHeight, 1)
    logo.drawWidth, logo.drawHeight = logo.imageWidth * scale, logo.imageHeight * scale
    logo.hAlign = "RIGHT" if right_to_left else "LEFT"
    return logo


def _story(view: dict, business: dict, width: float, small: bool) -> list:
    say = Words(business.get("language"))
    mirrored = say.right_to_left
    st = styles(small, mirrored)
    currency = business.get("currency", "")
    story = []
    logo = _logo(business, width, mirrored)
    if logo is not None:
        story.append(logo)
    story.append(para(business.get("business_name", ""), st["title"]))
    if business.get("business_address"):
        story.append(para(business["business_address"], st["muted"]))
    story.append(Spacer(1, 4 * mm))
    state = say(STATE_WORDS.get(view["payment_state"], view["payment_state"]))
    story.append(para(say("Invoice {number}", number=view["number"]), st["heading"]))
    story.append(para(say("Date: {date}", date=say.date(view["date"])), st["body"]))
    story.append(para(say("State: {state}", state=state), st["body"]))
    if view["state"] == "void" and view.get("void_reason"):
        story.append(para(say("Void: {reason}", reason=view["void_reason"]), st["body"]))
    payer, client = view["payer"], view["client"]
    story.append(Spacer(1, 2 * mm))
    story.append(para(say("Bill to: {name} ({code})", name=payer["name"], code=payer["code"]), st["body"]))
    if client["id"] != payer["id"]:
        story.append(para(say("For: {name} ({code})", name=client["name"], code=client["code"]), st["body"]))
    story.append(Spacer(1, 3 * mm))

    amount_width = 24 * mm if small else 32 * mm
    widths = in_reading_order([width - amount_width, amount_width], mirrored)
    rows = [[para(say("Description"), st["th"]), para(say("Amount {currency}", currency=currency), st["th_right"])]]
    rows += [[para(line["description"], st["body"]), para(say.money(line["amount"]), st["right"])]
             for line in view["lines"]]
    lines = Table([in_reading_order(row, mirrored) for row in rows], colWidths=widths, repeatRows=1)
    lines.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.append(lines)
    story.append(Spacer(1, 2 * mm))

    refunds = view.get("refunds", [])
    rate = say.money(view["tax_rate"]).rstrip("0").rstrip(".,")  # 20 · 7,5 · 7.5
    totals = [(say("Items"), view["items"], False), (say("Discounts"), -view["discounts"], False),
              (say("Tax {rate}%", rate=rate), view["tax"], False), (say("Total"), view["total"], True),
              (say("Paid"), view["paid"], False)]
    if refunds:  # B6: what was paid back, so paid less paid back is what the business kept
        totals.append((say("Paid back"), -sum(r["amount"] for r in refunds), False))
    totals.append((say("Balance due"), view["balance"], True))
    table = Table([in_reading_order([para(label, st["bold_right"] if bold else st["right"]),
                                     para(say.money(value), st["bold_right"] if bold else st["right"])], mirrored)
                   for label, value, bold in totals], colWidths=widths)
    table.setStyle(TableStyle([
        ("LINEABOVE", (0, 3), (-1, 3), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    story.append(table)

    if view["payments"]:
        story.append(Spacer(1, 4 * mm))
        story.append(para(say("Payments"), st["heading"]))
        for payment in view["payments"]:
            text = f"{say.date(payment['paid_on'])}  {say.term(payment['method'])}"
            if payment["reference"]:
                text += f"  · {payment['reference']}"
            if payment["attachments"]:
                text += "  · " + say("files: {names}", names=", ".join(payment["attachments"]))
            if payment["void"]:
                text += "  · " + say("VOID: {reason}", reason=payment["void_reason"])
            void = payment["void"]
            story.append(_amount_row(para(text, st["muted"] if void else st["body"]),
                                     para(say.money(payment["amount"]), st["muted_right"] if void else st["right"]),
                                     widths, mirrored))
    if refunds:
        story.append(Spacer(1, 4 * mm))
        story.append(para(say("Paid back"), st["heading"]))
        for paid_back in refunds:
            drawer = f" ({paid_back['drawer']})" if paid_back["drawer"] else ""
            text = (f"{say.date(paid_back['refunded_on'])}  {say.term(paid_back['method'])}{drawer}  · "
                    + say("credit note {number}", number=paid_back["credit_note"]))
            story.append(_amount_row(para(text, st["body"]), para(say.money(-paid_back["amount"]), st["right"]),
                                     widths, mirrored))
    if view.get("notes"):
        story.append(Spacer(1, 3 * mm))
        story.append(para(view["notes"], st["muted"]))
    return story


def _amount_row(text, amount, widths: list, mirrored: bool) -> Table:
    """One line of the payments or refunds: what it was first, the amount at the line's end."""
    row = Table([in_reading_order([text, amount], mirrored)], colWidths=widths)
    row.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return row


def render_invoice(view: dict, business: dict, path: Path, size: str = "a4") -> Path:
    """Write the invoice ``view`` (from invoices.invoice_view) as a PDF; ``size`` is "a4" or "receipt"."""
    path = Path(path)
    if size == "receipt":
        margin = 4 * mm
        width = RECEIPT_WIDTH - 2 * margin - 2 * FRAME_PADDING
        story = _story(view, business, width, small=True)
        # one strip as long as its content, cut by the till printer
        height = sum(f.wrap(width, 10_000)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in story)
        doc = SimpleDocTemplate(str(path), pagesize=(RECEIPT_WIDTH, height + 2 * margin + 6 * mm),
                                leftMargin=margin, rightMargin=margin, topMargin=margin, bottomMargin=margin)
        doc.build(_story(view, business, width, small=True))
    else:
        margin = 18 * mm
        doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin,
                                topMargin=margin, bottomMargin=margin,
                                title=Words(business.get("language"))("Invoice {number}", number=view["number"]),
                                author=business.get("business_name", ""))
        doc.build(_story(view, business, A4[0] - 2 * margin - 2 * FRAME_PADDING, small=False))
    return path

