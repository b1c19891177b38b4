"""Shared set-up for the selling tests: clients, the default plans, a lesson pack and a top-up."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Package
from app.services import catalogue, clients, programs, sales


def plan(session, name: str) -> int:
    return session.scalar(select(Package.id).where(Package.name == name))


@pytest.fixture
def anna(session, owner):
    return clients.create_client(session, owner, name="Анна Иванова", phone="+7 912 345-67-89",
                                 email="anna@example.org")


@pytest.fixture
def gold(session):
    return plan(session, "Gold")


@pytest.fixture
def silver(session):
    return plan(session, "Silver")


@pytest.fixture
def speech(session, owner):
    return programs.create_program(session, owner, name="Speech therapy 7-12y", base_lesson_price="21.00",
                                   colour="#e67e22")


@pytest.fixture
def six_lessons(session, owner, speech):
    return catalogue.create_package(session, owner, kind="lesson_pack", name="Speech: 6 lessons", price="120.00",
                                    term_count=3, term_unit="month", program_id=speech, lesson_count=6)


@pytest.fixture
def sauna_ten(session, owner):
    sauna = catalogue.create_credit_type(session, owner, "Sauna", "visit")
    return catalogue.create_package(session, owner, kind="credits", name="Sauna x10", price="60.00",
                                    term_count=6, term_unit="month", credits={sauna: 10})


def towel_today(desk, name: str) -> int:
    """A client ``name`` sold "Spa month" today, whose service "Towel" falls weekly on today's weekday (R1):
    one agenda line today. The client's id."""
    import datetime as dt

    today = dt.date.today()
    owner = desk.ops("olga").actor
    with desk.database.writer.begin() as s:
        spa = catalogue.create_package(s, owner, kind="membership", name="Spa month", price="50", term_count=1,
                                       term_unit="month", services=[{"name": "Towel", "frequency": "weekly",
                                                                     "every_weeks": 1, "weekdays": [today.weekday()]}])
        client = clients.create_client(s, owner, name=name)
        sales.sell(s, owner, client, spa, start_date=today, today=today)
    return client
