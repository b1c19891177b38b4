"""A report as shown, saved as a file (Q6, X2): CSV or XLSX (typed cells, injection-safe, through
:func:`app.services.transfer.write_table`) or a printable PDF (app/pdf/report.py).

The file is made from the :class:`~app.reports.base.Report` the window already holds (the same
result in every form), off the window's thread, and takes its name only once whole.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import DomainError
from app.files import written
from app.reports.base import Kind, Report
from app.reports.wording import Text, Voice, document_voice, say
from app.services.access import Actor, Right, guarded
from app.services.settings import get_settings
from app.services.transfer import write_table
from app.tasks import TaskState

SUFFIXES = (".csv", ".xlsx", ".pdf")


def spreadsheet_rows(report: Report, voice: Voice | None = None) -> tuple[list[str], list[list]]:
    """Headers and rows for a CSV or XLSX file: the rows, a "Total" row, then the rows listed apart; the
    report's words said by ``voice`` (the business's language), numbers and dates kept typed, a month
    written as the language names it."""
    voice = voice or document_voice(None)
    worded = [c.key for c in report.columns if c.kind is Kind.MONTH]

    def said(row: dict) -> list:
        cells = [row.get(c.key) for c in report.columns]
        return [voice.text(value) if isinstance(value, Text) else value for value in cells]

    headers = [voice.text(c.title) for c in report.columns]
    rows = [said({**row, **{key: voice.month(row[key]) for key in worded if row.get(key)}}) if worded else said(row)
            for row in report.rows]
    if report.totals:
        totals = said(report.totals)
        if totals[0] is None:
            totals[0] = voice.text(say("Total"))
        rows.append(totals)
    if report.apart:
        rows.append([None] * len(report.columns))
        rows.append([voice.text(report.apart_title)] + [None] * (len(report.columns) - 1))
        rows += [said(row) for row in report.apart]
    return headers, rows


def write_report(report: Report, path: Path | str, business: dict, state: TaskState | None = None) -> Path:
    """Write ``report`` to ``path``: .csv, .xlsx or .pdf by its ending."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DomainError("Save a report as a .pdf, .xlsx or .csv file.", field="path")
    if suffix == ".pdf":
        from app.pdf.report import render_report  # reportlab loads only when a document is made

        with written(path, state) as part:
            render_report(report, business, part, state)
    else:
        write_table(path, *spreadsheet_rows(report, document_voice(business.get("language"))), state)
    return path


@guarded(Right.VIEW_REPORTS)
def business_header(session: Session, actor: Actor) -> dict:
    """What a report's file says about the business: its name, and its language (the file's words)."""
    settings = get_settings(session)
    return {"business_name": settings.get("business_name", ""), "language": settings["language"]}
