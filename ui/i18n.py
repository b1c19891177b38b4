"""The window's language (L2): Qt's and the desk's translations, installed before any widget is built.

The rules for strings shown to the user:

* a literal in a screen: ``self.tr("Sale {n} saved").format(n=...)``, the text itself written in the
  call, never a name holding it (pyside6-lupdate extracts only literals; tests/ui/test_languages.py
  scans ui/ for it);
* a word that comes from a table (a status, a payment method, a column title, a settings
  label): the table's literal is marked ``QT_TRANSLATE_NOOP("Terms", "Active")`` where it is
  written (or listed in ui/terms.py when the table lives in app/, which has no Qt), and shown
  with ``term(value)``, the one place that translates a value.

* a service's message (a DomainError, app/messages.py's catalogue): shown with ``message(exc)``,
  never ``exc.message`` (the English text, for logs).

``make`` compiles resources/translations/desk_<lang>.ts into .qm with pyside6-lrelease
(``python -m ui.i18n compile``); ``python -m ui.i18n update`` runs pyside6-lupdate over ui/ and
app/'s message catalogue to bring new strings into the .ts files.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from app import languages

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
SHIPPED_TRANSLATIONS = tuple(code for code in languages.SHIPPED if code != "en")  # English is the source
QT_LOCALES = {"en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
              "ru": QLocale(QLocale.Language.Russian, QLocale.Country.Belarus),
              "ar": QLocale(QLocale.Language.Arabic, QLocale.Country.SaudiArabia)}
log = logging.getLogger("desk")
_installed: list[QTranslator] = []


def term(text: str) -> str:
    """A word from a table, translated: its literal is marked QT_TRANSLATE_NOOP("Terms", ...)."""
    return QCoreApplication.translate("Terms", text)


def catalogue_text(template: str, n: int = -1) -> str:
    """A text of the message catalogue (a report's word: app/reports/wording.py), translated as it is,
    its parameters left to the caller; with ``n``, the plural form for n (a ``%n`` template, Qt's
    numerus: %n written as n in Latin digits)."""
    return QCoreApplication.translate("Messages", template, None, n)


def message(exc) -> str:
    """A service's message (a DomainError) in the window's language: its catalogue template
    translated, its parameters as the language writes them (money, dates, numbers, field names)."""
    template = getattr(exc, "template", None)
    if template is None:
        return exc.message
    translated = QCoreApplication.translate("Messages", template)
    return translated.format(**{key: _shown(value) for key, value in exc.params.items()}) if exc.params else translated


def _shown(value) -> str:
    import datetime as dt
    from decimal import Decimal

    from app.messages import Label

    if isinstance(value, Exception) and hasattr(value, "message"):
        return message(value)
    if isinstance(value, Label):
        return QCoreApplication.translate("Messages", value)
    if isinstance(value, Decimal):
        return languages.money_text(value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return languages.number_text(value)
    if isinstance(value, dt.datetime):  # a moment: its day and time (the sender made it local)
        return f"{languages.date_text(value.date())} {languages.time_text(value)}"
    if isinstance(value, dt.date):
        return languages.date_text(value)
    return str(value)


def ts_file(language: str) -> Path:
    return TRANSLATIONS / f"desk_{language}.ts"


def qm_file(language: str) -> Path:
    return TRANSLATIONS / f"desk_{language}.qm"


def install(app, language: str) -> str | None:
    """Speak ``language`` in every widget built from now on; a plain problem when it could not (then
    English, left to right). Cheap: two small files (the start-up budget)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    problem = None
    if language != "en":
        ours = QTranslator(app)
        if not ours.load(str(qm_file(language))):
            problem = QCoreApplication.translate(
                "Languages", "The {language} translation ({file}) is missing or damaged: the desk speaks "
                "English until it is installed again.").format(language=languages.NAMES[language],
                                                              file=qm_file(language).name)
            log.warning("translation not loaded: %s", qm_file(language))
            language = "en"
        else:
            qt = QTranslator(app)
            if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                app.installTranslator(qt)
                _installed.append(qt)
            app.installTranslator(ours)
            _installed.append(ours)
    languages.use(language)
    QLocale.setDefault(QT_LOCALES[language])
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if languages.right_to_left(language)
                           else Qt.LayoutDirection.LeftToRight)
    return problem


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else name


def compile_all(target: Path = TRANSLATIONS) -> list[Path]:
    """Every .ts compiled into a .qm in ``target`` (pyside6-lrelease); the .qm files."""
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for language in SHIPPED_TRANSLATIONS:
        qm = target / f"desk_{language}.qm"
        fresh = qm.with_suffix(".qm.new")  # then replaced, never rewritten in place: a running desk maps it
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(fresh)], check=True)
        os.replace(fresh, qm)
        made.append(qm)
    return made


def lupdate_sources(folder: Path) -> list[str]:
    """What pyside6-lupdate reads: ui/, and the message catalogue of app/ (app.messages finds its
    templates; they are written to ``folder`` as QT_TRANSLATE_NOOP("Messages", ...) lines)."""
    from app import messages

    catalogue = folder / "messages_catalogue.py"
    catalogue.write_text(messages.lupdate_source(), encoding="utf-8")
    return [*sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")), str(catalogue)]


def update_sources() -> None:
    """New and changed strings of ui/ and app/'s catalogue into every .ts (pyside6-lupdate; translations kept)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        sources = lupdate_sources(Path(folder))
        for language in SHIPPED_TRANSLATIONS:
            subprocess.run([_tool("pyside6-lupdate"), "-silent", "-locations", "none", *sources,
                            "-target-language", language, "-ts", str(ts_file(language).relative_to(ROOT))],
                           check=True, cwd=ROOT)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "update":
        update_sources()
    else:
        for made in compile_all(Path(sys.argv[2]) if len(sys.argv) > 2 else TRANSLATIONS):
            print(made)
