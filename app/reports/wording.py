"""A report's words in the reader's language (L2), without Qt.

A report is made once, on the worker, and then shown in the window (the user's language) and saved
as a PDF or a spreadsheet (the business's language, like an invoice). So its own words (title,
column titles, empty text, filter names, the words in its cells: a standing, a kind) stay catalogue
texts until they are read: ``say("Members at risk")`` marks the text for the message catalogue
(app/messages.py finds ``say(...)``) and returns a :class:`Text`, a str holding its English (what
sorting, logs and tests read) that knows its template and parameters. ``term("Active")`` is a word
of app/'s tables (the "Terms" context, ui/terms.py). Stored data (names, packages) is a plain str
and is never translated.

A count says its plural with ``%n``: ``say("%n clients", n=8, one="%n client")``; Russian and
Arabic pick their form (three and six of them) by the language's plural rule, English by ``one``.

A :class:`Voice` writes texts and values in one language: :data:`ENGLISH` here, a document's
(:func:`document_voice`, Latin digits as a printed document keeps them) and the window's
(ui/reports/voice.py, through Qt's translations).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache

from app.languages import BABEL, ENGLISH_MONTHS


RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]")


class Text(str):
    """A catalogue text with its parameters; as a str, its English."""

    def __new__(cls, template: str, params: dict | None = None, *, one: str | None = None, context: str = "Messages"):
        params = params or {}
        self = super().__new__(cls, ENGLISH.said(template, params, one, context))
        self.template, self.params, self.one, self.context = template, params, one, context
        return self


def say(template: str, *, one: str | None = None, **params) -> Text:
    """A report's own words: ``template`` (a literal: the catalogue finds it here) with named parameters;
    ``one`` is the English singular of a ``%n`` template."""
    return Text(template, params, one=one)


def sentences(texts) -> Text:
    """Several texts in one cell, one after the other, each said in the reader's language (the whole
    is no catalogue text of its own)."""
    texts = list(texts)
    return Text(" ".join(f"{{said{i}}}" for i in range(len(texts))), {f"said{i}": t for i, t in enumerate(texts)})


def term(word: str) -> Text:
    """A word of app/'s tables (a standing, a payment method), translated as the window's term() does."""
    return Text(word, context="Terms")


class Voice:
    """How a report reads in one language: English here (the desk's own formats); subclasses translate."""

    language = "en"

    def translate(self, context: str, template: str) -> str:
        return template

    def plural(self, template: str, one: str | None, n: int) -> str:
        """The form of ``template`` for ``n`` ("%n" still in it)."""
        return one if n == 1 and one else template

    def money(self, amount: Decimal) -> str:
        return f"{amount:,.2f}"

    def count(self, value: int) -> str:
        return f"{value:,}"

    def percent(self, value: Decimal) -> str:
        return f"{value:,.1f} %"

    def date(self, day: dt.date) -> str:
        return f"{day:%d.%m.%Y}"

    def month(self, day: dt.date) -> str:
        """A month with its year: December 2026."""
        return f"{ENGLISH_MONTHS[day.month - 1]} {day.year}"

    def said(self, template: str, params: dict, one: str | None = None, context: str = "Messages") -> str:
        if "%n" in template and isinstance(params.get("n"), int):
            n = params["n"]
            text = self.plural(template, one, n).replace("%n", self.count(n))
        else:
            text = self.translate(context, template)
        return text.format(**{key: self.param(value) for key, value in params.items()}) if params else text

    def text(self, value) -> str:
        """A Text in this language, a date or a list of them (", ") as it writes them; anything else
        (stored data) as it is."""
        if isinstance(value, Text):
            return self.said(value.template, value.params, value.one, value.context)
        if isinstance(value, (list, tuple)):
            return LIST_SEPARATORS.get(self.language, ", ").join(self.text(item) for item in value)
        if isinstance(value, dt.date):
            return self.param(value)
        return "" if value is None else str(value)

    def param(self, value) -> str:
        if isinstance(value, Text):
            return self.text(value)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self.count(value)
        if isinstance(value, Decimal):
            return self.money(value)
        if isinstance(value, dt.datetime):
            return f"{self.date(value)} {value:%H:%M}"
        if isinstance(value, dt.date):
            return self.date(value)
        return str(value)

    def cell(self, kind, value) -> str:
        """A value of a column of ``kind`` (app.reports.base.Kind) as shown."""
        if value is None:
            return ""
        if isinstance(value, Text):
            return self.text(value)
        kind = getattr(kind, "value", kind)
        if kind == "money":
            return self.money(value)
        if kind == "percent":
            return self.percent(value)
        if kind == "count" and isinstance(value, int):
            return self.count(value)
        if kind == "month" and isinstance(value, dt.date):
            return self.month(value)
        if isinstance(value, dt.date):
            return self.date(value)
        return str(value)


ENGLISH = Voice()

LIST_SEPARATORS = {"ar": "، "}  # between the items of a list: the Arabic comma

# Qt's numerus forms, in its order, by CLDR plural category (integers only)
PLURAL_FORMS = {"en": ("one", "other"), "ru": ("one", "few", "many"),
                "ar": ("zero", "one", "two", "few", "many", "other")}


@cache
def plurals(language: str) -> dict[str, list[str]]:
    """``%n`` template -> its finished plural forms in ``language`` (Qt's order), from the .ts file."""
    from app.messages import finished

    found = {}
    for message, translation in finished(language):
        forms = [form.text or "" for form in translation.iter("numerusform")]
        if message.get("numerus") == "yes" and all(forms):
            found[message.findtext("source")] = forms
    return found


def plural_index(language: str, n: int) -> int:
    """Which of Qt's forms ``n`` takes in ``language`` (Babel's plural rule)."""
    from babel import Locale

    category = Locale.parse(BABEL[language]).plural_form(abs(n))
    order = PLURAL_FORMS[language]
    return order.index(category) if category in order else len(order) - 1


class DocumentVoice(Voice):
    """A printed report's language (the business's): its catalogue from the .ts file (app.messages.Words),
    Latin digits, the language's separators and month names."""

    def __init__(self, language: str):
        from app.messages import Words

        self.words = Words(language)
        self.language = self.words.language
        self._dates: dict[dt.date, str] = {}
        self._months: dict[dt.date, str] = {}
        # the language's minus, group and decimal signs, read once from Babel's own writing of a number: a
        # long report's numbers are then written by Python (Babel for each took seconds for 25,000 rows)
        probe = self._number(Decimal("-1234.5"), "#,##0.00")
        self._minus, self._signs = probe[:probe.index("1")], str.maketrans({",": probe[probe.index("1") + 1],
                                                                           ".": probe[-3]})

    def translate(self, context: str, template: str) -> str:
        return self.words.term(template) if context == "Terms" else self.words._translated.get(template, template)

    def plural(self, template: str, one: str | None, n: int) -> str:
        forms = plurals(self.language).get(template)
        return forms[min(plural_index(self.language, n), len(forms) - 1)] if forms else super().plural(template, one, n)

    def _number(self, value, pattern: str) -> str:
        from babel.numbers import format_decimal

        return format_decimal(value, format=pattern, locale=BABEL[self.language], numbering_system="latn",
                              decimal_quantization=True)

    def _fast(self, value, places: int) -> str:
        shown = f"{abs(value):,.{places}f}".translate(self._signs)
        return self._minus + shown if value < 0 and shown.strip("0,. \u00a0\u202f") else shown

    def money(self, amount: Decimal) -> str:
        return self._fast(amount, 2)

    def count(self, value: int) -> str:
        return self._fast(value, 0)

    def percent(self, value: Decimal) -> str:
        return self._fast(value, 1) + " %"

    def date(self, day: dt.date) -> str:
        shown = self._dates.get(day)  # a long report repeats its dates: each written once
        if shown is None:
            shown = self._dates[day] = self.words.date(day)
        return shown

    def month(self, day: dt.date) -> str:
        shown = self._months.get(day)
        if shown is None:
            from babel.dates import format_date

            shown = format_date(day, "LLLL y", locale=BABEL[self.language])
            shown = self._months[day] = shown[:1].upper() + shown[1:]  # a cell's first word: "Декабрь 2026"
        return shown


def document_voice(language: str | None) -> Voice:
    """How a report's PDF or spreadsheet reads in ``language`` (the business's): English when not shipped."""
    from app.languages import SHIPPED

    return DocumentVoice(language) if language in SHIPPED and language != "en" else ENGLISH
