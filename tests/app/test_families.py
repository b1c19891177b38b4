"""Families: one payer gets the invoices; the profile shows the family and its balance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.errors import DomainError, PermissionDenied
from app.models import Client, Family
from app.services import clients, families, invoices, payments, sales


@pytest.fixture
def petrovs(session, receptionist):
    mother = clients.create_client(session, receptionist, name="Maria Petrova")
    ivan = clients.create_client(session, receptionist, name="Ivan Petrov", birth_date=dt.date(2016, 3, 1))
    olga = clients.create_client(session, receptionist, name="Olga Petrova", birth_date=dt.date(2019, 5, 2))
    families.add_to_family(session, receptionist, mother, ivan)
    families.add_to_family(session, receptionist, ivan, olga)
    return mother, ivan, olga


def test_a_family_forms_under_its_first_client_as_payer(session, receptionist, petrovs):
    mother, ivan, olga = petrovs
    family = families.family_of(session, receptionist, olga)
    assert family["name"] == "Petrova" and family["payer_id"] == mother
    assert [m["id"] for m in family["members"]] == [mother, ivan, olga]  # payer first, then oldest child
    assert families.family_of(session, receptionist, clients.create_client(session, receptionist, name="Solo")) is None


def test_a_client_of_another_family_is_refused(session, receptionist, petrovs):
    mother, _ivan, _olga = petrovs
    father = clients.create_client(session, receptionist, name="Pavel Sidorov")
    son = clients.create_client(session, receptionist, name="Petr Sidorov")
    families.add_to_family(session, receptionist, father, son)
    with pytest.raises(DomainError, match="already belongs to the Sidorov family"):
        families.add_to_family(session, receptionist, mother, son)


def test_payer_change_and_leaving(session, receptionist, petrovs):
    mother, ivan, olga = petrovs
    families.set_payer(session, receptionist, ivan)
    assert families.family_of(session, receptionist, mother)["payer_id"] == ivan
    families.leave_family(session, receptionist, ivan)  # the payer leaves: the oldest left pays
    assert families.family_of(session, receptionist, olga)["payer_id"] in (mother, olga)
    family_id = session.get(Client, olga).family_id
    families.leave_family(session, receptionist, olga)  # one member left: the family is dissolved
    assert session.get(Client, mother).family_id is None and session.get(Family, family_id) is None


def test_payer_sees_the_family_invoices_and_balance(session, receptionist, petrovs, six_lessons):
    mother, ivan, olga = petrovs
    first = sales.sell(session, receptionist, ivan, six_lessons)
    sales.sell(session, receptionist, olga, six_lessons)
    payments.add_payment(session, receptionist, first.invoice_id, "20.00")
    of_mother = invoices.client_invoices(session, receptionist, mother)
    assert len(of_mother["invoices"]) == 2 and of_mother["balance"] == 0
    assert of_mother["family_balance"] == Decimal("220.00")
    of_ivan = invoices.client_invoices(session, receptionist, ivan)
    assert of_ivan["balance"] == Decimal("100.00")
    assert [i["state"] for i in of_ivan["invoices"]] == ["partly paid"]


def test_teacher_cannot_see_or_change_families(session, teacher, petrovs):
    with pytest.raises(PermissionDenied):
        families.family_of(session, teacher, petrovs[0])
    with pytest.raises(PermissionDenied):
        families.leave_family(session, teacher, petrovs[1])
