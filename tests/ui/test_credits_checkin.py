"""K6/K7 at the desk: a visit pass checks in green and the banner says what is left (and what is low or
expiring); Ctrl+U in the check-in field opens Use credits for the typed code; the profile flags K7."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models import CreditGrant
from app.services import catalogue, clients, lists, sales
from ui.clients.checkin import CheckInBar
from ui.clients.profile import ClientProfile
from ui.credits.use import UseDialog


def _pass_holder(desk, units=3):
    owner = desk.ops("olga").actor
    with desk.database.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, owner, "Sauna", "visit")
        lists.save_item(s, owner, "credit_types", sauna, {"used_at_checkin": True, "low_balance": "2"})
        pack = catalogue.create_package(s, owner, kind="credits", name="Sauna pass", price="30", term_count=1,
                                        term_unit="year", credits={sauna: units})
        anna = clients.create_client(s, owner, name="Анна Иванова")
        sales.sell(s, owner, anna, pack, today=dt.date.today())
        code = clients.get_client(s, owner, anna)["code"]
    return anna, code


def _used(desk) -> int:
    with desk.database.reader() as s:
        return s.scalar(select(func.sum(CreditGrant.used)))


def _checked_in(desk, qtbot, code: str) -> CheckInBar:
    """The receptionist's check-in field: ``code`` typed, Enter, the banner shown."""
    bar = CheckInBar(desk.ops("rita"))
    qtbot.addWidget(bar)
    bar.show()
    qtbot.keyClicks(bar.code, code)
    qtbot.keyClick(bar.code, Qt.Key.Key_Return)
    qtbot.waitUntil(bar.result.isVisible)
    return bar


def test_k6_k7_a_pass_checks_in_green_and_the_banner_says_what_is_left(desk, qtbot):
    _anna, code = _pass_holder(desk)
    bar = _checked_in(desk, qtbot, code)
    assert bar.last.colour == "green" and _used(desk) == 1
    assert bar.result.text() == "Анна Иванова: Sauna: 1 visit taken, 2 visits left. Sauna: low balance."


def test_k2_ctrl_u_in_the_check_in_field_then_the_type_number_records_a_use(desk, qtbot, monkeypatch):
    _anna, code = _pass_holder(desk)
    bar = CheckInBar(desk.ops("rita"))
    qtbot.addWidget(bar)
    bar.show()
    monkeypatch.setattr(UseDialog, "exec", lambda self: qtbot.keyClick(self.types, "1") or self.result())
    qtbot.keyClicks(bar.code, code)
    qtbot.keyClick(bar.code, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert _used(desk) == 1 and bar.code.text() == ""
    qtbot.keyClick(bar.code, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)  # no code typed: said, nothing used
    qtbot.waitUntil(bar.result.isVisible)
    assert "card code first" in bar.result.text() and _used(desk) == 1


def test_k7_the_profile_flags_a_low_balance(desk, qtbot):
    anna, _code = _pass_holder(desk, units=2)
    profile = ClientProfile(desk.ops("rita"))
    qtbot.addWidget(profile)
    profile.show_client(anna)
    profile.show()
    index = profile.tabs.indexOf(profile.credits)
    assert profile.tabs.tabText(index) == "Credits ⚠"
    assert profile.credits.flags.text().startswith("⚠ Sauna: low balance, 2 visits left")


def test_l2_k6_k7_the_banner_says_the_pass_and_the_credit_notes_in_russian(desk, qtbot, speak):
    _anna, code = _pass_holder(desk)
    assert speak("ru") is None
    bar = _checked_in(desk, qtbot, code)
    assert bar.result.text() == ("Анна Иванова: Sauna: списано 1 (visit), осталось 2 visits. "
                                 "Sauna: остаток на исходе.")


def test_l2_an_unknown_code_is_said_in_russian(desk, qtbot, speak):
    assert speak("ru") is None
    bar = _checked_in(desk, qtbot, "ZZ9999")
    assert "Нет клиента с кодом ZZ9999." in bar.result.text()
