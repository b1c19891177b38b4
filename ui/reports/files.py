"""Saving what a page shows as a file, as a job with progress and Cancel (Q6, X2): a report to PDF,
XLSX or CSV, and the desk's lists (clients, memberships, credits, agenda) to XLSX, CSV or PDF."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.reports.base import Report
from app.services.report_files import business_header, write_report
from ui.jobs import Job
from ui.ops import Ops
from ui.reports.voice import WINDOW

def file_stem(title: str) -> str:
    """A file name from a title: "Expired memberships" -> "expired-memberships"."""
    return re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "report"


def _ask(parent: QWidget, caption: str, suggested: str, choices: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, str(Path.home() / suggested), choices)
    return Path(chosen) if chosen else None


def save_report(ops: Ops, parent: QWidget, report: Report, path: Path | str | None = None, *,
                pdf: bool = False) -> Job | None:
    """Save ``report`` as shown: a PDF (``pdf``) or a spreadsheet; asks where unless ``path``. The file
    speaks the business's language (like an invoice); its name and the messages, the user's."""
    title = WINDOW.text(report.title)
    if path is None:
        if pdf:
            path = _ask(parent, QCoreApplication.translate("ReportFiles", "Save report as PDF"),
                        file_stem(title) + ".pdf", "PDF (*.pdf)")
        else:
            path = _ask(parent, QCoreApplication.translate("ReportFiles", "Export report"),
                        file_stem(title) + ".xlsx",
                        QCoreApplication.translate("ReportFiles", "Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path is None:
            return None
    path = Path(path)
    business = ops.read(business_header)  # its name and language
    return ops.start(QCoreApplication.translate("ReportFiles", "Saving {title}").format(title=title),
                     lambda state: write_report(report, path, business, state), parent=parent,
                     done=lambda saved: QCoreApplication.translate("ReportFiles", "{title} saved to {file}").format(
                         title=title, file=saved.name))


def export_list(ops: Ops, parent: QWidget, title: str, read, path: Path | str | None = None,
                filters: list[tuple[str, str]] = ()) -> Job | None:
    """X2: a list as shown to XLSX, CSV or a printable PDF. ``read(state) -> (headers, rows)`` runs on
    the worker (it reads through ``ops.call(..., write=False)``), then the rows are written by the same
    writer as the clients export (typed cells, injection-safe), or by the reports' PDF writer with
    ``filters`` ((label, value) as shown) and the business's name in its header and page numbers."""
    if path is None:
        path = _ask(parent, QCoreApplication.translate("ReportFiles", "Export {title}").format(title=title),
                    file_stem(title) + ".xlsx",
                    QCoreApplication.translate("ReportFiles", "Excel workbook (*.xlsx);;CSV (*.csv);;PDF (*.pdf)"))
        if path is None:
            return None
    path = Path(path)
    filters = list(filters)

    def work(state) -> int:
        from app.services import list_exports  # the lists' services, loaded when one is exported (start budget)

        headers, rows = read(state)
        business = ops.call(list_exports.list_header, write=False)  # its name, and the language of its words
        list_exports.write_list(path, title, headers, rows, filters, business, state)
        return len(rows)

    return ops.start(QCoreApplication.translate("ReportFiles", "Exporting {title}").format(title=title), work,
                     parent=parent,
                     done=lambda count: QCoreApplication.translate("ReportFiles", "{n} rows exported to {file}").format(
                         n=f"{count:,}", file=path.name))
