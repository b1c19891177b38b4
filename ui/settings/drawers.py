"""The Cash drawers page: the list, plus the default drawer the payment step offers (issue 10, item 4)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from app.services import settings
from ui.ops import Ops
from ui.settings.lists import ListPage


class CashDrawersPage(ListPage):
    """Make default marks the drawer every PC's payment step offers until that PC uses another one.
    Deactivating the default drawer is refused by the service, with its message."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, "cash_drawers", parent)
        self.default_button = QPushButton(self.tr("Make default"), objectName="makeDefaultDrawer")
        self.buttons.insertWidget(self.buttons.count() - 1, self.default_button)
        self.default_button.clicked.connect(self.make_default)

    def extra_columns(self) -> list[tuple]:
        return [("default", "Default", lambda r: self.tr("default") if r["id"] == self.default_id else "")]

    def reload(self) -> None:
        self.default_id = self.ops.read(settings.read_settings)["default_cash_drawer"]
        super().reload()

    def make_default(self) -> None:
        drawer = self._current()
        if drawer is None:
            return
        self.ops.run(settings.update_settings, {"default_cash_drawer": drawer["id"]}, parent=self,
                     done=self.tr("{name} is now the default cash drawer").format(name=drawer["name"]))
        self.reload()
