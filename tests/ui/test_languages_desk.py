"""L2 at the desk: a failed backup, a server's refusal and the audit trail said in the user's language;
money standing alone (the sale's total, the payment, the balance) with the currency symbol from Settings."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from app import languages
from app.models import AuditEvent, Client, Package
from app.services import audit, clients, sales, settings
from tests.databases import only_on_sqlite
from tests.ui.test_backups import _window
from tests.ui.typing import type_text
from ui import i18n
from ui.app import speak as speak_at_start
from ui.clients.profile import ClientProfile
from ui.selling.payment import PaymentDialog
from ui.selling.sale import SaleDialog
from ui.ops import ReadFailed
from ui.settings.screen import SettingsScreen


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path))  # this PC's local.json: the test's own
    return tmp_path


@only_on_sqlite("the copies are SQLite files")
def test_l2_a_failed_backup_is_said_in_russian(desk, qtbot, tmp_path, speak):
    assert speak("ru") is None
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    _, olga = _window(qtbot, desk, "olga", blocker / "backups")
    olga.backup_action.trigger()
    qtbot.waitUntil(lambda: olga.backups.warning is not None and olga.backups.warning.isVisible(), timeout=10000)
    assert olga.backups.warning.text() == (f"Резервная копия в папке {blocker / 'backups'} не сделана: "
                                           "в эту папку нельзя записывать.")
    olga.backups.warning.accept()


def test_l2_a_server_refusal_is_said_in_russian(desk, qtbot, home, speak, monkeypatch):
    assert speak("ru") is None
    screen = SettingsScreen(desk.ops("olga"))
    qtbot.addWidget(screen)
    screen.show()
    screen.open_page(screen.server)
    page = screen.server
    type_text(page.address, "desk on the big PC")
    qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.tested is not None, timeout=15000)
    assert page.answer.text() == "Это не адрес сервера. Напишите его так: postgresql://user:password@host:5432/desk."
    assert not page.use_button.isEnabled()

    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append((title, text)))
    ops = desk.ops("rita")
    for said in ('connection to server at "10.0.0.5" failed: FATAL:  password authentication failed for user "desk"',
                 'connection to server at "10.0.0.5", port 5432 failed: Connection refused'):
        def read(session, actor, said=said):
            raise OperationalError("SELECT 1", {}, Exception(said))

        with pytest.raises(ReadFailed):
            ops.read(read)
    assert [text for _title, text in told] == [
        "Сервер не принял имя пользователя или пароль. Проверьте и то и другое в адресе сервера "
        "(Настройки › Сервер базы данных). Ничего не сохранено и не прочитано.",
        "Сервер базы данных недоступен, поэтому ничего не сохранено и не прочитано. Проверьте сеть и что сервер "
        "работает; когда он вернётся, программа сама всё наверстает."]


def _gold(desk) -> int:
    with desk.database.reader.begin() as s:
        return s.scalar(select(Package.id).where(Package.name == "Gold"))


def test_l2_the_audit_trail_says_a_sale_in_the_readers_language_and_keeps_its_data(desk, speak):
    ops = desk.ops("olga")
    anna = ops.run(clients.create_client, name="Анна Иванова")
    sale = ops.run(sales.sell, anna, _gold(desk))
    [sold] = [event for event in ops.read(lambda s, _a: audit.history(s, "membership", sale.membership_id))
              if event["action"] == "sell"]
    start, end = json.loads(sold["details"])["start"], json.loads(sold["details"])["end"]
    day = lambda iso: f"{iso[8:10]}.{iso[5:7]}.{iso[:4]}"  # noqa: E731
    assert i18n.message(sold["description"]) == f"Sold Gold for 95.00, {day(start)} to {day(end)}"
    assert speak("ru") is None
    assert i18n.message(sold["description"]) == f"Продан пакет «Gold» за 95,00, с {day(start)} по {day(end)}"
    assert speak("ar") is None
    arabic = i18n.message(sold["description"])
    assert arabic.startswith("بيعت الباقة «Gold» بسعر ٩٥٫٠٠") and "٢٠" in arabic
    with desk.database.reader.begin() as s:  # the stored event keeps its data, in no language
        stored = s.scalar(select(AuditEvent.details).where(AuditEvent.action == "sell"))
    assert json.loads(stored) == {"client": anna, "package": "Gold", "price": "95.00", "start": start, "end": end,
                                  "renews": None}


def test_l2_an_unknown_or_generic_audit_event_is_still_said(speak):
    assert audit.describe("archive", "client", {"x": 1}).message == "archive"  # a newer program's action
    changed = audit.describe("update", "client", {"phone": "+375 29 000"})
    assert speak("ru") is None
    assert i18n.message(changed) == "Данные изменены"


@pytest.mark.parametrize(("language", "currency", "total", "taken", "balance"), [
    ("ru", "BYN", "95,00\u00a0Br", "Оплата 47,50\u00a0Br принята", "К оплате: 47,50\u00a0Br"),
    ("en", "EUR", "€95.00", "Payment of €47.50 taken", "Balance due: €47.50"),
])
def test_l2_the_sale_payment_and_balance_show_the_currency_from_settings(desk, qtbot, speak, language, currency,
                                                                         total, taken, balance):
    olga = desk.ops("olga")
    olga.run(settings.update_settings, {"language": language, "currency": currency})
    assert speak_at_start(desk.database, SimpleNamespace(lang=None), olga.actor) is None  # as the desk starts
    ops = desk.ops("rita")
    anna = ops.run(clients.create_client, name="Анна Иванова")
    sale = SaleDialog(ops, anna)
    qtbot.addWidget(sale)
    sale.package.setCurrentIndex(sale.package.findData(_gold(desk)))
    assert sale.total.text() == total
    assert total in sale.package.currentText()
    sale.save()
    pay = PaymentDialog(ops, sale.sale.invoice_id)
    qtbot.addWidget(pay)
    assert pay.findChild(type(sale.total), "paymentSummary").text().endswith(total)  # ... due 95,00 Br
    assert pay.amount.text() == total.split("\u00a0")[0].strip("€")  # the balance as the language writes it
    said = []
    ops.said.connect(said.append)
    pay.amount.setText("47,50" if language == "ru" else "47.50")  # typed as the language writes it
    pay.pay()
    assert pay.payment_id is not None and said == [taken]
    profile = ClientProfile(ops)
    qtbot.addWidget(profile)
    profile.show_client(anna)
    profile.tabs.setCurrentWidget(profile.money_page)
    assert profile.balance.text() == balance


def test_l2_the_invoice_dialog_in_russian_shows_every_button_whole_and_its_money_with_the_symbol(desk, qtbot,
                                                                                                 speak, styled):
    from PySide6.QtWidgets import QAbstractButton

    from app.services import payments
    from ui.selling.invoice import InvoiceDialog

    olga = desk.ops("olga")
    olga.run(settings.update_settings, {"language": "ru", "currency": "BYN"})
    assert speak_at_start(desk.database, SimpleNamespace(lang=None), olga.actor) is None
    anna = olga.run(clients.create_client, name="Анна Иванова")
    sale = olga.run(sales.sell, anna, _gold(desk))
    olga.run(payments.add_payment, sale.invoice_id, "40,00", method="cheque")
    dialog = InvoiceDialog(olga, sale.invoice_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    shown = [b for b in dialog.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    assert len(shown) >= 5 and all(b.width() >= b.sizeHint().width() for b in shown)  # none squeezed and cut
    assert dialog.total_labels["balance"].text() == "55,00\u00a0Br"
    method = dialog.payments_model.index(0, 2).data()
    assert method == "Чек"


def test_l2_a_currency_changed_in_settings_shows_at_once_on_this_pc(desk, qtbot, speak):
    olga = desk.ops("olga")
    screen = SettingsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    page = next(p for p in screen.pages if "currency" in p.widgets)
    page.widgets["currency"].clear()
    type_text(page.widgets["currency"], "byn")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: olga.read(settings.read_settings)["currency"] == "BYN")
    sale = SaleDialog(desk.ops("rita"), olga.run(clients.create_client, name="Ann"))
    qtbot.addWidget(sale)
    sale.package.setCurrentIndex(sale.package.findData(_gold(desk)))
    assert sale.total.text() == "BYN95.00"  # English writes an unfamiliar currency by its code

    page.widgets["currency"].clear()
    type_text(page.widgets["currency"], "B4N")  # refused: nothing saved, the symbol stays
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert olga.read(settings.read_settings)["currency"] == "BYN"
    assert languages.price_text(Decimal("1")) == "BYN1.00"


def test_l2_an_invoices_history_says_who_did_what_in_the_readers_language(desk, qtbot, speak, monkeypatch):
    from app.services import payments
    from ui.selling.history import HistoryDialog
    from ui.selling.invoice import InvoiceDialog

    olga = desk.ops("olga")
    anna = olga.run(clients.create_client, name="Анна Иванова")
    sale = olga.run(sales.sell, anna, _gold(desk))
    desk.ops("rita").run(payments.add_payment, sale.invoice_id, "40.00")
    assert speak("ru") is None
    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog))
    invoice = InvoiceDialog(olga, sale.invoice_id)
    qtbot.addWidget(invoice)
    qtbot.mouseClick(invoice.findChild(QPushButton, "invoiceHistory"), Qt.MouseButton.LeftButton)
    [history] = shown
    model = history.model
    rows = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    number = invoice.view["number"]
    assert history.windowTitle() == f"История счёта {number}"
    assert [row[1:] for row in rows] == [["Olga Owner", f"Выставлен счёт {number}"],
                                         ["Rita Reception", "Принята оплата 40,00"]]
    assert all(row[0].startswith(languages.date_text(dt.date.today())) for row in rows)  # when, in this PC's time


def test_l2_a_time_is_written_with_the_languages_digits_and_kept_left_to_right(speak):
    assert languages.time_text(dt.time(14, 5)) == "14:05"
    assert speak("ar") is None
    assert languages.time_text(dt.datetime(2026, 3, 2, 9, 30)) == "\u2066٠٩:٣٠\u2069"


def test_l2_a_save_that_lost_the_race_for_its_row_is_said_in_russian(desk, speak, monkeypatch):
    from sqlalchemy import text

    from app.models import Client
    from ui.ops import FAILED

    ops = desk.ops("rita")
    client_id = ops.run(clients.create_client, name="Anna Hughes")
    assert speak("ru") is None
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, message: told.append(message))

    def rename_after_another_pc_saved(session, actor):
        client = session.get(Client, client_id)
        session.execute(text("UPDATE clients SET version = version + 1 WHERE id = :id"), {"id": client_id})
        client.name = "Anna Lost"

    assert ops.run(rename_after_another_pc_saved) is FAILED
    assert told == ["Другой компьютер сохранил эту запись в тот же момент, поэтому здесь ничего не сохранено. "
                    "Откройте её снова, чтобы увидеть, что сохранено сейчас."]


@pytest.mark.parametrize(("language", "said"), [
    ("ru", "Клиент: тем временем изменения сохранил(а) Rita Reception ({when}), поэтому ваше изменение не "
           "сохранено. В форме теперь сохранённые значения: если изменение ещё нужно, внесите его снова."),
    ("ar", "العميل: حفظ Rita Reception تغييرات في {when} في هذه الأثناء، لذا لم يُحفظ تغييرك. يعرض النموذج الآن "
           "القيم المحفوظة: أعد إجراء التغيير إن كان لا يزال لازمًا."),
])
def test_l2_a_client_changed_by_another_pc_meanwhile_is_said_in_the_users_language(desk, qtbot, speak, language,
                                                                                   said):
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services.access import SYSTEM
    from ui.clients.dialog import ClientDialog

    with desk.database.writer.begin() as s:
        anna = clients.create_client(s, SYSTEM, name="Anna Smith", phone="+44 7700 900001")
    assert speak(language) is None
    dialogs = {}
    for who in ("olga", "rita"):
        dialogs[who] = ClientDialog(desk.ops(who), anna)
        qtbot.addWidget(dialogs[who])
        dialogs[who].show()
    for who, name in (("rita", "Anna Rita"), ("olga", "Anna Olga")):
        dialogs[who].name.clear()
        type_text(dialogs[who].name, name)
        save = dialogs[who].findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    with desk.database.reader.begin() as s:
        at = s.scalar(select(AuditEvent.at).where(AuditEvent.entity == "client", AuditEvent.entity_id == anna)
                      .order_by(AuditEvent.id.desc())).astimezone()
        assert s.get(Client, anna).name == "Anna Rita"  # Olga's change saved nothing
    when = f"{languages.date_text(at.date())} {languages.time_text(at)}"
    assert dialogs["olga"].errors.general.text() == said.format(when=when)


def test_l2_settings_show_the_default_reminder_in_the_business_language_and_keep_it_the_default(desk, qtbot,
                                                                                               speak):
    from app.reports import reminder_template

    olga = desk.ops("olga")
    olga.run(settings.update_settings, {"language": "ru"})
    assert speak("ru") is None
    screen = SettingsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    page = next(p for p in screen.pages if "reminder_subject" in p.widgets)
    subject, body = page.widgets["reminder_subject"], page.widgets["reminder_body"]
    assert subject.text() == "{business}: напоминание — {package}"
    assert body.toPlainText().startswith("Здравствуйте, {client}!")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # saved untouched: still the default
    assert olga.read(settings.read_settings)["reminder_subject"] == reminder_template.DEFAULT_SUBJECT
    subject.clear()
    type_text(subject, "{business}: ждём вас снова")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)  # typed: the owner's own, as typed
    stored = olga.read(settings.read_settings)
    assert stored["reminder_subject"] == "{business}: ждём вас снова"
    assert stored["reminder_body"] == reminder_template.DEFAULT_BODY
