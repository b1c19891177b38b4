"""Q6: a report as shown, saved as XLSX, CSV (typed cells, injection-safe) and a printable PDF (filters in
its header, the header row on every page, "Page n of m"), made off the window's thread."""

from __future__ import annotations

import csv
import datetime as dt
import re
import subprocess
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.reports.base import Column, Kind
from tests.ui.jobs import finished
from tests.ui.report_samples import PAYMENTS, samples  # noqa: F401 - the fixture
from ui.reports.screen import ReportsScreen


@pytest.fixture
def page(qtbot, ops_for, samples):  # noqa: F811
    screen = ReportsScreen(ops_for("olga"))
    qtbot.addWidget(screen)
    screen.show()
    finished(qtbot, screen.open_report("payments"))
    return screen.report_page


def _save_as(qtbot, monkeypatch, page, button, path):
    """Press ``button`` and choose ``path`` in the save dialog; wait for the file job."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    jobs = page.ops.jobs
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert jobs.running, "no file job was started"
    finished(qtbot, jobs.running[-1])
    return path


def _pdf_text(path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]  # one text per page


def _pdf_pages(path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    return pages, "landscape" if float(size.group(1)) > float(size.group(2)) else "portrait"


def test_q6_a_report_exports_to_xlsx_with_typed_cells(qtbot, monkeypatch, tmp_path, page):
    path = _save_as(qtbot, monkeypatch, page, page.export_button, tmp_path / "payments.xlsx")
    sheet = load_workbook(path).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Client", "Paid on", "Lessons", "Amount"]
    assert [r[0] for r in rows[1:5]] == [p["client"] for p in PAYMENTS]
    assert rows[1][1] == dt.datetime(2026, 3, 9) and rows[2][2] == 2 and rows[2][3] == 1200
    assert sheet.cell(3, 4).number_format == "0.00" and sheet.cell(3, 4).data_type == "n"
    formula = sheet.cell(5, 1)  # =HYPERLINK("x") stays text a spreadsheet will not run
    assert formula.data_type == "s" and formula.value == "=HYPERLINK(\"x\")"
    assert rows[5] == ["Total", None, 117, 1334.5]
    assert rows[7][0] == "No phone or email" and rows[8] == ["Dmitri No-Phone", None, 1, 5]


def test_q6_a_report_exports_to_csv_injection_safe(qtbot, monkeypatch, tmp_path, page):
    path = _save_as(qtbot, monkeypatch, page, page.export_button, tmp_path / "payments.csv")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Client", "Paid on", "Lessons", "Amount"]
    assert rows[2] == ["boris Petrov", "2026-03-10", "2", "1200.00"]
    assert rows[4][0] == "'=HYPERLINK(\"x\")"  # a leading apostrophe: shown as text, never run
    assert rows[5] == ["Total", "", "117", "1334.50"]


def test_q6_a_report_pdf_has_its_filters_the_header_on_every_page_and_page_numbers(qtbot, monkeypatch, tmp_path,
                                                                                    samples, page):  # noqa: F811
    samples.rows = [{"client": f"Client {n:03d}", "paid_on": dt.date(2026, 3, 1) + dt.timedelta(days=n % 28),
                     "lessons": n, "amount": Decimal(n) + Decimal("0.50")} for n in range(150)]
    qtbot.mouseClick(page.run_button, Qt.MouseButton.LeftButton)
    finished(qtbot, page.job)
    path = _save_as(qtbot, monkeypatch, page, page.pdf_button, tmp_path / "payments.pdf")
    count, shape = _pdf_pages(path)
    pages = _pdf_text(path)
    assert count == len(pages) >= 3 and shape == "portrait"  # four columns: upright A4
    today = dt.date.today().replace(day=1)
    period = f"Period: {today:%d.%m.%Y}"
    assert "Payments by client" in pages[0] and period in pages[0] and "Sunny Kids Centre" in pages[0]
    for number, text in enumerate(pages, start=1):
        assert re.search(r"Client\s+Paid on\s+Lessons\s+Amount", text), f"no header row on page {number}"
        assert f"Page {number} of {count}" in text
    shown = [line.split()[1] for text in pages for line in text.splitlines() if re.match(r"\s*Client \d{3}\s", line)]
    assert shown == [f"{n:03d}" for n in range(150)]  # every row, once, in order
    last = next(text for text in pages if re.search(r"Client 149\s", text))  # the totals right under the last row
    assert re.search(r"Client 149\s+10\.03\.2026\s+149\s+149\.50\s+Total\s+11,175\s+11,250\.00", last)
    assert "No phone or email" in pages[-1] and "Dmitri No-Phone" in pages[-1]


def test_q6_a_report_of_many_columns_prints_on_a_landscape_page(qtbot, monkeypatch, tmp_path, page):
    from dataclasses import replace

    wide = replace(page.report, columns=page.report.columns + [Column(f"extra{n}", f"Extra {n}", Kind.COUNT)
                                                                for n in range(4)])
    page.show_report(wide)
    path = _save_as(qtbot, monkeypatch, page, page.pdf_button, tmp_path / "wide.pdf")
    assert _pdf_pages(path) == (1, "landscape")
    assert re.search(r"Client\s+Paid on\s+Lessons\s+Amount\s+Extra 0\s+Extra 1\s+Extra 2\s+Extra 3", _pdf_text(path)[0])


def test_q6_an_empty_report_prints_its_text(qtbot, monkeypatch, tmp_path, ops_for, samples):  # noqa: F811
    screen = ReportsScreen(ops_for("olga"))
    qtbot.addWidget(screen)
    finished(qtbot, screen.open_report("renewals"))
    path = _save_as(qtbot, monkeypatch, screen.report_page, screen.report_page.pdf_button, tmp_path / "none.pdf")
    pages = _pdf_text(path)
    assert len(pages) == 1 and "No renewals in this period." in pages[0] and "Page 1 of 1" in pages[0]


def test_q6_a_file_of_another_kind_is_refused_in_plain_words(qtbot, monkeypatch, tmp_path, page):
    from ui import messages

    said = []
    monkeypatch.setattr(messages, "warning", lambda parent, title, text: said.append(text))
    _save_as(qtbot, monkeypatch, page, page.export_button, tmp_path / "payments.txt")
    assert said == ["Save a report as a .pdf, .xlsx or .csv file."] and not (tmp_path / "payments.txt").exists()


def test_q6_a_long_report_pdf_shows_its_progress_and_stops_on_cancel(tmp_path):
    from app.pdf.report import render_report
    from app.reports.base import Report
    from app.tasks import Cancelled, TaskState

    report = Report("long", "Long list", [Column("client", "Client"), Column("amount", "Amount", Kind.MONEY)],
                    [{"client": f"Client {n}", "amount": Decimal(n)} for n in range(3000)])
    seen = []
    render_report(report, {}, tmp_path / "long.pdf", TaskState(lambda done, total: seen.append((done, total))))
    assert seen[-1] == (6000, 6000)  # the rows' texts, then the rows drawn
    assert len(seen) >= 20 and [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert any(3000 < done < 6000 for done, _ in seen)  # reported while the pages are drawn, not only at the end

    state = TaskState(lambda done, total: done > 3500 and state.cancel())  # Cancel while the pages are drawn
    with pytest.raises(Cancelled):
        render_report(report, {}, tmp_path / "cancelled.pdf", state)


def test_q6_long_text_in_a_report_pdf_is_cut_to_its_column_and_numbers_stay_whole(tmp_path):
    from app.pdf.report import render_report
    from app.reports.base import Report

    report = Report("cut", "Cut", [Column("client", "Client"), Column("note", "Note"),
                                   Column("amount", "Amount", Kind.MONEY)],
                    [{"client": "Anna " + "Verylongsurname " * 30 + "END", "note": "short" + " word" * 60 + " LAST",
                      "amount": Decimal("1234567.50")}, {"client": "Boris", "note": "Line one\nline two",
                                                          "amount": Decimal(1)}])
    path = render_report(report, {}, tmp_path / "cut.pdf")
    rows = [line.strip() for line in _pdf_text(path)[0].splitlines() if line.strip().startswith(("Anna", "Boris"))]
    assert re.fullmatch(r"Anna Verylongsurname[\w ]*\w…\s+short[\w ]*\w…\s+1,234,567\.50", rows[0])
    assert "END" not in rows[0] and "LAST" not in rows[0]
    assert re.fullmatch(r"Boris\s+Line one line two\s+1\.00", rows[1])  # a cell is one line
