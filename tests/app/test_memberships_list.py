"""The memberships list: every sale that matches, counted exactly, read a page at a time."""

import datetime as dt

from app.services import clients, memberships_list, payments, sales
from app.services.memberships_list import SaleFilters
from tests.many_sales import many_members

TODAY = dt.date(2026, 3, 16)


def _listed(session, actor, filters: SaleFilters) -> list[dict]:
    ids = memberships_list.sale_ids(session, actor, filters, today=TODAY)
    rows = memberships_list.sale_rows(session, actor, ids, today=TODAY)
    return [rows[i] for i in ids]


def test_memberships_list_filters_by_status_package_period_and_client(session, receptionist, anna, gold, silver,
                                                                     six_lessons):
    other = clients.create_client(session, receptionist, name="Boris Listed")
    sales.sell(session, receptionist, anna, gold, start_date=TODAY, today=TODAY)
    sales.sell(session, receptionist, other, silver, start_date=TODAY - dt.timedelta(days=100),
               today=TODAY - dt.timedelta(days=100))
    sales.sell(session, receptionist, anna, six_lessons, start_date=TODAY, today=TODAY)
    everything = _listed(session, receptionist, SaleFilters())
    assert len(everything) == 3 and everything[0]["start"] == TODAY and everything[-1]["client"] == "Boris Listed"
    assert memberships_list.count_sales(session, receptionist, SaleFilters(), today=TODAY) == 3
    expired = _listed(session, receptionist, SaleFilters(standing="expired"))
    assert [r["client"] for r in expired] == ["Boris Listed"]
    assert memberships_list.count_sales(session, receptionist, SaleFilters(standing="expired"), today=TODAY) == 1
    assert memberships_list.count_sales(session, receptionist, SaleFilters(package_id=gold), today=TODAY) == 1
    since_yesterday = SaleFilters(start_from=TODAY - dt.timedelta(days=1))
    assert memberships_list.count_sales(session, receptionist, since_yesterday, today=TODAY) == 2
    assert memberships_list.count_sales(session, receptionist, SaleFilters(start_to=TODAY - dt.timedelta(days=1)),
                                        today=TODAY) == 1
    annas = _listed(session, receptionist, SaleFilters(client_query="анна"))
    assert {r["package"] for r in annas} == {"Gold", "Speech: 6 lessons"}
    assert annas[0]["due"] > 0 and annas[0]["payment"] == "unpaid"
    assert _listed(session, receptionist, SaleFilters(client_query="+7 912 345")) == annas  # by phone too


def test_memberships_list_shows_money_and_lessons_of_each_sale(session, receptionist, anna, gold, six_lessons):
    membership = sales.sell(session, receptionist, anna, gold, start_date=TODAY, today=TODAY)
    payments.add_payment(session, receptionist, membership.invoice_id, "10.00")
    pack = sales.sell(session, receptionist, anna, six_lessons, start_date=TODAY, today=TODAY)
    rows = memberships_list.sale_rows(session, receptionist, [membership.membership_id, pack.membership_id], today=TODAY)
    gold_row, pack_row = rows[membership.membership_id], rows[pack.membership_id]
    assert (gold_row["payment"], gold_row["due"], gold_row["lessons"]) == ("partly paid", gold_row["price"] - 10, None)
    assert (pack_row["lessons"], pack_row["status"], pack_row["kind"]) == ((0, 6), "active", "lesson_pack")


def test_the_client_filter_counts_and_pages_every_matching_client_past_five_hundred(session, receptionist, gold):
    many_members(session, receptionist, gold, 520, TODAY)
    wanted = SaleFilters(client_query="manypage")
    assert memberships_list.count_sales(session, receptionist, wanted, today=TODAY) == 520
    pages = [memberships_list.sale_ids(session, receptionist, wanted, offset=offset, limit=200, today=TODAY)
             for offset in (0, 200, 400, 600)]
    assert [len(p) for p in pages] == [200, 200, 120, 0]
    listed = [r["client"] for r in _listed(session, receptionist, wanted)]
    assert listed == [f"Manypage Client {i:03d}" for i in range(520)]
