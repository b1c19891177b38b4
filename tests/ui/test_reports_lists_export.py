"""X2: the memberships list, the credits area and the agenda export what they show (same filters) to XLSX
and CSV, with the writer the clients export uses (typed cells, injection-safe), as a job; every list
(clients too) also to a printable PDF with its filters in the header and "Page n of m"."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
from decimal import Decimal

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import func, select

from app.models import Client, CreditGrant, Package
from app.services import catalogue, clients, sales
from tests.sales_fixtures import towel_today
from tests.ui.jobs import finished
from ui.agenda.screen import AgendaScreen
from ui.clients.screen import ClientsScreen
from ui.credits.screen import CreditsScreen
from ui.memberships.screen import MembershipsScreen


def _export(qtbot, monkeypatch, screen, path):
    """Press the screen's Export… and choose ``path``; wait for the job; the file's rows."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert screen.ops.jobs.running, "no export job was started"
    finished(qtbot, screen.ops.jobs.running[-1])
    if path.suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            return list(csv.reader(f))
    return [[cell.value for cell in row] for row in load_workbook(path).active.iter_rows()]


def test_x2_the_memberships_list_exports_as_filtered(desk, qtbot, monkeypatch, tmp_path):
    olga = desk.ops("olga")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        anna = clients.create_client(s, olga.actor, name="=Anna Export")
        boris = clients.create_client(s, olga.actor, name="Boris Export")
        sales.sell(s, olga.actor, anna, gold, start_date=today, today=today)
        sales.sell(s, olga.actor, boris, gold, start_date=today, today=today)
    screen = MembershipsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.client, "Export")
    shown = sorted(screen.model.sale(r)["client"] for r in range(screen.model.rowCount()))
    rows = _export(qtbot, monkeypatch, screen, tmp_path / "memberships.xlsx")
    assert rows[0] == ["Client", "Code", "Package", "From", "Until", "Status", "Lessons used", "Lessons", "Price",
                       "Invoice", "Payment", "Due"]
    assert sorted(r[0] for r in rows[1:]) == shown == ["=Anna Export", "Boris Export"]
    anna_row = next(r for r in rows[1:] if r[0] == "=Anna Export")
    assert anna_row[2] == "Gold" and anna_row[3] == dt.datetime.combine(today, dt.time()) and anna_row[5] == "Active"
    assert isinstance(anna_row[8], (int, float)) and Decimal(str(anna_row[8])) > 0
    screen.client.clear()
    qtbot.keyClicks(screen.client, "Boris")
    rows = _export(qtbot, monkeypatch, screen, tmp_path / "memberships.csv")
    assert [r[0] for r in rows[1:]] == ["Boris Export"]  # the filter as shown


def test_x2_the_credits_area_exports_one_row_per_client_and_type(desk, qtbot, monkeypatch, tmp_path):
    owner = desk.ops("olga").actor
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, owner, "Sauna", "visit")
        for n, name in enumerate(("Holder One", "+Holder Two")):
            client = clients.create_client(s, owner, name=name)
            s.add(CreditGrant(client_id=client, credit_type_id=sauna, units=5, used=n, valid_from=today,
                              valid_until=today + dt.timedelta(days=30)))
    screen = CreditsScreen(desk.ops("rita"))
    qtbot.addWidget(screen)
    screen.show()
    rows = _export(qtbot, monkeypatch, screen, tmp_path / "credits.csv")
    assert rows[0] == ["Code", "Client", "Credit type", "Available", "Unit", "Soonest expiry"]
    assert sorted(r[1:5] for r in rows[1:]) == [["'+Holder Two", "Sauna", "4", "visit"],
                                                ["Holder One", "Sauna", "5", "visit"]]
    assert {r[5] for r in rows[1:]} == {(today + dt.timedelta(days=30)).isoformat()}


def test_x2_the_agenda_exports_the_day_shown(desk, qtbot, monkeypatch, tmp_path):
    today = dt.date.today()
    towel_today(desk, "Anna Agenda")
    screen = AgendaScreen(desk.ops("rita"))
    qtbot.addWidget(screen)
    screen.show()
    rows = _export(qtbot, monkeypatch, screen, tmp_path / "agenda.xlsx")
    assert rows[0][:6] == ["Day", "Client", "Code", "Service", "Membership", "State"]
    assert [r[1:6] for r in rows[1:]] == [["Anna Agenda", rows[1][2], "Towel", "Spa month", "Planned"]]
    assert rows[1][0] == dt.datetime.combine(today, dt.time())
    qtbot.mouseClick(screen.forward, Qt.MouseButton.LeftButton)  # tomorrow: nothing due, only the header
    assert _export(qtbot, monkeypatch, screen, tmp_path / "tomorrow.csv")[1:] == []


def _pdf(qtbot, monkeypatch, screen, path) -> tuple[int, list[str]]:
    """Press Export…, choose a .pdf; its page count (pdfinfo) and each page's text (pdftotext)."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert screen.ops.jobs.running, "no export job was started"
    finished(qtbot, screen.ops.jobs.running[-1], timeout=30_000)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    shown = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                           check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1)), shown.split("\f")[:-1]


def _numbered(pages: list[str]) -> None:
    assert all(f"Page {n} of {len(pages)}" in text for n, text in enumerate(pages, start=1))


def test_x2_the_clients_list_prints_to_pdf_with_its_filters_and_page_numbers(desk, qtbot, monkeypatch, tmp_path):
    olga = desk.ops("olga")
    with desk.database.writer.begin() as s:
        for n in range(90):
            clients.create_client(s, olga.actor, name=f"Printed Client {n:02d}", phone=f"+44 7700 9{n:05d}")
        clients.create_client(s, olga.actor, name="Someone Else")
        listed = s.scalar(select(func.count()).select_from(Client).where(Client.name.like("%Printed%")))
    screen = ClientsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.search, "Printed")
    qtbot.waitUntil(lambda: screen.model.rowCount() == listed)
    count, pages = _pdf(qtbot, monkeypatch, screen, tmp_path / "clients.pdf")
    assert count == len(pages) >= 2 and listed == 90
    _numbered(pages)
    assert "Sunny Kids Centre" in pages[0] and "Clients" in pages[0]
    assert re.search(r"Search: Printed\s+·\s+Category: All categories\s+·\s+Status: ", pages[0])
    everything = "".join(pages)
    assert sorted(set(re.findall(r"Printed Client \d\d", everything))) == [f"Printed Client {n:02d}"
                                                                          for n in range(90)]
    assert "Someone Else" not in everything
    assert all("Code" in text and "Balance due" in text for text in pages)  # the header row on every page


def test_x2_the_memberships_list_prints_to_pdf_with_its_filters(desk, qtbot, monkeypatch, tmp_path):
    olga = desk.ops("olga")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        for name in ("Anna Printed", "Boris Printed", "Clara Other"):
            sales.sell(s, olga.actor, clients.create_client(s, olga.actor, name=name), gold, start_date=today,
                       today=today)
    screen = MembershipsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    screen.package.setCurrentIndex(screen.package.findText("Gold"))
    qtbot.keyClicks(screen.client, "Printed")
    count, pages = _pdf(qtbot, monkeypatch, screen, tmp_path / "memberships.pdf")
    assert count == len(pages) == 1
    _numbered(pages)
    assert re.search(r"Search: Printed\s+·\s+Status: Any status\s+·\s+Package: Gold\s+·\s+Started: "
                     + re.escape(screen.start_from.text()), pages[0])
    assert "Anna Printed" in pages[0] and "Boris Printed" in pages[0] and "Clara Other" not in pages[0]
    assert f"{today:%d.%m.%Y}" in pages[0]  # a date cell shown as a date


def test_x2_the_credits_area_prints_to_pdf(desk, qtbot, monkeypatch, tmp_path):
    owner = desk.ops("olga").actor
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, owner, "Sauna", "visit")
        for name in ("Holder Printed", "Holder Other"):
            s.add(CreditGrant(client_id=clients.create_client(s, owner, name=name), credit_type_id=sauna, units=5,
                              used=1, valid_from=today, valid_until=today + dt.timedelta(days=30)))
    screen = CreditsScreen(desk.ops("rita"))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.search, "Printed")
    count, pages = _pdf(qtbot, monkeypatch, screen, tmp_path / "credits.pdf")
    assert count == len(pages) == 1
    _numbered(pages)
    assert "Search: Printed" in pages[0] and "Holder Printed" in pages[0] and "Holder Other" not in pages[0]
    assert re.search(r"Holder Printed\s+Sauna\s+4\s+visit", pages[0])


def test_x2_the_agenda_prints_the_day_shown_to_pdf(desk, qtbot, monkeypatch, tmp_path):
    towel_today(desk, "Anna Agenda")
    screen = AgendaScreen(desk.ops("rita"))
    qtbot.addWidget(screen)
    screen.show()
    count, pages = _pdf(qtbot, monkeypatch, screen, tmp_path / "agenda.pdf")
    assert count == len(pages) == 1
    _numbered(pages)
    assert f"Day: {screen.day.text()}" in pages[0] and "Anna Agenda" in pages[0] and "Towel" in pages[0]
    qtbot.mouseClick(screen.forward, Qt.MouseButton.LeftButton)  # tomorrow: nothing due, said so
    count, pages = _pdf(qtbot, monkeypatch, screen, tmp_path / "tomorrow.pdf")
    assert count == 1 and "Nothing in this list with these filters." in pages[0] and "Anna Agenda" not in pages[0]
