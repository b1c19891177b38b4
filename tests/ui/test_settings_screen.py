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
