"""L2: the business's letters. The invoice email and the reminder's default subject and text are in the
business's language (as its documents are); a subject or text the owner typed in Settings goes out as typed."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import DomainError
from app.reports import reminder_template, reminders
from app.services import catalogue, clients, documents, payments, sales, settings

SERVER = {"smtp_host": "127.0.0.1", "smtp_sender": "desk@sunny.example"}


@pytest.fixture
def sent(monkeypatch):
    """The letters handed to the mail server (its own tests send through a real one)."""
    letters = []
    monkeypatch.setattr(documents, "send", lambda _settings, message, state=None: letters.append(message))
    return letters


def _emailed_invoice(session, owner, gold, sent) -> tuple[str, str]:
    anna = clients.create_client(session, owner, name="Анна Иванова", email="anna@example.org")
    sale = sales.sell(session, owner, anna, gold)
    payments.add_payment(session, owner, sale.invoice_id, "40.00")
    documents.send_invoice_email(documents.record_invoice_email(session, owner, sale.invoice_id))
    letter = sent[-1]
    return letter["Subject"], letter.get_body(("plain",)).get_content()


def test_l2_a_russian_business_sends_its_invoice_email_in_russian(session, owner, gold, sent):
    settings.update_settings(session, owner, SERVER)
    subject, body = _emailed_invoice(session, owner, gold, sent)
    assert subject.startswith("Invoice INV-") and subject.endswith(" from Sunny Kids Centre")
    assert body.startswith("Hello Анна Иванова,\n\nplease find invoice INV-")
    assert "Total 95.00 EUR, balance due 55.00 EUR." in body

    settings.update_settings(session, owner, {"language": "ru", "currency": "BYN"})
    subject, body = _emailed_invoice(session, owner, gold, sent)
    assert subject.startswith("Счёт INV-") and subject.endswith(" от Sunny Kids Centre")
    assert body.startswith("Здравствуйте, Анна Иванова!\n\nВо вложении счёт INV-")
    assert "Итого 95,00 BYN, к оплате 55,00 BYN." in body and "Sunny Kids Centre" in body
    assert "Hello" not in body and "Total" not in body


def _letter(session, owner):
    month = catalogue.create_package(session, owner, kind="membership", name="Month pass", price="30.00",
                                     term_count=30, term_unit="day")
    ann = clients.create_client(session, owner, name="Ann Letter", phone="+44 7700 900001", email="ann@example.org")
    today = dt.date(2026, 6, 15)
    sales.sell(session, owner, ann, month, start_date=today - dt.timedelta(days=28), today=today)
    settings.update_settings(session, owner, SERVER)
    [letter] = reminders.prepare_mailing(session, owner, today=today).letters
    return letter


def test_l2_a_russian_business_sends_the_default_reminder_in_russian(session, owner):
    settings.update_settings(session, owner, {"language": "ru"})
    letter = _letter(session, owner)
    assert letter.subject == "Sunny Kids Centre: напоминание — Month pass"
    assert letter.body == ("Здравствуйте, Ann Letter!\n\nВаш пакет «Month pass» (абонемент) заканчивается 16.06.2026."
                           "\n\nПродлите абонемент у администратора или ответьте на это письмо, чтобы сохранить за "
                           "собой место.\n\nSunny Kids Centre")
    assert settings.get_settings(session)["reminder_subject"] == reminder_template.DEFAULT_SUBJECT  # nothing stored


def test_l2_a_reminder_the_owner_typed_goes_out_as_typed(session, owner):
    settings.update_settings(session, owner, {"language": "ru", "reminder_subject": "{business}: {package}!",
                                              "reminder_body": "Dear {client}, see you soon."})
    letter = _letter(session, owner)
    assert (letter.subject, letter.body) == ("Sunny Kids Centre: Month pass!", "Dear Ann Letter, see you soon.")
    english = reminder_template.template_for(settings.get_settings(session) | {"language": "en",
                                                                              "reminder_subject": "x {package}"})
    assert english == ("x {package}", "Dear {client}, see you soon.")


def test_l2_a_refused_template_says_which_placeholder_and_keeps_the_old(session, owner):
    before = settings.get_settings(session)["reminder_body"]
    with pytest.raises(DomainError) as refused:
        settings.update_settings(session, owner, {"reminder_body": "Dear {name}"})
    assert refused.value.template == "{label} has an unknown placeholder {shown}. Use only {known}."
    assert refused.value.params["shown"] == "{name}" and refused.value.field == "reminder_body"
    assert settings.get_settings(session)["reminder_body"] == before
