"""A phone in the desk's own national form finds the client stored with the international one;
a phone of letters is refused next to the field and nothing is written."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from app.models import Client
from tests.ui.typing import type_text
from ui.clients.dialog import ClientDialog
from ui.clients.screen import ClientsScreen


def _clients_named(desk, name: str) -> int:
    with desk.database.reader.begin() as s:
        return s.scalar(select(func.count(Client.id)).where(Client.name == name))


def test_a_phone_of_letters_is_refused_then_the_national_form_finds_the_saved_number(desk, qtbot):
    rita = desk.ops("rita")
    dialog = ClientDialog(rita)
    qtbot.addWidget(dialog)
    dialog.show()
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    type_text(dialog.name, "Павел Минский")
    type_text(dialog.phone, "call me")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.errors.text("phone") == "A phone number has digits, spaces, + - ( ) only, and at least 5 digits."
    assert dialog.saved_id is None and dialog.isVisible()
    assert _clients_named(desk, "Павел Минский") == 0
    dialog.phone.clear()
    type_text(dialog.phone, "+375 29 123 45 67")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None and _clients_named(desk, "Павел Минский") == 1

    screen = ClientsScreen(rita)
    qtbot.addWidget(screen)
    screen.show()
    type_text(screen.search, "8 029 123-45-67")
    qtbot.waitUntil(lambda: screen.model.total() == 1)
    assert screen.model.data(screen.model.index(0, 1)) == "Павел Минский"
