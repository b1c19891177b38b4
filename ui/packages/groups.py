"""Programs and their groups: the owner's setup of what is taught, when, by whom, to whom."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import DomainError
from app.services import clients, programs
from ui.forms import FieldErrors, save_record
from ui.i18n import term
from ui.models.rows import RowsModel
from ui.ops import FAILED, OpChange, Ops
from ui.packages.services_editor import WEEKDAYS, EditableRows
from ui.tables import list_view


def slots_text(row: dict) -> str:
    return ", ".join(f"{WEEKDAYS[w]} {s:%H:%M}-{e:%H:%M}" for w, s, e in row["slots"])


class ProgramDialog(QDialog):
    def __init__(self, ops: Ops, program: dict | None = None, parent=None):
        super().__init__(parent)
        self.ops, self.program, self.saved_id = ops, program, None
        self.setWindowTitle(self.tr("Program"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.name = QLineEdit(program["name"] if program else "", objectName="name")
        self.price = QLineEdit(str(program["base_lesson_price"]) if program else "", objectName="base_lesson_price")
        self.colour = QLineEdit(program["colour"] if program else "#4a90d9", objectName="colour")
        self.errors.add_row(self.tr("Name"), "name", self.name)
        self.errors.add_row(self.tr("Base lesson price"), "base_lesson_price", self.price)
        self.errors.add_row(self.tr("Colour"), "colour", self.colour)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        values = {"name": self.name.text(), "base_lesson_price": self.price.text().strip() or "0",
                  "colour": self.colour.text().strip()}
        self.saved_id = save_record(self.ops, programs.create_program, programs.update_program,
                                    self.program["id"] if self.program else None, values, parent=self,
                                    on_error=self.errors.show)
        if self.saved_id is not None:
            self.accept()


class SlotsEditor(EditableRows):
    add_label = QT_TRANSLATE_NOOP("Terms", "Add a lesson time")

    def add_row(self, weekday: int = 0, starts=None, ends=None) -> QWidget:
        day = QComboBox()
        for i, name in enumerate(WEEKDAYS):
            day.addItem(term(name), i)
        day.setCurrentIndex(weekday)
        start = QTimeEdit(QTime(starts.hour, starts.minute) if starts else QTime(17, 0), displayFormat="HH:mm")
        end = QTimeEdit(QTime(ends.hour, ends.minute) if ends else QTime(17, 45), displayFormat="HH:mm")
        row = self._append(QWidget(), [day, start, end])
        row.value = lambda: (day.currentData(), start.time().toString("HH:mm"), end.time().toString("HH:mm"))
        return row

    def value(self) -> list[tuple]:
        return [row.value() for row in self.rows]


class GroupDialog(QDialog):
    """A group's teacher and times; for an existing group also its clients and waiting list."""

    def __init__(self, ops: Ops, program_id: int, group_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ops, self.program_id, self.group_id, self.saved_id = ops, program_id, group_id, None
        self.setWindowTitle(self.tr("Group"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.name = QLineEdit(objectName="name")
        self.teacher = QComboBox(objectName="teacher_id")
        self.teacher.addItem(self.tr("— none —"), None)
        for user_id, name in ops.read(programs.teachers):
            self.teacher.addItem(name, user_id)
        self.room = QLineEdit(objectName="room")
        self.capacity = QSpinBox(objectName="capacity", minimum=0, maximum=1000, specialValueText=self.tr("no limit"))
        self.slots = SlotsEditor()
        for label, field, widget in [(self.tr("Name"), "name", self.name), (self.tr("Teacher"), "teacher_id",
                                     self.teacher), (self.tr("Room"), "room", self.room),
                                     (self.tr("Capacity"), "capacity", self.capacity),
                                     (self.tr("Lesson times"), "slots", self.slots)]:
            self.errors.add_row(label, field, widget)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        self.members = RowsModel([("code", QT_TRANSLATE_NOOP("Terms", "Code")),
                                  ("name", QT_TRANSLATE_NOOP("Terms", "Name")),
                                  ("waiting", "", lambda r: self.tr("waiting list") if r["waiting"] else "")], self)
        if group_id is not None:
            layout.addWidget(self._members_box())
            self._load(ops.read(programs.get_group, group_id))
        else:
            self.slots.add_row()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 640 if group_id else 360)

    def _members_box(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 8, 0, 0)
        column.addWidget(QLabel(self.tr("Clients in this group"), objectName="cardTitle"))
        self.members_view = list_view(self.members, "groupMembers")
        self.members_view.horizontalHeader().setStretchLastSection(True)
        column.addWidget(self.members_view, 1)
        line = QHBoxLayout()
        self.find = QLineEdit(objectName="findClient", placeholderText=self.tr("Client code or name"))
        enrol = QPushButton(self.tr("Add to group"))
        remove = QPushButton(self.tr("Remove selected"))
        line.addWidget(self.find, 1)
        line.addWidget(enrol)
        line.addWidget(remove)
        column.addLayout(line)
        self.find.returnPressed.connect(self.enrol_typed)
        enrol.clicked.connect(self.enrol_typed)
        remove.clicked.connect(self.remove_selected)
        self._refresh_members()
        return box

    def _refresh_members(self) -> None:
        self.members.set_rows(self.ops.read(programs.group_members, self.group_id))
        self.members_view.resizeColumnsToContents()

    def enrol_typed(self) -> None:
        text = self.find.text()
        client_id = self.ops.read(clients.find_by_code, text)
        if client_id is None:
            found = self.ops.read(clients.search_client_ids, text, limit=2) if text.strip() else []
            if len(found) != 1:
                self.errors.show(DomainError(self.tr("Type a card code, or enough of a name to find one "
                                                             "client."), field="slots"))
                return
            client_id = found[0]
        if self.ops.run(programs.enrol, self.group_id, client_id, parent=self, on_error=self.errors.show) \
                is not FAILED:
            self.find.clear()
            self._refresh_members()

    def remove_selected(self) -> None:
        index = self.members_view.currentIndex()
        if index.isValid() and self.ops.run(programs.leave_group, self.group_id, self.members.row_id(index.row()),
                                            parent=self) is not FAILED:
            self._refresh_members()

    def _load(self, group: dict) -> None:
        self.version = group["version"]  # D7: a save after someone else's is refused
        self.name.setText(group["name"])
        self.teacher.setCurrentIndex(max(0, self.teacher.findData(group["teacher_id"])))
        self.room.setText(group["room"])
        self.capacity.setValue(group["capacity"] or 0)
        for weekday, starts, ends in group["slots"]:
            self.slots.add_row(weekday, starts, ends)

    def save(self) -> None:
        values = {"program_id": self.program_id, "name": self.name.text(), "teacher_id": self.teacher.currentData(),
                  "room": self.room.text(), "capacity": self.capacity.value() or None, "slots": self.slots.value()}
        if self.group_id is not None:
            values["version"] = self.version
        self.saved_id = save_record(self.ops, programs.create_group, programs.update_group, self.group_id, values,
                                    parent=self, on_error=self.errors.show)
        if self.saved_id is not None:
            self.accept()


class ProgramsPanel(QWidget):
    """Programs on the left, the selected program's groups on the right."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.programs = RowsModel([("name", QT_TRANSLATE_NOOP("Terms", "Program")),
                                   ("base_lesson_price", QT_TRANSLATE_NOOP("Terms", "Lesson price"))],
                                  self,
                                  right=("base_lesson_price",))
        self.groups = RowsModel([("name", QT_TRANSLATE_NOOP("Terms", "Group")),
                                 ("teacher", QT_TRANSLATE_NOOP("Terms", "Teacher")),
                                 ("slots", QT_TRANSLATE_NOOP("Terms", "Times"), slots_text),
                                 ("room", QT_TRANSLATE_NOOP("Terms", "Room")),
                                 ("enrolled", QT_TRANSLATE_NOOP("Terms", "Clients"), lambda r: f"{r['enrolled']}"
                                  + (f" / {r['capacity']}" if r["capacity"] else ""))], self)
        self.program_view = list_view(self.programs, "programsTable")
        self.group_view = list_view(self.groups, "groupsTable")
        for view in (self.program_view, self.group_view):
            view.horizontalHeader().setStretchLastSection(True)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.program_view, 1)
        right.addWidget(self.group_view, 1)
        self.new_program = QPushButton(self.tr("New program…"))
        self.edit_program = QPushButton(self.tr("Edit program…"))
        self.new_group = QPushButton(self.tr("New group…"))
        self.edit_group = QPushButton(self.tr("Group and its clients…"))
        for column, buttons in ((left, (self.new_program, self.edit_program)),
                                (right, (self.new_group, self.edit_group))):
            line = QHBoxLayout()
            for button in buttons:
                line.addWidget(button)
            line.addStretch(1)
            column.addLayout(line)
        layout.addLayout(left, 2)
        layout.addLayout(right, 3)
        self._connect_signals()
        self.refresh()

    def _connect_signals(self) -> None:
        self.program_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_groups())
        self.new_program.clicked.connect(lambda: ProgramDialog(self.ops, parent=self).exec())
        self.edit_program.clicked.connect(self._edit_program)
        self.program_view.activated.connect(lambda _i: self._edit_program())
        self.new_group.clicked.connect(self._new_group)
        self.edit_group.clicked.connect(self._edit_group)
        self.group_view.activated.connect(lambda _i: self._edit_group())
        self.ops.changed.connect(self._on_changed)

    def _program_id(self) -> int | None:
        index = self.program_view.currentIndex()
        return self.programs.row_id(index.row()) if index.isValid() else None

    def refresh(self) -> None:
        current = self._program_id()
        self.programs.set_rows(self.ops.read(programs.list_programs))
        rows = [r["id"] for r in self.programs.rows]
        self.program_view.selectRow(rows.index(current) if current in rows else 0)
        self.program_view.resizeColumnsToContents()
        self._show_groups()

    def _show_groups(self) -> None:
        program_id = self._program_id()
        self.groups.set_rows(self.ops.read(programs.list_groups, program_id) if program_id else [])
        self.group_view.resizeColumnsToContents()

    def _edit_program(self) -> None:
        index = self.program_view.currentIndex()
        if index.isValid():
            ProgramDialog(self.ops, self.programs.rows[index.row()], parent=self).exec()

    def _new_group(self) -> None:
        if self._program_id() is not None:
            GroupDialog(self.ops, self._program_id(), parent=self).exec()

    def _edit_group(self) -> None:
        index = self.group_view.currentIndex()
        if index.isValid():
            GroupDialog(self.ops, self._program_id(), self.groups.row_id(index.row()), parent=self).exec()
            self._show_groups()

    def _on_changed(self, change: OpChange) -> None:
        if change.changes.touches("programs", "groups", "group_slots", "group_extra_dates", "enrolments", "users"):
            self.refresh()
