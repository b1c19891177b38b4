"""The Journal area: a group's month, one row per client, one column per lesson date.

Click a cell for the list of statuses (a status's letter picks it there too), or
type a status's letter (Space: the first status, Delete: clear) and move with the
arrow keys; a column header's click marks everyone not yet marked present (a date
still to come asks first). Ctrl+Z undoes.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QRect,
    Qt,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPolygon,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from app.languages import date_text, day_month_text, month_text, number_text, weekday_text
from app.services import journal, programs
from ui.ops import FAILED, Ops
from ui.page import area_page
from ui.refresh import RefreshOnChange
from ui.undo import ServiceCommand, Step, call

UNPAID_ROLE = Qt.ItemDataRole.UserRole + 1
CELL_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole, UNPAID_ROLE})
CENTRE = int(Qt.AlignmentFlag.AlignCenter)


WHITE = QBrush(QColor("#ffffff"))


class JournalModel(QAbstractTableModel):
    """Rows: clients; columns: lesson dates; a cell: the mark's letter on its status colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.view: dict = {"days": [], "clients": [], "marks": {}}
        self.statuses: dict[int, dict] = {}
        self.cells: dict[tuple[int, int], tuple[dict, bool]] = {}
        self.brushes: dict[int, QBrush] = {}

    def load(self, view: dict, statuses: list[dict]) -> None:
        same_grid = (view["days"] == self.view["days"] and view["clients"] == self.view["clients"]
                     and self.rowCount() and self.columnCount())
        if not same_grid:
            self.beginResetModel()
        self.view = view
        self.statuses = {s["id"]: s for s in statuses}
        self.brushes = {s["id"]: QBrush(QColor(s["colour"])) for s in statuses}  # made once, painted often
        rows = {c["id"]: r for r, c in enumerate(view["clients"])}
        columns = {d: c for c, d in enumerate(view["days"])}
        self.cells = {}  # (row, column) -> (status, unpaid): what painting asks for, found in one lookup
        for (client_id, day), (status_id, membership_id) in view["marks"].items():
            status = self.statuses.get(status_id)
            if status is not None and client_id in rows and day in columns:
                self.cells[rows[client_id], columns[day]] = (status, status["charges"] and membership_id is None)
        if same_grid:  # only marks changed: repaint the cells, keep headers, sizes and the cursor
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
        else:
            self.endResetModel()

    def client(self, row: int) -> dict:
        return self.view["clients"][row]

    def day(self, column: int) -> dt.date:
        return self.view["days"][column]

    def mark_at(self, index: QModelIndex) -> tuple[int | None, int | None]:
        return self.view["marks"].get((self.client(index.row())["id"], self.day(index.column())), (None, None))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.view["clients"])

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.view["days"])

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role not in CELL_ROLES:
            return None
        cell = self.cells.get((index.row(), index.column()))
        if cell is None:
            return None
        status, unpaid = cell
        if role == Qt.ItemDataRole.DisplayRole:
            return status["letter"]
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.brushes[status["id"]]
        if role == Qt.ItemDataRole.ForegroundRole:
            return WHITE
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTRE
        if role == Qt.ItemDataRole.ToolTipRole:
            return status["name"] + (self.tr(" · unpaid: no lesson pack with a free lesson") if unpaid else "")
        return unpaid  # UNPAID_ROLE

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            day = self.day(section)
            return f"{weekday_text(day)}\n{number_text(day.day)}"
        client = self.client(section)
        return client["name"] + ("  (makeup)" if client.get("visitor") else "")


def unpaid_corner(rect: QRect, direction: Qt.LayoutDirection) -> QPolygon:
    """The red corner at the cell's top end: top right, top left when the window reads right to left."""
    if direction == Qt.LayoutDirection.RightToLeft:
        return QPolygon([rect.topLeft() + QPoint(10, 0), rect.topLeft(), rect.topLeft() + QPoint(0, 10)])
    return QPolygon([rect.topRight() - QPoint(10, 0), rect.topRight(), rect.topRight() + QPoint(0, 10)])


class UnpaidCorner(QStyledItemDelegate):
    """Paints a red corner on a cell whose visit is unpaid."""

    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        if index.data(UNPAID_ROLE):
            rect: QRect = option.rect
            painter.save()
            painter.setBrush(QColor("#c0392b"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawPolygon(unpaid_corner(rect, option.direction))
            painter.restore()


class StatusMenu(QMenu):
    """A cell's statuses; typing a status's letter picks it, as in the table (Delete: Clear).

    The letters are the owner's (Settings), any script: matched here rather than as mnemonics,
    which some platforms switch off."""

    def __init__(self, statuses: list[dict], parent=None):
        super().__init__(parent)
        self.keys: dict[str, QAction] = {}
        for status in statuses:
            action = self.addAction(f"{status['letter']}  {status['name']}")
            action.setData(status["id"])
            self.keys.setdefault(status["letter"].upper(), action)
        self.addSeparator()
        self.clear_action = self.addAction(self.tr("Clear"))
        self.clear_action.setData(None)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            action = self.clear_action
        else:
            action = self.keys.get(event.text().upper()) if event.text().strip() else None
        if action is None:
            super().keyPressEvent(event)
            return
        self.setActiveAction(action)  # then Enter on it: the menu closes and exec() returns it
        super().keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))


class JournalScreen(RefreshOnChange, QWidget):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        today = dt.date.today()
        self.year, self.month = today.year, today.month
        self.undo_stack = QUndoStack(self)
        layout, top = area_page(self, self.tr("Journal"))
        self.group = QComboBox(objectName="journalGroup")
        # as wide as about 16 letters, not the longest group: the row must fit 1024 px (the popup shows all)
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group.setMinimumContentsLength(16)
        back, forth = ("◀", "▶") if self.isLeftToRight() else ("▶", "◀")  # earlier is on the reading's start
        self.previous = QPushButton(back)
        self.month_label = QLabel(objectName="cardTitle")
        self.next = QPushButton(forth)
        self.extra = QPushButton(self.tr("Add a date…"))
        self.makeups_button = QPushButton(self.tr("Makeups"))
        makeups = QMenu(self.makeups_button)
        makeups.addAction(self.tr("A visitor from another group…")).triggered.connect(lambda: self.add_visitor())
        makeups.addAction(self.tr("Open and expired makeups…")).triggered.connect(lambda: self.show_makeups())
        self.makeups_button.setMenu(makeups)
        for widget in (self.group, self.previous, self.month_label, self.next, self.extra):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.makeups_button)
        self.model = JournalModel(self)
        self.table = QTableView(objectName="journalTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(UnpaidCorner(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(46)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.horizontalHeader().setToolTip(self.tr("Click a date to mark everyone not yet marked present"))
        self.table.installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.legend = QLabel(objectName="journalLegend")
        self.legend.setWordWrap(True)
        layout.addWidget(self.legend)
        undo = QAction(self.tr("Undo"), self, shortcut=QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self.undo_stack.undo)
        self.addAction(undo)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.extra.clicked.connect(self.add_date)
        self.group.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.clicked.connect(self.choose_status)
        self.table.horizontalHeader().sectionClicked.connect(self.everyone_present)
        self.watch(ops)
        self.read_lists()
        self.refresh()

    TABLES = ("visits", "makeups", "enrolments", "clients", "memberships", "groups", "group_slots",
              "group_extra_dates", "programs", "attendance_statuses", "users")
    LISTS = ("groups", "programs", "attendance_statuses", "users")  # the group box and the statuses

    def follow(self, changes) -> None:
        """A change (also another PC's): the month is read again; the groups and statuses too when
        they changed. The open cell and the chosen group stay."""
        if changes.touches(*self.LISTS):
            self.read_lists()
        self.refresh()

    def read_lists(self) -> None:
        """The groups this user may mark (the chosen one stays chosen) and the statuses with their legend."""
        chosen = self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for row in self.ops.read(programs.list_groups):
            self.group.addItem(f"{row['program']} · {row['name']}", row["id"])
        self.group.setCurrentIndex(max(0, self.group.findData(chosen)))
        self.group.blockSignals(False)
        self.statuses = self.ops.read(journal.statuses)
        self.legend.setText("   ".join(f"<span style='background:{s['colour']}; color:white'>&nbsp;"
                                       f"{escape(s['letter'])}&nbsp;</span> {escape(s['name'])}"
                                       for s in self.statuses)
                            + self.tr("   ·   red corner: unpaid"))

    def show_makeups(self) -> QDialog:
        from ui.journal.makeups import MakeupsDialog

        dialog = MakeupsDialog(self.ops, self)
        dialog.open()
        return dialog

    # the month ------------------------------------------------------------------------------------
    def step(self, months: int) -> None:
        index = self.year * 12 + self.month - 1 + months
        self.year, self.month = divmod(index, 12)
        self.month += 1
        self.refresh()

    def refresh(self) -> None:
        self.month_label.setText(month_text(self.month, self.year))
        group_id = self.group.currentData()
        if group_id is None:
            self.model.load({"days": [], "clients": [], "marks": {}}, self.statuses)
            return
        current = self.table.currentIndex()
        self.model.load(self.ops.read(journal.month, group_id, self.year, self.month), self.statuses)
        if current.isValid():
            self.table.setCurrentIndex(self.model.index(current.row(), current.column()))

    # marking ---------------------------------------------------------------------------------------
    def set_status(self, index: QModelIndex, status_id: int | None) -> None:
        if not index.isValid():
            return
        before = self.model.mark_at(index)[0]
        if before == status_id:
            return
        client = self.model.client(index.row())
        day = self.model.day(index.column())
        name = next((s["name"] for s in self.statuses if s["id"] == status_id), self.tr("cleared"))
        self.undo_stack.push(self._mark(client["id"], day, before, status_id,
                                        f"{client['name']} {day_month_text(day)}: {name}"))

    def _step(self, client_id: int, day: dt.date, before: int | None, after: int | None) -> Step:
        """One cell set to ``after``; its undo puts back ``before``."""
        group_id = self.group.currentData()
        return Step(self.ops, call(journal.mark_cells, group_id, [(client_id, day, after)]),
                    call(journal.mark_cells, group_id, [(client_id, day, before)]), self)

    def _mark(self, client_id: int, day: dt.date, before: int | None, after: int | None, text: str) -> ServiceCommand:
        return ServiceCommand(text, [self._step(client_id, day, before, after)])

    def choose_status(self, index: QModelIndex) -> None:
        menu = StatusMenu(self.statuses, self)
        chosen = menu.exec(self.table.viewport().mapToGlobal(self.table.visualRect(index).bottomLeft()))
        if chosen is not None:
            self.set_status(index, chosen.data())

    def everyone_present(self, column: int) -> None:
        day = self.model.day(column)
        default = self.statuses[0]
        if day > dt.date.today() and QMessageBox.question(
                self, self.tr("A date still to come"),
                self.tr("{day} has not come yet. Mark everyone not yet marked {status} on it?").format(
                    day=date_text(day), status=default["name"]),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        marked = self.ops.run(journal.mark_everyone, self.group.currentData(), day, default["id"], parent=self,
                              done=lambda marked: self.tr("{n} marked {status} on {day}").format(
                                  n=len(marked), status=default["name"], day=day_month_text(day)))
        if marked is not FAILED and marked:  # one step of the undo stack: a cell per client, all undone at once
            self.undo_stack.push(ServiceCommand(
                self.tr("everyone {status} on {day}").format(status=default["name"], day=day_month_text(day)),
                [self._step(client_id, day, None, default["id"]) for client_id in marked], done=True))

    def add_visitor(self) -> QDialog | None:
        """J7: someone from another group of the program comes to a makeup lesson (date and visitor asked)."""
        from ui.journal.makeups import MakeupVisitorDialog

        days = self.model.view["days"]
        if not days:
            QMessageBox.information(self, self.tr("Makeup visitor"), self.tr("This month has no lesson dates."))
            return None
        column = self.table.currentIndex().column()
        today = dt.date.today()
        default = days[column] if column >= 0 else min(days, key=lambda d: abs((d - today).days))
        dialog = MakeupVisitorDialog(self.ops, self.group.currentData(), days, default, self)
        dialog.chosen.connect(self._mark_visitor)
        dialog.open()
        return dialog

    def _mark_visitor(self, visitor: dict, day: dt.date) -> None:
        makeup = next(s for s in self.statuses if s["uses_makeup"])
        self.undo_stack.push(self._mark(visitor["id"], day, None, makeup["id"],
                                        f"{visitor['name']} {day_month_text(day)}: {makeup['name']}"))

    def add_date(self) -> None:
        text, ok = QInputDialog.getText(self, self.tr("Add a lesson date"), self.tr("Date (dd.mm.yyyy):"))
        if not ok:
            return
        try:
            day = dt.datetime.strptime(text.strip(), "%d.%m.%Y").date()
        except ValueError:
            QMessageBox.warning(self, self.tr("Not done"), self.tr("Type the date like 24.12.2026."))
            return
        self.ops.run(journal.add_extra_date, self.group.currentData(), day, parent=self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Undo):  # also when the window has no shortcut focus
                self.undo_stack.undo()
                return True
            index = self.table.currentIndex()
            key_text = event.text().upper()
            if event.key() == Qt.Key.Key_Space:
                self.set_status(index, self.statuses[0]["id"])
                return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.set_status(index, None)
                return True
            for status in self.statuses:
                if key_text and status["letter"].upper() == key_text:
                    self.set_status(index, status["id"])
                    return True
        return super().eventFilter(watched, event)
