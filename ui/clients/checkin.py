"""The check-in bar at reception (J6): scan or type a card code, see green, amber or red at once.

The result banner has a fixed place two lines high (the client's name, then the
verdict) so the filter row never moves, and it hides itself after a while. A
typed name is no code: the bar hands it to the clients list's search.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsOpacityEffect,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.reports.wording import Text
from app.text import isolated
from ui.i18n import message, term
from ui.ops import FAILED, Ops
from ui.reports.voice import WINDOW

COLOURS = {"green": "#1e7b3c", "amber": "#b7791f", "red": "#b03a2e", "info": "#4a5568"}
SHOWN_MS = 8_000  # a verdict stays this long over the list; one with Renew…/Sell… longer
OFFER_SHOWN_MS = 20_000
FADE_MS = 400


class CheckInAgainDialog(QMessageBox):
    """Asks before a second visit within minutes of the last one (J6); No is the default."""

    def __init__(self, name: str, minutes: int, parent=None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Checked in already"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("{name} was checked in {minutes} min ago. Record another visit?")
                     .format(name=isolated(name), minutes=minutes))
        self.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        self.setDefaultButton(QMessageBox.StandardButton.No)

    @classmethod
    def ask(cls, name: str, minutes: int, parent=None) -> bool:
        return cls(name, minutes, parent).exec() == QMessageBox.StandardButton.Yes


class CheckInBanner(QFrame):
    """The verdict, floating just under the check-in field over the list's top: the name on the
    first line, the reason on the second, each cut with "…" to the width (the whole text in the
    tooltip), and Renew…/Sell… at its side. Being on top of the list, it moves nothing; after a
    while it fades out."""

    def __init__(self, parent=None):
        super().__init__(parent, objectName="checkInResult")
        self.name = QLabel(objectName="checkInName")
        self.reason = QLabel(objectName="checkInReason")
        self.offer = QPushButton(objectName="checkInOffer")
        self._texts = ("", "")
        lines = QVBoxLayout()
        lines.setSpacing(0)
        for label in (self.name, self.reason):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            lines.addWidget(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 6, 3)
        layout.addLayout(lines, 1)
        layout.addWidget(self.offer)
        self.name.setStyleSheet("font-weight: 600;")
        self.setFixedHeight(max(2 * self.fontMetrics().lineSpacing(), self.offer.sizeHint().height()) + 8)
        self.opacity = QGraphicsOpacityEffect(self, opacity=1.0)
        self.setGraphicsEffect(self.opacity)
        self.fade = QPropertyAnimation(self.opacity, b"opacity", self, duration=FADE_MS, startValue=1.0,
                                       endValue=0.0)
        self.fade.finished.connect(self.hide)
        self.timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self.timer.timeout.connect(self.fade.start)
        self.hide()

    def show_result(self, colour: str, name: str, reason: str, shown_ms: int | None = None) -> None:
        self._texts = (name, reason)
        self.name.setVisible(bool(name))
        self.setToolTip("\n".join(filter(None, self._texts)))
        self.setStyleSheet(f"#checkInResult {{ background: {COLOURS[colour]}; border-radius: 4px; }} "
                           f"QLabel {{ color: white; background: transparent; }}")
        self.fade.stop()
        self.opacity.setOpacity(1.0)
        self.show()
        self.raise_()
        self.layout().activate()
        self._elide()
        self.timer.start(SHOWN_MS if shown_ms is None else shown_ms)

    def text(self) -> str:
        """What the banner says, on one line."""
        return ": ".join(filter(None, self._texts))

    def _elide(self) -> None:
        width = max(20, self.name.width())
        name, reason = self._texts
        self.name.setText(isolated(self.name.fontMetrics().elidedText(name, Qt.TextElideMode.ElideRight, width)))
        self.reason.setText(self.reason.fontMetrics().elidedText(reason, Qt.TextElideMode.ElideRight, width))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A click puts it away at once (it covers the list's top)."""
        self.timer.stop()
        self.fade.stop()
        self.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.layout().activate()  # the labels' width first, then cut the texts to it
        self._elide()


class CheckInBar(QWidget):
    search_requested = Signal(str)  # a name typed instead of a code: the list searches it

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.last = None  # the last app.services.checkin.CheckIn
        self.code = QLineEdit(objectName="checkInCode", placeholderText=self.tr("scan or type a card code"))
        self.code.setMinimumWidth(200)
        self.label = QLabel(self.tr("Check in:"))
        self.result = CheckInBanner(self)
        self.offer = self.result.offer
        self.offer.hide()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.code, 1)
        self.code.returnPressed.connect(self.check_in)
        self.code.setToolTip(self.tr("Enter checks the card in; Ctrl+U records credit use (then the type's number)."))
        self.code.installEventFilter(self)  # Ctrl+U: the line edit would take it (delete to the start)
        self.offer.clicked.connect(self.act)

    def _place_result(self) -> None:
        """The banner goes on the window, under the field, as wide as the field and its label."""
        window = self.window()
        if self.result.parent() is not window:
            self.result.setParent(window)
        top_left = self.mapTo(window, QPoint(0, self.height() + 4))
        width = max(self.width(), 320)
        x = top_left.x() if self.isLeftToRight() else top_left.x() + self.width() - width  # under the field's end
        self.result.setGeometry(x, top_left.y(), width, self.result.height())

    def _show_result(self, colour: str, name: str, reason: str, shown_ms: int | None = None) -> None:
        self._place_result()
        self.result.show_result(colour, name, reason, shown_ms)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self.result.isVisible():
            self._place_result()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self.result.hide()  # it lives on the window: another screen must not show it

    def check_in(self, confirmed: bool = False, typed: str | None = None) -> None:
        from app.services import checkin  # loaded with the first check-in, not at start

        self.offer.hide()
        typed = self.code.text() if typed is None else typed
        result = self.ops.run(checkin.check_in, typed, confirmed=confirmed, parent=self,
                              on_error=lambda err: self._refused(err, typed),
                              done=lambda r: self.tr("{name} checked in").format(name=isolated(r.client_name))
                              if r.visit_id else self.tr("{name} not checked in").format(name=isolated(r.client_name)))
        self.code.clear()
        if result is FAILED:
            return
        self.last = result
        if result.offer:
            self.offer.setText(self.tr("Renew…") if result.offer == "renew" else self.tr("Sell…"))
        self.offer.setVisible(bool(result.offer))
        reason = " ".join(WINDOW.text(said) if isinstance(said, Text) else term(said)  # a verdict's word
                          for said in (result.reason, *result.reminders))  # K6 units left, K7 low or expiring
        self._show_result(result.colour, result.client_name, reason,
                          OFFER_SHOWN_MS if result.offer else SHOWN_MS)

    def _refused(self, err: DomainError, typed: str) -> None:
        from app.services import checkin

        self.last = None
        if isinstance(err, checkin.AlreadyCheckedIn):
            if CheckInAgainDialog.ask(err.client_name, err.minutes, self):
                self.check_in(confirmed=True, typed=typed)  # this refusal's transaction is over
            else:
                self._show_result("info", err.client_name, self.tr("Not checked in again."))
        elif isinstance(err, checkin.NoSuchCode) and err.name_like:
            self.result.hide()  # the list shows what it finds; a banner would cover its first row
            self.search_requested.emit(err.text)
        else:
            self._show_result("red", "", message(err))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if (watched is self.code and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_U
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier):
            self.use_credits()
            return True
        return super().eventFilter(watched, event)

    def use_credits(self):
        """K2 from the check-in field: the typed code's Use dialog, the types in front (a number records one)."""
        from app.services.clients import find_by_code
        from ui.credits.use import UseDialog

        typed = self.code.text()
        client_id = self.ops.read(find_by_code, typed) if typed.strip() else None
        if client_id is None:
            self._show_result("red", "", self.tr("Type or scan a client's card code first, then Ctrl+U."))
            return None
        self.code.clear()
        return UseDialog.ask(self.ops, client_id, parent=self)

    def clear_result(self) -> None:
        """The verdict is dealt with (renewed, sold): the banner and its offer go."""
        self.last = None
        self.result.timer.stop()
        self.result.fade.stop()
        self.result.hide()
        self.offer.hide()

    def act(self) -> None:
        from ui.selling.sale import (
            sell_and_pay,  # selling loads reportlab: only when used
        )

        if self.last is None:
            return
        renew = self.last.membership_id if self.last.offer == "renew" else None
        if sell_and_pay(self.ops, self.last.client_id, renew_of=renew, parent=self) is not None:
            self.clear_result()
