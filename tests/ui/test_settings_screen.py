"""The owner's settings pages: a change is saved in one action; a bad value is refused at its field."""

from app.services import settings
from tests.ui.typing import type_text
from ui.settings.screen import SettingsScreen


def test_change_policies_and_see_a_bad_value_refused_next_to_its_field(ops_for, qtbot, database):
    ops = ops_for("olga")
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    page = screen.pages[1]
    before = ops.read(settings.read_settings)
    try:
        page.widgets["tolerance_days"].setValue(3)
        page.widgets["reminder_offsets"].clear()
        type_text(page.widgets["reminder_offsets"], "7, soon")
        page.save()
        assert page.errors.text("reminder_offsets") == "An offset must be a whole number."
        assert ops.read(settings.read_settings)["tolerance_days"] == before["tolerance_days"]  # nothing written
        page.widgets["reminder_offsets"].clear()
        type_text(page.widgets["reminder_offsets"], "1; 7; -3")
        page.save()
        saved = ops.read(settings.read_settings)
        assert (saved["tolerance_days"], saved["reminder_offsets"]) == (3, [7, 1, -3])
        assert page.widgets["reminder_offsets"].text() == "7, 1, -3"  # reloaded as stored
    finally:
        with database.writer.begin() as s:
            settings.update_settings(s, ops.actor, {k: before[k] for k in ("tolerance_days", "reminder_offsets")})


def test_business_page_keeps_names_with_quotes_and_markup(ops_for, qtbot, database):
    ops = ops_for("olga")
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    page = screen.pages[0]
    before = ops.read(settings.read_settings)["business_name"]
    try:
        page.widgets["business_name"].clear()
        type_text(page.widgets["business_name"], "O'Neil & <Sons> Gym")
        page.save()
        assert ops.read(settings.read_settings)["business_name"] == "O'Neil & <Sons> Gym"
    finally:
        with database.writer.begin() as s:
            settings.update_settings(s, ops.actor, {"business_name": before})


def test_owner_adds_an_attendance_status_and_a_user_from_the_settings_lists(desk, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog, QDialog

    from app.services import lists, users
    from ui.settings.lists import ItemDialog, UserDialog

    ops = desk.ops("olga")
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    titles = screen.page_titles()
    assert titles[-6:] == ["Attendance statuses", "Client categories", "Cash drawers", "Credit types", "Users",
                           "Database server"]
    page = screen.lists["attendance_statuses"]
    seen = {}
    picks = iter([QColor(), QColor("#E67E22")])  # Cancel in the picker first, then orange
    monkeypatch.setattr(QColorDialog, "getColor", lambda initial, parent, title: next(picks))

    def fill(dialog):
        qtbot.addWidget(dialog)
        colour = dialog.widgets["colour"]
        type_text(dialog.widgets["name"], "Present")
        type_text(dialog.widgets["letter"], "L")
        qtbot.mouseClick(colour, Qt.MouseButton.LeftButton)
        seen["after cancel"] = colour.text()
        qtbot.mouseClick(colour, Qt.MouseButton.LeftButton)
        seen["picked"] = colour.text()
        dialog.save()  # a name that is taken: refused next to the name field
        seen["error"] = dialog.errors.text("name")
        dialog.widgets["name"].clear()
        type_text(dialog.widgets["name"], "Late")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", fill)
    page.add_button.click()
    assert seen == {"after cancel": "#4a90d9", "picked": "#e67e22",
                    "error": "There is already an attendance status called Present."}
    assert page.model.rows[-1]["name"] == "Late" and page.model.rows[-1]["colour"] == "#e67e22"
    assert ops.read(lists.list_items, "attendance_statuses")[-1]["charges"] is True

    def add_teacher(dialog):
        dialog.username.setText("nina")
        dialog.display_name.setText("Nina Teacher")
        dialog.role.setCurrentIndex(dialog.role.findData("teacher"))
        dialog.password.setText("long enough secret")
        dialog.save()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UserDialog, "exec", add_teacher)
    screen.users.add_button.click()
    assert [u["username"] for u in ops.read(users.list_users)].count("nina") == 1
    assert any(r["username"] == "nina" for r in screen.users.model.rows)


def test_the_owner_marks_the_default_drawer_and_deactivating_it_is_refused_with_a_message(desk, qtbot, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from app.services import lists

    ops = desk.ops("olga")
    cafe = ops.run(lists.save_item, "cash_drawers", None, {"name": "Cafe till"})
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    page = screen.lists["cash_drawers"]
    screen.open_page(page)
    screen.show()
    said = []
    ops.said.connect(said.append)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))

    def marks():
        return {row["name"]: page.model.index(i, 2).data() for i, row in enumerate(page.model.rows)}

    assert marks() == {"Cafe till": "", "Front desk": "default"}
    page.table.setCurrentIndex(page.model.index(1, 0))  # Front desk
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert warned == ["Front desk is the default cash drawer: make another drawer the default first."]
    assert [r["active"] for r in ops.read(lists.list_items, "cash_drawers")] == [True, True]  # nothing changed

    page.table.setCurrentIndex(page.model.index(0, 0))  # Cafe till
    qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)
    assert marks() == {"Cafe till": "default", "Front desk": ""}
    assert said[-1] == "Cafe till is now the default cash drawer"
    assert ops.read(settings.read_settings)["default_cash_drawer"] == cafe
    page.table.setCurrentIndex(page.model.index(1, 0))
    qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)  # the old default may go now
    assert page.model.rows[1]["active"] is False and said[-1] == "Front desk deactivated"
    qtbot.mouseClick(page.default_button, Qt.MouseButton.LeftButton)  # an inactive drawer cannot be the default
    assert warned[-1] == "The default cash drawer must be an active cash drawer."
    assert marks() == {"Cafe till": "default", "Front desk": ""}


def test_the_logo_is_browsed_for_copied_in_and_a_text_file_renamed_png_is_refused(desk, qtbot, monkeypatch,
                                                                                    tmp_path):
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QFileDialog

    ops = desk.ops("olga")
    notes = tmp_path / "logo.png"
    notes.write_text("not a picture at all", encoding="utf-8")
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(QColor("#2e9d4f"))
    real = tmp_path / "Sunny logo.png"
    assert picture.save(str(real))
    picked = iter([str(notes), str(real)])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (next(picked), "Pictures (*.png *.jpg *.jpeg)"))
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    screen.show()
    page = screen.pages[0]
    logo = page.widgets["business_logo"]
    assert page.errors.text("business_logo") == "" and logo.path.text() == ""

    qtbot.mouseClick(logo.browse_button, Qt.MouseButton.LeftButton)
    assert page.errors.text("business_logo") == "This file is not a PNG or JPEG picture."
    assert ops.read(settings.read_settings)["business_logo"] == "" and logo.path.text() == ""

    qtbot.mouseClick(logo.browse_button, Qt.MouseButton.LeftButton)
    stored = ops.read(settings.read_settings)["business_logo"]
    assert logo.path.text() == stored and Path(stored).read_bytes() == real.read_bytes()
    assert Path(stored).parent == settings.logos_dir() and page.errors.text("business_logo") == ""

    page.widgets["business_name"].setText("Sunny Kids")  # saving the page keeps the logo
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert ops.read(settings.read_settings)["business_logo"] == stored

    Path(stored).unlink()  # the file went missing (another PC, a cleaned folder): said where the logo is set
    again = SettingsScreen(ops)
    qtbot.addWidget(again)
    assert again.pages[0].errors.text("business_logo") == (
        f"The logo file {stored} is missing; choose it again with Browse…")


def test_d6_the_owner_changes_a_role_and_resets_a_password_in_settings_users(desk, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from app.services import users
    from ui.settings.users import UserEditDialog
    from ui.start.password import PasswordDialog

    ops = desk.ops("olga")
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    page = screen.users
    names = [r["username"] for r in page.model.rows]
    seen = {}

    def make_rita_owner(dialog):
        qtbot.addWidget(dialog)
        dialog.role.setCurrentIndex(dialog.role.findData("owner"))
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(UserEditDialog, "exec", make_rita_owner)
    page.table.setCurrentIndex(page.model.index(names.index("rita"), 0))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.model.rows[names.index("rita")]["role"].value == "owner"
    assert page.model.index(names.index("rita"), 2).data() == "Owner"

    def demote_myself(dialog):
        qtbot.addWidget(dialog)
        dialog.role.setCurrentIndex(dialog.role.findData("teacher"))
        dialog.save()
        seen["own role"] = dialog.errors.text("role")
        return dialog.result()

    monkeypatch.setattr(UserEditDialog, "exec", demote_myself)
    page.table.setCurrentIndex(page.model.index(names.index("olga"), 0))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert seen["own role"] == "You cannot change your own role; ask another owner."

    def reset(dialog):
        qtbot.addWidget(dialog)
        type_text(dialog.new, "tom's new secret")
        type_text(dialog.repeat, "tom's new secrt")
        dialog.save()
        seen["mismatch"] = dialog.errors.text("repeat")
        type_text(dialog.new, "tom's new secret")
        type_text(dialog.repeat, "tom's new secret")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(PasswordDialog, "exec", reset)
    page.table.setCurrentIndex(page.model.index(names.index("tom"), 0))
    qtbot.mouseClick(page.password_button, Qt.MouseButton.LeftButton)
    assert seen["mismatch"] == "The two passwords differ."
    with desk.database.writer.begin() as s:
        assert users.sign_in(s, "tom", "tom's new secret").username == "tom"
