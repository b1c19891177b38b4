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


@pytest.mark.parametrize("password,repeat,field", [("secret-pass", "secret-pas", "repeat_password"),
                                                    ("short", "short", "password")])
def test_d6_first_start_refuses_a_mistyped_or_weak_owner_password(tmp_path, password, repeat, field):
    from app.db import sqlite_url
    from app.storage import open_database

    db = open_database(sqlite_url(tmp_path / "new.sqlite3"), create=True)
    try:
        with pytest.raises(DomainError) as refused, db.writer.begin() as s:
            setup.first_start(s, business_name="Gym", currency="EUR", owner_name="Olga", username="olga",
                              password=password, repeat_password=repeat)
        assert refused.value.field == field
        with db.reader.begin() as s:
            assert not users.has_users(s) and settings.get_settings(s)["business_name"] == ""
    finally:
        db.dispose()


@pytest.mark.parametrize(("language", "statuses", "plans", "drawer"), [
    ("en", ["Present", "Absent without notice", "Excused", "Sick", "Trial", "Makeup"], ["Silver", "Gold", "Platinum"],
     "Front desk"),
    ("ru", ["Явка", "Неявка без предупреждения", "Пропуск по уважительной причине", "Болезнь", "Пробное занятие",
            "Отработка"], ["Серебряный", "Золотой", "Платиновый"], "Ресепшен"),
    ("ar", ["حاضر", "غائب دون إشعار", "غائب بعذر", "مريض", "حصة تجريبية", "حصة تعويضية"],
     ["الفضي", "الذهبي", "البلاتيني"], "مكتب الاستقبال"),
])
def test_l2_a_first_start_names_its_defaults_in_the_business_language(tmp_path, language, statuses, plans, drawer):
    """A centre starting in Russian finds its attendance statuses (with Russian letters), categories,
    plans and cash drawer in Russian: the lists it starts with, editable as any."""
    from app.db import sqlite_url
    from app.models import AttendanceStatus, CashDrawer, Package
    from app.storage import open_database

    db = open_database(sqlite_url(tmp_path / "new.sqlite3"), create=True)
    try:
        with db.writer.begin() as s:
            setup.first_start(s, business_name="Gym", currency="EUR", owner_name="Olga", username="olga",
                              password=PASSWORD, repeat_password=PASSWORD, language=language)
        with db.reader() as s:
            found = s.execute(select(AttendanceStatus.name, AttendanceStatus.letter)
                              .order_by(AttendanceStatus.position)).all()
            assert [name for name, _letter in found] == statuses
            assert {letter for _name, letter in found} == set(setup.LETTERS[language])
            assert list(s.scalars(select(Package.name).order_by(Package.id))) == plans
            assert s.scalar(select(CashDrawer.name)) == drawer
    finally:
        db.dispose()


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


def _events(session, user_id, action):
    return session.scalars(select(AuditEvent).where(AuditEvent.entity == "user", AuditEvent.entity_id == user_id,
                                                    AuditEvent.action == action)).all()


def test_d6_the_owner_changes_a_role_and_switches_a_user_off_in_one_audited_action(session, owner, receptionist):
    users.update_user(session, owner, receptionist.user_id, "Rita Manager", Role.OWNER, False)
    rita = session.get(User, receptionist.user_id)
    assert (rita.display_name, rita.role, rita.active) == ("Rita Manager", Role.OWNER, False)
    [event] = _events(session, rita.id, "update")
    assert event.user_id == owner.user_id and '"role": "owner"' in event.details and '"active": false' in event.details


def test_d6_only_the_owner_edits_users_also_when_the_button_is_not_hidden(session, receptionist, teacher):
    with pytest.raises(PermissionDenied):
        users.update_user(session, receptionist, teacher.user_id, "Tom", Role.OWNER, True)
    with pytest.raises(PermissionDenied):
        users.reset_password(session, receptionist, teacher.user_id, "new password 1", "new password 1")
    assert session.get(User, teacher.user_id).role == Role.TEACHER


def test_d6_the_last_active_owner_keeps_the_owner_role_and_stays_on(session, owner, receptionist):
    # Another owner is switched off: olga is the last active owner.
    users.update_user(session, owner, receptionist.user_id, "Rita Reception", Role.OWNER, False)
    rita = users.actor_of(session.get(User, receptionist.user_id))
    with pytest.raises(DomainError, match="^You cannot change your own role"):
        users.update_user(session, owner, owner.user_id, "Olga Owner", Role.RECEPTIONIST, True)
    with pytest.raises(DomainError, match="^Olga Owner is the last active owner") as refused:
        users.update_user(session, rita, owner.user_id, "Olga Owner", Role.RECEPTIONIST, True)
    assert refused.value.field == "role"
    with pytest.raises(DomainError, match="last active owner") as refused:
        users.set_user_active(session, rita, owner.user_id, False)
    assert refused.value.field == "active"
    olga = session.get(User, owner.user_id)
    assert (olga.role, olga.active) == (Role.OWNER, True)
    # With a second active owner, the first may lose the role.
    users.set_user_active(session, owner, rita.user_id, True)
    users.update_user(session, rita, owner.user_id, "Olga Owner", Role.RECEPTIONIST, True)
    assert session.get(User, owner.user_id).role == Role.RECEPTIONIST


def test_d6_the_owner_resets_a_forgotten_password_and_it_is_audited(session, owner, teacher):
    users.reset_password(session, owner, teacher.user_id, "a new secret", "a new secret")
    assert users.sign_in(session, "tom", "a new secret").user_id == teacher.user_id
    with pytest.raises(DomainError, match="Wrong user name or password"):
        users.sign_in(session, "tom", PASSWORD)
    assert [e.user_id for e in _events(session, teacher.user_id, "reset_password")] == [owner.user_id]
    with pytest.raises(DomainError, match="Change password"):
        users.reset_password(session, owner, owner.user_id, "a new secret", "a new secret")


@pytest.mark.parametrize("new,repeat,field,message", [
    ("short", "short", "new", "at least 8 characters"),
    ("long enough 1", "long enough 2", "repeat", "The two passwords differ."),
])
def test_d6_a_weak_or_mistyped_new_password_is_refused_and_the_old_one_still_works(session, owner, teacher,
                                                                                    new, repeat, field, message):
    for change in (lambda: users.reset_password(session, owner, teacher.user_id, new, repeat),
                   lambda: users.change_own_password(session, teacher, PASSWORD, new, repeat)):
        with pytest.raises(DomainError, match=message) as refused:
            change()
        assert refused.value.field == field
    assert users.sign_in(session, "tom", PASSWORD).user_id == teacher.user_id
    assert not _events(session, teacher.user_id, "change_password") + _events(session, teacher.user_id,
                                                                                "reset_password")


def test_d6_every_user_changes_their_own_password_with_the_old_one(session, teacher):
    with pytest.raises(DomainError, match="current password is wrong") as refused:
        users.change_own_password(session, teacher, "not my password", "my new secret", "my new secret")
    assert refused.value.field == "old"
    users.change_own_password(session, teacher, PASSWORD, "my new secret", "my new secret")
    assert users.sign_in(session, "tom", "my new secret").user_id == teacher.user_id
    assert [e.user_id for e in _events(session, teacher.user_id, "change_password")] == [teacher.user_id]


def test_d6_signing_out_is_recorded(session, receptionist):
    users.sign_out(session, receptionist)
    assert [e.user_id for e in _events(session, receptionist.user_id, "sign_out")] == [receptionist.user_id]


def _failed(session, username):
    return session.scalars(select(AuditEvent.at).where(AuditEvent.action == "sign_in_failed",
                                                      AuditEvent.details.contains(f'"{username}"'))).all()


def test_d6_wrong_passwords_make_the_next_try_wait_longer_each_time(session):
    import datetime as dt

    from app.types import utcnow

    start = utcnow()
    waits = []
    for tries in range(7):
        at = start + dt.timedelta(minutes=tries)  # each try after the previous wait is over
        with pytest.raises(DomainError, match="^Wrong user name or password.$"):
            users.sign_in(session, "olga", "wrong password", now=at)
        last = _failed(session, "olga")[-1].replace(tzinfo=dt.timezone.utc)
        with pytest.raises(DomainError, match="^Too many wrong passwords: try again in") as refused:
            users.sign_in(session, "olga", PASSWORD, now=last)  # even the right password waits
        waits.append(int(refused.value.message.split(" in ")[1].removesuffix(" s.")))
    assert waits == [1, 2, 4, 8, 16, 30, 30]
    assert len(_failed(session, "olga")) == 7  # a try refused for waiting is not counted again
    later = last + dt.timedelta(seconds=31)
    assert users.sign_in(session, "olga", PASSWORD, now=later).username == "olga"
    with pytest.raises(DomainError, match="^Wrong user name or password.$"):
        users.sign_in(session, "olga", "wrong again", now=later)  # a sign-in starts the count anew
    with pytest.raises(DomainError, match="try again in 1 s"):
        users.sign_in(session, "olga", PASSWORD, now=_failed(session, "olga")[-1].replace(tzinfo=dt.timezone.utc))


def test_d6_the_delay_is_per_user_and_an_unknown_name_waits_like_a_real_one(session):
    with pytest.raises(DomainError, match="^Wrong"):
        users.sign_in(session, "olga", "wrong password")
    assert users.sign_in(session, "rita", PASSWORD).username == "rita"
    with pytest.raises(DomainError, match="^Wrong"):
        users.sign_in(session, "nobody", "guess")
    with pytest.raises(DomainError, match="try again in 1 s"):
        users.sign_in(session, "nobody", "guess")


def test_d6_a_failed_sign_in_is_in_the_audit_trail_though_the_sign_in_fails(tmp_path):
    from app.db import sqlite_url
    from app.storage import open_database

    db = open_database(sqlite_url(tmp_path / "d6.sqlite3"), create=True)
    try:
        with db.writer.begin() as s:
            setup.first_start(s, business_name="Gym", currency="EUR", owner_name="Olga", username="olga",
                              password=PASSWORD, repeat_password=PASSWORD)
        with pytest.raises(DomainError), db.writer.begin() as s:
            users.sign_in(s, "OLGA", "wrong password")
        with db.reader.begin() as s:
            event = s.scalar(select(AuditEvent).where(AuditEvent.action == "sign_in_failed"))
            olga = s.scalar(select(User.id).where(User.username == "olga"))
        assert (event.user_id, event.entity_id, event.details) == (None, olga, '{"username": "olga"}')
    finally:
        db.dispose()


def test_d6_an_old_hash_is_renewed_at_sign_in(session):
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    user = session.scalar(select(User).where(User.username == "tom"))
    user.password_hash = weak.hash(PASSWORD)
    session.flush()
    users.sign_in(session, "tom", PASSWORD)
    assert user.password_hash != weak.hash(PASSWORD) and not PasswordHasher().check_needs_rehash(user.password_hash)
    assert users.sign_in(session, "tom", PASSWORD).username == "tom"
