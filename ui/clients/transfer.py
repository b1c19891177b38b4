"""Import clients from a spreadsheet (with a preview), and export the list (X1, X2)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from app.errors import DomainError
from app.services import transfer
from ui.i18n import message, term
from ui.models.rows import RowsModel
from ui.jobs import Job
from ui.ops import FAILED, Ops
from ui.tables import list_view

MEASURED_ROWS = 50  # columns are sized to the first rows, not to all 10,000 (that took a second)
STATUS_COLOURS = {"new": "#2e9d4f", "duplicate": "#b7791f", "error": "#c0392b"}
FIELD_LABELS = {"name": QT_TRANSLATE_NOOP("Terms", "Name"), "phone": QT_TRANSLATE_NOOP("Terms", "Phone"),
                "email": QT_TRANSLATE_NOOP("Terms", "Email"), "birth_date": QT_TRANSLATE_NOOP("Terms", "Birth date"),
                "category": QT_TRANSLATE_NOOP("Terms", "Category"), "code": QT_TRANSLATE_NOOP("Terms", "Card code"),
                "family": QT_TRANSLATE_NOOP("Terms", "Family"), "payer": QT_TRANSLATE_NOOP("Terms", "Family payer"),
                "guardian_name": QT_TRANSLATE_NOOP("Terms", "Guardian"),
                "guardian_phone": QT_TRANSLATE_NOOP("Terms", "Guardian's phone"),
                "notes": QT_TRANSLATE_NOOP("Terms", "Notes")}


def preview_model(parent=None) -> RowsModel:
    return RowsModel(
        [("line", QT_TRANSLATE_NOOP("Terms", "Line")),
         ("status", QT_TRANSLATE_NOOP("Terms", "Becomes"), lambda r: term(r["status"])),
         ("name", QT_TRANSLATE_NOOP("Terms", "Name")),
         ("phone", QT_TRANSLATE_NOOP("Terms", "Phone")), ("reason", QT_TRANSLATE_NOOP("Terms", "Why"))],
        parent,
        colour=lambda row, key: STATUS_COLOURS[row["status"]] if key == "status" else None,
    )


def _shown(row: transfer.ImportRow) -> dict:
    reason = message(row.problem) if row.problem is not None else row.reason  # an error's, in the user's language
    return {"line": row.line, "status": row.status, "name": row.values.get("name", "")[:200],
            "phone": row.values.get("phone", "")[:40], "reason": reason}


class ImportDialog(QDialog):
    """Choose a file, check which column is which, look at the preview, then import all or nothing."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        self.preview: transfer.ImportPreview | None = None
        self.result: dict | None = None
        self.setWindowTitle(self.tr("Import clients"))
        layout = QVBoxLayout(self)
        pick = QHBoxLayout()
        self.path = QLineEdit(objectName="path", readOnly=True)
        self.path.setPlaceholderText(self.tr("A CSV or XLSX file saved from a spreadsheet"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        pick.addWidget(self.path, 1)
        pick.addWidget(choose)
        layout.addLayout(pick)
        self.mapping_grid = QGridLayout()
        layout.addLayout(self.mapping_grid)
        self.combos: dict[str, QComboBox] = {}
        self.model = preview_model(self)
        self.table = list_view(self.model, "importPreview")
        self.table.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = QLabel(objectName="importSummary")
        self.message = QLabel(objectName="formError", wordWrap=True)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 560)

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import clients"), str(Path.home()),
                                                self.tr("Spreadsheets (*.csv *.xlsx)"))
        if chosen:
            self.load(Path(chosen))

    def load(self, path: Path, mapping: dict[str, int] | None = None) -> Job:
        """Read ``path`` off the window's thread and show what each row would become; nothing is written."""
        self.path.setText(str(path))
        self.message.clear()
        self.model.set_rows([])
        self.import_button.setEnabled(False)

        def work(state):  # the rows as shown and their counts are made on the worker too (L3)
            preview = self.ops.call(transfer.preview_import, path, mapping, write=False, state=state)
            return preview, [_shown(row) for row in preview.rows], Counter(row.status for row in preview.rows)

        return self.ops.start(self.tr("Reading {name}").format(name=Path(path).name), work, parent=self,
                              on_done=self._show_preview, on_error=self._refused)

    def _show_preview(self, result: tuple[transfer.ImportPreview, list[dict], Counter]) -> None:
        self.preview, shown, counts = result
        self._show_mapping(self.preview.headers, self.preview.mapping)
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        self.summary.setText(self.tr("{new} new, {dup} duplicates (skipped), {err} with errors (skipped)").format(
            new=counts["new"], dup=counts["duplicate"], err=counts["error"]))
        self.import_button.setEnabled(counts["new"] > 0)

    def _show_mapping(self, headers: list[str], mapping: dict[str, int]) -> None:
        for combo in self.combos.values():
            combo.deleteLater()
        self.combos = {}
        for i, (field, label) in enumerate(FIELD_LABELS.items()):
            combo = QComboBox(objectName=f"map_{field}")
            combo.addItem(self.tr("— not in the file —"), None)
            for column, header in enumerate(headers):
                combo.addItem(header or self.tr("column {n}").format(n=column + 1), column)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(field))))
            combo.currentIndexChanged.connect(lambda _i: self.remap())
            self.combos[field] = combo
            self.mapping_grid.addWidget(QLabel(term(label)), i // 4, (i % 4) * 2)
            self.mapping_grid.addWidget(combo, i // 4, (i % 4) * 2 + 1)

    def remap(self) -> None:
        mapping = {f: c.currentData() for f, c in self.combos.items() if c.currentData() is not None}
        self.load(Path(self.path.text()), mapping)

    def _refused(self, err: DomainError) -> None:
        self.message.setText(message(err))

    def confirm(self) -> None:
        if self.preview is None:
            return
        result = self.ops.run(transfer.import_clients, self.preview, parent=self, on_error=self._refused)
        if result is not FAILED:
            self.result = result
            self.accept()

    @classmethod
    def ask(cls, ops: Ops, parent=None) -> dict | None:
        dialog = cls(ops, parent)
        return dialog.result if dialog.exec() == QDialog.DialogCode.Accepted else None


def export_list(ops: Ops, parent, query: str, **filters) -> Job | None:
    """Ask where to save the clients list as shown, and save it (CSV, XLSX or a printable PDF by the name)
    as a job. ``parent`` is the clients screen (the PDF's header says its filters as shown)."""
    chosen, _ = QFileDialog.getSaveFileName(parent, QDialog.tr("Export clients"), str(Path.home() / "clients.xlsx"),
                                            QDialog.tr("Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"))
    if not chosen:
        return None
    if Path(chosen).suffix.lower() == ".pdf":
        from ui.list_exports import export_clients

        return export_clients(parent, chosen)
    return ops.background(QDialog.tr("Exporting clients"), transfer.export_clients, Path(chosen), query,
                          parent=parent, done=lambda count: QDialog.tr("{n} clients exported to {file}").format(
                              n=f"{count:,}", file=Path(chosen).name), **filters)


def save_member_cards(ops: Ops, parent, client_ids: list[int], path: str | None = None,
                      suggested: str = "member-cards.pdf") -> Job | None:
    """Member cards (X3) for these clients as one PDF, ten to an A4 page, made as a job; asks where
    unless ``path``."""
    from app.services import documents  # reportlab loads only when a document is made

    if not path:
        path, _ = QFileDialog.getSaveFileName(parent, QDialog.tr("Save member cards"), str(Path.home() / suggested),
                                              "PDF (*.pdf)")
        if not path:
            return None
    return ops.background(QDialog.tr("Making member cards"), documents.member_cards_pdf, client_ids, path,
                          parent=parent, done=lambda saved: QDialog.tr("Member cards saved to {file}").format(
                              file=saved.name))
