"""B7: printing sends the very PDF the program saves to the chosen printer; the preview is in the program."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app.errors import DomainError
from app.models import Package
from app.pdf.cards import render_cards
from app.services import clients, sales
from tests.ui.jobs import finished
from ui.printing import PdfPreview, print_pdf
from ui.selling.documents import InvoiceDocuments


def pages(pdf: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    return document.pageCount()


def file_printer(path: Path) -> QPrinter:
    """A printer as the print dialog leaves it when "Print to File" is chosen."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def test_b7_every_page_of_the_saved_pdf_reaches_the_printer_and_the_range_holds(qapp, tmp_path):
    saved = render_cards([{"name": f"Client {n}", "code": f"C{n:06d}"} for n in range(25)], "Sunny", tmp_path / "c.pdf")
    assert pages(saved) == 3
    assert print_pdf(saved, file_printer(tmp_path / "all.pdf")) == 3
    assert pages(tmp_path / "all.pdf") == 3
    second = file_printer(tmp_path / "second.pdf")
    second.setFromTo(2, 2)  # "Pages from 2 to 2" in the dialog
    assert print_pdf(saved, second) == 1 and pages(tmp_path / "second.pdf") == 1


def test_b7_the_invoice_prints_as_the_pdf_it_saves_and_previews_in_the_program(desk, qtbot, tmp_path, monkeypatch):
    ops = desk.ops("rita")
    with desk.database.writer.begin() as s:
        client = clients.create_client(s, ops.actor, name="Анна Печать")
        sale = sales.sell(s, ops.actor, client, s.scalar(select(Package.id).where(Package.name == "Gold")))
    button = InvoiceDocuments(ops)
    qtbot.addWidget(button)
    button.show_invoice({"id": sale.invoice_id, "number": "INV-1", "payer": {"email": ""}})
    saved = button.save_pdf("a4", str(tmp_path / "saved.pdf"))
    finished(qtbot, button.print_invoice(printer=file_printer(tmp_path / "printed.pdf")))
    assert pages(tmp_path / "printed.pdf") == pages(saved) == 1
    preview = button.open_pdf("receipt")
    qtbot.addWidget(preview)
    assert isinstance(preview, PdfPreview) and preview.isVisible() and preview.document.pageCount() == 1
    told = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)  # a PC without a PDF viewer
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    assert preview.open_elsewhere() is False
    assert told and told[0].startswith("No program to open PDF files is installed")


@pytest.mark.qt_log_ignore("QPainter::begin")  # Qt's own note of the refusal we turn into a message
def test_b7_a_printer_that_cannot_start_is_a_plain_message(qapp, tmp_path):
    saved = render_cards([{"name": "A", "code": "C000001"}], "Sunny", tmp_path / "c.pdf")
    gone = file_printer(tmp_path / "no-such-folder" / "out.pdf")  # like a printer that disappeared
    with pytest.raises(DomainError, match="printer cannot be used"):
        print_pdf(saved, gone)
