"""L2: money, dates and typed amounts as each language writes them (Babel, exact Decimals)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import languages
from app.errors import DomainError
from app.models import Payment, Setting
from app.services import payments, sales, settings

TODAY = dt.date(2026, 11, 21)
NBSP = "\u00a0"


@pytest.fixture(autouse=True)
def english_after():
    yield
    languages.use("en", "EUR")


@pytest.mark.parametrize(("language", "amount", "shown"), [
    ("en", "1234.5", "1,234.50"), ("en", "0", "0.00"), ("en", "1000000", "1,000,000.00"),
    ("ru", "1234.5", f"1{NBSP}234,50"), ("ru", "0.05", "0,05"),
    ("ar", "1234.5", "١٬٢٣٤٫٥٠"), ("ar", "7", "٧٫٠٠"),
])
def test_l2_money_per_language(language, amount, shown):
    languages.use(language)
    assert languages.money_text(Decimal(amount)) == shown
    assert languages.money_text(None) == ""


@pytest.mark.parametrize(("language", "currency", "shown"), [
    ("ru", "BYN", f"1{NBSP}234,50{NBSP}Br"), ("ru", "EUR", f"1{NBSP}234,50{NBSP}€"), ("en", "EUR", "€1,234.50"),
    ("ar", "AED", "\u200f١٬٢٣٤٫٥٠\u00a0د.إ.\u200f"),
])
def test_l2_prices_carry_the_currency_symbol_from_settings(language, currency, shown):
    languages.use(language, currency)
    assert languages.price_text(Decimal("1234.50")) == shown


def test_l2_money_is_exact_beyond_what_a_float_holds():
    languages.use("ru")
    assert languages.money_text(Decimal("99999999.99")) == f"99{NBSP}999{NBSP}999,99"
    assert languages.money_text(Decimal("0.10") + Decimal("0.20")) == "0,30"


@pytest.mark.parametrize(("language", "date", "weekday", "month"), [
    ("en", "02.03.2026", "Mon", "March 2026"),
    ("ru", "02.03.2026", "пн", "Март 2026"),
    ("ar", "٠٢/٠٣/٢٠٢٦", "إثنين", "مارس ٢٠٢٦"),
])
def test_l2_dates_and_names_per_language(language, date, weekday, month):
    languages.use(language)
    day = dt.date(2026, 3, 2)
    assert languages.date_text(day) == date
    assert languages.weekday_text(day) == weekday
    assert languages.month_text(3, 2026) == month
    assert languages.day_month_text(day) == date[:5]
    assert len(set(languages.weekday_names())) == 7 and len(set(languages.month_names())) == 12


@pytest.mark.parametrize(("language", "typed", "amount"), [
    ("ru", "1,5", "1.5"), ("ru", "1.5", "1.5"), ("ru", f"1{NBSP}234,50", "1234.50"), ("ru", "1 234,50", "1234.50"),
    ("ru", "-2,25", "-2.25"), ("en", "1.5", "1.5"), ("en", "1,234.50", "1234.50"), ("en", "1,234", "1234"),
    ("ar", "١٢٫٥٠", "12.50"), ("ar", "١٬٢٣٤٫٥", "1234.5"), ("ar", "12.5", "12.5"),
])
def test_l2_typed_amounts_read_as_the_language_writes_them(language, typed, amount):
    languages.use(language)
    read = languages.read_amount(typed)
    assert isinstance(read, Decimal) and read == Decimal(amount)


@pytest.mark.parametrize(("language", "typed", "says"), [
    ("en", "1,5", "ambiguous"), ("en", "1,234,5", "ambiguous"), ("en", "1.234,50", "ambiguous"),
    ("ru", "1,234,5", "not clear"), ("ru", "1.234,50", "not both"), ("ru", "1,234.50", "not both"),
    ("ar", "1,5", "ambiguous"), ("en", "12 euros", "must be an amount"), ("ru", "", "must be an amount"),
])
def test_l2_ambiguous_or_broken_amounts_are_refused_plainly(language, typed, says):
    languages.use(language)
    with pytest.raises(DomainError, match=says):
        languages.read_amount(typed)


def test_l2_1_5_is_accepted_in_russian_and_refused_in_english(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    with pytest.raises(DomainError, match=r"ambiguous; write the decimals with a point, like 1\.5"):
        payments.add_payment(session, receptionist, sale.invoice_id, "1,5")
    assert session.scalars(select(Payment).where(Payment.invoice_id == sale.invoice_id)).all() == []
    languages.use("ru")
    payments.add_payment(session, receptionist, sale.invoice_id, "1,5")
    assert [p.amount for p in session.scalars(select(Payment).where(Payment.invoice_id == sale.invoice_id))] == [
        Decimal("1.50")]


def test_l2_a_language_not_shipped_is_refused_and_nothing_is_written(session, owner):
    before = settings.get_settings(session)["language"]
    with pytest.raises(DomainError, match=r"does not speak 'de'.*en \(English\), ru \(Русский\), ar \(العربية\)"):
        settings.update_settings(session, owner, {"language": "de"})
    with pytest.raises(DomainError, match="does not speak"):
        settings.set_own_language(session, owner, "fr")
    assert settings.get_settings(session)["language"] == before == "en"
    assert session.scalar(select(Setting.value).where(Setting.key == "language")) in (None, "en")
    assert settings.own_language(session, owner) is None
    with pytest.raises(DomainError, match="does not speak"):
        languages.use("xx")
    assert languages.current() == "en"


def test_l2_each_user_speaks_their_own_language_or_the_business(session, owner, receptionist):
    settings.update_settings(session, owner, {"language": "ar"})
    assert settings.language_for(session, receptionist.user_id) == "ar"
    settings.set_own_language(session, receptionist, "ru")
    assert settings.language_for(session, receptionist.user_id) == "ru"
    assert settings.language_for(session, owner.user_id) == "ar"
    settings.set_own_language(session, receptionist, None)
    assert settings.language_for(session, receptionist.user_id) == "ar"
    assert settings.own_language(session, receptionist) is None
