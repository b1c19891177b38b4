"""The invoice as a PDF (B4): A4, or an 80 mm receipt for a till printer.

Every piece of user text goes through :func:`app.pdf.text.para`, which
escapes it before reportlab's markup parser sees it, and lays out Arabic
and Hebrew right to left with joined letters. The fonts are DejaVu Sans,
shipped in resources/fonts, so Cyrillic, accented and Arabic names print.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Image, SimpleDocTemplate, Spacer, Table, TableStyle

from app.pdf.text import para, styles

RECEIPT_WIDTH = 80 * mm
FRAME_PADDING = 6  # points: SimpleDocTemplate's frame keeps this inside its margins
STATE_WORDS = {"draft": "DRAFT", "void": "VOID", "unpaid": "Unpaid", "partly paid": "Partly paid", "paid": "Paid"}


def _money(amount) -> str:
    return f"{amount:,.2f}"


def _date(value) -> str:
    return value.strftime("%d.%m.%Y")


def _logo(business: dict, width: float):
    path = Path(business.get("business_logo") or "")
    if not path.is_file() or path.suffix.lower() not in (".png", ".jpg", ".jpeg"):
        return None
    try:
        logo = Image(str(path))
    except (OSError, ValueError):  # not a picture after all: print without it
        return None
    scale = min(width / logo.imageWidth, 18 * mm / logo.imageHeight, 1)
    logo.drawWidth, logo.drawHeight = logo.imageWidth * scale, logo.imageHeight * scale
    logo.hAlign = "LEFT"
    return logo


def _story(view: dict, business: dict, width: float, small: bool) -> list:
    st = styles(small)
    currency = business.get("currency", "")
    story = []
    logo = _logo(business, width)
    if logo is not None:
        story.append(logo)
    story.append(para(business.get("business_name", ""), st["title"]))
    if business.get("business_address"):
        story.append(para(business["business_address"], st["muted"]))
    story.append(Spacer(1, 4 * mm))
    state = STATE_WORDS.get(view["payment_state"], view["payment_state"])
    story.append(para(f"Invoice {view['number']}", st["heading"]))
    story.append(para(f"Date: {_date(view['date'])}", st["body"]))
    story.append(para(f"State: {state}", st["body"]))
    if view["state"] == "void" and view.get("void_reason"):
        story.append(para(f"Void: {view['void_reason']}", st["body"]))
    payer, client = view["payer"], view["client"]
    story.append(Spacer(1, 2 * mm))
    story.append(para(f"Bill to: {payer['name']} ({payer['code']})", st["body"]))
    if client["id"] != payer["id"]:
        story.append(para(f"For: {client['name']} ({client['code']})", st["body"]))
    story.append(Spacer(1, 3 * mm))

    amount_width = 24 * mm if small else 32 * mm
    rows = [[para("Description", st["th"]), para(f"Amount {currency}", st["th_right"])]]
    rows += [[para(line["description"], st["body"]), para(_money(line["amount"]), st["right"])]
             for line in view["lines"]]
    lines = Table(rows, colWidths=[width - amount_width, amount_width], repeatRows=1)
    lines.setStyle(TableStyle([
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]))
    story.append(lines)
    story.append(Spacer(1, 2 * mm))

    refunds = view.get("refunds", [])
    totals = [("Items", view["items"]), ("Discounts", -view["discounts"]),
              (f"Tax {view['tax_rate'].normalize():f}%", view["tax"]), ("Total", view["total"]),
              ("Paid", view["paid"])]
    if refunds:  # B6: what was paid back, so paid less paid back is what the business kept
        totals.append(("Paid back", -sum(r["amount"] for r in refunds)))
    totals.append(("Balance due", view["balance"]))
    label_width = width - amount_width
    table = Table([[para(label, st["bold_right"] if label in ("Total", "Balance due") else st["right"]),
                    para(_money(value), st["bold_right"] if label in ("Total", "Balance due") else st["right"])]
                   for label, value in totals], colWidths=[label_width, amount_width])
    table.setStyle(TableStyle([
        ("LINEABOVE", (0, 3), (-1, 3), 0.8, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]))
    story.append(table)

    if view["payments"]:
        story.append(Spacer(1, 4 * mm))
        story.append(para("Payments", st["heading"]))
        for payment in view["payments"]:
            text = f"{_date(payment['paid_on'])}  {payment['method']}"
            if payment["reference"]:
                text += f"  · {payment['reference']}"
            if payment["attachments"]:
                text += f"  · files: {', '.join(payment['attachments'])}"
            if payment["void"]:
                text += f"  · VOID: {payment['void_reason']}"
            void = payment["void"]
            story.append(_amount_row(para(text, st["muted"] if void else st["body"]),
                                     para(_money(payment["amount"]), st["muted_right"] if void else st["right"]),
                                     width, amount_width))
    if refunds:
        story.append(Spacer(1, 4 * mm))
        story.append(para("Paid back", st["heading"]))
        for paid_back in refunds:
            drawer = f" ({paid_back['drawer']})" if paid_back["drawer"] else ""
            text = (f"{_date(paid_back['refunded_on'])}  {paid_back['method']}{drawer}"
                    f"  · credit note {paid_back['credit_note']}")
            story.append(_amount_row(para(text, st["body"]), para(_money(-paid_back["amount"]), st["right"]),
                                     width, amount_width))
    if view.get("notes"):
        story.append(Spacer(1, 3 * mm))
        story.append(para(view["notes"], st["muted"]))
    return story


def _amount_row(text, amount, width: float, amount_width: float) -> Table:
    """One line of the payments or refunds: what it was on the left, the amount on the right."""
    row = Table([[text, amount]], colWidths=[width - amount_width, amount_width])
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
                                title=f"Invoice {view['number']}", author=business.get("business_name", ""))
        doc.build(_story(view, business, A4[0] - 2 * margin - 2 * FRAME_PADDING, small=False))
    return path

