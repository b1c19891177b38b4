"""Membership cards on the profile (T1) with drag-and-drop of visit chips between them (T2)
and an edit mode (T3, see :mod:`ui.clients.card_edit`).

A chip carries ``MIME`` data "visit id:pack id" (empty pack id: unpaid).
Dropping it on another card or on the unpaid area asks for confirmation,
moves it through ``cards.move_visit`` in one transaction, and puts the move
on the profile's undo stack (the undo is the reverse move). In edit mode
chips do not drag: a click opens their menu (status, date), and the cards
get fields for their dates, price and description, all saved at once.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QMimeData,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.languages import date_text, day_month_text, number_text
from app.services import card_edits, cards, journal
from app.services.status import LABELS
from ui.clients.card_edit import CardFields, Edits, ask_date, visit_menu
from ui.i18n import term
from ui.money import STANDING_COLOURS, money_text
from ui.ops import FAILED, Ops
from ui.undo import call, service_command

MIME = "application/x-membership-desk-visit"
ALL_PROGRAMS = -1  # the program choice showing every card


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


class ChipStrip(QWidget):
    """A card's visits as painted chips (one widget for all of them: 2,000 chips stay fast).

    Each chip is its date on the status colour; press and move on a lesson
    chip to drag it; in edit mode a click says ``clicked`` instead. An
    edited chip has a dark outline. ``chip_rect(i)`` tells where chip ``i`` is drawn.
    """

    CHIP_W, CHIP_H, GAP = 50, 22, 4
    clicked = Signal(object, QPoint)  # the chip, where on the screen

    def __init__(self, chips: list[dict], from_id: int | None, editing: bool = False, parent=None):
        super().__init__(parent, objectName="chipStrip")
        self.chips, self.from_id, self.editing = chips, from_id, editing
        self._pressed: tuple[QPoint, dict] | None = None
        self.setMouseTracking(True)
        self.setMinimumWidth(self.CHIP_W + self.GAP)

    def _per_row(self) -> int:
        return max(1, (self.width() + self.GAP) // (self.CHIP_W + self.GAP))

    def chip_rect(self, number: int) -> QRect:
        """Where chip ``number`` is painted and clicked: rows from the reading's start (right in Arabic)."""
        row, column = divmod(number, self._per_row())
        rect = QRect(column * (self.CHIP_W + self.GAP), row * (self.CHIP_H + self.GAP), self.CHIP_W, self.CHIP_H)
        return QStyle.visualRect(self.layoutDirection(), self.rect(), rect)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        per_row = max(1, (width + self.GAP) // (self.CHIP_W + self.GAP))
        rows = -(-len(self.chips) // per_row)
        return rows * (self.CHIP_H + self.GAP)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(8 * (self.CHIP_W + self.GAP), self.heightForWidth(8 * (self.CHIP_W + self.GAP)))

    def resizeEvent(self, event) -> None:  # noqa: N802
        self.setMinimumHeight(self.heightForWidth(event.size().width()))
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        visible = event.rect()
        for number, chip in enumerate(self.chips):
            rect = self.chip_rect(number)
            if not rect.intersects(visible):
                continue
            painter.setPen(QPen(QColor("#1f2d3d"), 2) if chip.get("edited") else Qt.PenStyle.NoPen)
            painter.setBrush(QColor(chip["colour"]))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 8, 8)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, day_month_text(chip["date"]))

    def chip_at(self, point: QPoint) -> dict | None:
        for number, chip in enumerate(self.chips):
            if self.chip_rect(number).contains(point):
                return chip
        return None

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            chip = self.chip_at(event.pos())
            if chip is not None:
                QToolTip.showText(event.globalPos(), f"{chip['status']} · {date_text(chip['date'])}", self)
            return True
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        chip = self.chip_at(event.position().toPoint())
        movable = chip is not None and (self.editing or chip["kind"] == "lesson")
        self._pressed = (event.position().toPoint(), chip) if movable else None

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._pressed is None or self.editing:
            return
        start, chip = self._pressed
        if (event.position().toPoint() - start).manhattanLength() < QApplication.startDragDistance():
            return
        self._pressed = None
        drag = QDrag(self)
        drag.setMimeData(visit_mime(chip["id"], self.from_id))
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        pressed, self._pressed = self._pressed, None
        if pressed is not None and self.editing:
            self.clicked.emit(pressed[1], event.globalPosition().toPoint())


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


def _discard(widget: QWidget | None) -> None:
    """Take a widget off the screen now (its deletion follows): finding chips never meets old ones."""
    if widget is not None:
        widget.setParent(None)
        widget.deleteLater()


class CardsPanel(QWidget):
    """The client's cards (oldest first) and, beside them, the unpaid visits; normal or edit mode.

    A client with many sales gets the first cards at once and the rest right
    after the first paint, a batch at a time: a profile opens in well under
    0.1 s however long its history.
    """

    editing_changed = Signal(bool)
    FIRST_CARDS, BATCH = 6, 8

    def __init__(self, ops: Ops, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.undo_stack = undo_stack
        self.client_id: int | None = None
        self.view: dict = {"cards": [], "unpaid": []}
        self.editing = False
        self.edits = Edits()
        self.statuses: list[dict] = []
        self.menu: QMenu | None = None  # a visit's menu, while it is open
        self._later: list[dict] = []  # cards still to add below the first ones
        self._generation = 0  # which page the cards being added belong to
        self.areas: dict[int | None, DropArea] = {}
        self.fields: dict[int, CardFields] = {}
        self.strips: dict[int | None, tuple[ChipStrip, list[dict]]] = {}  # card id -> strip, chips as read
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
        self.program_bar: QWidget | None = None  # one button per program when the cards are of several
        self.program: int | None = ALL_PROGRAMS
        self.cards_column = QVBoxLayout()
        self.cards_column.setContentsMargins(0, 0, 0, 0)
        self.cards_column.addWidget(self.scroll, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.cards_column, 1)
        layout.addWidget(self.unpaid)

    def show_client(self, client_id: int, view: dict) -> None:
        """Show ``view`` (from cards.client_cards, read once by the profile for all its parts).
        Another client ends edit mode; the same client keeps the changes not yet saved."""
        same = client_id == self.client_id
        if same and view == self.view and not self.editing:
            return  # nothing new (another PC's change elsewhere): keep the cards as they are, scroll and all
        if not same and self.editing:
            self._set_editing(False)
        self.client_id, self.view = client_id, view
        self._program_choice(keep=same)
        self._render(keep_place=same)

    def _program_choice(self, keep: bool) -> None:
        """A button per program (and one for time memberships and credits) when the cards are of more
        than one: the vendor's "program selection area". Another client starts on All."""
        _discard(self.program_bar)
        self.program_bar = None
        names = {card["program_id"]: card["program"] or self.tr("Memberships and credits")
                 for card in self.view["cards"]}
        if not keep or self.program not in names:
            self.program = ALL_PROGRAMS
        if len(names) < 2:
            return
        self.program_bar = QWidget(objectName="programChoice")
        row = QHBoxLayout(self.program_bar)
        row.setContentsMargins(0, 0, 0, 4)
        buttons = QButtonGroup(self.program_bar)  # one checked at a time
        for key, name in [(ALL_PROGRAMS, self.tr("All")), *names.items()]:
            button = QPushButton(name, checkable=True, checked=key == self.program)
            button.clicked.connect(partial(self._show_program, key))
            buttons.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.cards_column.insertWidget(0, self.program_bar)

    def _show_program(self, program_id: int | None) -> None:
        self.program = program_id
        self._render(keep_place=False)

    def shown_cards(self) -> list[dict]:
        if self.program == ALL_PROGRAMS:
            return self.view["cards"]
        return [card for card in self.view["cards"] if card["program_id"] == self.program]

    def _render(self, keep_place: bool = True) -> None:
        place = self.scroll.verticalScrollBar().value() if keep_place else 0
        self.holder = QWidget()  # a new page of cards; the scroll area deletes the old one in one go
        self.column = QVBoxLayout(self.holder)
        _discard(self.unpaid_content)
        self.unpaid_content = QWidget()
        unpaid_box = QVBoxLayout(self.unpaid_content)
        unpaid_box.setContentsMargins(0, 0, 0, 0)
        self.unpaid_box.addWidget(self.unpaid_content)
        self.areas, self.fields, self.strips = {None: self.unpaid}, {}, {}
        self._generation += 1
        every = self.shown_cards()
        first = every if place else every[:self.FIRST_CARDS]
        for card in first:
            self.column.addWidget(self._card(card))
        self._later = every[len(first):]
        if self._later:
            QTimer.singleShot(0, partial(self._more_cards, self._generation))
        if not every:
            self.column.addWidget(QLabel(self.tr("No sales yet."), objectName="emptyNote"))
        self.column.addStretch(1)
        _discard(self.scroll.takeWidget())  # later, not now: a drop handler of the old page may be running
        self.scroll.setWidget(self.holder)
        if place:  # the same client again (after a move or a save): stay where the user was
            QTimer.singleShot(0, lambda: self.scroll.verticalScrollBar().setValue(place))
        unpaid_box.addWidget(QLabel(self.tr("Unpaid visits"), objectName="cardTitle"))
        unpaid_box.addWidget(self._strip(self.view["unpaid"], None))
        if not self.view["unpaid"]:
            unpaid_box.addWidget(QLabel(self.tr("None."), objectName="emptyNote"))
        unpaid_box.addStretch(1)

    def _more_cards(self, generation: int) -> None:
        """The next cards after the first paint, a batch per turn of the event loop (a new page stops it)."""
        if generation != self._generation or not self._later:
            return
        batch, self._later = self._later[:self.BATCH], self._later[self.BATCH:]
        for card in batch:
            self.column.insertWidget(self.column.count() - 1, self._card(card))  # before the closing stretch
        if self._later:
            QTimer.singleShot(0, partial(self._more_cards, generation))

    def building(self) -> bool:
        """Whether cards are still being added below the first ones."""
        return bool(self._later)

    def _strip(self, chips: list[dict], from_id: int | None) -> ChipStrip:
        if not self.editing:
            return ChipStrip(chips, from_id)
        strip = ChipStrip(self._edited(chips), from_id, editing=True)
        strip.clicked.connect(self._visit_menu)
        self.strips[from_id] = (strip, chips)
        return strip

    def _edited(self, chips: list[dict]) -> list[dict]:
        return self.edits.chips(chips, {s["id"]: s for s in self.statuses})

    def _card(self, card: dict) -> DropArea:
        area = DropArea(card["id"] if card["kind"] == "lesson_pack" else None)
        area.setAcceptDrops(card["kind"] == "lesson_pack" and not self.editing)
        area.dropped.connect(self.ask_and_move)
        self.areas[card["id"]] = area
        box = QVBoxLayout(area)
        program, package = card["program"], card["package"]
        title = package if not program or package.startswith(program) else f"{program} · {package}"
        heading = QLabel(title, objectName="cardTitle")
        heading.setTextFormat(Qt.TextFormat.PlainText)  # the package's name as typed (D8)
        heading.setWordWrap(True)  # a long program and package name wraps instead of widening the page
        colour = STANDING_COLOURS[card["status"]].name()  # rich text: a style sheet per card costs more
        state = QLabel(f"<b style='color:{colour}'>{term(LABELS[card['status']])}</b>")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(state)
        box.addLayout(top)
        facts = [f"{date_text(card['start'])} – {date_text(card['end'])}",
                 self.tr("added by {who} on {when}").format(who=card["added_by"], when=date_text(card['added_at']))]
        if card["invoice"]:
            facts.append(self.tr("invoice {number}, {state}").format(number=card["invoice"],
                                                                      state=term(card["payment"])))
        money = self.tr("total {total}").format(total=money_text(card["price"]))
        if card["size"]:
            money = self.tr("{used}/{size} lessons · {each} a lesson · ").format(
                used=number_text(card["used"]), size=number_text(card["size"]),
                each=money_text(card["per_lesson"])) + money
        facts.append(money)
        if card["description"] and not self.editing:
            facts.append(card["description"])
        details = QLabel("   ·   ".join(facts), objectName="cardFacts")
        details.setTextFormat(Qt.TextFormat.PlainText)  # a description and a user's name as typed (D8)
        details.setWordWrap(True)
        box.addWidget(details)
        if self.editing:
            self.fields[card["id"]] = CardFields(card, self.edits)
            box.addWidget(self.fields[card["id"]])
        box.addWidget(self._strip(card["chips"], card["id"]))
        return area

    def ask_and_move(self, visit_id: int, from_id: int | None, to_id: int | None) -> None:
        where = self.tr("the unpaid visits") if to_id is None else self.tr("this card")
        answer = QMessageBox.question(self, self.tr("Move the lesson"),
                                      self.tr("Move this visit to {where}?").format(where=where))
        if answer == QMessageBox.StandardButton.Yes:
            moved = self.tr("Lesson moved")
            self.undo_stack.push(service_command(
                self.ops, self.tr("move a lesson"),
                call(cards.move_visit, visit_id, to_id, expected_from=from_id, done=moved),
                call(cards.move_visit, visit_id, from_id, expected_from=to_id, done=moved), widget=self))

    # --- edit mode (T3) ---

    def _set_editing(self, on: bool) -> None:
        self.edits.clear()
        self.editing = on
        self.editing_changed.emit(on)

    def start_editing(self) -> None:
        if not self.statuses:
            self.statuses = self.ops.read(journal.statuses)
        self._set_editing(True)
        self._render()

    def cancel_editing(self) -> None:
        """Back to the cards as last saved."""
        self._set_editing(False)
        self._render()

    def save_edits(self) -> bool:
        """Every change in one transaction; on a refusal the changes stay on screen to be corrected."""
        if self.edits:
            result = self.ops.run(card_edits.save_edits, self.client_id, self.edits.sales, self.edits.visits,
                                  parent=self, done=self.tr("Cards saved"))
            if result is FAILED:
                return False
        self._set_editing(False)
        self._render()  # the profile reads the saved cards again as soon as the save is announced
        return True

    def _visit_menu(self, chip: dict, where: QPoint) -> None:
        strip, read = next((strip, read) for strip, read in self.strips.values() if chip in strip.chips)
        original = next(c for c in read if c["id"] == chip["id"])

        def change(key: str, value) -> None:
            self.edits.set_visit(original, key, value)
            strip.chips = self._edited(read)
            strip.update()

        def set_date() -> None:
            day = ask_date(self, self.tr("Date of the visit"), chip["date"])
            if day is not None:
                change("date", day)

        self.menu = visit_menu(self, chip, self.statuses, lambda status_id: change("status_id", status_id), set_date)
        self.menu.popup(where)
