"""L2: the window speaks English, Russian and Arabic (right to left).

The static checks read ui/'s source and the committed .ts files; the rest drive real widgets
with a language installed (and English put back after each test).
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableView

from app import languages
from ui import i18n

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
TRANSLATING = {"tr", "translate", "QT_TR_NOOP", "QT_TRANSLATE_NOOP"}


def _ui_sources():
    return sorted(UI.rglob("*.py"))


def _calls(name_filter):
    for path in _ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name in name_filter:
                    yield path, node, name


def _literal(node) -> bool:
    """A string literal (implicit concatenation is one Constant to ast, and lupdate reads it too)."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def test_l2_no_tr_call_takes_a_variable():
    """pyside6-lupdate extracts only literals: tr(variable) would never be translated. A word from a
    table is marked QT_TRANSLATE_NOOP("Terms", ...) and shown with ui.i18n.term()."""
    wrong = []
    for path, node, name in _calls(TRANSLATING):
        if path == UI / "i18n.py" and name == "translate":
            continue  # term(): the one place that translates a marked value
        text_at = 1 if name in ("translate", "QT_TRANSLATE_NOOP") else 0
        args = node.args
        if len(args) <= text_at or not _literal(args[text_at]) or (text_at and not _literal(args[0])):
            wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:90]}")
    assert wrong == []


def test_l2_marked_terms_are_in_the_terms_context():
    """term() looks words up in "Terms": a mark in another context would never be found."""
    wrong = [f"{path.relative_to(ROOT)}:{node.lineno}" for path, node, _name in _calls({"QT_TRANSLATE_NOOP"})
             if node.args[0].value != "Terms"]
    assert wrong == []


def test_l2_column_titles_are_marked_for_translation():
    """A table's column titles ((key, title[, format]) tuples) are translated by its model with
    term(): each title must be marked, or the header stays English."""
    wrong = []
    for path in _ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            columns = None
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "RowsModel" and node.args:
                columns = node.args[0]
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "COLUMNS" for t in node.targets):
                columns = node.value
            for column in getattr(columns, "elts", []):
                if isinstance(column, ast.Tuple) and len(column.elts) > 1 and _literal(column.elts[1]) and column.elts[1].value:
                    wrong.append(f"{path.relative_to(ROOT)}:{column.lineno}: {column.elts[1].value!r}")
    assert wrong == []


def _terms() -> set[str]:
    return {node.args[1].value for _path, node, _name in _calls({"QT_TRANSLATE_NOOP"})}


def test_l2_every_word_app_hands_the_window_is_marked():
    """Statuses, payment methods, invoice states, check-in reasons, import states and the settings
    lists come from app/ (no Qt there): each is listed in ui/terms.py, so a new one fails here."""
    from app.models import Invoice, InvoiceState
    from app.services import checkin, invoices, lists, payments, status

    words = set(status.LABELS.values()) | set(payments.METHOD_NAMES.values()) | {s.value for s in InvoiceState}
    words |= {invoices.payment_state(Invoice(state=InvoiceState.ISSUED, total=total), paid)
              for total, paid in ((10, 0), (10, 10), (10, 5))}
    words |= {checkin.verdict(policy, state)[1] for policy in ("anyone", "any_membership", "current_members")
              for state in [*status.Status, status.NONE]}
    words |= {"new", "duplicate", "error"}
    for spec in lists.LISTS.values():
        words |= {spec.title, spec.what, *(field.label for field in spec.fields)}
    assert words - _terms() == set()


def _messages(language: str):
    """(context, source, translation element, numerus) of every live message of a committed .ts."""
    tree = ET.parse(i18n.ts_file(language))
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            yield name, message.findtext("source"), translation, message.get("numerus") == "yes"


def _texts(translation, numerus: bool) -> list[str]:
    if numerus:
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("language", i18n.SHIPPED_TRANSLATIONS)
def test_l2_every_string_of_the_translation_file_is_translated(language):
    """Each string the .ts holds has a finished translation (numerus: every plural form)."""
    missing = [f"{context}: {source!r}" for context, source, translation, numerus in _messages(language)
               if translation.get("type") == "unfinished" or not all(_texts(translation, numerus))]
    assert missing == []


PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d|&(?=\w)")


@pytest.mark.parametrize("language", i18n.SHIPPED_TRANSLATIONS)
def test_l2_translations_keep_the_placeholders(language):
    """{n}, {name}, %n stay as they are (a renamed one would raise KeyError at .format())."""
    wrong = []
    for context, source, translation, numerus in _messages(language):
        wanted = sorted(p for p in PLACEHOLDER.findall(source) if p != "&")
        for text in _texts(translation, numerus):
            if text and sorted(p for p in PLACEHOLDER.findall(text) if p != "&") != wanted:
                wrong.append(f"{context}: {source!r} -> {text!r}")
    assert wrong == []


@pytest.mark.skipif(os.environ.get("DESK_CHECK_TRANSLATIONS") != "1",
                    reason="strings are still being added by other work: `make translations-check` runs it")
def test_l2_the_translation_files_hold_every_string_of_ui(tmp_path):
    """pyside6-lupdate over ui/ now finds nothing the committed .ts files lack."""
    fresh = tmp_path / "fresh.ts"
    sources = [str(p.relative_to(ROOT)) for p in _ui_sources()]
    subprocess.run([i18n._tool("pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, cwd=ROOT)
    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().iter("context")
             for m in c.iter("message")}
    for language in i18n.SHIPPED_TRANSLATIONS:
        assert found - {(context, source) for context, source, _t, _n in _messages(language)} == set()
