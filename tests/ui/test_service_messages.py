"""L2: a service's refusal (a DomainError from app/'s message catalogue) shown in the user's language.

The services raise English templates with named parameters (app/messages.py); the window shows
them through ui.i18n.message: translated, the numbers as the language writes them, the field's
name translated too. ``.message`` stays the English text (logs).
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from app.errors import DomainError
from app.messages import Label
from app.models import Client
from tests.ui.typing import type_text
from ui import i18n
from ui.clients.dialog import ClientDialog


def _refuse_a_long_name(ops_for, qtbot, database) -> str:
    """A name of 201 letters typed into a new client's dialog and Save pressed: the message under
    the name field; nothing was written."""
    dialog = ClientDialog(ops_for("rita"))
    qtbot.addWidget(dialog)
    dialog.show()
    name = "Я" * 201
    type_text(dialog.name, name)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.text("name") != "")
    assert dialog.saved_id is None and dialog.isVisible()
    with database.reader.begin() as session:
        assert session.scalar(select(func.count(Client.id)).where(Client.name == name)) == 0
    return dialog.errors.text("name")


def test_l2_a_refused_client_name_is_said_in_english_by_default(ops_for, qtbot, database):
    assert _refuse_a_long_name(ops_for, qtbot, database) == "Name is too long (201 characters; at most 200)."


def test_l2_a_refused_client_name_is_said_in_russian_in_a_russian_window(ops_for, qtbot, database, speak):
    assert speak("ru") is None
    assert _refuse_a_long_name(ops_for, qtbot, database) == \
        "Поле «Имя» слишком длинное (символов: 201; можно не больше 200)."


def test_l2_a_refused_client_name_is_said_in_arabic_with_arabic_digits(ops_for, qtbot, database, speak):
    assert speak("ar") is None
    assert _refuse_a_long_name(ops_for, qtbot, database) == "حقل «الاسم» طويل جدًا (٢٠١ حرفًا؛ الحد الأقصى ٢٠٠)."


def test_l2_a_message_keeps_its_english_text_and_shows_its_parameters_per_language(speak):
    problem = DomainError("{label} must be an amount like {example}.", field="amount",
                          label=Label("Name"), example=Decimal("1234.50"))
    wrapped = DomainError("{problem} Nothing was recorded.", problem=problem)
    assert problem.message == str(problem) == "Name must be an amount like 1234.50."
    assert wrapped.message == "Name must be an amount like 1234.50. Nothing was recorded."
    assert i18n.message(problem) == "Name must be an amount like 1,234.50."
    assert speak("ru") is None
    assert i18n.message(problem) == "В поле «Имя» должна быть сумма, например 1\u00a0234,50."
    plain = DomainError("A rule said {no}.", no="no")  # not in the catalogue: English, parameters filled in
    assert i18n.message(plain) == "A rule said no."


def _refuse_a_payment_above_the_balance(desk, qtbot, typed: str) -> str:
    """Gold sold (95.00 due), then ``typed`` entered in the payment dialog and Take payment pressed:
    the message under the amount; no payment was recorded."""
    from app.models import Payment
    from app.services import clients, sales
    from tests.sales_fixtures import plan
    from ui.selling.payment import PaymentDialog

    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, ops.actor, name="Анна Иванова")
        invoice_id = sales.sell(s, ops.actor, client, plan(s, "Gold")).invoice_id
    dialog = PaymentDialog(ops, invoice_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.amount.clear()
    type_text(dialog.amount, typed)
    qtbot.mouseClick(dialog.pay_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.errors.text("amount") != "")
    assert dialog.payment_id is None and dialog.isVisible()
    with desk.database.reader.begin() as s:
        assert s.scalar(select(func.count(Payment.id)).where(Payment.invoice_id == invoice_id)) == 0
    return dialog.errors.text("amount")


def test_l2_a_payment_above_the_balance_is_refused_in_english_by_default(desk, qtbot):
    assert _refuse_a_payment_above_the_balance(desk, qtbot, "1234.50") == \
        "The amount 1,234.50 is more than the balance due (95.00). Nothing was recorded."


def test_l2_a_payment_above_the_balance_is_refused_in_russian_with_its_money_in_russian(desk, qtbot, speak):
    assert speak("ru") is None
    assert _refuse_a_payment_above_the_balance(desk, qtbot, "1234,5") == \
        "Сумма 1\u00a0234,50 больше остатка к оплате (95,00). Ничего не записано."


def test_l2_a_wrapped_refusal_names_the_field_in_russian(desk, qtbot, speak):
    """The amount's own check (validation) inside the payment's message: both in Russian."""
    assert speak("ru") is None
    assert _refuse_a_payment_above_the_balance(desk, qtbot, "0") == \
        "Поле «Сумма» должно быть больше нуля. Ничего не записано."


def test_l2_every_record_a_service_names_as_gone_is_in_the_catalogue():
    """``existing(session, Model, id, "client")`` says "This client no longer exists." with the
    record's name translated: each name app/ passes is marked in app.services.records.RECORDS."""
    import ast
    from pathlib import Path

    from app.services import lists
    from app.services.records import RECORDS

    named = set()
    for path in (Path(__file__).resolve().parents[2] / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "existing" and len(node.args) == 4
                    and isinstance(node.args[3], ast.Constant)):
                named.add(node.args[3].value)
    named |= {spec.what for spec in lists.LISTS.values()}  # lists.py names its item by its list
    assert "client" in named and named <= set(RECORDS)


def test_l2_a_record_gone_meanwhile_is_said_in_arabic(speak):
    from app.errors import NotFound

    assert speak("ar") is None
    assert i18n.message(NotFound("This {what} no longer exists.", what=Label("client"))) == \
        "لم يعد هذا السجل موجودًا (العميل)."


def test_l2_an_import_preview_says_a_bad_rows_refusal_in_russian(ops_for, qtbot, tmp_path, speak):
    from tests.ui.jobs import finished
    from tests.ui.test_import_dialog import CSV
    from ui.clients.transfer import ImportDialog

    assert speak("ru") is None
    path = tmp_path / "clients.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    dialog = ImportDialog(ops_for("rita"))
    qtbot.addWidget(dialog)
    finished(qtbot, dialog.load(path))
    assert dialog.model.data(dialog.model.index(3, 4)) == "Поле «Эл. почта» не похоже на адрес электронной почты."
