"""The owner's short lists: statuses, categories, drawers, credit types (issue 3, item 8)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.errors import DomainError, PermissionDenied
from app.models import AttendanceStatus, CashDrawer
from app.services import lists


def test_owner_adds_and_changes_an_attendance_status(session, owner):
    new = lists.save_item(session, owner, "attendance_statuses", None,
                          {"name": "Late", "letter": "L", "colour": "#AA5500", "charges": True,
                           "gives_makeup": False, "uses_makeup": False})
    lists.save_item(session, owner, "attendance_statuses", new, {"colour": "#113355"})
    row = session.get(AttendanceStatus, new)
    assert (row.colour, row.charges, row.position) == ("#113355", True, 6)
    assert [item["name"] for item in lists.list_items(session, owner, "attendance_statuses")][-1] == "Late"
    lists.set_item_active(session, owner, "attendance_statuses", new, False)
    assert session.get(AttendanceStatus, new).active is False


@pytest.mark.parametrize("kind,values,field", [
    ("attendance_statuses", {"name": "Present", "letter": "P", "colour": "#00ff00", "charges": True,
                             "gives_makeup": False, "uses_makeup": False}, "name"),
    ("attendance_statuses", {"name": "X", "letter": "X", "colour": "green", "charges": True,
                             "gives_makeup": False, "uses_makeup": False}, "colour"),
    ("attendance_statuses", {"name": "X", "letter": "X", "colour": "#00ff00", "charges": True,
                             "gives_makeup": False, "uses_makeup": True}, "charges"),
    ("client_categories", {"name": "", "may_attend": True}, "name"),
    ("client_categories", {"name": "adult", "may_attend": True}, "name"),
    ("cash_drawers", {"name": "x" * 101}, "name"),
    ("credit_types", {"name": "Sauna", "unit": ""}, "unit"),
])
def test_bad_list_items_are_refused_at_their_field(session, owner, kind, values, field):
    before = len(lists.list_items(session, owner, kind))
    with pytest.raises(DomainError) as refused:
        lists.save_item(session, owner, kind, None, values)
    assert refused.value.field == field
    assert len(lists.list_items(session, owner, kind)) == before


def test_categories_are_renamed_not_deactivated_and_drawers_are_added(session, owner):
    adult = next(c for c in lists.list_items(session, owner, "client_categories") if c["name"] == "Adult")
    lists.save_item(session, owner, "client_categories", adult["id"], {"name": "Grown-up", "may_attend": False})
    with pytest.raises(DomainError, match="cannot be deactivated"):
        lists.set_item_active(session, owner, "client_categories", adult["id"], False)
    lists.save_item(session, owner, "cash_drawers", None, {"name": "Café till"})
    assert session.scalar(select(func.count(CashDrawer.id))) == 2


def test_receptionist_and_teacher_cannot_change_the_lists(session, receptionist, teacher):
    for actor in (receptionist, teacher):
        with pytest.raises(PermissionDenied):
            lists.save_item(session, actor, "cash_drawers", None, {"name": "Mine"})
        with pytest.raises(PermissionDenied):
            lists.list_items(session, actor, "attendance_statuses")


def _drawer(session, owner, name):
    return lists.save_item(session, owner, "cash_drawers", None, {"name": name})


def test_first_start_makes_the_front_desk_the_default_drawer(session, owner, receptionist):
    from app.services.settings import get_settings

    front = session.get(CashDrawer, get_settings(session)["default_cash_drawer"])
    assert front.name == "Front desk"
    _drawer(session, owner, "Cafe till")  # first by name, and never preselected for that reason
    assert lists.preselected_drawer(session, receptionist, None) == front.id


def test_the_payment_step_offers_this_pcs_last_drawer_while_it_is_active_else_the_default(session, owner,
                                                                                          receptionist, teacher):
    from app.services import settings

    front = settings.get_settings(session)["default_cash_drawer"]
    cafe = _drawer(session, owner, "Cafe till")
    assert lists.preselected_drawer(session, receptionist, cafe) == cafe
    lists.set_item_active(session, owner, "cash_drawers", cafe, False)
    assert lists.preselected_drawer(session, receptionist, cafe) == front
    assert lists.preselected_drawer(session, receptionist, 999_999) == front
    with pytest.raises(PermissionDenied):
        lists.preselected_drawer(session, teacher, None)


def test_the_owner_marks_another_default_drawer_and_an_inactive_one_is_refused(session, owner, receptionist):
    from app.services import settings

    front = settings.get_settings(session)["default_cash_drawer"]
    cafe = _drawer(session, owner, "Cafe till")
    settings.update_settings(session, owner, {"default_cash_drawer": cafe})
    assert lists.preselected_drawer(session, receptionist, None) == cafe
    old = _drawer(session, owner, "Old till")
    lists.set_item_active(session, owner, "cash_drawers", old, False)
    for bad in (old, 999_999, "front", 0):
        with pytest.raises(DomainError) as refused:
            settings.update_settings(session, owner, {"default_cash_drawer": bad})
        assert refused.value.field == "default_cash_drawer"
    assert settings.get_settings(session)["default_cash_drawer"] == cafe
    assert front != cafe


def test_deactivating_the_default_drawer_is_refused_with_a_message_and_nothing_changes(session, owner):
    from app.services import settings

    front = settings.get_settings(session)["default_cash_drawer"]
    with pytest.raises(DomainError, match="^Front desk is the default cash drawer: make another drawer the default"):
        lists.set_item_active(session, owner, "cash_drawers", front, False)
    assert session.get(CashDrawer, front).active is True
    assert settings.get_settings(session)["default_cash_drawer"] == front


def test_a_database_from_before_default_drawers_offers_its_oldest_active_drawer(session, owner, receptionist):
    from app.services import settings

    front = settings.get_settings(session)["default_cash_drawer"]
    _drawer(session, owner, "Cafe till")
    settings.update_settings(session, owner, {"default_cash_drawer": None})
    assert lists.preselected_drawer(session, receptionist, None) == front
    lists.set_item_active(session, owner, "cash_drawers", front, False)  # no default: it may go
    assert session.get(CashDrawer, lists.preselected_drawer(session, receptionist, None)).name == "Cafe till"
