"""The languages the desk speaks and how money and dates look and are typed in each (L2).

Babel formats exact Decimals (Qt's QLocale goes through floats). One language is in use
at a time, chosen at start (``use``); the screens format through ``money_text``,
``date_text`` and friends, and typed amounts are read by ``read_amount``.

Arabic: the program's "ar" is Babel's ar_SA (the Gulf, where the product is sold), whose
default numbering is Arabic-Indic digits (٠١٢٣…) with ٫ as the decimal mark and ٬ between
thousands; the generic "ar" of CLDR uses Latin digits. Russian is ru_BY (Belarusian roubles,
"1 234,50 Br"). English keeps the desk's day.month.year dates.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label

# Babel (and its locale data) loads on the first Russian or Arabic text: English, the start's
# usual language, is written by Python's own exact Decimal and date formatting (the start budget).

SHIPPED = ("en", "ru", "ar")
# Each language in its own words (never translated): what the language choosers list.
NAMES = {"en": "English", "ru": "Русский", "ar": "العربية"}
BABEL = {"en": "en_GB", "ru": "ru_BY", "ar": "ar_SA"}
RIGHT_TO_LEFT = ("ar",)
DATES = {"en": "dd.MM.yyyy", "ru": "dd.MM.yyyy", "ar": "dd/MM/yyyy"}  # Qt's displayFormat spelling too

LATIN = "0123456789"
ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩"
EASTERN_ARABIC = "۰۱۲۳۴۵۶۷۸۹"  # Persian/Urdu keyboards type these
_TO_LATIN = str.maketrans(ARABIC_INDIC + EASTERN_ARABIC + "٫٬", LATIN * 2 + ".,")
_TO_ARABIC = str.maketrans(LATIN, ARABIC_INDIC)


ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                  "October", "November", "December")


class _Current:
    language = "en"
    currency = "EUR"


def check(language) -> str:
    """``language`` when the desk ships it; a plain refusal otherwise (the settings' validator)."""
    if language not in SHIPPED:
        raise DomainError("The desk does not speak '{language}'; choose one of: {choices}.", field="language",
                          language=str(language), choices=", ".join(f"{code} ({NAMES[code]})" for code in SHIPPED))
    return language


def use(language: str, currency: str | None = None) -> None:
    """Format and read in ``language`` from now on (and show money in ``currency``)."""
    _Current.language = check(language)
    if currency:
        _Current.currency = currency


def current() -> str:
    return _Current.language


def right_to_left(language: str | None = None) -> bool:
    return (language or _Current.language) in RIGHT_TO_LEFT


def left_to_right(text: str) -> str:
    """``text`` kept left to right inside a right-to-left window (a phone, a path, a code):
    wrapped in LRI…PDI in Arabic, as it is elsewhere ("+44 7012 754056" would read backwards)."""
    return f"\u2066{text}\u2069" if text and right_to_left() else text


def _english() -> bool:
    return _Current.language == "en"


def _locale():
    from babel import Locale

    return Locale.parse(BABEL[_Current.language])


def format_date(day: dt.date, pattern: str, locale) -> str:
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, pattern, locale=locale)


def _digits(text: str) -> str:
    """Arabic-Indic digits where the language writes them on screen."""
    return text if _english() or _locale().default_numbering_system != "arab" else text.translate(_TO_ARABIC)


def money_text(amount: Decimal | None) -> str:
    """An amount as the language writes it: 1,234.50 · 1 234,50 · ١٬٢٣٤٫٥٠; None -> ""."""
    if amount is None:
        return ""
    if _english():
        return f"{amount:,.2f}"  # exact for a Decimal; Babel's en_GB writes the same
    from babel.numbers import format_decimal

    return _digits(format_decimal(amount, format="#,##0.00", locale=_locale(), numbering_system="default",
                                  decimal_quantization=True))


def price_text(amount: Decimal | None, currency: str | None = None) -> str:
    """An amount with the currency's symbol from Settings: "1 234,50 Br" in Russian."""
    if amount is None:
        return ""
    from babel.numbers import format_currency

    return _digits(format_currency(amount, currency or _Current.currency, locale=_locale(),
                                   numbering_system="default"))


def currency_symbol(currency: str | None = None) -> str:
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency or _Current.currency, locale=_locale())


def number_text(value: int) -> str:
    """A count as the language writes its digits (no grouping: codes and counts)."""
    return _digits(str(value))


def date_edit_format(weekday: bool = False) -> str:
    """A date field's display format (Qt's spelling): day.month.year. Right to left, Qt lays the
    field's sections out mirrored, so Arabic gives year/month/day to show day/month/year."""
    if right_to_left():
        return "yyyy/MM/dd" + (" ddd" if weekday else "")
    return ("ddd " if weekday else "") + "dd.MM.yyyy"


def date_text(day: dt.date | None) -> str:
    """02.03.2026 (English, Russian) · ٠٢/٠٣/٢٠٢٦ (Arabic); None -> ""."""
    if day is None:
        return ""
    return f"{day:%d.%m.%Y}" if _english() else _digits(format_date(day, DATES[_Current.language], _locale()))


def time_text(moment: dt.datetime | dt.time) -> str:
    """14:05 (Arabic: ١٤:٠٥), kept left to right inside a right-to-left line."""
    return left_to_right(_digits(f"{moment:%H:%M}"))


def day_month_text(day: dt.date) -> str:
    """02.03 (Arabic: ٠٢/٠٣): a day in a short cell."""
    if _english():
        return f"{day:%d.%m}"
    pattern = DATES[_Current.language].rsplit(DATES[_Current.language][2], 1)[0]
    return _digits(format_date(day, pattern, _locale()))


def weekday_text(day: dt.date) -> str:
    """The weekday's short name in the language, narrow enough for a journal column: Mon · пн · اثنين."""
    if _english():
        return ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")[day.weekday()]
    return format_date(day, "EEEEEE" if _Current.language == "ar" else "EEE", _locale())


def month_text(month: int, year: int) -> str:
    """A month on its own with its year, as a heading writes it: March 2026 · Март 2026 · مارس ٢٠٢٦."""
    if _english():
        return f"{ENGLISH_MONTHS[month - 1]} {year}"
    shown = format_date(dt.date(year, month, 1), "LLLL y", _locale())
    return _digits(shown[:1].upper() + shown[1:])  # Babel's Russian standalone month is lower case


def weekday_names() -> list[str]:
    """Monday..Sunday, in full, in the language."""
    monday = dt.date(2024, 1, 1)
    return [format_date(monday + dt.timedelta(days=i), "EEEE", _locale()) for i in range(7)]


def month_names() -> list[str]:
    """January..December as a name on its own, in the language."""
    return [format_date(dt.date(2024, m, 1), "LLLL", _locale()) for m in range(1, 13)]


_SPACES = "\u00a0\u202f\u2009 "
_GROUPED = re.compile(r"\d{1,3}(?:[,]\d{3})+(?:\.\d+)?")  # 1,234 and 1,234.50 in English and Arabic


def read_amount(text: str, label: str = QT_TRANSLATE_NOOP("Messages", "The amount"),
                field: str | None = None) -> Decimal:
    """A typed amount read as the language writes it, exactly (a Decimal, never a float).

    English and Arabic: a point before the decimals, commas only between thousands
    ("1,234.50"); "1,5" is refused as ambiguous (1.5 or 15?). Russian: a comma or a point
    before the decimals ("1,5" = 1.5), spaces between thousands. Anything with two decimal
    marks or with both separators the wrong way round ("1,234,5", "1.234,50" in Russian)
    is refused with the way to write it; nothing is guessed.
    """
    label, typed = Label(label), text.strip()
    raw = typed.translate(_TO_LATIN)
    sign = ""
    if raw.startswith("-"):
        sign, raw = "-", raw[1:].strip()
    if not raw or not re.fullmatch(rf"[0-9.,{_SPACES}]+", raw):
        raise DomainError("{label} must be an amount like {example}.", field=field, label=label,
                          example=Decimal("12.50"))
    if _Current.language == "ru":
        digits = re.sub(rf"(?<=\d)[{_SPACES}](?=\d{{3}}(?:\D|$))", "", raw)
        if "," in digits and "." in digits:
            raise DomainError("{label}: write either a comma or a point before the kopecks, not both "
                              "(like {example}).", field=field, label=label, example=Decimal("1234.50"))
        if digits.count(",") + digits.count(".") > 1 or not re.fullmatch(r"\d+(?:[.,]\d+)?", digits):
            raise DomainError("{label}: '{typed}' is not clear; write it like {example}.", field=field,
                              label=label, typed=typed, example=Decimal("1234.50"))
        return Decimal(sign + digits.replace(",", "."))
    if "," in raw:
        if not _GROUPED.fullmatch(raw):
            like = raw.replace(",", ".") if re.fullmatch(r"\d+,\d{1,2}", raw) else "1.50"
            raise DomainError("{label}: {typed} is ambiguous; write the decimals with a point, like {like}, "
                              "and commas only between thousands, like 1,234.50.", field=field, label=label,
                              typed=typed, like=like)
        raw = raw.replace(",", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", raw):
        raise DomainError("{label} must be an amount like {example}.", field=field, label=label,
                          example=Decimal("12.50"))
    return Decimal(sign + raw)


def grouped_text(value: int | Decimal, places: int = 0) -> str:
    """A report's count or percentage with ``places`` decimals, grouped as the language writes it:
    21,723 · 21 723 · ٢١٬٧٢٣ (added for the reports, H1)."""
    if _english():
        return f"{value:,.{places}f}"
    from babel.numbers import format_decimal

    return _digits(format_decimal(value, format="#,##0" + ("." + "0" * places if places else ""), locale=_locale(),
                                  numbering_system="default", decimal_quantization=True))
