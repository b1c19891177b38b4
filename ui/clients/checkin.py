"""The check-in bar at reception (J6): scan or type a card code, see green, amber or red at once."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.errors import DomainError
from ui.ops import FAILED, Ops

COLOURS = {"green": "#1e7b3c", "amber": "#b7791f", "red": "#b03a2e"}


class CheckInBar(QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.last = None  # the last app.services.checkin.CheckIn
        self.code = QLineEdit(objectName="checkInCode", placeholderText=self.tr("scan or type a card code"))
        self.code.setMinimumWidth(220)
        self.code.setMaximumWidth(300)
        self.result = QLabel(objectName="checkInResult")
        self.result.setWordWrap(True)
        self.offer = QPushButton(objectName="checkInOffer")
        self.offer.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Check in:")))
        layout.addWidget(self.code)
        layout.addWidget(self.result, 1)
        layout.addWidget(self.offer)
        self.code.returnPressed.connect(self.check_in)
        self.offer.clicked.connect(self.act)

    def _show(self, colour: str, text: str) -> None:
        self.result.setText(text)
        self.result.setStyleSheet(f"color: white; background: {COLOURS[colour]}; border-radius: 4px; padding: 4px 10px;")

    def check_in(self) -> None:
        from app.services import checkin  # loaded with the first check-in, not at start

        self.offer.hide()
        result = self.ops.run(checkin.check_in, self.code.text(), parent=self, on_error=self._refused)
        self.code.clear()
        if result is FAILED:
            self.last = None
            return
        self.last = result
        self._show(result.colour, f"{result.client_name}: {self.tr(result.reason)}")
        if result.offer:
            self.offer.setText(self.tr("Renew…") if result.offer == "renew" else self.tr("Sell…"))
            self.offer.show()

    def _refused(self, err: DomainError) -> None:
        self._show("red", err.message)

    def act(self) -> None:
        from ui.selling.sale import (
            sell_and_pay,  # selling loads reportlab: only when used
        )

        if self.last is None:
            return
        renew = self.last.membership_id if self.last.offer == "renew" else None
        sell_and_pay(self.ops, self.last.client_id, renew_of=renew, parent=self)
