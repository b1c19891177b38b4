"""B7: print the very PDF the program saves, through the system print dialog, and preview it in the program.

The PDF's pages are rendered by QtPdf onto the chosen QPrinter, so the printer, copies, the
page range and "Print to File" from the dialog all hold. Rendering runs as a job (QPainter may
paint on a QPrinter off the window's thread); nothing depends on an outside PDF viewer.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget

from app.errors import DomainError
from app.tasks import TaskState

PRINT_DPI = 300


def pages_to_print(printer: QPrinter, count: int) -> range:
    """The pages (0-based) the print dialog asked for: all, or its From-To range."""
    first, last = printer.fromPage(), printer.toPage()
    if first == 0 and last == 0:
        return range(count)
    return range(max(first, 1) - 1, min(last, count))


def print_pdf(pdf: Path, printer: QPrinter, state: TaskState | None = None) -> int:
    """Render ``pdf``'s pages onto ``printer`` (any thread); returns how many pages went out."""
    state = state or TaskState()
    document = QPdfDocument()
    if document.load(str(pdf)) != QPdfDocument.Error.None_:
        raise DomainError(f"{Path(pdf).name} could not be read for printing.")
    pages = pages_to_print(printer, document.pageCount())
    printer.setResolution(PRINT_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise DomainError("The printer cannot be used right now (is it switched on and connected?). "
                          "Nothing was printed.")
    try:
        for done, page in enumerate(pages):
            state.progress(done, len(pages))
            if done:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page).toSize().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, QSize(size.width(), size.height()))
            painter.drawImage(target.topLeft(), image)
        state.progress(len(pages), len(pages))
    finally:
        painter.end()
        document.close()
    return len(pages)


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """The system print dialog; the chosen printer (copies, range, print to file), or None."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


class PdfPreview(QDialog):
    """The PDF shown in the program itself (B7), with Print… and Open in another program."""

    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.setWindowTitle(title)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button = buttons.addButton(self.tr("Open in another program"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_elsewhere)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(720, 760)

    def open_elsewhere(self) -> bool:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf))):
            return True
        QMessageBox.information(self, self.tr("No PDF viewer"), self.tr(
            "No program to open PDF files is installed on this computer. The preview here shows the "
            "same file, and Print… prints it. It is saved at {path}.").format(path=self.pdf))
        return False
