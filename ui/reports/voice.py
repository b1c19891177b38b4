"""A report's words and values in the window's language (L2): what app/reports/wording.py's
:class:`~app.reports.wording.Voice` says, through Qt's translations (the "Messages" and "Terms"
contexts) and app.languages' money, dates and month names (Arabic-Indic digits in Arabic).

Use :data:`WINDOW`: it follows the language installed at start (ui.i18n.install)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from app import languages
from app.reports.wording import RIGHT_TO_LEFT, Voice
from ui.i18n import catalogue_text, term


class WindowVoice(Voice):
    @property
    def language(self) -> str:  # noqa: D401 - the language in use now
        return languages.current()

    def _english(self) -> bool:
        return languages.current() == "en"

    def translate(self, context: str, template: str) -> str:
        if self._english():
            return template
        return term(template) if context == "Terms" else catalogue_text(template)

    def plural(self, template: str, one: str | None, n: int) -> str:
        """Qt's numerus form for ``n`` (it writes n in Latin digits: given back as %n, written below as
        the language writes its numbers)."""
        if self._english():
            return super().plural(template, one, n)
        form = catalogue_text(template, n)
        return form.replace(str(n), "%n") if form != template else super().plural(template, one, n)

    def money(self, amount: Decimal) -> str:
        return languages.money_text(amount)

    def count(self, value: int) -> str:
        return super().count(value) if self._english() else languages.grouped_text(value, 0)

    def percent(self, value: Decimal) -> str:
        return super().percent(value) if self._english() else languages.grouped_text(value, 1) + " %"

    def date(self, day: dt.date) -> str:
        return languages.date_text(day)

    def month(self, day: dt.date) -> str:
        return languages.month_text(day.month, day.year)  # "Декабрь 2026"

    def cell(self, kind, value) -> str:
        """Stored text without a right-to-left letter (a phone, a code, an email, a Latin name) kept
        left to right in an Arabic window ("+44 7792 811641" would read backwards)."""
        shown = super().cell(kind, value)
        if type(value) is str and languages.right_to_left() and not RIGHT_TO_LEFT.search(value):
            return languages.left_to_right(shown)
        return shown


WINDOW = WindowVoice()
