"""Drop-down lists under the desk's style sheet: the current and the hovered item of every popup are readable.

The popup of each combo box of the main screens and dialogs is opened and grabbed; inside the item's
rectangle some pixels must stand out from the item's background (its text), where the broken style
painted an empty white box.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QStackedWidget, QWidget

from app.services import catalogue, clients, programs, sales
from ui.app import RESOURCES

TEXT_CONTRAST = 100  # grey levels between a text pixel and the item's background
TEXT_PIXELS = 8  # a dash ("—", no category) paints 12


@pytest.fixture
def styled(qapp):
    """The desk's own style sheet, as the program sets it; the next tests get the plain look back."""
    qapp.setStyleSheet((RESOURCES / "style.qss").read_text(encoding="utf-8"))
    yield
    qapp.setStyleSheet("")


def _grey(rgb: int) -> int:
    colour = QColor(rgb)
    return (299 * colour.red() + 587 * colour.green() + 114 * colour.blue()) // 1000


def text_pixels(image: QImage, rect) -> int:
    """Pixels of ``rect`` far from its most common grey (the item's background): the painted text."""
    greys = [_grey(image.pixel(x, y)) for x in range(rect.left() + 2, rect.right() - 1)
             for y in range(rect.top() + 2, rect.bottom() - 1)]
    background = max(set(greys), key=greys.count)
    return sum(1 for grey in greys if abs(grey - background) > TEXT_CONTRAST)


def reveal(combo: QComboBox) -> None:
    """Bring the page holding ``combo`` to the front of every stack above it."""
    child: QWidget = combo
    while child.parentWidget() is not None:
        parent = child.parentWidget()
        if isinstance(parent, QStackedWidget):
            parent.setCurrentWidget(child)
        child = parent


def assert_item_readable(qtbot, combo: QComboBox, index: QModelIndex) -> None:
    view = combo.view()
    qtbot.waitUntil(lambda: view.visualRect(index).isValid() and view.viewport().isVisible())
    rect = view.visualRect(index).intersected(view.viewport().rect())  # the part on screen
    shown = text_pixels(view.viewport().grab().toImage(), rect)
    assert shown >= TEXT_PIXELS, f"{combo.objectName()!r}: {index.data()!r} is drawn without text ({shown} px)"


def check_popups(qtbot, widget: QWidget) -> list[str]:
    """Open every visible combo box of ``widget``; the current item and the hovered one must be readable."""
    checked = []
    for combo in widget.findChildren(QComboBox):
        reveal(combo)
        if not combo.isVisibleTo(widget) or combo.count() == 0:
            continue
        combo.showPopup()
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        current = view.currentIndex()
        assert current.row() == combo.currentIndex()
        assert_item_readable(qtbot, combo, current)
        if combo.count() > 1:  # the mouse over another item: that one is painted as chosen, readable too
            other = view.model().index((current.row() + 1) % combo.count(), combo.modelColumn())
            QTest.mouseMove(view.viewport(), view.visualRect(other).center())
            qtbot.waitUntil(lambda other=other: view.currentIndex() == other)
            assert_item_readable(qtbot, combo, other)
        combo.hidePopup()
        qtbot.waitUntil(lambda: not view.isVisible())
        checked.append(combo.objectName() or combo.currentText())
    return checked


def open_widget(qtbot, widget: QWidget) -> QWidget:
    """Show ``widget`` as on a 1366 x 768 screen: a dialog at its full size, a screen filling the window."""
    qtbot.addWidget(widget)
    widget.resize(widget.sizeHint() if widget.inherits("QDialog") else QSize(1366 - 190, 700))
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def shop(desk):
    """The desk with a client, a lesson group and a sold Gold membership (its invoice is due)."""
    olga = desk.ops("olga")
    with desk.database.writer.begin() as s:
        anna = clients.create_client(s, olga.actor, name="Anna Hughes")
        swim = programs.create_program(s, olga.actor, name="Swimming", base_lesson_price="10")
        programs.create_group(s, olga.actor, program_id=swim, name="Juniors", slots=[(0, "16:00", "16:45")])
        gold = next(row["id"] for row in catalogue.list_packages(s, olga.actor) if row["name"] == "Gold")
        sale = sales.sell(s, olga.actor, anna, gold)
    desk.anna, desk.invoice_id = anna, sale.invoice_id
    return desk


def test_every_combo_popup_of_the_main_screens_paints_its_current_and_hovered_item(shop, qtbot, styled):
    from ui.clients.dialog import ClientDialog
    from ui.clients.screen import ClientsScreen
    from ui.journal.screen import JournalScreen
    from ui.memberships.screen import MembershipsScreen
    from ui.packages.dialog import PackageDialog
    from ui.selling.payment import PaymentDialog
    from ui.selling.sale import SaleDialog
    from ui.settings.screen import SettingsScreen

    olga = shop.ops("olga")
    package = PackageDialog(olga)
    package.kind.setCurrentIndex(package.kind.findText("Lesson pack"))  # the program's list shows
    widgets = {
        "sale": SaleDialog(olga, shop.anna),
        "payment": PaymentDialog(olga, shop.invoice_id),
        "clients": ClientsScreen(olga),
        "client": ClientDialog(olga, shop.anna),
        "package": package,
        "memberships": MembershipsScreen(olga),
        "journal": JournalScreen(olga),
        "settings": SettingsScreen(olga),
    }
    checked = {name: check_popups(qtbot, open_widget(qtbot, widget)) for name, widget in widgets.items()}
    assert checked["sale"] == ["salePackage"]
    assert {"paymentMethod", "paymentDrawer"} <= set(checked["payment"])
    assert {"categoryFilter", "standingFilter"} <= set(checked["clients"])
    assert {"kind", "billing_type", "term_unit", "program_id"} <= set(checked["package"])
    assert {"salesStatus", "salesPackage"} <= set(checked["memberships"])
    assert checked["journal"] == ["journalGroup"]
    assert checked["client"] == ["category"] and "checkin_policy" in checked["settings"]


def test_the_check_finds_the_empty_white_box_of_the_old_style(qtbot, qapp):
    """The measure itself: under the old rule (the box's white as the selection colour) it fails."""
    from PySide6.QtWidgets import QDialog, QVBoxLayout

    qapp.setStyleSheet("QComboBox { background: #ffffff; border: 1px solid #c5ccd4; padding: 5px 6px; }")
    try:
        dialog = QDialog()
        combo = QComboBox(objectName="plain")
        combo.addItems(["Cash", "Bank transfer", "Card"])
        QVBoxLayout(dialog).addWidget(combo)
        open_widget(qtbot, dialog)
        combo.showPopup()
        qtbot.waitUntil(combo.view().isVisible)
        with pytest.raises(AssertionError, match="drawn without text"):
            assert_item_readable(qtbot, combo, combo.view().currentIndex())
        combo.hidePopup()
    finally:
        qapp.setStyleSheet("")
