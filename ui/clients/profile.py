"""A client's profile: details, and the areas the selling, journal and credits issues fill."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services import clients
from app.services.access import Right
from ui.ops import Ops

PENDING = [
    ("Membership cards", "the journal issue: one card per sale with its lessons and visits"),
    ("Invoices and balance", "the selling issue"),
    ("Credits", "the credits work: balances per credit type"),
]


class ClientProfile(QWidget):
    back = Signal()
    edit_requested = Signal(int)

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.client_id: int | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← All clients"))
        back.clicked.connect(self.back)
        self.title = QLabel(objectName="areaTitle")
        self.code = QLabel(objectName="clientCode")
        self.edit = QPushButton(self.tr("Edit…"))
        self.edit.setVisible(ops.actor.may(Right.EDIT_CLIENTS))
        self.edit.clicked.connect(lambda: self.edit_requested.emit(self.client_id))
        top.addWidget(back)
        top.addSpacing(16)
        top.addWidget(self.title)
        top.addWidget(self.code)
        top.addStretch(1)
        top.addWidget(self.edit)
        layout.addLayout(top)
        self.details = QFormLayout()
        self.fields = {}
        for key, label in [("phone", "Phone"), ("email", "Email"), ("birth_date", "Birth date"),
                           ("guardian_name", "Guardian"), ("guardian_phone", "Guardian's phone"), ("notes", "Notes")]:
            value = QLabel(objectName=f"profile_{key}")
            value.setWordWrap(True)
            self.fields[key] = value
            self.details.addRow(self.tr(label), value)
        details = QFrame(objectName="card")
        details.setLayout(self.details)
        layout.addWidget(details)
        grid = QGridLayout()
        for column, (title, what) in enumerate(PENDING):
            box = QFrame(objectName="card")
            inner = QVBoxLayout(box)
            heading = QLabel(self.tr(title), objectName="cardTitle")
            note = QLabel(self.tr("Not built yet. Arrives with {what}.").format(what=self.tr(what)),
                          objectName="pendingNote")
            note.setWordWrap(True)
            inner.addWidget(heading)
            inner.addWidget(note)
            inner.addStretch(1)
            grid.addWidget(box, 0, column)
        layout.addLayout(grid, 1)

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id
        client = self.ops.read(clients.get_client, client_id)
        self.title.setText(client["name"])
        self.code.setText(client["code"] + (self.tr("  · archived") if client["archived"] else ""))
        for key, label in self.fields.items():
            value = client[key]
            label.setText(value.strftime("%d.%m.%Y") if hasattr(value, "strftime") else (value or "—"))
