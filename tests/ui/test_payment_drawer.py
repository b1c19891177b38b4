"""Item 4 of issue 10: the payment step offers the default cash drawer, or the one this PC used last."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from app.models import Package, Payment
from app.services import clients, lists, sales, settings
from ui.selling.payment import PaymentDialog


def _invoice(desk, ops, name):
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, ops.actor, name=name)
        silver = s.scalar(select(Package.id).where(Package.name == "Silver"))
        return sales.sell(s, ops.actor, client, silver).invoice_id


def _payment_step(qtbot, ops, invoice_id):
    dialog = PaymentDialog(ops, invoice_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_b1_the_payment_step_offers_the_front_desk_then_the_drawer_this_pc_used_last(desk, qtbot):
    owner, rita = desk.ops("olga"), desk.ops("rita")
    cafe = owner.run(lists.save_item, "cash_drawers", None, {"name": "Cafe till"})  # first by name
    first = _payment_step(qtbot, rita, _invoice(desk, rita, "<b>Ann</b> Adams"))
    assert first.drawer.currentText() == "Front desk"
    summary = first.findChild(QLabel, "paymentSummary")  # D8: the name as typed, never markup
    assert summary.text().startswith("\u2068<b>Ann</b> Adams\u2069 · ")  # the name isolated, as typed
    assert summary.textFormat() == Qt.TextFormat.PlainText

    first.drawer.setFocus()
    qtbot.keyClick(first.drawer, Qt.Key.Key_Up)  # the list: No cash drawer, Cafe till, Front desk
    assert first.drawer.currentText() == "Cafe till"
    qtbot.mouseClick(first.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.payment_id is not None)
    with desk.database.reader.begin() as s:
        assert s.get(Payment, first.payment_id).cash_drawer_id == cafe

    second = _payment_step(qtbot, rita, _invoice(desk, rita, "Ben Brown"))
    assert second.drawer.currentText() == "Cafe till"  # this PC's last drawer

    owner.run(lists.set_item_active, "cash_drawers", cafe, False)
    third = _payment_step(qtbot, rita, _invoice(desk, rita, "Cy Cole"))
    assert third.drawer.currentText() == "Front desk"  # the last one was deactivated: the default again
    assert owner.read(settings.read_settings)["default_cash_drawer"] != cafe
