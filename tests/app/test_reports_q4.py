"""Q4: unpaid lessons, outstanding balances, payments and refunds over a period, attendance with occupancy,
and memberships and packs ending soon; each checked against a count of its own (plain SQL, or what the
journal answered when marking)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.errors import DomainError
from app.models import Visit
from app.reports import attendance, balances, expiring, money, unpaid
from app.reports.base import Filters, Period
from app.services import clients, families, journal, payments, sales
from tests.app.report_world import (
    OCTOBER,
    TODAY,
    day,
    drawer,
    lessons_world,
    mark_status,
    memberships_world,
    pay,
    sell,
    sql,
)

OCT = Period(*OCTOBER)
MONDAYS = [day(9, 7) + dt.timedelta(weeks=i) for i in range(5)]  # 7 Sep - 5 Oct


@pytest.fixture
def world(session, owner, gold, silver, six_lessons):
    return memberships_world(session, owner, gold, silver, six_lessons)


@pytest.fixture
def journal_marks(session, owner, teacher, speech, six_lessons):
    """Both children present on four Mondays of September; Ivan (no pack) excused on the fourth and
    absent without notice on 5 Oct. Returns the group, the children and what the journal answered."""
    group, kids = lessons_world(session, owner, teacher, speech, six_lessons)
    present, excused, absent = (mark_status(session, n) for n in ("Present", "Excused", "Absent without notice"))
    answers = []
    for monday in MONDAYS[:3]:
        for kid in kids:
            answers.append(journal.mark(session, teacher, group, kid, monday, present))
    answers.append(journal.mark(session, teacher, group, kids[0], MONDAYS[3], present))
    answers.append(journal.mark(session, teacher, group, kids[1], MONDAYS[3], excused))
    answers.append(journal.mark(session, teacher, group, kids[1], MONDAYS[4], absent))
    return group, kids, answers


def test_q4_unpaid_lessons_are_the_marks_the_journal_left_unpaid(session, owner, journal_marks):
    group, kids, answers = journal_marks
    report = unpaid.run(session, owner, Filters(), today=TODAY)
    left_unpaid = [a["visit_id"] for a in answers if a["unpaid"]]
    dates = sorted(session.get(Visit, visit_id).date for visit_id in left_unpaid)
    assert [row["date"] for row in report.rows] == dates == [*MONDAYS[:3], MONDAYS[4]]
    assert {row["client"] for row in report.rows} == {"Ivan Ivanov"}
    assert report.rows[0]["days"] == (TODAY - MONDAYS[0]).days and report.rows[0]["program"] == "Speech therapy 7-12y"
    assert unpaid.run(session, owner, Filters(period=OCT), today=TODAY).rows[0]["date"] == MONDAYS[4]


def test_q4_a_new_pack_absorbs_the_unpaid_lessons(session, owner, journal_marks, six_lessons):
    group, kids, _answers = journal_marks
    sell(session, owner, kids[1], six_lessons, day(9, 1))  # J3: the unpaid marks go to it
    report = unpaid.run(session, owner, Filters(), today=TODAY)
    assert report.empty and report.empty_text == "No lesson is unpaid."


def test_q4_outstanding_balances_per_payer_with_the_oldest_invoice(session, owner, world, six_lessons):
    c, s = world
    pay(session, owner, s.cat, "50.00", day(10, 6))
    parent = clients.create_client(session, owner, name="Pat Parent")
    child = clients.create_client(session, owner, name="Kim Parent")
    families.add_to_family(session, owner, parent, child)
    families.set_payer(session, owner, parent)
    sell(session, owner, child, six_lessons, day(10, 2))
    report = balances.run(session, owner, Filters(), today=TODAY)
    due = sql(session, """SELECT c.name, count(*), min(i.date), sum(i.total - coalesce(
                              (SELECT sum(p.amount) FROM payments p WHERE p.invoice_id = i.id
                               AND p.voided_at IS NULL), 0))
                          FROM invoices i JOIN clients c ON c.id = i.payer_id WHERE i.state = 'issued'
                          GROUP BY c.name HAVING sum(i.total - coalesce((SELECT sum(p.amount) FROM payments p
                              WHERE p.invoice_id = i.id AND p.voided_at IS NULL), 0)) > 0""")
    assert sorted((r["payer"], r["invoices"], r["oldest"], r["balance"]) for r in report.rows) == sorted(
        (name, count, dt.date.fromisoformat(str(oldest)[:10]), Decimal(cents) / 100)
        for name, count, oldest, cents in due)
    cat = next(r for r in report.rows if r["payer"] == "Cat Cole")
    assert cat["balance"] == Decimal("45.00")
    assert {r["payer"] for r in report.rows} >= {"Pat Parent"} and "Kim Parent" not in {r["payer"] for r in report.rows}
    assert report.rows[0]["oldest"] == min(r["oldest"] for r in report.rows)  # the oldest debt first
    assert report.totals["balance"] == sum(r["balance"] for r in report.rows)


def test_q4_payments_and_refunds_by_method_and_drawer_over_a_period(session, owner, world):
    c, s = world
    cafe = drawer(session, "Café till")
    front = drawer(session, "Front desk")
    pay(session, owner, s.cat, "95.00", day(10, 5), drawer=front)
    pay(session, owner, s.gus2, "35.00", day(10, 20), method="card", drawer=cafe)
    pay(session, owner, s.ann2, "35.00", day(9, 28), drawer=front)  # September: not in October
    sales.cancel(session, owner, s.cat, "Moved away", today=day(10, 10), method="cash", cash_drawer_id=front)
    report = money.run(session, owner, Filters(period=OCT), today=TODAY)
    taken = sql(session, "SELECT coalesce(sum(amount), 0) FROM payments WHERE voided_at IS NULL "
                         "AND paid_on BETWEEN :a AND :b", a=OCT.start, b=OCT.end)[0][0]
    back = sql(session, "SELECT coalesce(sum(amount), 0) FROM refunds WHERE refunded_on BETWEEN :a AND :b",
               a=OCT.start, b=OCT.end)[0][0]
    assert report.totals["amount"] == Decimal(taken - back) / 100 == Decimal("35.00")
    assert sorted((r["method"], r["drawer"], r["amount"]) for r in report.rows) == [
        ("Card / online", "Café till", Decimal("35.00")), ("Cash", "Front desk", Decimal("95.00")),
        ("Refund: Cash", "Front desk", Decimal("-95.00"))]
    one_day = payments.day_takings(session, owner, day(10, 10))  # the day's takings are its one-day case
    assert one_day["total"] == money.run(session, owner, Filters(period=Period(day(10, 10), day(10, 10))),
                                         today=TODAY).totals["amount"] == Decimal("-95.00")


def test_q4_attendance_per_group_and_month_with_occupancy(session, owner, journal_marks):
    group, kids, _answers = journal_marks
    report = attendance.run(session, owner, Filters(period=Period(day(9, 1), day(10, 31))), today=TODAY)
    visits = session.scalars(select(Visit).where(Visit.group_id == group)).all()
    by_month = {}
    for visit in visits:
        by_month[visit.date.replace(day=1)] = by_month.get(visit.date.replace(day=1), 0) + 1
    assert {row["month"]: row["marks"] for row in report.rows} == by_month == {day(9, 1): 8, day(10, 1): 1}
    september = report.rows[0]
    assert (september["enrolled"], september["capacity"], september["occupancy"]) == (2, 3, Decimal("66.7"))
    assert report.chart.categories == ["09.2026", "10.2026"] and report.chart.series == [("Marks", [8, 1])]


def test_q4_attendance_of_an_empty_period_says_so(session, owner, journal_marks):
    report = attendance.run(session, owner, Filters(period=Period(day(1, 1), day(1, 31))), today=TODAY)
    assert report.empty and report.chart is None
    assert report.empty_text == "No group had marks or enrolled clients in this period."


def test_q4_memberships_and_packs_ending_within_n_days_not_yet_renewed(session, owner, world):
    on = day(10, 20)
    report = expiring.run(session, owner, Filters(days=14), today=on)
    ending = sql(session, """SELECT c.name FROM memberships m JOIN clients c ON c.id = m.client_id
                             WHERE m.cancelled_on IS NULL AND m.end_date BETWEEN :a AND :b
                             AND NOT EXISTS (SELECT 1 FROM memberships r WHERE r.renews_id = m.id
                                             AND r.cancelled_on IS NULL)""",
                 a=on, b=on + dt.timedelta(days=14))
    assert [row["client"] for row in report.rows] == [name for (name,) in ending] == ["Ann Archer"]
    assert report.rows[0]["days_left"] == 11  # 31 Oct; Gus's Silver of 24 Oct is renewed already
    assert expiring.run(session, owner, Filters(days=3), today=on).empty
    with pytest.raises(DomainError, match="number of days"):
        expiring.run(session, owner, Filters(days=-1), today=on)
    with pytest.raises(DomainError, match="number of days"):
        expiring.run(session, owner, Filters(days=10**6), today=on)


def test_q4_a_report_with_steps_reports_progress_and_stops_on_cancel(session, owner, journal_marks):
    from app.tasks import Cancelled, TaskState

    seen = []
    attendance.run(session, owner, Filters(period=Period(day(7, 1), day(10, 31))), today=TODAY,
                   state=TaskState(lambda done, total: seen.append((done, total))))
    assert seen == [(step, 5) for step in range(6)]  # the marks, then the enrolled month by month
    stopped = TaskState()
    stopped.cancel()
    with pytest.raises(Cancelled):
        attendance.run(session, owner, Filters(), today=TODAY, state=stopped)


def test_q4_l2_the_attendance_month_reads_as_the_month_in_each_language(session, owner, journal_marks):
    """The month column showed a date ("01.09.2026"): it is the month, named in the reader's language."""
    from app.reports.base import Kind
    from app.reports.wording import document_voice
    from app.services.report_files import spreadsheet_rows

    report = attendance.run(session, owner, Filters(period=Period(day(9, 1), day(10, 31))), today=TODAY)
    month = next(c for c in report.columns if c.key == "month")
    assert month.kind is Kind.MONTH and report.rows[0]["month"] == day(9, 1)  # still a date: sorts as one
    assert month.text(report.rows[0]["month"]) == "September 2026"
    assert month.text(day(10, 1), document_voice("ru")) == "Октябрь 2026"
    assert month.text(day(10, 1), document_voice("ar")) == "أكتوبر 2026"
    _headers, rows = spreadsheet_rows(report)
    assert [row[2] for row in rows[:2]] == ["September 2026", "October 2026"]


def test_q4_l2_a_report_pdf_in_russian_has_russian_headers(session, owner, journal_marks, tmp_path):
    """A report's PDF speaks the business's language like an invoice: title, filters, column titles,
    months, totals and "Page n of m" in Russian, no English word of the report left."""
    import subprocess

    from app.services.report_files import write_report

    report = attendance.run(session, owner, Filters(period=Period(day(9, 1), day(10, 31))), today=TODAY)
    path = write_report(report, tmp_path / "attendance.pdf", {"business_name": "Sun", "language": "ru"})
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    for russian in ("Посещаемость и заполненность групп по месяцам", "Период: 01.09.2026 – 31.10.2026",
                    "Программа", "Группа", "Месяц", "Отметки", "Записано", "Заполненность", "Сентябрь 2026",
                    "Октябрь 2026", "Итого", "66,7 %", "Страница 1 из 1", "Составлено"):
        assert russian in text
    for english in ("Attendance", "Period", "Program", "Group", "Month", "Marks", "Total", "Page", "Made"):
        assert english not in text
    english = write_report(report, tmp_path / "attendance-en.pdf", {"business_name": "Sun"})
    text = subprocess.run(["pdftotext", "-layout", str(english), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "September 2026" in text and "Page 1 of 1" in text and "Program" in text
