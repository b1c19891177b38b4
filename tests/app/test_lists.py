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
