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
    from PySide6.QtWidgets import QDialog

    from app.services import lists, users
    from ui.settings.lists import ItemDialog, UserDialog

    ops = desk.ops("olga")
    screen = SettingsScreen(ops)
    qtbot.addWidget(screen)
    titles = screen.page_titles()
    assert titles[-5:] == ["Attendance statuses", "Client categories", "Cash drawers", "Credit types", "Users"]
    page = screen.lists["attendance_statuses"]
    seen = {}

    def fill(dialog):
        dialog.widgets["name"].setText("Late")
        dialog.widgets["letter"].setText("L")
        dialog.widgets["colour"].setText("orange")
        dialog.save()  # refused next to the colour field
        seen["error"] = dialog.errors.text("colour")
        dialog.widgets["colour"].setText("#e67e22")
        dialog.save()
        return dialog.result()

    monkeypatch.setattr(ItemDialog, "exec", fill)
    page.add_button.click()
    assert seen["error"] == "Colour must be a colour like #33aa55."
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
