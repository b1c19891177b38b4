"""Add or edit a client: messages next to the fields, possible duplicates shown before saving."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from app.errors import DomainError
from app.languages import date_edit_format
from app.services import clients
from app.services.versions import ChangedMeanwhile
from ui.forms import FieldErrors, pydate, qdate, save_record
from ui.ops import Ops

NO_DATE = QDate(1900, 1, 1)


class ClientDialog(QDialog):
    def __init__(self, ops: Ops, client_id: int | None = None, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.client_id = client_id
        self.saved_id: int | None = None
        self.version: int | None = None  # of the client as this form shows it (D7)
        self._confirmed_duplicates = False
        self.setWindowTitle(self.tr("New client") if client_id is None else self.tr("Edit client"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors = FieldErrors(form, QLabel())
        self.name = QLineEdit(objectName="name")
        self.phone = QLineEdit(objectName="phone")
        self.email = QLineEdit(objectName="email")
        self.birth_date = QDateEdit(objectName="birth_date")
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setMinimumDate(NO_DATE)
        self.birth_date.setSpecialValueText(self.tr("not given"))
        self.birth_date.setDate(NO_DATE)
        self.birth_date.setDisplayFormat(date_edit_format())
        self.category = QComboBox(objectName="category")
        self.category.addItem(self.tr("—"), None)
        for category_id, name in ops.read(clients.categories):
            self.category.addItem(name, category_id)
        self.guardian_name = QLineEdit(objectName="guardian_name")
        self.guardian_phone = QLineEdit(objectName="guardian_phone")
        self.notes = QPlainTextEdit(objectName="notes")
        self.notes.setFixedHeight(70)
        self.code = QLineEdit(objectName="code")
        self.code.setPlaceholderText(self.tr("made automatically"))
        self.archived = QCheckBox(self.tr("Archived (hidden from the list)"), objectName="archived")
        self.photo_source: str | None = None  # a picture chosen in this dialog, stored on Save
        self.photo = QPushButton(self.tr("Choose a picture…"), objectName="photo")
        self.photo.clicked.connect(self.choose_photo)
        for label, field, widget in [
            (self.tr("Name"), "name", self.name), (self.tr("Phone"), "phone", self.phone),
            (self.tr("Email"), "email", self.email), (self.tr("Birth date"), "birth_date", self.birth_date),
            (self.tr("Category"), "category_id", self.category),
            (self.tr("Guardian"), "guardian_name", self.guardian_name),
            (self.tr("Guardian's phone"), "guardian_phone", self.guardian_phone),
            (self.tr("Notes"), "notes", self.notes), (self.tr("Photo"), "photo", self.photo),
            (self.tr("Card code"), "code", self.code), ("", "archived", self.archived),
        ]:
            self.errors.add_row(label, field, widget)
        layout.addLayout(form)
        self.duplicates = QLabel(objectName="duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.hide()
        layout.addWidget(self.duplicates)
        layout.addWidget(self.errors.general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        if client_id is not None:
            self._load(ops.read(clients.get_client, client_id))

    def _load(self, client: dict) -> None:
        self.version = client["version"]
        self.name.setText(client["name"])
        self.phone.setText(client["phone"])
        self.email.setText(client["email"])
        born = client["birth_date"]
        self.birth_date.setDate(qdate(born) if born else NO_DATE)
        self.category.setCurrentIndex(max(0, self.category.findData(client["category_id"])))
        self.guardian_name.setText(client["guardian_name"])
        self.guardian_phone.setText(client["guardian_phone"])
        self.notes.setPlainText(client["notes"])
        self.code.setText(client["code"])
        self.archived.setChecked(client["archived"])
        if client["photo"]:
            self.photo.setText(self.tr("Replace the photo…"))

    def values(self) -> dict:
        born = self.birth_date.date()
        return {
            "name": self.name.text(), "phone": self.phone.text(), "email": self.email.text(),
            "birth_date": None if born == NO_DATE else pydate(born),
            "category_id": self.category.currentData(), "guardian_name": self.guardian_name.text(),
            "guardian_phone": self.guardian_phone.text(), "notes": self.notes.toPlainText(),
            "code": self.code.text(), "archived": self.archived.isChecked(),
            **({"photo_source": self.photo_source} if self.photo_source else {}),
            **({"version": self.version} if self.client_id is not None else {}),
        }

    def choose_photo(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a photo"), str(Path.home()),
                                                self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if chosen:
            self.photo_source = chosen
            self.photo.setText(Path(chosen).name)

    def _warn_duplicates(self, values: dict) -> bool:
        """Show possible duplicates once; True if the user still has to look at them."""
        if self._confirmed_duplicates:
            return False
        found = self.ops.read(clients.possible_duplicates, name=values["name"], phone=values["phone"],
                              birth_date=values["birth_date"], exclude_id=self.client_id)
        if not found:
            return False
        listed = "".join(f"<br>• {d['code']} — {escape(d['name'])} {escape(d['phone'])}" for d in found[:5])
        self.duplicates.setText(self.tr("<b>Possibly the same person:</b>{list}<br>Press Save again to save anyway.")
                                .format(list=listed))
        self.duplicates.show()
        self._confirmed_duplicates = True
        return True

    def save(self) -> None:
        values = self.values()
        self.errors.clear()
        if self._warn_duplicates(values):
            return
        self.saved_id = save_record(self.ops, clients.create_client, clients.update_client, self.client_id, values,
                                    parent=self, on_error=self._refused)
        if self.saved_id is not None:
            self.accept()

    def _refused(self, err: DomainError) -> None:
        if isinstance(err, ChangedMeanwhile):  # D7: show what the other PC saved, with who and when
            self._load(self.ops.read(clients.get_client, self.client_id))
        self.errors.show(err)
        widget = self.findChild(QLineEdit, err.field or "")
        if widget is not None:
            widget.setFocus()

    @classmethod
    def ask(cls, ops: Ops, client_id: int | None = None, parent=None) -> int | None:
        dialog = cls(ops, client_id, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None
