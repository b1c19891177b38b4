"""The client profile: the family opens a member in one click; the receptionist enrols in a group."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton

from app.services import clients, families, programs
from tests.ui.jobs import finished
from ui.clients.profile import ClientProfile


def test_family_members_open_in_one_click_and_receptionist_enrols(desk, qtbot, monkeypatch):
    owner, rita = desk.ops("olga"), desk.ops("rita")
    with desk.database.writer.begin() as s:
        mother = clients.create_client(s, rita.actor, name="Maria Petrova")
        son = clients.create_client(s, rita.actor, name="Ivan Petrov")
        families.add_to_family(s, rita.actor, mother, son)
        swim = programs.create_program(s, owner.actor, name="Swimming", base_lesson_price="10")
        programs.create_group(s, owner.actor, program_id=swim, name="Tuesday juniors", capacity=1,
                              slots=[(1, "16:00", "16:45")])
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.show_client(mother)
    profile.show()
    links = [b for b in profile.family.findChildren(QPushButton, "memberLink") if b.isEnabled()]
    assert [b.text() for b in links] == ["Ivan Petrov"]
    links[0].click()
    assert profile.client_id == son and profile.title.text() == "Ivan Petrov"

    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Swimming · Tuesday juniors", True))
    profile.groups.enrol_button.click()
    assert [g["name"] for g in rita.read(programs.client_groups, son)] == ["Tuesday juniors"]
    assert "Swimming · Tuesday juniors" in [w.text() for w in profile.groups.findChildren(QLabel)]


def test_client_dialog_takes_an_optional_photo_and_the_profile_shows_it(desk, qtbot, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from ui.clients.dialog import ClientDialog

    picture = tmp_path / "face.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#e67e22"))
    image.save(str(picture))
    bad = tmp_path / "face.jpg"
    bad.write_bytes(b"not a picture")
    rita = desk.ops("rita")
    dialog = ClientDialog(rita)
    qtbot.addWidget(dialog)
    dialog.name.setText("Photo Person")
    dialog.photo_source = str(bad)
    dialog.save()
    assert dialog.errors.text("photo") == "This file is not a PNG or JPEG picture."
    assert dialog.saved_id is None  # nothing written, the client neither
    dialog.photo_source = str(picture)
    dialog.save()
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.show_client(dialog.saved_id)
    assert not profile.photo.pixmap().isNull()


def test_x3_profile_saves_the_member_card(desk, qtbot, tmp_path):
    rita = desk.ops("rita")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, rita.actor, name="Card Holder")
    profile = ClientProfile(rita)
    qtbot.addWidget(profile)
    profile.show_client(client)
    finished(qtbot, profile.save_card(str(tmp_path / "card.pdf")))
    assert (tmp_path / "card.pdf").read_bytes().startswith(b"%PDF")
