"""Roles (SPEC.md section 1, D6): each role has exactly its rights, enforced in the services."""

import importlib
import inspect
import pkgutil

import pytest

import app.services
from app.errors import PermissionDenied
from app.models import Role
from app.services.access import GUARDED, RIGHTS, Actor, Right

# What SPEC.md section 1 says each role does; written out again on purpose.
EXPECTED = {
    Role.OWNER: set(Right),
    Role.RECEPTIONIST: {
        Right.VIEW_CLIENTS, Right.EDIT_CLIENTS, Right.ENROL, Right.SELL, Right.TAKE_PAYMENTS,
        Right.CHECK_IN, Right.USE_CREDITS, Right.MARK_JOURNAL, Right.MARK_ANY_GROUP,
        Right.VIEW_MONEY, Right.VIEW_DAY_TAKINGS,
    },
    Role.TEACHER: {Right.MARK_JOURNAL},
}

# Services that take an actor but need no right beyond being signed in.
# record: the audit helper guarded services call; every user reads the business's language and
# chooses their own (L2), as they change their own password
OPEN_TO_ALL = {"change_own_password", "sign_out", "record", "business_language", "own_language", "set_own_language"}

for info in pkgutil.iter_modules(app.services.__path__):
    importlib.import_module(f"app.services.{info.name}")


def test_d6_each_role_has_exactly_its_rights():
    assert {role: set(rights) for role, rights in RIGHTS.items()} == EXPECTED


def test_d6_receptionist_never_changes_settings_users_or_voids_money():
    forbidden = {Right.EDIT_SETTINGS, Right.MANAGE_USERS, Right.VOID_MONEY, Right.EDIT_CATALOGUE}
    assert not forbidden & RIGHTS[Role.RECEPTIONIST]


def test_d6_teacher_never_sees_money_or_reports():
    assert not {Right.VIEW_MONEY, Right.VIEW_REPORTS, Right.VIEW_DAY_TAKINGS, Right.SELL} & RIGHTS[Role.TEACHER]


def _services_taking_an_actor():
    for info in pkgutil.iter_modules(app.services.__path__):
        module = importlib.import_module(f"app.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if params[:2] == ["session", "actor"]:
                yield name, fn


def test_d6_every_service_that_acts_for_a_user_is_guarded():
    unguarded = [name for name, fn in _services_taking_an_actor() if fn not in GUARDED and name not in OPEN_TO_ALL]
    assert unguarded == []


@pytest.mark.parametrize("role", list(Role))
def test_d6_role_matrix_over_every_guarded_service(role, session):
    actor = Actor(None, "x", "X", role)
    assert GUARDED, "no guarded services found"
    for service, right in GUARDED.items():
        if right in EXPECTED[role]:
            continue
        with pytest.raises(PermissionDenied):
            service(session, actor)
