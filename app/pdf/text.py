"""Text for reportlab documents: the shipped Unicode fonts, the styles, and safe paragraphs.

User text (names, descriptions, notes) can hold anything, such as
``<img src="http://...">``: :func:`para` escapes it before reportlab's
markup parser sees it, and remote fetching is switched off besides
(``rl_config.trustedHosts``). Right-to-left scripts are joined
(arabic-reshaper) and put in visual order (python-bidi) because reportlab
draws glyphs left to right as given.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

FONTS = Path(__file__).resolve().parents[2] / "resources" / "fonts"
REGULAR, BOLD = "DejaVuSans", "DejaVuSans-Bold"

rl_config.trustedHosts = []  # never fetch anything named in a document
rl_config.trustedSchemes = ["file"]


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(FONTS / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


@cache
def _reshaper():
    """Arabic joining limited to the ligatures the shipped font can draw (DejaVu has lam-alef, not Allah)."""
    from arabic_reshaper import ArabicReshaper
    from arabic_reshaper.ligatures import LIGATURES

    register_fonts()
    glyphs = pdfmetrics.getFont(REGULAR).face.charToGlyph
    drawable = {name: all(ord(ch) in glyphs for form in forms if form for ch in form)
                for name, (_text, forms) in LIGATURES}
    return ArabicReshaper(configuration={"support_ligatures": True, **drawable})


# A left-to-right run inside right-to-left text (a name, a code in brackets): from a letter, or an opening
# bracket before a letter or digit, to the last letter, digit or closing bracket before the next
# right-to-left letter (a run of digits alone, a date range, keeps the right-to-left order).
_LETTERS = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_LEFT_TO_RIGHT_RUN = re.compile(
    rf"(?:\([{_LETTERS}0-9]|[{_LETTERS}])[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]*[{_LETTERS}0-9)\]]")


def visual(text: str) -> str:
    """Text as reportlab must draw it: right-to-left runs joined and reordered, the rest unchanged.

    A left-to-right run is embedded (LRE … PDF) first: the bidi algorithm used has no bracket pairs, and
    "الدافع: Jack Hughes (C000040)" came out as "(Jack Hughes (C000040"."""
    if not _right_to_left(text):
        return text
    from bidi.algorithm import get_display  # mirrors brackets (the compiled bidi.get_display leaves ")x(")

    shaped = _reshaper().reshape(text)
    return get_display(_LEFT_TO_RIGHT_RUN.sub(lambda run: f"\u202a{run.group(0)}\u202c", shaped))


def para(text, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain user text: escaped, laid out for its script, line breaks kept."""
    lines = [escape(visual(line)) for line in str(text).splitlines()] or [""]
    return Paragraph("<br/>".join(lines), style)


def styles(small: bool = False, right_to_left: bool = False) -> dict[str, ParagraphStyle]:
    """The document's styles; ``right_to_left`` (an Arabic document) mirrors them: text starts at
    the right, and the "right" styles (amounts) sit at the left, where the line ends."""
    register_fonts()
    size = 7.5 if small else 10
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=size, leading=size * 1.3,
                          alignment=TA_RIGHT if right_to_left else TA_LEFT)
    right = ParagraphStyle("right", parent=base, alignment=TA_LEFT if right_to_left else TA_RIGHT)
    return {
        "body": base,
        "right": right,
        "bold_right": ParagraphStyle("bold_right", parent=right, fontName=BOLD),
        "muted": ParagraphStyle("muted", parent=base, textColor="#666666"),
        "muted_right": ParagraphStyle("muted_right", parent=right, textColor="#666666"),
        "th": ParagraphStyle("th", parent=base, fontName=BOLD),
        "th_right": ParagraphStyle("th_right", parent=right, fontName=BOLD),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=size * 1.6, leading=size * 2),
        "heading": ParagraphStyle("heading", parent=base, fontName=BOLD, fontSize=size * 1.2,
                                  leading=size * 1.6, spaceBefore=2),
    }


def in_reading_order(cells: list, right_to_left: bool) -> list:
    """A table row's cells (or its column widths) as the reader meets them: mirrored right to left."""
    return list(reversed(cells)) if right_to_left else list(cells)
