"""The check-in bar at reception, driven like a receptionist: type or scan a code, press Enter,
renew from the banner (M4), a second scan asks first and a typed name searches the list (J6)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from app.models import Client, Membership, Package, Visit
from app.services import catalogue, clients, sales
from tests.ui.typing import type_text
from ui.clients import checkin as bar_module
from ui.clients.checkin import COLOURS, CheckInAgainDialog
from ui.clients.screen import ClientsScreen
from ui.selling.payment import PaymentDialog
from ui.selling.sale import SaleDialog
from ui.settings.screen import SettingsScreen

TODAY = dt.date.today()


def _package(s, name):
    return s.scalar(select(Package.id).where(Package.name == name))


def _member(desk, name: str, package: str, started_days_ago: int) -> tuple[int, str, int]:
    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, ops.actor, name=name)
        start = TODAY - dt.timedelta(days=started_days_ago)
        sale = sales.sell(s, ops.actor, client, _package(s, package), start_date=start, today=start)
        return client, s.get(Client, client).code, sale.membership_id


def _visits(desk, client_id) -> int:
    with desk.database.reader.begin() as s:
        return s.scalar(select(func.count(Visit.id)).where(Visit.client_id == client_id, Visit.kind == "checkin"))


@pytest.fixture
def screen(desk, qtbot):
    shown = ClientsScreen(desk.ops("rita"))
    qtbot.addWidget(shown)
    shown.resize(1366, 700)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def _scan(qtbot, screen, code: str) -> None:
    qtbot.keyClicks(screen.check_in.code, code)
    qtbot.keyClick(screen.check_in.code, Qt.Key.Key_Return)


def test_m4_renew_from_check_in_preselects_the_renewed_plan_and_the_banner_goes(desk, qtbot, screen, monkeypatch):
    with desk.database.writer.begin() as s:  # a credits package sorts first in the package list
        catalogue.create_package(s, desk.ops("olga").actor, kind="credits", name="Massage: 5 sessions",
                                 price="80.00", term_count=3, term_unit="month",
                                 credits={catalogue.create_credit_type(s, desk.ops("olga").actor, "Massage",
                                                                       "session"): 5})
    client, code, silver_sale = _member(desk, "Lapsed Silver", "Silver", 33)
    bar = screen.check_in
    _scan(qtbot, screen, code)
    assert "background: " + COLOURS["amber"] in bar.result.styleSheet() and bar.offer.text() == "Renew…"
    seen = {}

    def drive_sale(dialog):
        dialog.show()
        seen["offered"] = [dialog.package.itemText(i) for i in range(dialog.package.count())]
        seen["chosen"] = dialog.package.currentText()
        seen["start"] = dialog.start.date().toPython()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    def skip_payment(dialog):
        dialog.show()
        qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(SaleDialog, "exec", drive_sale)
    monkeypatch.setattr(PaymentDialog, "exec", skip_payment)
    qtbot.mouseClick(bar.offer, Qt.MouseButton.LeftButton)
    assert seen["chosen"].startswith("Silver  ·")  # the plan being renewed, not the list's first
    assert all(text.endswith("(Memberships)") for text in seen["offered"]) and len(seen["offered"]) == 3
    with desk.database.reader.begin() as s:
        renewal = s.scalar(select(Membership).where(Membership.renews_id == silver_sale))
        assert (renewal.package_name, renewal.start_date) == ("Silver", seen["start"])
    qtbot.waitUntil(lambda: not bar.result.isVisible() and not bar.offer.isVisible())
    assert bar.last is None
    row = next(r for r in range(screen.model.rowCount()) if screen.model.client_id(r) == client)
    assert screen.model.data(screen.model.index(row, 5)) == "Active"  # the list knows at once
    screen.open_client(client)  # M8: and the profile's badge says the same, with the renewal's end
    assert screen.profile.badge.text() == f"Silver · active until {renewal.end_date:%d.%m.%Y}"


def test_j6_a_second_check_in_within_minutes_asks_before_recording(desk, qtbot, screen, monkeypatch):
    client, code, _sale = _member(desk, "Twice Scanned", "Gold", 0)
    _scan(qtbot, screen, code)
    assert _visits(desk, client) == 1
    answers = []

    def answer(button):
        def drive(dialog):
            dialog.show()
            answers.append(dialog.text())
            qtbot.mouseClick(dialog.button(button), Qt.MouseButton.LeftButton)
            return dialog.result()
        return drive

    monkeypatch.setattr(CheckInAgainDialog, "exec", answer(QMessageBox.StandardButton.No))
    _scan(qtbot, screen, code)
    assert answers == ["\u2068Twice Scanned\u2069 was checked in 0 min ago. Record another visit?"]
    assert _visits(desk, client) == 1 and screen.check_in.result.text() == "Twice Scanned: Not checked in again."
    monkeypatch.setattr(CheckInAgainDialog, "exec", answer(QMessageBox.StandardButton.Yes))
    _scan(qtbot, screen, code)
    assert len(answers) == 2 and _visits(desk, client) == 2
    assert "background: " + COLOURS["green"] in screen.check_in.result.styleSheet()


def test_j6_a_name_typed_into_the_check_in_field_searches_the_list(desk, qtbot, screen):
    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        ava = clients.create_client(s, ops.actor, name="Ava Hughes")
        clients.create_client(s, ops.actor, name="Bruno Diaz")
    screen.refresh()
    assert screen.model.total() == 2
    _scan(qtbot, screen, "AVA HUGHES")
    assert screen.search.text() == "AVA HUGHES" and screen.check_in.code.text() == ""
    qtbot.waitUntil(lambda: screen.model.total() == 1)
    assert screen.model.client_id(0) == ava and _visits(desk, ava) == 0  # nothing written
    assert not screen.check_in.result.isVisible()  # no "No client has the code AVA HUGHES", no cover on the list
    type_text(screen.check_in.code, "Анна")  # a Cyrillic name, typed key by key
    qtbot.keyClick(screen.check_in.code, Qt.Key.Key_Return)
    assert screen.search.text() == "Анна"


def test_j6_the_banner_keeps_its_place_isolates_an_arabic_name_and_hides(desk, qtbot, screen, monkeypatch):
    client, code, _sale = _member(desk, "أحمد عبد الرحمن الخطيب", "Gold", 0)
    bar = screen.check_in
    table_top, filters_top = screen.table.geometry().top(), screen.standing.geometry().top()
    height = bar.result.height()  # fixed before anything is shown
    monkeypatch.setattr(bar_module, "SHOWN_MS", 200)
    _scan(qtbot, screen, code)
    assert bar.result.isVisible() and bar.result.height() == height
    assert bar.result.name.text() == "\u2068أحمد عبد الرحمن الخطيب\u2069"  # its own direction, isolated
    assert bar.result.reason.text() == "Membership active."
    line = bar.result.fontMetrics().lineSpacing()
    assert bar.result.name.height() + bar.result.reason.height() <= 2 * line + 2  # two lines, no more
    below_field = bar.mapTo(screen, bar.code.geometry().bottomLeft()).y()
    assert bar.result.geometry().top() > below_field  # it floats under the field, never over it
    assert (screen.table.geometry().top(), screen.standing.geometry().top()) == (table_top, filters_top)
    qtbot.waitUntil(lambda: not bar.result.isVisible(), timeout=3000)  # it hides after a while
    assert (screen.table.geometry().top(), screen.standing.geometry().top()) == (table_top, filters_top)
    with desk.database.writer.begin() as s:
        long_name = clients.create_client(s, desk.ops("rita").actor, name="Somebody Longnamed " * 10)
        code = s.get(Client, long_name).code
    _scan(qtbot, screen, code)  # red, and a long name: cut with "…", not wrapped
    assert bar.result.height() == height and bar.result.name.text().endswith("…\u2069")
    assert bar.result.toolTip() == ("Somebody Longnamed " * 10).strip() + "\nNo membership."  # the whole text
    qtbot.mouseClick(bar.result, Qt.MouseButton.LeftButton)  # a click puts it away at once
    assert not bar.result.isVisible() and screen.table.geometry().top() == table_top


def test_j6_the_double_check_in_minutes_are_set_where_the_check_in_policy_is(desk, qtbot):
    settings_screen = SettingsScreen(desk.ops("olga"))
    qtbot.addWidget(settings_screen)
    settings_screen.show()
    page = next(p for p in settings_screen.pages if "checkin_policy" in p.widgets)
    settings_screen.open_page(page)
    minutes = page.widgets["double_checkin_minutes"]
    assert minutes.value() == 10
    minutes.selectAll()
    qtbot.keyClicks(minutes, "25")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with desk.database.reader.begin() as s:
        from app.services.settings import get_settings

        assert get_settings(s)["double_checkin_minutes"] == 25
