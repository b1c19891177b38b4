"""The credits story of issue 13: a receptionist sells "Sauna: 10 visits", records three uses from two
grants in expiry order (from the Credits area, by keyboard), sees the statement, reverses one, tops up;
a teacher signs in and sees no credits anywhere."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from sqlalchemy import select

from app import terms
from app.models import CreditAllocation, CreditGrant, CreditUse, TermUnit
from app.services import catalogue, clients, sales
from ui.clients.profile import ClientProfile
from ui.credits.screen import CreditsScreen
from ui.credits.statement import CreditsPanel
from ui.credits.use import UseDialog
from ui.mainwindow import MainWindow
from ui.selling.payment import PaymentDialog
from ui.selling.sale import SaleDialog


def _setup(desk):
    """The owner's catalogue, and Anna, who still has a two-visit trial that ends in three weeks."""
    owner = desk.ops("olga").actor
    today = dt.date.today()
    with desk.database.writer.begin() as s:
        sauna = catalogue.create_credit_type(s, owner, "Sauna", "visit")
        ten = catalogue.create_package(s, owner, kind="credits", name="Sauna: 10 visits", price="60",
                                       term_count=6, term_unit="month", credits={sauna: 10})
        trial = catalogue.create_package(s, owner, kind="credits", name="Sauna trial", price="0",
                                         term_count=1, term_unit="month", credits={sauna: 2})
        anna = clients.create_client(s, owner, name="Анна Иванова")
        sales.sell(s, owner, anna, trial, start_date=today - dt.timedelta(days=10), today=today)
        code = clients.get_client(s, owner, anna)["code"]
    return sauna, ten, anna, code


def _sell_and_pay_at_once(monkeypatch):
    monkeypatch.setattr(SaleDialog, "exec", lambda self: self.save() or self.result())
    monkeypatch.setattr(PaymentDialog, "exec", lambda self: self.pay() or self.result())


def test_receptionist_sells_uses_reverses_and_tops_up_a_teacher_sees_no_credits(desk, qtbot, monkeypatch):
    sauna, ten, anna, code = _setup(desk)
    ops = desk.ops("rita")
    said = []
    ops.said.connect(said.append)

    sale = SaleDialog(ops, anna, package_id=ten)  # sell "Sauna: 10 visits"
    qtbot.addWidget(sale)
    sale.save()
    assert sale.sale is not None

    area = CreditsScreen(ops)  # three uses from the Credits area: the code, Enter, then the type's number
    qtbot.addWidget(area)
    area.show()
    monkeypatch.setattr(UseDialog, "exec", lambda self: qtbot.keyClick(self.types, "1") or self.result())
    for _visit in range(3):
        area.search.clear()
        qtbot.keyClicks(area.search, code)
        qtbot.keyClick(area.search, Qt.Key.Key_Return)
    assert said[-1] == "1 visit of Sauna used; 9 visits left"
    assert area.model.total() == 1 and "Sauna: 9 visits" in area.model.data(area.model.index(0, 2))
    with desk.database.reader() as s:  # the trial ends first, so its two visits went first
        taken = s.execute(select(CreditGrant.units, CreditAllocation.units).join(CreditAllocation)
                          .order_by(CreditAllocation.id)).all()
    assert [tuple(t) for t in taken] == [(2, 1), (2, 1), (10, 1)]

    profile = ClientProfile(ops)  # the statement on the profile's Credits tab
    qtbot.addWidget(profile)
    profile.resize(1366, 768)
    profile.show_client(anna)
    profile.show()
    panel = profile.credits
    profile.tabs.setCurrentWidget(panel)
    ends = terms.end_date(dt.date.today(), 6, TermUnit.MONTH)  # the trial is used up: only the ten's nine expire
    assert panel.summary.text() == ("Sauna: 9 visits valid today · used 3 · expired 0 · granted 12 · "
                                    f"expires: 9 on {ends:%d.%m.%Y}")
    kinds = [row["kind"] for row in panel.model.rows]
    assert kinds == ["grant", "use", "use", "grant", "use"] or kinds == ["grant", "grant", "use", "use", "use"]
    assert [row["balance"] for row in panel.model.rows][-1] == 9

    last = len(panel.model.rows) - 1  # reverse the last use
    panel.view.setCurrentIndex(panel.model.index(last, 0))
    assert panel.undo_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.model.rows[-1]["kind"] == "reversal")
    assert panel.model.rows[-2]["reversed"] and panel.model.rows[-1]["balance"] == 10
    assert said[-1] == "Use of 1 visit of Sauna reversed"
    panel.view.setCurrentIndex(panel.model.index(len(panel.model.rows) - 1, 0))
    assert not panel.undo_button.isEnabled()  # a reversal is not reversed

    _sell_and_pay_at_once(monkeypatch)  # top up before anything expires: it stacks
    qtbot.mouseClick(panel.top_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Sauna: 20 visits valid today" in panel.summary.text())
    with desk.database.reader() as s:
        assert len(s.scalars(select(CreditGrant.id)).all()) == 3
        assert s.scalar(select(CreditUse.reverses_id).where(CreditUse.reverses_id.is_not(None))) is not None

    teacher = MainWindow(desk.ops("tom"))  # a teacher sees no credits anywhere
    qtbot.addWidget(teacher)
    assert not {"credits", "agenda", "clients"} & {a.key for a in teacher.areas}
    assert teacher.findChildren(CreditsPanel) == [] and teacher.findChildren(CreditsScreen) == []


def test_use_dialog_refuses_bad_units_next_to_the_field(desk, qtbot):
    sauna, ten, anna, _code = _setup(desk)
    dialog = UseDialog(desk.ops("rita"), anna)
    qtbot.addWidget(dialog)
    for typed, message in (("0", "at least 1"), ("1.5", "whole visits"), ("3", "has 2 visits of Sauna")):
        dialog.units.setText(typed)
        dialog.save()
        assert message in dialog.errors.text("units") and dialog.result() != QDialog.DialogCode.Accepted
    with desk.database.reader() as s:
        assert s.scalars(select(CreditUse.id)).all() == []
    with desk.database.writer.begin() as s:
        clients.update_client(s, desk.ops("olga").actor, anna, name="<b>Bold</b> Anna")
    marked = UseDialog(desk.ops("rita"), anna)
    qtbot.addWidget(marked)
    marked.units.setText("9")
    marked.save()
    shown = [label for label in marked.findChildren(QLabel) if label.text().startswith("<b>Bold</b> Anna")]
    assert len(shown) == 2 and all(label.textFormat() == Qt.TextFormat.PlainText for label in shown)  # D8
