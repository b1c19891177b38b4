"""J7 on screen: the makeup lessons not used yet, and those that expired unused."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout

from app.services import journal
from ui.models.rows import RowsModel
from ui.ops import Ops
from ui.tables import list_view


def _date(value) -> str:
    return f"{value:%d.%m.%Y}"


class MakeupsDialog(QDialog):
    """Two lists: open makeups (who may come to a makeup lesson, and until when) and expired ones."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent, windowTitle=self.tr("Makeup lessons"))
        self.resize(640, 420)
        found = ops.read(journal.makeups)
        self.tabs = QTabWidget()
        self.models = {}
        for key, title, until in (("open", self.tr("Open ({n})"), self.tr("Usable until")),
                                  ("expired", self.tr("Expired unused ({n})"), self.tr("Expired after"))):
            model = RowsModel([("client", self.tr("Client")), ("program", self.tr("Program")),
                               ("earned_on", self.tr("Excused on"), lambda r: _date(r["earned_on"])),
                               ("expires_on", until, lambda r: _date(r["expires_on"]))], self)
            model.set_rows(found[key])
            self.models[key] = model
            self.tabs.addTab(list_view(model, f"makeups_{key}", fit=True), title.format(n=len(found[key])))
        note = QLabel(self.tr("An excused absence gives a makeup lesson in any group of the program; mark it "
                              "\"Makeup\" in the journal before it expires."), objectName="emptyNote")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addWidget(self.tabs, 1)
        box.addWidget(buttons)
