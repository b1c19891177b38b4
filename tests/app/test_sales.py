"""Selling: rules M1-M7 and B1-B3, B5 of SPEC.md, in the services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.errors import DomainError, PermissionDenied
from app.models import (
    AttendanceStatus,
    CreditGrant,
    Family,
    Invoice,
    InvoiceLine,
    Membership,
    Payment,
    ServiceOccurrence,
    Visit,
)
from app.services import catalogue, clients, invoices, payments, sales, settings, status
from app.services.status import Status

TODAY = dt.date(2026, 11, 21)


def _status(session, membership_id, day):
    sale = session.get(Membership, membership_id)
    return status.membership_status(session, sale, day, settings.get_settings(session)["tolerance_days"])


def test_m1_sale_computes_end_date_and_issues_its_invoice(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, start_date=dt.date(2027, 1, 31), today=dt.date(2027, 1, 20))
    membership = session.get(Membership, sale.membership_id)
    assert membership.end_date == dt.date(2027, 4, 29)  # 31 Jan + 3 months = 30 Apr (clamped) - 1 day
    invoice = session.get(Invoice, sale.invoice_id)
    assert sale.invoice_state == "issued" and invoice.number >= 1 and invoice.total == Decimal("95.00")
    assert invoices.number_text(invoice).startswith("INV-")
    assert membership.package_name == "Gold" and membership.created_by_id == receptionist.user_id


def test_m1_preview_end_date_matches_the_sale(session, receptionist, silver):
    assert sales.preview_end_date(session, receptionist, silver, dt.date(2027, 1, 31)) == dt.date(2027, 2, 27)


def test_m1_price_change_later_never_alters_the_sale(session, owner, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    catalogue.update_package(session, owner, gold, price="150.00", name="Gold 2027")
    membership = session.get(Membership, sale.membership_id)
    assert (membership.price, membership.package_name) == (Decimal("95.00"), "Gold")


def test_m2_second_membership_is_refused_with_a_renewal_offer(session, receptionist, anna, gold, silver):
    sales.sell(session, receptionist, anna, gold, start_date=TODAY, today=TODAY)
    before = session.scalar(select(func.count(Membership.id)))
    with pytest.raises(DomainError) as refused:
        sales.sell(session, receptionist, anna, silver, start_date=TODAY, today=TODAY)
    assert "already has a current membership: Gold" in refused.value.message
    assert "Renew it instead" in refused.value.message and "21.02.2027" in refused.value.message
    assert session.scalar(select(func.count(Membership.id))) == before


def test_m2_lesson_packs_and_credits_are_not_limited(session, owner, receptionist, anna, gold, six_lessons, sauna_ten):
    sales.sell(session, receptionist, anna, gold, today=TODAY)
    sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    sales.sell(session, receptionist, anna, sauna_ten, today=TODAY)
    assert session.scalar(select(func.count(Membership.id)).where(Membership.client_id == anna)) == 4


@pytest.mark.parametrize("day,expected", [
    (dt.date(2026, 11, 30), Status.UPCOMING),
    (dt.date(2026, 12, 1), Status.ACTIVE),
    (dt.date(2026, 12, 31), Status.ACTIVE),
    (dt.date(2027, 1, 1), Status.GRACE),
    (dt.date(2027, 1, 7), Status.GRACE),
    (dt.date(2027, 1, 8), Status.EXPIRED),
])
def test_m3_status_is_derived_from_dates(session, receptionist, anna, silver, day, expected):
    sale = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 12, 1), today=TODAY)
    assert _status(session, sale.membership_id, day) == expected  # tolerance: 7 days by default


def test_m3_status_follows_a_changed_tolerance_setting(session, owner, receptionist, anna, silver):
    sale = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 12, 1), today=TODAY)
    settings.update_settings(session, owner, {"tolerance_days": 0})
    assert _status(session, sale.membership_id, dt.date(2027, 1, 1)) == Status.EXPIRED


def test_m4_renewal_in_grace_continues_from_the_old_end(session, receptionist, anna, silver, gold):
    old = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 10, 1), today=dt.date(2026, 10, 1))
    new = sales.renew(session, receptionist, old.membership_id, today=dt.date(2026, 11, 3))  # 3 days into grace
    renewal = session.get(Membership, new.membership_id)
    assert renewal.start_date == dt.date(2026, 11, 1) and renewal.renews_id == old.membership_id
    with pytest.raises(DomainError, match="already been renewed"):
        sales.renew(session, receptionist, old.membership_id, gold, today=dt.date(2026, 11, 3))


def test_m4_renewal_after_grace_starts_today_with_another_package(session, receptionist, anna, silver, gold):
    old = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 9, 1), today=dt.date(2026, 9, 1))
    new = sales.renew(session, receptionist, old.membership_id, gold, today=TODAY)
    renewal = session.get(Membership, new.membership_id)
    assert (renewal.start_date, renewal.package_name, renewal.renews_id) == (TODAY, "Gold", old.membership_id)


def test_m4_an_active_membership_renews_ahead_without_the_m2_refusal(session, receptionist, anna, silver):
    old = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 11, 1), today=TODAY)
    new = sales.renew(session, receptionist, old.membership_id, today=TODAY)
    assert session.get(Membership, new.membership_id).start_date == dt.date(2026, 12, 1)
    assert _status(session, new.membership_id, TODAY) == Status.UPCOMING


def test_m5_freeze_moves_the_end_and_resumes_by_itself(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, start_date=dt.date(2026, 11, 1), today=TODAY)
    end_before = session.get(Membership, sale.membership_id).end_date
    sales.freeze(session, receptionist, sale.membership_id, dt.date(2026, 12, 1), dt.date(2026, 12, 14), today=TODAY)
    assert session.get(Membership, sale.membership_id).end_date == end_before + dt.timedelta(days=14)
    assert _status(session, sale.membership_id, TODAY) == Status.ACTIVE  # planned ahead
    assert _status(session, sale.membership_id, dt.date(2026, 12, 5)) == Status.SUSPENDED
    assert _status(session, sale.membership_id, dt.date(2026, 12, 15)) == Status.ACTIVE  # ended by itself
    with pytest.raises(DomainError, match="cannot be used for a check-in"):
        status.allow("check_in", _status(session, sale.membership_id, dt.date(2026, 12, 5)))


def test_m5_resume_early_gives_back_the_unused_days(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, start_date=dt.date(2026, 11, 1), today=TODAY)
    end_before = session.get(Membership, sale.membership_id).end_date
    sales.freeze(session, receptionist, sale.membership_id, TODAY, TODAY + dt.timedelta(days=29), today=TODAY)
    sales.resume(session, receptionist, sale.membership_id, today=TODAY + dt.timedelta(days=10))
    assert session.get(Membership, sale.membership_id).end_date == end_before + dt.timedelta(days=10)
    assert _status(session, sale.membership_id, TODAY + dt.timedelta(days=10)) == Status.ACTIVE


@pytest.mark.parametrize("start,end,message", [
    (TODAY, TODAY + dt.timedelta(days=2), "lasts 7 to 90 days"),
    (TODAY, TODAY + dt.timedelta(days=120), "lasts 7 to 90 days"),
    (TODAY - dt.timedelta(days=1), TODAY + dt.timedelta(days=10), "cannot start in the past"),
    (dt.date(2027, 6, 1), dt.date(2027, 6, 20), "must start within the membership"),
])
def test_m5_freeze_limits_from_settings(session, receptionist, anna, gold, start, end, message):
    sale = sales.sell(session, receptionist, anna, gold, start_date=dt.date(2026, 11, 1), today=TODAY)
    with pytest.raises(DomainError, match=message):
        sales.freeze(session, receptionist, sale.membership_id, start, end, today=TODAY)
    assert session.get(Membership, sale.membership_id).end_date == dt.date(2027, 1, 31)


def test_m5_yearly_freeze_limit(session, owner, receptionist, anna, gold):
    settings.update_settings(session, owner, {"freeze_max_days_per_year": 20})
    sale = sales.sell(session, receptionist, anna, gold, start_date=dt.date(2026, 11, 1), today=TODAY)
    sales.freeze(session, receptionist, sale.membership_id, dt.date(2026, 11, 22), dt.date(2026, 12, 5), today=TODAY)
    with pytest.raises(DomainError, match="At most 20 freeze days a year; 14 already used in 2026"):
        sales.freeze(session, receptionist, sale.membership_id, dt.date(2026, 12, 10), dt.date(2026, 12, 20),
                     today=TODAY)


def test_m6_delete_only_without_payments_or_visits(session, receptionist, anna, gold, silver):
    free = sales.sell(session, receptionist, anna, gold, today=TODAY)
    sales.delete_sale(session, receptionist, free.membership_id)
    assert session.get(Membership, free.membership_id) is None
    assert session.get(Invoice, free.invoice_id).state.value == "void"  # the number stays accounted for
    paid = sales.sell(session, receptionist, anna, silver, today=TODAY)
    payments.add_payment(session, receptionist, paid.invoice_id, "10.00")
    with pytest.raises(DomainError, match="cancel it instead"):
        sales.delete_sale(session, receptionist, paid.membership_id)


def test_m6_cancel_voids_the_invoice_and_frees_the_visits(session, owner, receptionist, anna, six_lessons, speech):
    sale = sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    present = session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    visit = Visit(client_id=anna, program_id=speech, date=TODAY, status_id=present, membership_id=sale.membership_id)
    session.add(visit)
    session.get(Membership, sale.membership_id).lessons_used = 1
    payments.add_payment(session, receptionist, sale.invoice_id, "50.00")
    with pytest.raises(PermissionDenied):
        sales.cancel(session, receptionist, sale.membership_id, "moved away", today=TODAY)
    sales.cancel(session, owner, sale.membership_id, "moved away", today=TODAY)
    session.refresh(visit)
    assert visit.membership_id is None
    assert _status(session, sale.membership_id, TODAY) == Status.CANCELLED
    invoice = invoices.invoice_view(session, owner, sale.invoice_id)
    assert invoice["state"] == "void" and invoice["void_reason"] == "moved away"
    assert not invoice["payments"][0]["void"] and invoice["balance"] == 0  # B6: its day stays as it was
    assert [(r["amount"], r["refunded_on"]) for r in invoice["refunds"]] == [(Decimal("50.00"), TODAY)]


def test_m7_draft_invoice_is_edited_then_issued(session, owner, receptionist, anna, gold):
    settings.update_settings(session, owner, {"draft_invoices": True})
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    assert sale.invoice_state == "draft" and session.get(Invoice, sale.invoice_id).number is None
    with pytest.raises(DomainError, match="Issue the draft"):
        payments.add_payment(session, receptionist, sale.invoice_id, "10.00")
    invoices.edit_draft(session, receptionist, sale.invoice_id, [
        {"description": "Gold, winter offer", "amount": "95.00", "membership_id": sale.membership_id},
        {"description": "Loyalty", "kind": "discount", "amount": "15.00"}])
    number = invoices.issue_invoice(session, receptionist, sale.invoice_id)
    assert number.startswith("INV-") and session.get(Invoice, sale.invoice_id).total == Decimal("80.00")
    with pytest.raises(DomainError, match="cannot be changed"):
        invoices.edit_draft(session, receptionist, sale.invoice_id, [{"description": "x", "amount": "1"}])


def test_b1_partial_payment_leaves_the_rest_due(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    view = invoices.invoice_view(session, receptionist, sale.invoice_id)
    assert view["balance"] == Decimal("95.00") and view["payment_state"] == "unpaid"
    payments.add_payment(session, receptionist, sale.invoice_id, "47.50", method="card", reference="slip 12")
    view = invoices.invoice_view(session, receptionist, sale.invoice_id)
    assert (view["paid"], view["balance"], view["payment_state"]) == (Decimal("47.50"), Decimal("47.50"),
                                                                      "partly paid")
    payments.add_payment(session, receptionist, sale.invoice_id, view["balance"])
    assert invoices.invoice_view(session, receptionist, sale.invoice_id)["payment_state"] == "paid"


def test_b1_attached_files_are_copied_and_listed(session, receptionist, anna, gold, tmp_path):
    scan = tmp_path / "transfer.pdf"
    scan.write_bytes(b"%PDF-1.4 bank slip")
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    payments.add_payment(session, receptionist, sale.invoice_id, "95.00", method="bank_transfer",
                         attachments=[str(scan)])
    scan.unlink()  # the copy in the data folder stays
    listed = invoices.invoice_view(session, receptionist, sale.invoice_id)["payments"][0]
    assert listed["attachments"] == ["transfer.pdf"]


@pytest.mark.parametrize("amount", ["95.01", "0", "-1", "-0.01", "0.015", "1,5", "abc", "1000000000000", "0.001"])
def test_b2_payment_above_balance_zero_or_negative_is_refused(session, receptionist, anna, gold, amount):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    with pytest.raises(DomainError) as refused:
        payments.add_payment(session, receptionist, sale.invoice_id, amount)
    assert refused.value.field == "amount" and "Nothing was recorded" in refused.value.message
    assert session.scalar(select(func.count(Payment.id)).where(Payment.invoice_id == sale.invoice_id)) == 0


def test_b2_a_voided_payment_stays_visible_and_frees_the_balance(session, owner, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    paid = payments.add_payment(session, receptionist, sale.invoice_id, "95.00")
    with pytest.raises(PermissionDenied):
        payments.void_payment(session, receptionist, paid, "wrong client")
    payments.void_payment(session, owner, paid, "wrong client")
    view = invoices.invoice_view(session, owner, sale.invoice_id)
    assert view["payments"][0]["void"] and view["payments"][0]["void_reason"] == "wrong client"
    assert view["balance"] == Decimal("95.00")


def test_b3_numbers_are_consecutive_per_prefix(session, owner, receptionist, anna, six_lessons):
    first = [invoices.number_text(session.get(Invoice, sales.sell(session, receptionist, anna, six_lessons,
                                                                  today=TODAY).invoice_id)) for _ in range(3)]
    numbers = [int(n.split("-")[1]) for n in first]
    assert numbers == list(range(numbers[0], numbers[0] + 3))
    settings.update_settings(session, owner, {"invoice_prefix": "KC"})
    other = sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    assert invoices.number_text(session.get(Invoice, other.invoice_id)) == "KC-000001"


def test_b3_issued_invoices_and_payments_are_immutable_in_the_database(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    paid = payments.add_payment(session, receptionist, sale.invoice_id, "10.00")
    session.flush()
    for statement in (f"UPDATE invoices SET total = 1 WHERE id = {sale.invoice_id}",
                      f"DELETE FROM invoices WHERE id = {sale.invoice_id}",
                      f"UPDATE invoice_lines SET amount = 1 WHERE invoice_id = {sale.invoice_id}",
                      f"DELETE FROM invoice_lines WHERE invoice_id = {sale.invoice_id}",
                      f"INSERT INTO invoice_lines (invoice_id, position, kind, description, quantity, unit_price,"
                      f" amount) VALUES ({sale.invoice_id}, 9, 'item', 'x', 1000, 100, 100)",
                      f"UPDATE payments SET amount = 1 WHERE id = {paid}",
                      f"DELETE FROM payments WHERE id = {paid}"):
        with pytest.raises(IntegrityError), session.begin_nested():
            session.execute(text(statement))
    assert session.get(Invoice, sale.invoice_id).total == Decimal("95.00")


def test_l2_an_invoice_keeps_its_lines_in_the_language_it_was_issued_in(session, owner, receptionist, anna, gold,
                                                                         six_lessons):
    """A Russian business's sale writes Russian invoice lines (stored as issued); a later change of the
    business's language leaves them as they are."""
    settings.update_settings(session, owner, {"language": "ru"})
    sales.sell(session, receptionist, anna, gold, start_date=TODAY, today=TODAY)
    pack = sales.sell(session, receptionist, anna, six_lessons, today=TODAY, discount="1.00")
    settings.update_settings(session, owner, {"language": "en"})
    lines = session.scalars(select(InvoiceLine.description).where(InvoiceLine.invoice_id == pack.invoice_id)
                            .order_by(InvoiceLine.position)).all()
    end = session.scalar(select(Membership.end_date).where(Membership.invoice_id == pack.invoice_id))
    assert lines == [f"Speech: 6 lessons, {TODAY:%d.%m.%Y} – {end:%d.%m.%Y}", "Скидка по абонементу 5% (Gold)",
                     "Скидка"]


def test_b5_member_discount_applies_to_packs_and_credits_while_current(session, receptionist, anna, gold,
                                                                       six_lessons, sauna_ten):
    sales.sell(session, receptionist, anna, gold, start_date=TODAY, today=TODAY)
    pack = sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    lines = session.scalars(select(InvoiceLine).where(InvoiceLine.invoice_id == pack.invoice_id)
                            .order_by(InvoiceLine.position)).all()
    assert [(ln.kind, ln.amount) for ln in lines] == [("item", Decimal("120.00")), ("discount", Decimal("-6.00"))]
    assert lines[1].description == "Member discount 5% (Gold)"
    assert session.get(Invoice, pack.invoice_id).total == Decimal("114.00")
    later = sales.sell(session, receptionist, anna, sauna_ten, today=dt.date(2027, 4, 1))  # Gold over
    assert session.get(Invoice, later.invoice_id).total == Decimal("60.00")


def test_sibling_discount_for_the_second_child_and_payer_gets_the_invoice(session, owner, receptionist, six_lessons):
    settings.update_settings(session, owner, {"sibling_discount_pct": "10"})
    mother = clients.create_client(session, owner, name="Maria Petrova")
    family = Family(name="Petrov", payer_id=mother)
    session.add(family)
    session.flush()
    older = clients.create_client(session, owner, name="Ivan Petrov", birth_date=dt.date(2016, 3, 1),
                                  family_id=family.id)
    younger = clients.create_client(session, owner, name="Olga Petrova", birth_date=dt.date(2019, 5, 2),
                                    family_id=family.id)
    first = session.get(Invoice, sales.sell(session, receptionist, older, six_lessons, today=TODAY).invoice_id)
    second = session.get(Invoice, sales.sell(session, receptionist, younger, six_lessons, today=TODAY).invoice_id)
    assert (first.total, second.total) == (Decimal("120.00"), Decimal("108.00"))
    assert first.payer_id == second.payer_id == mother


def test_k1_credits_and_r1_services_come_with_the_sale(session, owner, receptionist, anna):
    sauna = catalogue.create_credit_type(session, owner, "Sauna", "visit")
    package = catalogue.create_package(
        session, owner, kind="membership", name="Spa month", price="50", term_count=1, term_unit="month",
        credits={sauna: 4}, services=[{"name": "Towel", "frequency": "weekly", "every_weeks": 2, "weekdays": [0]},
                                      {"name": "Check-up", "frequency": "monthly", "month_day": 31,
                                       "months": list(range(1, 13))}])
    sale = sales.sell(session, receptionist, anna, package, start_date=dt.date(2027, 2, 1), today=dt.date(2027, 1, 20))
    grant = session.scalar(select(CreditGrant).where(CreditGrant.membership_id == sale.membership_id))
    assert (grant.units, grant.valid_from, grant.valid_until) == (4, dt.date(2027, 2, 1), dt.date(2027, 2, 28))
    due = session.execute(select(ServiceOccurrence.name, ServiceOccurrence.due_on)
                          .where(ServiceOccurrence.membership_id == sale.membership_id)
                          .order_by(ServiceOccurrence.due_on)).all()
    assert [tuple(r) for r in due] == [("Towel", dt.date(2027, 2, 1)), ("Towel", dt.date(2027, 2, 15)),
                                       ("Check-up", dt.date(2027, 2, 28))]


def test_j3_selling_a_pack_links_unpaid_visits_oldest_first(session, receptionist, anna, speech, six_lessons):
    present = session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Present"))
    sick = session.scalar(select(AttendanceStatus.id).where(AttendanceStatus.name == "Sick"))
    for offset in range(8):
        session.add(Visit(client_id=anna, program_id=speech, date=TODAY - dt.timedelta(days=7 * offset),
                          status_id=sick if offset == 0 else present))
    sale = sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    linked = session.scalars(select(Visit.date).where(Visit.membership_id == sale.membership_id)
                             .order_by(Visit.date)).all()
    assert len(linked) == 6 and linked[0] == TODAY - dt.timedelta(days=49)
    assert session.get(Membership, sale.membership_id).lessons_used == 6


@pytest.mark.parametrize("fields,field", [
    ({"start_date": dt.date(1, 1, 1)}, "start_date"),
    ({"start_date": dt.date(9999, 12, 31)}, "start_date"),
    ({"discount": "-1"}, "discount"),
    ({"discount": "500"}, "discount"),
    ({"description": "x" * 2001}, "description"),
])
def test_bad_sale_input_is_refused_and_nothing_is_written(session, receptionist, anna, gold, fields, field):
    before = (session.scalar(select(func.count(Membership.id))), session.scalar(select(func.count(Invoice.id))))
    with pytest.raises(DomainError) as refused, session.begin_nested():
        sales.sell(session, receptionist, anna, gold, today=TODAY, **fields)
    assert refused.value.field == field
    assert (session.scalar(select(func.count(Membership.id))), session.scalar(select(func.count(Invoice.id)))) == before


def test_inactive_package_and_archived_client_cannot_be_sold(session, owner, receptionist, anna, gold):
    catalogue.set_package_active(session, owner, gold, False)
    with pytest.raises(DomainError, match="inactive"):
        sales.sell(session, receptionist, anna, gold, today=TODAY)
    catalogue.set_package_active(session, owner, gold, True)
    clients.update_client(session, owner, anna, archived=True)
    with pytest.raises(DomainError, match="archived"):
        sales.sell(session, receptionist, anna, gold, today=TODAY)


def test_teacher_cannot_sell_or_see_money(session, teacher, anna, gold):
    with pytest.raises(PermissionDenied):
        sales.sell(session, teacher, anna, gold)
    with pytest.raises(PermissionDenied):
        payments.day_takings(session, teacher)


def test_day_takings_by_method_and_drawer(session, owner, receptionist, anna, gold, six_lessons):
    drawer = payments.cash_drawers(session, receptionist)[0][0]
    a = sales.sell(session, receptionist, anna, gold, today=TODAY)
    b = sales.sell(session, receptionist, anna, six_lessons, today=TODAY)
    today = dt.date.today()
    payments.add_payment(session, receptionist, a.invoice_id, "95.00", cash_drawer_id=drawer, paid_on=today)
    payments.add_payment(session, receptionist, b.invoice_id, "20.00", method="card", paid_on=today)
    void = payments.add_payment(session, receptionist, b.invoice_id, "5.00", method="card", paid_on=today)
    payments.void_payment(session, owner, void, "typo")
    takings = payments.day_takings(session, receptionist)
    assert {(ln["method"], ln["drawer"], ln["amount"]) for ln in takings["lines"]} >= {
        ("Cash", "Front desk", Decimal("95.00")), ("Card / online", "—", Decimal("20.00"))}
    with pytest.raises(PermissionDenied):
        payments.day_takings(session, receptionist, today - dt.timedelta(days=1))
    assert payments.day_takings(session, owner, today - dt.timedelta(days=1))["lines"] == []


def test_b2_a_comma_amount_is_told_to_use_a_point(session, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    with pytest.raises(DomainError, match=r"write the decimals with a point, like 1\.5"):
        payments.add_payment(session, receptionist, sale.invoice_id, "1,5")


def test_voiding_twice_is_refused_and_changes_nothing(session, owner, receptionist, anna, gold):
    sale = sales.sell(session, receptionist, anna, gold, today=TODAY)
    paid = payments.add_payment(session, receptionist, sale.invoice_id, "10.00")
    payments.void_payment(session, owner, paid, "typo")
    with pytest.raises(DomainError, match="already void"):
        payments.void_payment(session, owner, paid, "again")
    invoices.void_invoice(session, owner, sale.invoice_id, "wrong client")
    with pytest.raises(DomainError, match="already void"):
        invoices.void_invoice(session, owner, sale.invoice_id, "again")
    assert session.get(Invoice, sale.invoice_id).void_reason == "wrong client"
    assert session.get(Payment, paid).void_reason == "typo"


def test_a_sale_and_its_payment_send_few_statements(session, owner, anna, six_lessons):
    """Each statement is a round trip to a PostgreSQL server (issue 11: sale + payment within 50 ms):
    a locked row is read whole in one statement, a new invoice is inserted with its total and its
    number taken in one statement; a new statement in this path must be worth its round trip."""
    from sqlalchemy import event

    sent = []
    count = lambda *_args: sent.append(1)  # noqa: E731
    engine = session.get_bind().engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        sale = sales.sell(session, owner, anna, six_lessons)
        payments.add_payment(session, owner, sale.invoice_id, "120.00")
        session.flush()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    assert len(sent) <= 19, len(sent)  # 27 before (a lock and a read, a draft's DELETE and UPDATE, three for the number)
