"""The invoice's document actions: save A4 or receipt, open, print, email (B4)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMenu,
    QToolButton,
    QWidget,
)

from app.services import documents
from ui.ops import FAILED, Ops
from ui.printing import PdfPreview, ask_printer, print_pdf


def _temporary_pdf(ops: Ops, invoice_id: int, number: str, size: str) -> Path | None:
    folder = Path(tempfile.mkdtemp(prefix="desk-invoice-"))
    result = ops.run(documents.invoice_pdf, invoice_id, folder / f"invoice-{number}-{size}.pdf", size)
    return None if result is FAILED else result


class InvoiceDocuments(QToolButton):
    """One button with the invoice's document actions in its menu."""

    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.invoice_id: int | None = None
        self.number = ""
        self.payer_email = ""
        self.setText(self.tr("Print / PDF"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.addAction(self.tr("Print…"), lambda: self.print_invoice())
        menu.addAction(self.tr("Preview A4"), lambda: self.open_pdf("a4"))
        menu.addAction(self.tr("Preview receipt (80 mm)"), lambda: self.open_pdf("receipt"))
        menu.addAction(self.tr("Save A4 PDF…"), lambda: self.save_pdf("a4"))
        menu.addAction(self.tr("Save receipt PDF…"), lambda: self.save_pdf("receipt"))
        menu.addAction(self.tr("Email to the client…"), self.email)
        self.setMenu(menu)

    def show_invoice(self, view: dict) -> None:
        self.invoice_id, self.number, self.payer_email = view["id"], view["number"], view["payer"]["email"]

    def save_pdf(self, size: str, path: str | None = None) -> Path | None:
        if path is None:
            suggested = Path.home() / f"invoice-{self.number}{'-receipt' if size == 'receipt' else ''}.pdf"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Save invoice"), str(suggested), "PDF (*.pdf)")
            if not path:
                return None
        result = self.ops.run(documents.invoice_pdf, self.invoice_id, path, size, parent=self,
                              done=lambda saved: self.tr("Invoice {number} saved to {file}").format(
                                  number=self.number, file=saved.name))
        return None if result is FAILED else result

    def open_pdf(self, size: str) -> PdfPreview | None:
        """The invoice in the program's own preview (B7), whatever viewers the PC has."""
        path = _temporary_pdf(self.ops, self.invoice_id, self.number, size)
        if path is None:
            return None
        preview = PdfPreview(path, self.tr("Invoice {number}").format(number=self.number), self.window())
        preview.print_button.clicked.connect(lambda: self.print_invoice(size))
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.show()
        return preview

    def print_invoice(self, size: str | None = None, printer: QPrinter | None = None):
        """Print the same PDF that Save makes: A4, or the receipt on a till printer's narrow roll."""
        printer = printer or ask_printer(self)
        if printer is None:
            return None
        if size is None:
            narrow = printer.pageRect(QPrinter.Unit.Millimeter).width() < 100  # a till printer's roll
            size = "receipt" if narrow else "a4"
        path = _temporary_pdf(self.ops, self.invoice_id, self.number, size)
        if path is None:
            return None
        return self.ops.start(self.tr("Printing invoice {number}").format(number=self.number),
                              lambda state: print_pdf(path, printer, state), parent=self,
                              done=lambda pages: self.tr("Invoice {number} sent to the printer").format(
                                  number=self.number))

    def email(self):
        address, ok = QInputDialog.getText(self, self.tr("Email invoice {number}").format(number=self.number),
                                           self.tr("Send to:"), text=self.payer_email)
        if ok:
            return email_invoice(self.ops, self.invoice_id, address, parent=self)
        return None


def email_invoice(ops: Ops, invoice_id: int, address: str, parent: QWidget | None = None):
    """Record the email (one short transaction), then build the PDF and send it as a job with Cancel."""
    mail = ops.run(documents.record_invoice_email, invoice_id, address, parent=parent)
    if mail is FAILED:
        return None
    return ops.start(QWidget.tr("Sending the invoice to {to}").format(to=mail.address),
                     lambda state: documents.send_invoice_email(mail, state), parent=parent,
                     done=lambda sent: QWidget.tr("Invoice {number} sent to {to}").format(
                         number=mail.view["number"], to=sent))
