"""Signing in, first start and the audit trail (D6)."""

import pytest
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import AuditEvent, Role, Setting, User
from app.services import settings, setup, users
from tests.conftest import PASSWORD


def test_d6_passwords_are_stored_as_argon2id(session):
    hashes = session.scalars(select(User.password_hash)).all()
    assert hashes and all(h.startswith("$argon2id$") for h in hashes)
    assert all(PASSWORD not in h for h in hashes)


def test_sign_in_with_the_right_password(session):
    actor = users.sign_in(session, "  OLGA ", PASSWORD)
    assert (actor.username, actor.role) == ("olga", Role.OWNER)


@pytest.mark.parametrize("username,password", [("olga", "wrong password"), ("nobody", PASSWORD), ("", "")])
def test_a_wrong_user_or_password_gets_the_same_plain_message(session, username, password):
    with pytest.raises(DomainError, match="^Wrong user name or password.$"):
        users.sign_in(session, username, password)


def test_a_switched_off_user_cannot_sign_in(session, owner, teacher):
    users.set_user_active(session, owner, teacher.user_id, False)
    with pytest.raises(DomainError, match="switched off"):
        users.sign_in(session, "tom", PASSWORD)


def test_only_the_owner_creates_users_and_it_is_audited(session, owner, receptionist):
    with pytest.raises(PermissionDenied):
        users.create_user(session, receptionist, "eve", "Eve", Role.OWNER, PASSWORD)
    user_id = users.create_user(session, owner, "anna", "Анна Иванова", Role.TEACHER, PASSWORD)
    event = session.scalar(select(AuditEvent).where(AuditEvent.entity == "user", AuditEvent.entity_id == user_id))
    assert (event.user_id, event.action) == (owner.user_id, "create")


@pytest.mark.parametrize("password", ["short", "", None])
def test_a_weak_password_is_refused(session, owner, password):
    with pytest.raises(DomainError, match="password"):
        users.create_user(session, owner, "weak", "Weak", Role.TEACHER, password)


def test_first_start_refuses_a_database_that_is_set_up(session):
    with pytest.raises(DomainError, match="already set up"):
        setup.first_start(session, business_name="X", currency="EUR", owner_name="X",
                          username="x", password=PASSWORD, repeat_password=PASSWORD)


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"business_name": "   "}, "business_name"),
        ({"business_name": "x" * 201}, "business_name"),
        ({"currency": "euro"}, "currency"),
        ({"tolerance_days": -1}, "tolerance_days"),
        ({"checkin_policy": "everybody"}, "checkin_policy"),
        ({"tax_rate": "0.001"}, "tax_rate"),
        ({"business_name": "Bad\x00name"}, "business_name"),
    ],
)
def test_d5_bad_settings_are_refused_and_nothing_is_written(session, owner, changes, field):
    before = session.scalar(select(func.count(Setting.key)))
    with pytest.raises(DomainError) as err:
        settings.update_settings(session, owner, changes)
    assert err.value.field == field
    assert session.scalar(select(func.count(Setting.key))) == before


def test_settings_are_owner_only_and_quotes_and_markup_are_kept_as_typed(session, owner, receptionist):
    with pytest.raises(PermissionDenied):
        settings.update_settings(session, receptionist, {"tolerance_days": 3})
    settings.update_settings(session, owner, {"business_name": 'O\'Neil & "Sons" <b>Gym</b>'})
    assert settings.get_settings(session)["business_name"] == 'O\'Neil & "Sons" <b>Gym</b>'


def test_first_start_made_the_editable_default_plans(session):
    from app.models import Package

    assert session.scalars(select(Package.name).order_by(Package.id)).all() == ["Silver", "Gold", "Platinum"]
