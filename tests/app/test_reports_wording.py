"""L2: a report's words and values as a document writes them (app/reports/wording.py): the business's
language, Latin digits, the language's separators, month names and plural forms; stored data as is."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.reports.base import Column, Kind
from app.reports.wording import ENGLISH, Text, document_voice, say, term


@pytest.mark.parametrize(("language", "money", "negative", "count", "percent", "date", "month"), [
    ("en", "1,234,567.50", "-95.00", "21,723", "12.5 %", "02.12.2026", "December 2026"),
    ("ru", "1\u00a0234\u00a0567,50", "-95,00", "21\u00a0723", "12,5 %", "02.12.2026", "Декабрь 2026"),
    ("ar", "1,234,567.50", "-95.00", "21,723", "12.5 %", "02/12/2026", "ديسمبر 2026"),
])
def test_l2_a_document_writes_a_report_s_values_in_its_language(language, money, negative, count, percent, date,
                                                                 month):
    voice = document_voice(language)
    assert Column("a", "A", Kind.MONEY).text(Decimal("1234567.5"), voice) == money
    assert Column("a", "A", Kind.MONEY).text(Decimal("-95"), voice) == negative
    assert Column("a", "A", Kind.COUNT).text(21723, voice) == count
    assert Column("a", "A", Kind.PERCENT).text(Decimal("12.5"), voice) == percent
    assert Column("a", "A", Kind.DATE).text(dt.date(2026, 12, 2), voice) == date
    assert Column("a", "A", Kind.MONTH).text(dt.date(2026, 12, 1), voice) == month
    assert Column("a", "A").text("Mia Smith", voice) == "Mia Smith"  # stored data: never translated


@pytest.mark.parametrize(("language", "counts"), [
    ("en", {0: "0 days", 1: "1 day", 2: "2 days", 5: "5 days", 21: "21 days"}),
    ("ru", {0: "0 дней", 1: "1 день", 2: "2 дня", 5: "5 дней", 11: "11 дней", 21: "21 день", 22: "22 дня",
            111: "111 дней"}),
    ("ar", {0: "0 يوم", 1: "1 يوم", 2: "2 يومان", 3: "3 أيام", 11: "11 يومًا", 100: "100 يوم", 103: "103 أيام"}),
])
def test_l2_a_count_takes_the_plural_form_of_the_document_s_language(language, counts):
    voice = document_voice(language)
    assert {n: voice.text(say("%n days", n=n, one="%n day")) for n in counts} == counts


def test_l2_a_text_is_its_english_until_it_is_said_in_another_language():
    """A Text is a str holding its English (sorting, logs, tests) and its template and parameters."""
    period = say("{start} – {end}", start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    assert period == "01.03.2026 – 31.03.2026" and isinstance(period, Text) and period.params["end"].day == 31
    assert document_voice("ru").text(period) == "01.03.2026 – 31.03.2026"
    assert document_voice("ar").text(period) == "01/03/2026 – 31/03/2026"
    assert document_voice("ru").text(say("Members at risk")) == "Клиенты под угрозой ухода"
    assert document_voice("ru").text(term("Active")) != "Active" and ENGLISH.text(term("Active")) == "Active"
    assert document_voice("xx") is ENGLISH and document_voice(None) is ENGLISH  # not shipped: English


def test_l2_a_list_of_words_is_joined_with_the_language_s_comma():
    """The reminder offsets ("7 days before, on the day"): the Arabic comma in Arabic."""
    offsets = (say("%n days before", n=7, one="%n day before"), say("on the day"))
    assert ENGLISH.text(offsets) == "7 days before, on the day"
    assert document_voice("ru").text(offsets) == "за 7 дней до окончания, в день окончания"
    assert document_voice("ar").text(offsets) == "قبل الانتهاء بـ7 أيام، في يوم الانتهاء"
