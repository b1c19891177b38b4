"""Membership cards on the profile (T1) with drag-and-drop of visit chips between them (T2).

A chip carries ``MIME`` data "visit id:pack id" (empty pack id: unpaid).
Dropping it on another card or on the unpaid area asks for confirmation,
moves it through ``cards.move_visit`` in one transaction, and puts the move
on the profile's undo stack (the undo is the reverse move).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.services import cards
from app.services.status import LABELS
from ui.money import STANDING_COLOURS, money_text
from ui.ops import FAILED, Ops

MIME = "application/x-membership-desk-visit"
CHIPS_PER_ROW = 8


def visit_mime(visit_id: int, from_id: int | None) -> QMimeData:
    data = QMimeData()
    data.setData(MIME, QByteArray(f"{visit_id}:{from_id or ''}".encode()))
    return data


def read_mime(data: QMimeData) -> tuple[int, int | None] | None:
    """(visit id, pack id or None) from a drop, or None for anything that is not a desk visit."""
    if not data.hasFormat(MIME):
        return None
    try:
        visit, _sep, source = bytes(data.data(MIME)).decode().partition(":")
        return int(visit), (int(source) if source else None)
    except ValueError:
        return None


class Chip(QLabel):
    """One visit: its date on the status colour; drag it to move the lesson."""

    def __init__(self, chip: dict, from_id: int | None, movable: bool, parent=None):
        super().__init__(chip["date"].strftime("%d.%m"), parent, objectName="visitChip")
        self.visit_id, self.from_id, self.movable = chip["id"], from_id, movable
        self.setToolTip(f"{chip['status']} · {chip['date']:%d.%m.%Y}")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(f"background: {chip['colour']}; color: white; border-radius: 8px; padding: 2px 6px;")
        self._pressed: QPoint | None = None
        if movable:
            self.setCursor(Qt.CursorShape.OpenHandCursor)

    def mime(self) -> QMimeData:
        return visit_mime(self.visit_id, self.from_id)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._pressed = event.position().toPoint() if self.movable else None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._pressed is None:
            return
        if (event.position().toPoint() - self._pressed).manhattanLength() < QApplication.startDragDistance():
            return
        self._pressed = None
        drag = QDrag(self)
        drag.setMimeData(self.mime())
        drag.setPixmap(self.grab())
        drag.exec(Qt.DropAction.MoveAction)


class DropArea(QFrame):
    """A card or the unpaid area: accepts desk visits, asks, then asks the panel to move."""

    dropped = Signal(int, object, object)  # visit id, from pack (or None), to pack (or None)

    def __init__(self, target_id: int | None, parent=None):
        super().__init__(parent, objectName="card")
        self.target_id = target_id
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if read_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        found = read_mime(event.mimeData())
        if found is None:
            QMessageBox.warning(self, self.tr("Not moved"), self.tr("Only a visit chip can be dropped here."))
            event.ignore()
            return
        visit_id, from_id = found
        if from_id == self.target_id:
            event.ignore()
            return
        event.acceptProposedAction()
        self.dropped.emit(visit_id, from_id, self.target_id)


class MoveCommand(QUndoCommand):
    def __init__(self, panel: CardsPanel, visit_id: int, from_id: int | None, to_id: int | None):
        super().__init__(panel.tr("move a lesson"))
        self.panel, self.visit_id, self.from_id, self.to_id = panel, visit_id, from_id, to_id

    def _move(self, source, target) -> None:
        result = self.panel.ops.run(cards.move_visit, self.visit_id, target, expected_from=source, parent=self.panel)
        if result is FAILED:
            self.setObsolete(True)

    def redo(self) -> None:
        self._move(self.from_id, self.to_id)

    def undo(self) -> None:
        self._move(self.to_id, self.from_id)


def _discard(widget: QWidget | None) -> None:
    """Take a widget off the screen now (its deletion follows): finding chips never meets old ones."""
    if widget is not None:
        widget.setParent(None)
        widget.deleteLater()


class CardsPanel(QWidget):
    """The client's cards (oldest first) and, beside them, the unpaid visits."""

    def __init__(self, ops: Ops, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.undo_stack = undo_stack
        self.client_id: int | None = None
        self.areas: dict[int | None, DropArea] = {}
        self.scroll = QScrollArea(widgetResizable=True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.holder = QWidget()
        self.column = QVBoxLayout(self.holder)
        self.scroll.setWidget(self.holder)
        self.unpaid = DropArea(None)
        self.unpaid.setFixedWidth(190)
        self.unpaid.dropped.connect(self.ask_and_move)
        self.unpaid_box = QVBoxLayout(self.unpaid)
        self.unpaid_content: QWidget | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.unpaid)

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        view = self.ops.read(cards.client_cards, client_id)
        while self.column.count():
            _discard(self.column.takeAt(0).widget())  # a stretch item has no widget
        _discard(self.unpaid_content)
        self.unpaid_content = QWidget()
        unpaid_box = QVBoxLayout(self.unpaid_content)
        unpaid_box.setContentsMargins(0, 0, 0, 0)
        self.unpaid_box.addWidget(self.unpaid_content)
        self.areas = {None: self.unpaid}
        for card in view["cards"]:
            self.column.addWidget(self._card(card))
        if not view["cards"]:
            self.column.addWidget(QLabel(self.tr("No sales yet."), objectName="emptyNote"))
        self.column.addStretch(1)
        unpaid_box.addWidget(QLabel(self.tr("Unpaid visits"), objectName="cardTitle"))
        grid = QGridLayout()
        for number, chip in enumerate(view["unpaid"]):
            grid.addWidget(Chip(chip, None, True), number // 3, number % 3)
        unpaid_box.addLayout(grid)
        if not view["unpaid"]:
            unpaid_box.addWidget(QLabel(self.tr("None."), objectName="emptyNote"))
        unpaid_box.addStretch(1)

    def _card(self, card: dict) -> DropArea:
        area = DropArea(card["id"] if card["kind"] == "lesson_pack" else None)
        area.setAcceptDrops(card["kind"] == "lesson_pack")
        area.dropped.connect(self.ask_and_move)
        self.areas[card["id"]] = area
        box = QVBoxLayout(area)
        title = card["program"] or card["package"]
        heading = QLabel(f"{title} · {card['package']}" if card["program"] else title, objectName="cardTitle")
        state = QLabel(self.tr(LABELS[card["status"]]))
        state.setStyleSheet(f"color: {STANDING_COLOURS[card['status']].name()}; font-weight: 600;")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(state)
        box.addLayout(top)
        facts = [f"{card['start']:%d.%m.%Y} – {card['end']:%d.%m.%Y}",
                 self.tr("added by {who} on {when}").format(who=card["added_by"], when=f"{card['added_at']:%d.%m.%Y}")]
        if card["invoice"]:
            facts.append(self.tr("invoice {number}, {state}").format(number=card["invoice"], state=self.tr(card["payment"])))
        money = self.tr("total {total}").format(total=money_text(card["price"]))
        if card["size"]:
            money = self.tr("{used}/{size} lessons · {each} a lesson · ").format(
                used=card["used"], size=card["size"], each=money_text(card["per_lesson"])) + money
        facts.append(money)
        details = QLabel("   ·   ".join(facts), objectName="cardFacts")
        details.setWordWrap(True)
        box.addWidget(details)
        grid = QGridLayout()
        grid.setHorizontalSpacing(4)
        for number, chip in enumerate(card["chips"]):
            grid.addWidget(Chip(chip, card["id"], chip["kind"] == "lesson"), number // CHIPS_PER_ROW,
                           number % CHIPS_PER_ROW)
        grid.setColumnStretch(CHIPS_PER_ROW, 1)
        box.addLayout(grid)
        return area

    def ask_and_move(self, visit_id: int, from_id: int | None, to_id: int | None) -> None:
        where = self.tr("the unpaid visits") if to_id is None else self.tr("this card")
        answer = QMessageBox.question(self, self.tr("Move the lesson"),
                                      self.tr("Move this visit to {where}?").format(where=where))
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.push(MoveCommand(self, visit_id, from_id, to_id))
