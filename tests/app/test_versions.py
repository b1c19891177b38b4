"""D7: two dialogs editing one record. A save based on the version a form showed, after someone
else saved, is refused with who and when ("changed by X at T meanwhile") and changes nothing."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.models import Role
from app.services import catalogue, clients, programs, settings, users
from app.services.versions import ChangedMeanwhile
from tests.conftest import PASSWORD

WHO_AND_WHEN = re.compile(r"^(This client|This package|This group|This user|A setting on this page) was changed by "
                          r"(.+) at (\d\d\.\d\d\.\d{4} \d\d:\d\d) meanwhile, so your change was not "
                          r"saved\. The form now shows the saved values: make your change again if it is still "
                          r"needed\.$")


def _what_and_who(error: pytest.ExceptionInfo) -> tuple[str, str]:
    found = WHO_AND_WHEN.match(error.value.message)
    assert found, error.value.message
    saved_at = dt.datetime.strptime(found.group(3), "%d.%m.%Y %H:%M")
    assert abs(saved_at - dt.datetime.now()) < dt.timedelta(minutes=2)  # local time, to the minute
    return found.group(1), found.group(2)


def test_d7_a_client_saved_from_an_old_version_is_refused_with_who_and_when(session, owner, receptionist):
    anna = clients.create_client(session, owner, name="Anna Old")
    form_of_olga = clients.get_client(session, owner, anna)
    form_of_rita = clients.get_client(session, receptionist, anna)
    clients.update_client(session, receptionist, anna, name="Anna Rita", phone="+44 7700 900123",
                          version=form_of_rita["version"])
    with pytest.raises(ChangedMeanwhile) as refused:
        clients.update_client(session, owner, anna, name="Anna Olga", version=form_of_olga["version"])
    assert _what_and_who(refused) == ("This client", "Rita Reception")
    saved = clients.get_client(session, owner, anna)
    assert (saved["name"], saved["phone"], saved["version"]) == ("Anna Rita", "+44 7700 900123",
                                                                 form_of_olga["version"] + 1)
    clients.update_client(session, owner, anna, name="Anna Olga", version=saved["version"])  # again, knowing
    assert clients.get_client(session, owner, anna)["name"] == "Anna Olga"


def test_d7_a_package_saved_from_an_old_version_is_refused(session, owner, gold):
    shown = catalogue.get_package(session, owner, gold)["version"]
    catalogue.update_package(session, owner, gold, price="99", version=shown)  # the other PC's dialog
    with pytest.raises(ChangedMeanwhile) as refused:
        catalogue.update_package(session, owner, gold, price="120", version=shown)
    assert _what_and_who(refused) == ("This package", "Olga Owner")
    assert str(catalogue.get_package(session, owner, gold)["price"]) == "99.00"


def test_d7_a_group_saved_from_an_old_version_is_refused(session, owner):
    program = programs.create_program(session, owner, name="Chess", base_lesson_price="10")
    group = programs.create_group(session, owner, program_id=program, name="Chess A", slots=[(0, "10:00", "11:00")])
    shown = programs.get_group(session, owner, group)["version"]
    programs.update_group(session, owner, group, room="Hall 1", version=shown)
    with pytest.raises(ChangedMeanwhile) as refused:
        programs.update_group(session, owner, group, room="Hall 2", version=shown)
    assert _what_and_who(refused) == ("This group", "Olga Owner")
    assert programs.get_group(session, owner, group)["room"] == "Hall 1"


def test_d7_a_user_saved_from_an_old_version_is_refused_and_a_sign_in_is_not_a_change(session, owner):
    tom = next(u for u in users.list_users(session, owner) if u["username"] == "tom")
    users.update_user(session, owner, tom["id"], "Tom T.", Role.TEACHER, True, version=tom["version"])
    users.sign_in(session, "tom", PASSWORD)
    with pytest.raises(ChangedMeanwhile) as refused:
        users.update_user(session, owner, tom["id"], "Thomas", Role.TEACHER, True, version=tom["version"])
    assert _what_and_who(refused) == ("This user", "Olga Owner")
    assert next(u["name"] for u in users.list_users(session, owner) if u["id"] == tom["id"]) == "Tom T."


def test_d7_settings_saved_from_old_versions_are_refused(session, owner):
    shown = settings.setting_versions(session)
    settings.update_settings(session, owner, {"business_name": "Sunny Kids"}, shown)
    with pytest.raises(ChangedMeanwhile) as refused:
        settings.update_settings(session, owner, {"business_name": "Rainy Kids"}, shown)
    assert _what_and_who(refused) == ("A setting on this page", "Olga Owner")
    assert settings.get_settings(session)["business_name"] == "Sunny Kids"
    settings.update_settings(session, owner, {"business_name": "Rainy Kids"}, settings.setting_versions(session))
    assert settings.get_settings(session)["business_name"] == "Rainy Kids"
