"""D1 on a server: the connection cut in the middle of a sale or a payment (the server restarted, the
network gone). The action happens whole or not at all, the user is told which, and the next action
works once the server answers. The cut is ``pg_terminate_backend`` of the action's own backend."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import create_engine, event, func, select, text
from sqlalchemy.exc import OperationalError

from app.commit import NOT_SAVED, UNKNOWN
from app.models import Invoice, Membership, Package, Payment
from app.services import clients, invoices, payments, sales
from tests.databases import ON_POSTGRES
from ui.ops import FAILED

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="a server connection cut mid-action needs a PostgreSQL "
                                                        "server (SQLite has none; its kill test is test_kill.py)")


@pytest.fixture
def cut(desk):
    """``cut(session)``: the server drops this session's connection, as a restart does."""
    admin = create_engine(desk.database.engine.url, isolation_level="AUTOCOMMIT")

    def terminate(session) -> None:
        pid = session.execute(text("SELECT pg_backend_pid()")).scalar_one()
        with admin.connect() as conn:
            assert conn.execute(text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid}).scalar_one()

    yield terminate
    admin.dispose()


@pytest.fixture
def shop(desk):
    """Anna, the Gold plan, and Rita's desk with every refusal collected."""
    ops = desk.ops("rita")
    refused = []
    anna = ops.run(clients.create_client, name="Anna Restart")
    with desk.database.reader.begin() as s:
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
    return ops, refused, anna, gold


def _books(db, client_id):
    """(sales, invoices, issued numbers, payments) of one client, read afresh."""
    with db.reader.begin() as s:
        sold = s.scalar(select(func.count(Membership.id)).where(Membership.client_id == client_id))
        billed = s.scalars(select(Invoice).where(Invoice.client_id == client_id)).all()
        paid = s.scalar(select(func.count(Payment.id)).join(Invoice).where(Invoice.client_id == client_id))
        return sold, len(billed), sorted(i.number for i in billed if i.number is not None), paid


def test_d1_a_sale_cut_before_its_commit_is_not_saved_and_the_retry_sells_once(desk, shop, cut):
    ops, refused, anna, gold = shop

    def sell_while_the_server_restarts(session, actor, client_id, package_id):
        sale = sales.sell(session, actor, client_id, package_id)  # the sale and its invoice, not yet committed
        cut(session)
        return sale

    sell_while_the_server_restarts.__name__ = "sell"
    assert ops.run(sell_while_the_server_restarts, anna, gold, on_error=refused.append) is FAILED
    assert [e.message for e in refused] == [NOT_SAVED]
    assert _books(desk.database, anna) == (0, 0, [], 0)  # no sale, no invoice, no number taken

    sale = ops.run(sales.sell, anna, gold, on_error=refused.append)  # the server answers again: the retry works
    assert sale is not FAILED and len(refused) == 1
    assert _books(desk.database, anna) == (1, 1, [1], 0)  # the number series has no gap


def test_d1_a_payment_cut_after_the_sale_leaves_the_sale_whole_and_unpaid(desk, shop, cut):
    ops, refused, anna, gold = shop
    sale = ops.run(sales.sell, anna, gold)

    def pay_while_the_server_restarts(session, actor, invoice_id, amount):
        paid = payments.add_payment(session, actor, invoice_id, amount)
        cut(session)
        return paid

    total = ops.read(invoices.invoice_view, sale.invoice_id)["total"]
    assert ops.run(pay_while_the_server_restarts, sale.invoice_id, total, on_error=refused.append) is FAILED
    assert [e.message for e in refused] == [NOT_SAVED]
    assert _books(desk.database, anna) == (1, 1, [1], 0)  # the sale stands with its invoice; no payment
    assert ops.read(invoices.invoice_view, sale.invoice_id)["balance"] == total

    assert ops.run(payments.add_payment, sale.invoice_id, total, on_error=refused.append) is not FAILED
    assert ops.read(invoices.invoice_view, sale.invoice_id)["balance"] == 0


def test_d1_a_cut_during_the_commit_itself_is_asked_of_the_server_aborted_means_not_saved(desk, shop):
    """The server drops the connection while committing (a deferred trigger ends its own backend at
    COMMIT): the desk asks the server what became of the transaction, hears "aborted", says not saved."""
    ops, refused, anna, gold = shop
    sale = ops.run(sales.sell, anna, gold)
    total = ops.read(invoices.invoice_view, sale.invoice_id)["total"]
    with desk.database.engine.begin() as conn:
        conn.execute(text("CREATE FUNCTION cut_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                          "PERFORM pg_terminate_backend(pg_backend_pid()); PERFORM pg_sleep(5); RETURN NULL; END $$"))
        conn.execute(text("CREATE CONSTRAINT TRIGGER cut_at_commit AFTER INSERT ON payments DEFERRABLE INITIALLY "
                          "DEFERRED FOR EACH ROW EXECUTE FUNCTION cut_at_commit()"))
    try:
        assert ops.run(payments.add_payment, sale.invoice_id, total, on_error=refused.append) is FAILED
    finally:
        with desk.database.engine.begin() as conn:
            conn.execute(text("DROP TRIGGER cut_at_commit ON payments"))
    assert [e.message for e in refused] == [NOT_SAVED]
    assert _books(desk.database, anna) == (1, 1, [1], 0)
    assert ops.run(payments.add_payment, sale.invoice_id, total) is not FAILED


def _reply_lost_after(db, *, server_away: bool, monkeypatch):
    """The COMMIT reaches the server but its reply is lost (the network cut at that instant)."""
    def lose_the_reply(_session):
        if server_away:  # and the server cannot be asked afterwards
            monkeypatch.setattr("app.commit.transaction_status", _unreachable)
        raise OperationalError("COMMIT", {}, psycopg.OperationalError("server closed the connection unexpectedly"))

    event.listen(db.writer, "after_commit", lose_the_reply)
    return lambda: event.remove(db.writer, "after_commit", lose_the_reply)


def _unreachable(_db, _xid):
    raise OperationalError("SELECT txid_status", {}, psycopg.OperationalError("connection refused"))


def test_d1_a_reply_lost_after_the_server_committed_counts_as_saved(desk, shop, monkeypatch):
    ops, refused, anna, gold = shop
    restore = _reply_lost_after(desk.database, server_away=False, monkeypatch=monkeypatch)
    try:
        sale = ops.run(sales.sell, anna, gold, on_error=refused.append, done="Sale saved")
    finally:
        restore()
    assert sale is not FAILED and refused == []  # asked afterwards, the server said: committed
    assert _books(desk.database, anna) == (1, 1, [1], 0)


def test_d1_a_reply_lost_with_the_server_still_away_says_it_cannot_tell_yet(desk, shop, monkeypatch):
    ops, refused, anna, gold = shop
    restore = _reply_lost_after(desk.database, server_away=True, monkeypatch=monkeypatch)
    try:
        assert ops.run(sales.sell, anna, gold, on_error=refused.append) is FAILED
    finally:
        restore()
    assert [e.message for e in refused] == [UNKNOWN]
    assert _books(desk.database, anna) == (1, 1, [1], 0)  # it was saved: hence "look before doing it again"


def test_d1_the_sale_dialog_says_not_saved_stays_open_and_saves_on_the_next_click(desk, shop, cut, qtbot):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog

    from ui.selling.sale import SaleDialog

    ops, _refused, anna, gold = shop
    cuts = []

    def server_restarts_once(session, _flush_context):
        if not cuts:  # the sale's first rows are flushed, not committed: the server goes away
            cuts.append(True)
            cut(session)

    dialog = SaleDialog(ops, anna)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.package.setCurrentIndex(dialog.package.findData(gold))
    event.listen(desk.database.writer, "after_flush", server_restarts_once)
    try:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    finally:
        event.remove(desk.database.writer, "after_flush", server_restarts_once)
    assert cuts and dialog.isVisible() and dialog.sale is None
    assert dialog.errors.general.isVisible() and dialog.errors.general.text() == NOT_SAVED
    assert _books(desk.database, anna) == (0, 0, [], 0)

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the user tries again: the server is back
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.sale is not None
    assert _books(desk.database, anna) == (1, 1, [1], 0)


def test_d1_after_the_server_dropped_every_connection_the_next_read_and_sale_just_work(desk, shop):
    """A restart ends every connection of the pool, not only the one of the action under way."""
    ops, refused, anna, gold = shop
    assert ops.read(invoices.client_invoices, anna)["invoices"] == []  # the pool holds live connections now
    admin = create_engine(desk.database.engine.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        ended = conn.execute(text("SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity "
                                  "WHERE datname = current_database() AND pid <> pg_backend_pid()")).scalar_one()
    admin.dispose()
    assert ended >= 1
    assert ops.read(invoices.client_invoices, anna)["invoices"] == []  # no message: the pool reconnected
    assert ops.run(sales.sell, anna, gold, on_error=refused.append) is not FAILED and refused == []
    assert _books(desk.database, anna) == (1, 1, [1], 0)
