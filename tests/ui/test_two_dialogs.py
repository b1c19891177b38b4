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


def test_d7_a_settings_page_saved_after_another_pcs_save_is_refused_then_shows_it(desk, qtbot):
    from PySide6.QtWidgets import QPushButton

    from app.services import settings
    from tests.ui.typing import type_text
    from ui.settings.screen import SettingsScreen

    olga = desk.ops("olga")
    screen = SettingsScreen(olga)
    qtbot.addWidget(screen)
    screen.show()
    page = screen.pages[0]
    save = next(b for b in page.findChildren(QPushButton) if b.text() == "Save")
    page.widgets["business_name"].clear()
    type_text(page.widgets["business_name"], "Sunny Kids")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert olga.read(settings.read_settings)["business_name"] == "Sunny Kids"  # own saves build on each other
    page.widgets["business_name"].clear()
    type_text(page.widgets["business_name"], "Sunny Kids Centre")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert olga.read(settings.read_settings)["business_name"] == "Sunny Kids Centre"

    shown_versions = page.versions
    with desk.database.writer.begin() as s:  # the other PC, signed in as the owner too
        settings.update_settings(s, olga.actor, {"business_name": "Rainy Kids"}, settings.setting_versions(s))
    page.versions = shown_versions  # this page has not heard of it yet
    page.widgets["business_name"].clear()
    type_text(page.widgets["business_name"], "Cloudy Kids")
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert page.errors.general.text().startswith("A setting on this page was changed by Olga Owner at ")
    assert page.widgets["business_name"].text() == "Rainy Kids"
    assert olga.read(settings.read_settings)["business_name"] == "Rainy Kids"
