"""Q5 reminders: the call list built from the offsets, catch-up after days off, never twice,
renewed clients left out, clients without a phone or email apart, the template, "Email all"."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from sqlalchemy import func, select

from app.errors import DomainError
from app.models import ReminderSent
from app.reports import reminders
from app.reports.reminder_template import fill
from app.services import catalogue, clients, credits, sales, settings
from app.tasks import TaskState

TODAY = dt.date(2026, 6, 15)
TERM = 30  # days: every package of these tests runs 30 days, so a sale ending on E starts on E - 29


def day(k: int) -> dt.date:
    return TODAY + dt.timedelta(days=k)


@pytest.fixture
def month(session, owner):
    return catalogue.create_package(session, owner, kind="membership", name="Month pass", price="30.00",
                                    term_count=TERM, term_unit="day")


@pytest.fixture
def pack(session, owner, speech):
    return catalogue.create_package(session, owner, kind="lesson_pack", name="Speech: 4 lessons", price="80.00",
                                    term_count=TERM, term_unit="day", program_id=speech, lesson_count=4)


@pytest.fixture
def sauna(session, owner):
    sauna = catalogue.create_credit_type(session, owner, "Sauna", "visit")
    return catalogue.create_package(session, owner, kind="credits", name="Sauna x5", price="25.00",
                                    term_count=TERM, term_unit="day", credits={sauna: 5})


def client(session, owner, name, phone="+44 7700 900001", email=None):
    email = f"{name.split()[0].lower()}@example.org" if email is None else email
    return clients.create_client(session, owner, name=name, phone=phone, email=email)


def sell_ending(session, owner, client_id, package_id, end: dt.date) -> int:
    start = end - dt.timedelta(days=TERM - 1)
    sale = sales.sell(session, owner, client_id, package_id, start_date=start, today=start)
    return sale.membership_id


def listed(session, owner, today=TODAY) -> dict[str, str]:
    report = reminders.run(session, owner, today=today)
    return {row["client"]: row["when"] for row in report.rows + report.apart}


def send_all_due(session, owner, today):
    """What a desk running on ``today`` sends: every reminder due, recorded as sent."""
    due = reminders.due(session, today)
    for row in due:
        letter = reminders.Letter(row["client_id"], row["client"], row["email"], "s", "b",
                                  ((row["membership_id"], row["offset"], row["ends"]),))
        assert reminders.record_sent(session, owner, letter) == 1
    return {(row["client"], row["offset"]) for row in due}


def test_q5_offsets_build_the_call_list(session, owner, month):
    # Offsets 7, 1, -3; the sale ending on TODAY+k is due the reminder written here by hand: the latest
    # offset whose day (end - offset) has come, the last one (-3) for seven more days, none before a
    # week ahead.
    expected = {}
    for k in range(-13, 11):
        name = f"Client {k:+03d}"
        sell_ending(session, owner, client(session, owner, name), month, day(k))
        if 2 <= k <= 7:
            expected[name] = "7 days before"
        elif -2 <= k <= 1:
            expected[name] = "1 day before"
        elif -10 <= k <= -3:
            expected[name] = "3 days after"
    assert listed(session, owner) == expected
    report = reminders.run(session, owner, today=TODAY)
    assert [r["ends"] for r in report.rows] == sorted(r["ends"] for r in report.rows)  # soonest end first
    row = next(r for r in report.rows if r["client"] == "Client +05")
    assert (row["phone"], row["email"], row["package"], row["ends"]) == (
        "+44 7700 900001", "client@example.org", "Month pass", day(5))


def test_q5_a_desk_running_every_day_sends_each_reminder_on_its_day_once(session, owner, month, pack, sauna):
    ends = {"Mem": (month, day(3)), "Pack": (pack, day(9)), "Sauna": (sauna, day(-1))}
    for name, (package, end) in ends.items():
        sell_ending(session, owner, client(session, owner, name + " Client"), package, end)
    sent_on = {}
    for k in range(-20, 30):
        for who, offset in send_all_due(session, owner, day(k)):
            sent_on.setdefault((who, offset), []).append(day(k))
    # The plain cron: each offset exactly on end - offset, once.
    assert sent_on == {(name + " Client", o): [end - dt.timedelta(days=o)]
                       for name, (_package, end) in ends.items() for o in (7, 1, -3)}


def test_q5_a_reminder_whose_day_passed_while_the_desk_was_off_is_caught_up_once(session, owner, month):
    sell_ending(session, owner, client(session, owner, "Away Client"), month, day(10))
    assert send_all_due(session, owner, day(0)) == set()
    # Off for eight days: the 7-day reminder (due on day 3) is sent on day 8, when the desk runs again.
    assert send_all_due(session, owner, day(8)) == {("Away Client", 7)}
    assert send_all_due(session, owner, day(8)) == set()
    # Off again until two days after the end: the day-before reminder (day 9) is sent late, once;
    # the "3 days after" falls on day 13, not yet.
    assert send_all_due(session, owner, day(12)) == {("Away Client", 1)}
    # Off until day 19: the "3 days after" (day 13) is caught up, six days late.
    assert send_all_due(session, owner, day(19)) == {("Away Client", -3)}
    assert [send_all_due(session, owner, day(k)) for k in range(19, 40)] == [set()] * 21


def test_q5_a_week_off_sends_only_the_latest_reminder_not_every_one_missed(session, owner, month):
    sell_ending(session, owner, client(session, owner, "Late Client"), month, day(0))
    assert send_all_due(session, owner, day(-9)) == set()
    assert send_all_due(session, owner, day(0)) == {("Late Client", 1)}  # the 7-day one is superseded
    assert send_all_due(session, owner, day(11)) == set()  # "3 days after" fell on day 3: 8 days ago, too old


def test_q5_a_reminder_already_sent_is_never_due_again(session, owner, month):
    sell_ending(session, owner, client(session, owner, "Once Client"), month, day(5))
    settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_sender": "desk@sunny.example"})
    mailing = reminders.prepare_mailing(session, owner, today=TODAY)
    [letter] = mailing.letters
    assert not reminders.already_sent(session, owner, letter)
    assert reminders.record_sent(session, owner, letter) == 1
    assert reminders.already_sent(session, owner, letter)
    assert reminders.record_sent(session, owner, letter) == 0  # another PC at the same moment: kept once
    assert session.scalar(select(func.count()).select_from(ReminderSent)) == 1
    assert reminders.prepare_mailing(session, owner, today=TODAY).letters == []
    assert listed(session, owner) == {}
    stored = session.scalar(select(ReminderSent))
    assert (stored.offset_days, stored.ends_on, stored.address, stored.created_by_id) == (
        7, day(5), "once@example.org", owner.user_id)


def test_q5_a_freeze_that_moves_the_end_makes_the_new_end_due_again(session, owner, month):
    sale = sell_ending(session, owner, client(session, owner, "Frozen Client"), month, day(5))
    assert send_all_due(session, owner, TODAY) == {("Frozen Client", 7)}
    from app.models import Membership

    session.get(Membership, sale).end_date = day(40)  # as a freeze moves it (M5)
    session.flush()
    assert send_all_due(session, owner, day(33)) == {("Frozen Client", 7)}


def test_q5_a_renewed_client_is_not_reminded_that_the_old_one_ends(session, owner, month, pack, sauna, speech):
    renewed = client(session, owner, "Renewed Client")
    sales.renew(session, owner, sell_ending(session, owner, renewed, month, day(5)), today=TODAY)
    bought_again = client(session, owner, "Bought Again")  # a new time membership, not linked as a renewal
    sell_ending(session, owner, bought_again, month, day(-9))  # its "3 days after" (day -6) would be due
    sales.sell(session, owner, bought_again, month, start_date=day(-1), today=day(-1))
    new_pack = client(session, owner, "New Pack")  # a later pack of the same program
    sell_ending(session, owner, new_pack, pack, day(2))
    sales.sell(session, owner, new_pack, pack, start_date=TODAY, today=TODAY)
    top_up = client(session, owner, "Topped Up")  # a later top-up of the same credits
    sell_ending(session, owner, top_up, sauna, day(1))
    sales.sell(session, owner, top_up, sauna, start_date=TODAY, today=TODAY)
    other = client(session, owner, "Other Program")  # a pack of another program renews nothing
    art = catalogue.create_package(session, owner, kind="lesson_pack", name="Art: 4 lessons", price="40.00",
                                   term_count=TERM, term_unit="day", program_id=_program(session, owner, "Art"),
                                   lesson_count=4)
    sell_ending(session, owner, other, pack, day(6))
    sales.sell(session, owner, other, art, start_date=TODAY, today=TODAY)
    cancelled = client(session, owner, "Cancelled Renewal")  # a cancelled renewal renews nothing
    old = sell_ending(session, owner, cancelled, month, day(4))
    sales.cancel(session, owner, sales.renew(session, owner, old, today=TODAY).membership_id, "changed mind",
                 today=TODAY)
    assert listed(session, owner) == {"Other Program": "7 days before", "Cancelled Renewal": "7 days before"}


def _program(session, owner, name):
    from app.services import programs

    return programs.create_program(session, owner, name=name, base_lesson_price="10.00", colour="#3498db")


def test_q5_cancelled_sales_and_archived_clients_are_not_reminded(session, owner, month):
    sale = sell_ending(session, owner, client(session, owner, "Cancelled Client"), month, day(5))
    sales.cancel(session, owner, sale, "moved away", today=TODAY)
    archived = client(session, owner, "Archived Client")
    sell_ending(session, owner, archived, month, day(5))
    clients.update_client(session, owner, archived, archived=True)
    assert listed(session, owner) == {}


def test_q5_clients_without_email_or_phone_are_listed_apart(session, owner, month):
    for name, phone, email in [("Both Ways", "+44 7700 900002", "both@example.org"),
                               ("Phone Only", "+44 7700 900003", ""), ("Email Only", "", "email@example.org"),
                               ("No Contact", "", "")]:
        sell_ending(session, owner, client(session, owner, name, phone=phone, email=email), month, day(5))
    report = reminders.run(session, owner, today=TODAY)
    assert sorted(r["client"] for r in report.rows) == ["Both Ways", "Email Only", "Phone Only"]
    assert [r["client"] for r in report.apart] == ["No Contact"]
    settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_sender": "desk@sunny.example"})
    mailing = reminders.prepare_mailing(session, owner, today=TODAY)
    assert sorted(letter.client for letter in mailing.letters) == ["Both Ways", "Email Only"]
    assert sorted(mailing.without_email) == ["No Contact", "Phone Only"]


def test_q5_a_child_is_listed_with_the_guardians_phone(session, owner, month):
    child = clients.create_client(session, owner, name="Little Tim", guardian_name="Mary Tim",
                                  guardian_phone="+44 7700 900099")
    sell_ending(session, owner, child, month, day(5))
    [row] = reminders.run(session, owner, today=TODAY).rows
    assert row["phone"] == "+44 7700 900099"


def test_q5_a_child_without_an_email_is_reached_through_the_family_payer(session, owner, month):
    from app.services import families

    mother = client(session, owner, "Mary Payer", phone="+44 7700 900050", email="mary@example.org")
    child = clients.create_client(session, owner, name="Kid Payer")
    families.add_to_family(session, owner, mother, child)
    sell_ending(session, owner, child, month, day(5))
    [row] = reminders.run(session, owner, today=TODAY).rows
    assert (row["client"], row["phone"], row["email"]) == ("Kid Payer", "+44 7700 900050", "mary@example.org")


def test_k7_the_call_list_says_credits_running_low_or_expiring(session, owner, month, sauna):
    holder = client(session, owner, "Credit Holder")
    sell_ending(session, owner, holder, month, day(5))
    sell_ending(session, owner, holder, sauna, day(12))  # within the 14 days of "expiring", no reminder yet
    [row] = reminders.run(session, owner, today=TODAY).rows
    assert row["credits"] == " ".join(credits.reminders(session, holder, TODAY))
    assert "Sauna: 5 visits expire by" in row["credits"]


def test_q5_no_offsets_no_list_with_a_plain_word(session, owner, month):
    sell_ending(session, owner, client(session, owner, "Any Client"), month, day(5))
    settings.update_settings(session, owner, {"reminder_offsets": []})
    report = reminders.run(session, owner, today=TODAY)
    assert report.empty and "Settings" in report.empty_text


def test_q5_only_the_owner_sees_the_call_list(session, receptionist):
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        reminders.run(session, receptionist, today=TODAY)


def test_q5_a_deleted_sale_takes_its_reminders_with_it(session, owner, month):
    sale = sell_ending(session, owner, client(session, owner, "Deleted Client"), month, day(5))
    assert send_all_due(session, owner, TODAY) == {("Deleted Client", 7)}
    sales.delete_sale(session, owner, sale)
    assert session.scalar(select(func.count()).select_from(ReminderSent)) == 0


def test_q5_template_placeholders_are_filled_and_unknown_ones_refused(session, owner):
    assert fill("{client}: {package} ends {ends} ({business})\n{items}",
                {"client": "Ann {x}", "package": "Gold", "ends": "01.07.2026", "business": "Sunny",
                 "items": "Your Gold ends."}) == "Ann {x}: Gold ends 01.07.2026 (Sunny)\nYour Gold ends."
    before = settings.get_settings(session)["reminder_body"]
    for value, said in [("Hello {name}", "unknown placeholder {name}"), ("{client.__class__}", "unknown placeholder"),
                        ("{client!r}", "unknown placeholder {client!r}"), ("{ends:>20}", "unknown placeholder"),
                        ("Hello {client", "lone {"), ("", "is required")]:
        with pytest.raises(DomainError, match=said) as refused:
            settings.update_settings(session, owner, {"reminder_body": value})
        assert refused.value.field == "reminder_body"
    with pytest.raises(DomainError, match="one line"):
        settings.update_settings(session, owner, {"reminder_subject": "two\nlines"})
    assert settings.get_settings(session)["reminder_body"] == before
    settings.update_settings(session, owner, {"reminder_body": "Dear {client}, {{braces}} {items}"})
    assert settings.get_settings(session)["reminder_body"] == "Dear {client}, {{braces}} {items}"


def test_q5_the_letter_is_written_from_the_template(session, owner, month, pack):
    ann = client(session, owner, "Ann Letter")
    sell_ending(session, owner, ann, month, day(1))
    sell_ending(session, owner, ann, pack, day(-3))
    settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_sender": "desk@sunny.example",
                                              "reminder_subject": "{business}: {package} from {ends}",
                                              "reminder_body": "Dear {client},\n{items}"})
    [letter] = reminders.prepare_mailing(session, owner, today=TODAY).letters
    assert letter.subject == "Sunny Kids Centre: Speech: 4 lessons, Month pass from 12.06.2026"
    assert letter.body == ("Dear Ann Letter,\nYour Speech: 4 lessons (lesson pack) ended on 12.06.2026.\n"
                           "Your Month pass (membership) ends on 16.06.2026.")
    assert len(letter.reminders) == 2


class Inbox:
    """A mail server on this machine that refuses the addresses it is told to, as real ones do."""

    def __init__(self, refuse=()):
        from aiosmtpd.controller import Controller

        self.received, self.refuse = [], set(refuse)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, smtp_session, envelope, address, options):  # noqa: N802 - aiosmtpd's
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, smtp_session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.received.append(envelope)
        return "250 OK"

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()


def test_q5_email_all_sends_one_per_client_records_the_sent_and_not_the_refused(session, owner, month, pack):
    for name in ("Ann Mail", "Bob Mail", "Cid Mail"):
        who = client(session, owner, name)
        sell_ending(session, owner, who, month, day(5))
    sell_ending(session, owner, who, pack, day(1))  # Cid: two reminders, one letter
    call = lambda service, *args, write=True: service(session, owner, *args)  # noqa: E731
    with Inbox(refuse={"bob@example.org"}) as inbox:
        settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_port": inbox.port,
                                                  "smtp_tls": False, "smtp_sender": "desk@sunny.example"})
        outcomes = reminders.send_mailing(reminders.prepare_mailing(session, owner, today=TODAY), call)
        again = reminders.send_mailing(reminders.prepare_mailing(session, owner, today=TODAY), call)
    results = {o.address: (o.result, o.reason) for o in outcomes}
    assert results["ann@example.org"] == ("sent", "") and results["cid@example.org"] == ("sent", "")
    assert results["bob@example.org"][0] == "refused"
    assert "the server refused bob@example.org: 550 5.1.1 No such mailbox here" in results["bob@example.org"][1]
    assert sorted(e.rcpt_tos[0] for e in inbox.received) == ["ann@example.org", "cid@example.org"]
    recorded = session.execute(select(ReminderSent.address, func.count()).group_by(ReminderSent.address)).all()
    assert sorted(recorded) == [("ann@example.org", 1), ("cid@example.org", 2)]
    assert [(o.address, o.result) for o in again] == [("bob@example.org", "refused")]  # only the refused is due


def test_q5_cancel_stops_before_the_next_letter_and_lists_the_rest(session, owner, month):
    for name in ("Ann Stop", "Bob Stop"):
        sell_ending(session, owner, client(session, owner, name), month, day(5))
    state = TaskState()
    sent = []

    def call(service, *args, write=True):
        if service is reminders.record_sent:
            sent.append(args[0].client)
            state.cancel()  # pressed while the first one was being recorded
        return service(session, owner, *args)

    with Inbox() as inbox:
        settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_port": inbox.port,
                                                  "smtp_tls": False, "smtp_sender": "desk@sunny.example"})
        outcomes = reminders.send_mailing(reminders.prepare_mailing(session, owner, today=TODAY), call, state)
    assert [(o.client, o.result, o.reason) for o in outcomes] == [
        ("Ann Stop", "sent", ""), ("Bob Stop", "not sent", "cancelled")]
    assert len(inbox.received) == 1 and sent == ["Ann Stop"]


def test_q5_email_all_without_a_mail_server_says_where_to_set_it_up(session, owner):
    with pytest.raises(DomainError, match="Settings › Email"):
        reminders.prepare_mailing(session, owner, today=TODAY)


def test_q5_a_server_that_cannot_be_reached_stops_the_mailing_and_records_nothing(session, owner, month):
    for name in ("Ann Down", "Bob Down"):
        sell_ending(session, owner, client(session, owner, name), month, day(5))
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.update_settings(session, owner, {"smtp_host": "127.0.0.1", "smtp_port": port, "smtp_tls": False,
                                              "smtp_sender": "desk@sunny.example"})
    call = lambda service, *args, write=True: service(session, owner, *args)  # noqa: E731
    outcomes = reminders.send_mailing(reminders.prepare_mailing(session, owner, today=TODAY), call)
    assert [(o.client, o.result) for o in outcomes] == [("Ann Down", "not sent"), ("Bob Down", "not sent")]
    assert all("could not be sent" in o.reason for o in outcomes)
    assert session.scalar(select(func.count()).select_from(ReminderSent)) == 0
    assert listed(session, owner) == {"Ann Down": "7 days before", "Bob Down": "7 days before"}  # still due
