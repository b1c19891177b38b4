"""The Credits area: clients holding units valid today, a page at a time, searched as the clients list is;
the model passes Qt's model tester; Enter on one client found opens Use credits."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.models import CreditGrant
from app.services import catalogue, clients
from ui.credits.balances import BalancesModel
from ui.credits.screen import CreditsScreen
from ui.credits.use import UseDialog


def _holders(desk, count: int):
    owner = desk.ops("olga").actor
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, owner, "Sauna", "visit")
        for n in range(count):
            client = clients.create_client(s, owner, name=f"Holder {n:03d}")
            s.add(CreditGrant(client_id=client, credit_type_id=sauna, units=5, used=n % 5, valid_from=today,
                              valid_until=today + dt.timedelta(days=30 + n)))
        clients.create_client(s, owner, name="Holder without credits")


def test_credits_area_pages_searches_and_opens_use(desk, qtbot, qtmodeltester, monkeypatch):
    _holders(desk, 130)
    model = BalancesModel(desk.ops("rita"))
    model.search("")
    assert (model.total(), model.rowCount(), model.canFetchMore()) == (130, 100, True)
    model.fetchMore()
    assert model.rowCount() == 130 and not model.canFetchMore()
    qtmodeltester.check(model)
    screen = CreditsScreen(desk.ops("rita"))
    qtbot.addWidget(screen)
    screen.show()
    assert screen.count.text() == "130 clients with credits"
    opened = []
    monkeypatch.setattr(UseDialog, "exec", lambda self: opened.append(self.client_id) or 0)
    qtbot.keyClicks(screen.search, "holder 007")
    qtbot.waitUntil(lambda: screen.model.total() == 1)
    assert screen.model.data(screen.model.index(0, 2)) == "Sauna: 3 visits"
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert opened == [screen.model.row_id(0)]
