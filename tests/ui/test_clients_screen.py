"""The receptionist's first minute: add a client, find her by part of a Cyrillic name, open her."""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.services import clients
from tests.ui.jobs import finished
from tests.ui.typing import type_text
from ui.clients.checkin import COLOURS
from ui.clients.dialog import ClientDialog
from ui.clients.screen import ClientsScreen
from ui.models.clients import ClientsTableModel


def test_the_clients_model_passes_the_model_tester(ops_for, qtmodeltester, database):
    ops = ops_for("rita")
    with database.writer.begin() as s:
        made = [clients.create_client(s, ops.actor, name=f"Model Test {i}") for i in range(5)]
    try:
        model = ClientsTableModel(ops)
        model.search("model test")
        assert model.total() == 5
        qtmodeltester.check(model)
    finally:
        _delete(database, made)


def test_add_a_client_then_find_her_by_part_of_her_cyrillic_name_and_open_her(ops_for, qtbot, monkeypatch, database):
    ops = ops_for("rita")
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()

    def fill_and_save(cls, ops, client_id=None, parent=None):
        dialog = cls(ops, client_id, parent)
        qtbot.addWidget(dialog)
        type_text(dialog.name, "Анна Петровна Иванова")
        type_text(dialog.email, "not an email")
        dialog.save()  # refused next to the field; nothing written
        assert dialog.errors.text("email") == "Email does not look like an email address."
        dialog.email.clear()
        type_text(dialog.email, "anna@example.org")
        type_text(dialog.phone, "+7 912 345-67-89")
        dialog.save()
        return dialog.saved_id

    monkeypatch.setattr(ClientDialog, "ask", classmethod(fill_and_save))
    qtbot.mouseClick(screen.new_button, Qt.MouseButton.LeftButton)
    new_id = screen.profile.client_id
    try:
        assert screen.pages.currentWidget() is screen.profile
        assert screen.profile.title.text() == "Анна Петровна Иванова"
        screen.show_list()
        screen.search.clear()
        type_text(screen.search, "ПЕТРОВ")
        qtbot.waitUntil(lambda: screen.model.total() == 1)
        assert screen.model.data(screen.model.index(0, 1)) == "Анна Петровна Иванова"
        assert screen.count.text() == "1 client"
        screen.table.activated.emit(screen.model.index(0, 1))
        assert screen.pages.currentWidget() is screen.profile
        assert screen.profile.fields["email"].text() == "anna@example.org"
        # a scanner types the whole code and Enter: the client opens at once
        screen.show_list()
        screen.search.clear()
        code = ops.read(clients.get_client, new_id)["code"]
        type_text(screen.search, code)
        qtbot.keyClick(screen.search, Qt.Key.Key_Return)
        assert screen.pages.currentWidget() is screen.profile and screen.profile.client_id == new_id
    finally:
        _delete(database, [new_id])


def _delete(database, ids):
    from sqlalchemy import delete

    from app.models import AuditEvent, Client

    with database.writer.begin() as s:
        s.execute(delete(AuditEvent).where(AuditEvent.entity == "client", AuditEvent.entity_id.in_(ids)))
        s.execute(delete(Client).where(Client.id.in_(ids)))


def test_the_list_reads_a_page_at_a_time_as_the_view_scrolls(ops_for, database, monkeypatch):
    import ui.models.clients as module

    monkeypatch.setattr(module, "PAGE", 2)
    ops = ops_for("rita")
    with database.writer.begin() as s:
        made = [clients.create_client(s, ops.actor, name=f"Paging Test {i}") for i in range(5)]
    try:
        model = ClientsTableModel(ops)
        model.search("paging test")
        assert (model.total(), model.rowCount()) == (5, 2)
        while model.canFetchMore():
            model.fetchMore()
        assert model.rowCount() == 5
        assert [model.data(model.index(r, 1)) for r in range(5)] == [f"Paging Test {i}" for i in range(5)]
    finally:
        _delete(database, made)


def test_the_list_shows_membership_standing_and_balance_due(desk, qtbot, qtmodeltester):
    import datetime as dt

    from sqlalchemy import select

    from app.models import Package
    from app.services import sales

    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        member = clients.create_client(s, ops.actor, name="Gold Member")
        clients.create_client(s, ops.actor, name="Walk In")
        sales.sell(s, ops.actor, member, gold, start_date=dt.date.today() - dt.timedelta(days=120),
                   today=dt.date.today() - dt.timedelta(days=120))
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    model = screen.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-2:] == ["Membership", "Balance due"]
    shown = {model.data(model.index(r, 1)): (model.data(model.index(r, 5)), model.data(model.index(r, 6)))
             for r in range(model.rowCount())}
    assert shown == {"Gold Member": ("Expired", "95.00"), "Walk In": ("None", "")}
    screen.standing.setCurrentIndex(screen.standing.findData("expired"))
    assert model.total() == 1 and model.data(model.index(0, 1)) == "Gold Member"
    model.sort(6, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)


def test_j6_check_in_bar_shows_green_amber_red_and_offers_renewal(desk, qtbot):
    import datetime as dt

    from sqlalchemy import select

    from app.models import Client, Package
    from app.services import sales

    ops = desk.ops("rita")
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        silver = s.scalar(select(Package.id).where(Package.name == "Silver"))
        member = clients.create_client(s, ops.actor, name="Current Member")
        lapsed = clients.create_client(s, ops.actor, name="Grace Member")
        sales.sell(s, ops.actor, member, silver, start_date=today, today=today)
        sales.sell(s, ops.actor, lapsed, silver, start_date=today - dt.timedelta(days=33),
                   today=today - dt.timedelta(days=33))
        codes = {c.name: c.code for c in s.scalars(select(Client))}
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    bar = screen.check_in
    for text, colour, offer in ((codes["Current Member"], "green", None), (codes["Grace Member"], "amber", "renew"),
                                ("NOPE42", "red", None)):
        bar.code.setText(text)
        QTest.keyClick(bar.code, Qt.Key.Key_Return)
        assert f"background: {COLOURS[colour]}" in bar.result.styleSheet()
        assert (bar.last.offer if bar.last else None) == offer
    assert "No client has the code NOPE42" in bar.result.text() and bar.code.text() == ""


def test_x3_member_cards_for_the_clients_listed(desk, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.services import documents

    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        for name in ("Alma Berg", "Alma Costa", "Bruno Diaz"):
            clients.create_client(s, ops.actor, name=name)
    printed = []
    monkeypatch.setattr(documents, "render_cards",
                        lambda cards, business, path, state: printed.append(cards) or path.write_bytes(b"%PDF"))
    screen = ClientsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    type_text(screen.search, "alma")
    screen.refresh()
    finished(qtbot, screen.print_cards(str(tmp_path / "cards.pdf")))
    assert (tmp_path / "cards.pdf").read_bytes() == b"%PDF"
    assert sorted(card["name"] for card in printed[0]) == ["Alma Berg", "Alma Costa"]
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    type_text(screen.search, "nobody")
    screen.refresh()
    finished(qtbot, screen.print_cards(str(tmp_path / "none.pdf")))
    assert warned == ["No clients are listed, so there are no cards to print."]
    assert sorted(p.name for p in tmp_path.glob("*.pdf*")) == ["cards.pdf"]  # nothing half-written
