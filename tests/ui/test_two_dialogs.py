"""D7 on screen: two PCs edit one client. The later save is refused with who changed it and when,
nothing of it is written, and its dialog then shows the saved values to make the change again."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.models import Client
from app.services import clients
from app.services.access import SYSTEM
from tests.ui.typing import type_text
from ui.clients.dialog import ClientDialog


def _open(desk, qtbot, username: str, client_id: int) -> ClientDialog:
    dialog = ClientDialog(desk.ops(username), client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _save(qtbot, dialog: ClientDialog) -> None:
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)


def _stored(desk, client_id: int) -> tuple[str, str]:
    with desk.database.reader.begin() as s:
        client = s.get(Client, client_id)
        return client.name, client.phone


def test_d7_two_dialogs_on_one_client_the_later_save_is_refused_and_shows_the_saved_values(desk, qtbot):
    with desk.database.writer.begin() as s:
        anna = clients.create_client(s, SYSTEM, name="Anna Smith", phone="+44 7700 900001")
    olgas, ritas = _open(desk, qtbot, "olga", anna), _open(desk, qtbot, "rita", anna)
    ritas.phone.clear()
    type_text(ritas.phone, "+44 7700 900123")
    _save(qtbot, ritas)
    assert ritas.saved_id == anna and _stored(desk, anna) == ("Anna Smith", "+44 7700 900123")

    olgas.name.clear()
    type_text(olgas.name, "Anna Smith-Jones")
    _save(qtbot, olgas)
    message = olgas.errors.general.text()
    assert message.startswith("This client was changed by Rita Reception at ")
    assert message.endswith(" meanwhile, so your change was not saved. The form now shows the saved values: "
                            "make your change again if it is still needed.")
    assert olgas.isVisible() and olgas.saved_id is None and olgas.errors.general.isVisible()
    assert (olgas.name.text(), olgas.phone.text()) == ("Anna Smith", "+44 7700 900123")
    assert _stored(desk, anna) == ("Anna Smith", "+44 7700 900123")

    olgas.name.clear()
    type_text(olgas.name, "Anna Smith-Jones")
    _save(qtbot, olgas)
    qtbot.waitUntil(lambda: not olgas.isVisible())
    assert olgas.saved_id == anna and _stored(desk, anna) == ("Anna Smith-Jones", "+44 7700 900123")
