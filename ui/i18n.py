"""The window's language (L2): Qt's and the desk's translations, installed before any widget is built.

The rules for strings shown to the user:

* a literal in a screen: ``self.tr("Sale {n} saved").format(n=...)`` — never ``tr(variable)``
  (pyside6-lupdate extracts only literals; tests/ui/test_languages.py scans ui/ for it);
* a word that comes from a table (a status, a payment method, a column title, a settings
  label): the table's literal is marked ``QT_TRANSLATE_NOOP("Terms", "Active")`` where it is
  written (or listed in ui/terms.py when the table lives in app/, which has no Qt), and shown
  with ``term(value)``, the one place that translates a value.

``make`` compiles resources/translations/desk_<lang>.ts into .qm with pyside6-lrelease
(``python -m ui.i18n compile``); ``python -m ui.i18n update`` runs pyside6-lupdate over ui/ to
bring new strings into the .ts files.
"""

from __future__ import annotations

import logging
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
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def update_sources() -> None:
    """New and changed strings of ui/ into every .ts (pyside6-lupdate; translations kept)."""
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
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
