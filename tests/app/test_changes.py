"""What a transaction changed (app/changes.py), and how it reaches the other PCs (app/live.py)."""

from __future__ import annotations

from sqlalchemy import update

from app.changes import EVERYTHING, ChangeRecorder, Changes
from app.live import heard
from app.models import Membership
from app.services import clients, payments, sales


def test_l1_a_sale_names_its_tables_and_its_client(session, owner, anna, gold):
    other = clients.create_client(session, owner, name="Not Concerned")
    recorder = ChangeRecorder(session)
    sale = sales.sell(session, owner, anna, gold)
    session.flush()
    changes = recorder.changes()
    assert {"memberships", "invoices", "invoice_lines"} <= changes.tables
    assert changes.concerns_client(anna, "memberships") and not changes.concerns_client(other, "memberships")
    assert sale.invoice_id and not changes.everything


def test_l1_a_payment_touches_payments_and_a_bulk_update_is_blind(session, owner, anna, gold):
    sale = sales.sell(session, owner, anna, gold)
    session.flush()
    recorder = ChangeRecorder(session)
    payments.add_payment(session, owner, sale.invoice_id, "10.00")
    session.execute(update(Membership).where(Membership.id == sale.membership_id).values(description="x"))
    session.flush()
    changes = recorder.changes()
    assert changes.touches("payments") and "memberships" in changes.blind
    assert changes.concerns_client(12345, "memberships")  # a bulk write may concern anyone


def test_l1_changes_travel_as_json_and_our_own_message_is_ignored():
    changes = Changes(frozenset({"visits"}), frozenset({7}), frozenset(), False)
    assert Changes.from_json(changes.to_json()) == changes
    assert Changes.from_json("not json") is EVERYTHING
    import json

    assert heard(json.dumps({"from": "me", "changes": changes.to_json()}), "me") is None
    assert heard(json.dumps({"from": "another", "changes": changes.to_json()}), "me") == changes
    assert heard("garbage", "me") is EVERYTHING
