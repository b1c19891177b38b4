"""L2: the window speaks English, Russian and Arabic (right to left).

The static checks read ui/'s source and the committed .ts files; the rest drive real widgets
with a language installed (and English put back after each test).
"""

from __future__ import annotations

import ast
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


def test_l2_tr_is_called_on_self_or_a_class_never_on_another_object():
    """lupdate files ``parent.tr("...")`` under a context named "parent", while at run time the text is
    looked up under the object's class: it would never be translated. Outside a widget's own methods,
    QCoreApplication.translate("Context", "...") says the context."""
    wrong = [f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)[:70]}"
             for path, node, _name in _calls({"tr"})
             if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
             and node.func.value.id != "self" and not node.func.value.id[:1].isupper()]
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


def test_l2_the_translation_files_hold_every_string_of_ui(tmp_path):
    """pyside6-lupdate over ui/ and app/'s message catalogue now finds nothing the committed .ts files lack."""
    fresh = tmp_path / "fresh.ts"
    sources = i18n.lupdate_sources(tmp_path)
    subprocess.run([i18n._tool("pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, cwd=ROOT)
    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(fresh).getroot().iter("context")
             for m in c.iter("message")}
    for language in i18n.SHIPPED_TRANSLATIONS:
        assert found - {(context, source) for context, source, _t, _n in _messages(language)} == set()


@pytest.mark.parametrize("language", i18n.SHIPPED_TRANSLATIONS)
def test_l2_every_template_of_the_message_catalogue_is_translated(language):
    """Each service message and document label of app/ (app.messages.templates: DomainError texts,
    say(...) labels, validation's field names) has a finished translation in the "Messages"
    context (its placeholders are held by test_l2_translations_keep_the_placeholders)."""
    from app import messages

    translated = {source for context, source, translation, _n in _messages(language)
                  if context == "Messages" and translation.get("type") != "unfinished" and translation.text}
    assert [t for t in messages.templates() if t not in translated] == []
    assert messages.catalogue(language)["Invoice {number}"] != "Invoice {number}"  # read without Qt too


def test_l2_every_message_of_app_is_a_literal_template():
    """A DomainError's text and a validation field's name are literals (named parameters, no
    f-string, no variable), so the catalogue holds them; files not yet converted are listed in
    app.messages.NOT_YET."""
    from app import messages

    wrong = []
    for path in messages.sources():
        for line, template, call in messages.found_in(path.read_text(encoding="utf-8")):
            if template is None and call != "say":
                wrong.append(f"{path.relative_to(ROOT)}:{line}: {call}")
    assert wrong == []


def test_l2_the_window_shows_a_service_message_only_through_i18n_message():
    """``exc.message`` is the English text (for logs): a screen shows ``ui.i18n.message(exc)``."""
    allowed = {UI / "i18n.py"} | set((UI / "reports").rglob("*.py")) | set((UI / "settings").rglob("*.py"))
    wrong = []
    for path in _ui_sources():
        if path in allowed:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        logged = {id(n) for node in ast.walk(tree) if isinstance(node, ast.Call)
                  and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", None) == "log"
                  for n in ast.walk(node)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and node.attr == "message" and isinstance(node.value, ast.Name)
                    and node.value.id != "self" and id(node) not in logged
                    and not (path.name == "backups.py" and node.value.id == "problem")):  # re-raised as is
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(node)}")
    assert wrong == []


# --- the window in a language ---------------------------------------------------------------

def test_l2_arabic_reads_right_to_left_and_a_chip_is_painted_at_the_right(speak, qtbot):
    import datetime as dt

    from PySide6.QtGui import QColor

    from ui.clients.cards import ChipStrip

    chips = [{"date": dt.date(2026, 3, 2), "colour": "#2e9d4f", "status": "Present"}]
    shown = {}
    for language in ("en", "ar"):
        assert speak(language) is None
        strip = ChipStrip(chips, None)
        qtbot.addWidget(strip)
        strip.resize(400, 40)
        image = strip.grab().toImage()
        shown[language] = (strip.layoutDirection(), strip.chip_rect(0), image)
    assert shown["en"][0] == Qt.LayoutDirection.LeftToRight
    assert shown["ar"][0] == Qt.LayoutDirection.RightToLeft
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert shown["en"][1].left() == 0 and shown["ar"][1].right() == 399  # the first chip at the reading's start
    green = QColor("#2e9d4f").rgb()
    assert shown["en"][2].pixel(6, 11) == green and shown["en"][2].pixel(393, 11) != green
    assert shown["ar"][2].pixel(393, 11) == green and shown["ar"][2].pixel(6, 11) != green


def test_l2_the_unpaid_corner_is_at_the_cells_top_end():
    from PySide6.QtCore import QPoint, QRect

    from ui.journal.screen import unpaid_corner

    cell = QRect(100, 40, 48, 30)
    left_to_right = unpaid_corner(cell, Qt.LayoutDirection.LeftToRight).boundingRect()
    right_to_left = unpaid_corner(cell, Qt.LayoutDirection.RightToLeft).boundingRect()
    assert left_to_right.topRight() == cell.topRight() and left_to_right.contains(QPoint(145, 42))
    assert right_to_left.topLeft() == cell.topLeft() and right_to_left.contains(QPoint(102, 42))
    assert not right_to_left.intersects(left_to_right)


def test_l2_a_missing_or_damaged_translation_leaves_english_and_says_so(speak, tmp_path, monkeypatch, qtbot):
    from PySide6.QtWidgets import QPushButton

    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)
    problem = speak("ru")  # missing
    assert "desk_ru.qm" in problem and "English" in problem
    (tmp_path / "desk_ar.qm").write_bytes(b"\x00not a translation" * 20)  # damaged
    problem = speak("ar")
    assert "desk_ar.qm" in problem and "English" in problem
    assert languages.current() == "en" and QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert i18n.term("Active") == "Active"
    button = QPushButton(QCoreApplication.translate("Terms", "Cash"))
    qtbot.addWidget(button)
    assert button.text() == "Cash"


def test_l2_the_start_says_once_that_the_translation_is_missing(speak, tmp_path, monkeypatch, qtbot):
    import ui.app as desk

    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(i18n, "TRANSLATIONS", tmp_path)  # no .qm there
    window = desk.start(["--demo", "--lang", "ru"])
    qtbot.addWidget(window)
    try:
        assert "desk_ru.qm" in window.statusBar().currentMessage()
        assert window.menuBar().actions()[0].text() == "&File"  # English
        assert languages.current() == "en"
    finally:
        window.ops.db.dispose()


def _shown_texts(window):
    """Every text a person reads on the window and its open screen: labels, buttons, menus,
    tab titles, column headers, list items (user data among them: only English sources count)."""
    from PySide6.QtWidgets import QListWidget, QTabWidget

    texts = []
    for widget in window.findChildren(QLabel):
        if widget.isVisibleTo(window) and widget.textFormat() != Qt.TextFormat.PlainText:
            texts.append(widget.text())
    texts += [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    texts += [a.text() for menu in window.menuBar().actions() for a in [menu, *menu.menu().actions()]]
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for items in window.findChildren(QListWidget):
        texts += [items.item(i).text() for i in range(items.count())]
    for table in window.findChildren(QTableView):
        model = table.model()
        if table.isVisibleTo(window) and model is not None:
            texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
            texts += [model.index(r, c).data() for r in range(min(model.rowCount(), 30))
                      for c in range(model.columnCount())]
    return [t for t in texts if isinstance(t, str) and t.strip()]


VIEWS = ["clients", "client:C000044", "packages", "memberships", "journal", "credits", "agenda", "reports",
         "settings"]


@pytest.mark.parametrize(("language", "locale", "file_menu"), [
    ("ru", QLocale.Language.Russian, "&Файл"), ("ar", QLocale.Language.Arabic, "&ملف")])
def test_l2_every_view_in_each_language_shows_no_english_string(language, locale, file_menu, speak, tmp_path,
                                                                 monkeypatch, qtbot):
    """The demo opened in the language offscreen: on each view, no shown text equals an English
    source whose translation differs (user data and numbers are not sources, so they pass)."""
    import ui.app as desk
    from ui.self_test import open_view

    english = {source for _c, source, translation, numerus in _messages(language)
               if not numerus and translation.text != source}
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path))
    window = desk.start(["--demo", "--lang", language])
    qtbot.addWidget(window)
    try:
        assert QLocale().language() == locale
        left = {}
        for view in VIEWS:
            open_view(window, view)
            QApplication.processEvents()
            untranslated = sorted({t for t in _shown_texts(window) if t in english})
            if untranslated:
                left[view] = untranslated
        assert left == {}
        assert window.menuBar().actions()[0].text() == file_menu
    finally:
        window.ops.db.dispose()


def test_l2_first_start_offers_the_language_and_speaks_it_at_once(speak, tmp_path, qtbot):
    """Choosing Arabic builds the dialog again in Arabic, right to left, with what was typed kept;
    the business is created speaking Arabic."""
    from PySide6.QtWidgets import QDialog, QLineEdit

    from app.services import settings
    from app.storage import open_database
    from tests.databases import new_database_url
    from ui.start.first_start import RELANGUAGE, FirstStartDialog

    db = open_database(new_database_url(tmp_path), create=True)
    try:
        dialog = FirstStartDialog(db)
        qtbot.addWidget(dialog)
        assert [dialog.language.itemData(i) for i in range(dialog.language.count())] == ["en", "ru", "ar"]
        qtbot.keyClicks(dialog.fields["business_name"], "Sun Centre")
        dialog.language.setCurrentIndex(dialog.language.findData("ar"))
        assert dialog.result() == RELANGUAGE
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        again = FirstStartDialog(db, typed=dialog.typed())
        qtbot.addWidget(again)
        assert again.windowTitle() == "مرحبًا بك في مكتب الاشتراكات"
        assert again.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert again.language.currentData() == "ar"
        assert again.fields["business_name"].text() == "Sun Centre"
        for field, text in (("owner_name", "Olga"), ("username", "olga"), ("password", "secret-pass-1"),
                            ("repeat_password", "secret-pass-1")):
            again.findChild(QLineEdit, field).setText(text)
        again.create()
        assert again.result() == QDialog.DialogCode.Accepted
        with db.reader.begin() as session:
            assert settings.get_settings(session)["language"] == "ar"
    finally:
        db.dispose()


def test_l2_a_user_chooses_their_own_language_for_after_a_restart(speak, desk, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from app.services import settings
    from ui.start.language import LanguageDialog

    ops = desk.ops("rita")
    said = []
    ops.said.connect(said.append)
    dialog = LanguageDialog(ops)
    qtbot.addWidget(dialog)
    assert dialog.language.itemText(0) == "The business's (English)" and dialog.language.currentData() is None
    dialog.language.setCurrentIndex(dialog.language.findData("ru"))
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(said))
    assert "after a restart" in said[0]
    with desk.database.reader.begin() as session:
        assert settings.language_for(session, ops.actor.user_id) == "ru"
        assert settings.language_for(session) == "en"
    assert languages.current() == "en"  # nothing changes before the restart


def test_l2_the_business_language_is_chosen_in_settings_and_said_to_need_a_restart(speak, desk, qtbot):
    from PySide6.QtWidgets import QComboBox

    from app.services import settings
    from ui.settings.screen import SettingsScreen

    screen = SettingsScreen(desk.ops("olga"))
    qtbot.addWidget(screen)
    page = screen.pages[0]
    combo = page.findChild(QComboBox, "language")
    assert [combo.itemText(i) for i in range(combo.count())] == ["English", "Русский", "العربية"]
    combo.setCurrentIndex(combo.findData("ru"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.saved.text() != "")
    assert page.saved.text() == "Saved. The new language takes effect after a restart."
    with desk.database.reader.begin() as session:
        assert settings.get_settings(session)["language"] == "ru"


@pytest.mark.parametrize("language", ["en", "ar"])
def test_l2_the_check_in_banner_hangs_under_the_fields_end(language, speak, desk, qtbot):
    """Wider than its field, the banner keeps to the field's start: the left in English, the
    right in Arabic (where the window's layout is mirrored)."""
    from PySide6.QtWidgets import QHBoxLayout, QWidget

    from ui.clients.checkin import CheckInBar

    assert speak(language) is None
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 300)
    row = QHBoxLayout(window)
    bar = CheckInBar(desk.ops("rita"))
    bar.setFixedWidth(260)
    row.addStretch(1)
    row.addWidget(bar)
    row.addStretch(1)
    window.show()
    qtbot.keyClicks(bar.code, "C999999")
    qtbot.keyClick(bar.code, Qt.Key.Key_Return)
    qtbot.waitUntil(bar.result.isVisible)
    field = bar.geometry()
    banner = bar.result.geometry()
    assert banner.width() > field.width()
    if language == "ar":
        assert bar.isRightToLeft() and banner.right() == field.right()
    else:
        assert banner.left() == field.left()


@pytest.mark.parametrize(("language", "shown"), [("en", "02.12.2026"), ("ru", "02.12.2026"), ("ar", "٠٢/١٢/٢٠٢٦")])
def test_l2_a_date_field_shows_the_day_first_in_every_language(language, shown, speak, qtbot):
    """Right to left, Qt mirrors a date field's sections: Arabic still reads day, month, year."""
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    assert speak(language) is None
    field = QDateEdit(QDate(2026, 12, 2), displayFormat=languages.date_edit_format())
    qtbot.addWidget(field)
    assert field.text() == shown and field.date() == QDate(2026, 12, 2)
