"""D8: user text is shown as text on every main screen, never as markup (a name like <b>x</b><img src=y>)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from app.models import Client, Package
from app.services import catalogue, clients, payments, programs
from app.services import sales as selling
from ui.mainwindow import MainWindow

NAME = "<b>x</b><img src=y>"


def renders_markup(label: QLabel) -> bool:
    """Qt shows ``label`` as rich text: RichText, or AutoText with text that looks like markup."""
    fmt = label.textFormat()
    if fmt == Qt.TextFormat.RichText:
        return True
    return fmt == Qt.TextFormat.AutoText and QtGui.mightBeRichText(label.text())


def showing_the_name_as_markup(widget) -> list[str]:
    """Labels whose text holds the name and that would draw it as markup (bold x, a picture)."""
    found = []
    for label in widget.findChildren(QLabel):
        if "<b>x</b>" in label.text() and renders_markup(label):
            found.append(f"{label.objectName() or type(label.parent()).__name__}: {label.text()!r}")
    return found


def _client_with_everything(desk):
    olga = desk.ops("olga")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, olga.actor, name=NAME, guardian_name=NAME, notes=NAME)
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        sale = selling.sell(s, olga.actor, client, gold, description=NAME)  # a card's facts show the description
        payments.add_payment(s, olga.actor, sale.invoice_id, "10.00")
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        pack = catalogue.create_package(s, olga.actor, kind="lesson_pack", name=NAME, price="50", term_count=1,
                                        term_unit="month", program_id=swim, lesson_count=4)
        selling.sell(s, olga.actor, client, pack)  # a card's title is the package's name
        group = programs.create_group(s, olga.actor, program_id=swim, name="Tuesday", capacity=5,
                                      slots=[(1, "16:00", "16:45")])
        programs.enrol(s, olga.actor, group, client)
        code = s.get(Client, client).code
    return olga, client, sale.invoice_id, code


def test_d8_no_label_of_the_main_screens_renders_a_client_name_as_markup(desk, qtbot):
    olga, client, invoice_id, code = _client_with_everything(desk)
    window = MainWindow(olga)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen = {}
    for area in ("clients", "memberships", "journal", "credits", "reports"):
        if window.show_area(area):
            QApplication.processEvents()
            seen[area] = showing_the_name_as_markup(window)
    assert window.show_area(f"client:{code}")
    QApplication.processEvents()
    profile = window.screen("clients").profile
    assert NAME in [label.text() for label in profile.findChildren(QLabel)]  # the profile shows it: as text
    seen["profile"] = showing_the_name_as_markup(window)

    bar = window.screen("clients").check_in
    qtbot.keyClicks(bar.code, code)
    qtbot.keyClick(bar.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bar.result.isVisible())
    seen["check-in banner"] = showing_the_name_as_markup(bar)

    from ui.selling.invoice import InvoiceDialog

    dialog = InvoiceDialog(olga, invoice_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    seen["invoice dialog"] = showing_the_name_as_markup(dialog)
    assert seen == {key: [] for key in seen}


def test_d8_message_boxes_with_a_client_name_show_it_as_typed(desk, qtbot):
    """A refusal naming the client, in the message box every refusal uses (Ops.explain)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextDocument

    from app.errors import DomainError

    olga, client, invoice_id, code = _client_with_everything(desk)
    message = f"{NAME} already has a current membership.\nRenew it instead."
    shown = []

    def look():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, look)
            return
        if box.textFormat() == Qt.TextFormat.PlainText or not QtGui.mightBeRichText(box.text()):
            shown.append(box.text())
        else:  # drawn as rich text: what the reader sees is the document's text
            document = QTextDocument()
            document.setHtml(box.text())
            shown.append(document.toPlainText())
        box.accept()

    QTimer.singleShot(0, look)
    olga.explain(DomainError(message), None)
    assert shown == [message]
