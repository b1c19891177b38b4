"""The desk fits a 1024 x 768 screen: no area or profile asks for more width (item 8 of the desk issue).

Qt makes a window at least as wide as its widest page needs, so one screen that cannot shrink
(a long row of buttons, a label that cannot wrap) pushes every screen past 1024 px: this walks
them all, as the owner (who sees every area) with a client's profile and cards open.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.services import clients, sales
from tests.sales_fixtures import plan
from ui.mainwindow import MainWindow

SCREEN_WIDTH = 1024


def test_every_area_and_a_profile_fit_1024_px(desk, qtbot):
    olga = desk.ops("olga")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, olga.actor, name="Gabrielle-Marie Lefèvre-Dubois de la Tour",
                                       phone="+375 29 648 46 83", email="gabrielle-marie.lefevre@example.org")
        sales.sell(s, olga.actor, client, plan(s, "Gold"))
    window = MainWindow(olga)
    qtbot.addWidget(window)
    window.resize(SCREEN_WIDTH, 768)
    window.show()
    for area in window.areas:
        window.show_area(area.key)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= SCREEN_WIDTH, area.key
    window.show_area("clients")
    window.screen("clients").open_client(client)
    QApplication.processEvents()
    tabs = window.screen("clients").profile.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= SCREEN_WIDTH, tabs.tabText(index)
    assert window.width() == SCREEN_WIDTH


def test_l2_a_profiles_phone_and_email_show_whole_in_russian(desk, qtbot, speak, styled):
    """Russian field names are long ("Законный представитель"): they wrap, and the client's phone and
    email keep one whole line beside them (the phone was cut in half at 340 px)."""
    assert speak("ru") is None
    olga = desk.ops("olga")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, olga.actor, name="Татьяна Шевченко", phone="+7 966 754 90 03",
                                       email="client44@example.org")
    window = MainWindow(olga)
    qtbot.addWidget(window)
    window.resize(SCREEN_WIDTH, 768)
    window.show()
    window.show_area("clients")
    window.screen("clients").open_client(client)
    QApplication.processEvents()
    fields = window.screen("clients").profile.fields
    for key in ("phone", "email"):
        label = fields[key]
        assert label.width() >= label.fontMetrics().horizontalAdvance(label.text()), key
    assert window.minimumSizeHint().width() <= SCREEN_WIDTH
