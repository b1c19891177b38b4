"""The message catalogue (L2): service messages and document labels, in English with named parameters.

A service raises ``DomainError("The file {name} cannot be read.", field="attachments", name=...)``:
the English template and its parameters travel with the error; ``.message`` is the English
text (logs, tests), and the window shows it in the user's language (``ui.i18n.message``). A
document (an invoice, a statement) says its labels through ``Words(language)``:
``say("Invoice {number}", number=...)``.

The catalogue is the "Messages" context of resources/translations/desk_<lang>.ts, filled by
pyside6-lupdate from what :func:`templates` finds in app/ (no Qt here: the .ts XML is read
with ElementTree). What it finds, literally written:

* the first argument of ``DomainError`` and its kinds (PermissionDenied, NotFound, ...);
* the first argument of ``say(...)`` (a document's words);
* ``QT_TRANSLATE_NOOP("Messages", "...")``: a word kept in a table or a default;
* the label (third argument, or ``label=``) of the ``validation.*`` checks: "The amount" (one
  that a function passes on from its own parameter is found where its caller writes it);
* the label of a settings list's ``Field(key, "Label", ...)`` (app.services.lists).

Parameters are shown per language: a Decimal as money, a date as a date, an int as a number,
a ``Label`` (a field's name) translated, a DomainError as its own message.
"""

from __future__ import annotations

import ast  # already loaded by then (inspect, SQLAlchemy): no cost at start
import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTEXT = "Messages"
ERRORS = {"DomainError", "PermissionDenied", "NotFound", "AlreadyMember", "Cancelled", "BackupFailed", "DamagedFile",
          "ChangedMeanwhile"}
SAYING = {"say"}
LABELLED = {"text", "name", "money", "percent", "whole", "date", "email", "colour"}  # app.validation's checks


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pyside6-lupdate looks for
    """Marks ``text`` for the catalogue where it is written; returns it unchanged."""
    return text


class Label(str):
    """A field's name inside a message ("The amount"): translated with the message."""


WEEKDAYS = (QT_TRANSLATE_NOOP("Messages", "Monday"), QT_TRANSLATE_NOOP("Messages", "Tuesday"),
            QT_TRANSLATE_NOOP("Messages", "Wednesday"), QT_TRANSLATE_NOOP("Messages", "Thursday"),
            QT_TRANSLATE_NOOP("Messages", "Friday"), QT_TRANSLATE_NOOP("Messages", "Saturday"),
            QT_TRANSLATE_NOOP("Messages", "Sunday"))


def weekday(day: dt.date) -> Label:
    """A day's weekday inside a message: "Monday", translated with it."""
    return Label(WEEKDAYS[day.weekday()])


def _english(value) -> str:
    if isinstance(value, Exception) and hasattr(value, "message"):
        return value.message
    if isinstance(value, dt.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    return str(value)


def english(template: str, params: dict) -> str:
    """The message as the services' English: ``.message`` of a DomainError."""
    return template.format(**{key: _english(value) for key, value in params.items()}) if params else template


# --- reading the catalogue without Qt (documents) -------------------------------------------------

def ts_file(language: str) -> Path:
    return ROOT / "resources" / "translations" / f"desk_{language}.ts"


def finished(language: str, context_name: str = CONTEXT):
    """(message, translation) of each finished entry of ``context_name`` in ``language``'s .ts file
    (none for English), read without Qt."""
    if language == "en" or not ts_file(language).is_file():
        return
    import xml.etree.ElementTree as ET  # a document's first label only: not at the program's start

    for context in ET.parse(ts_file(language)).getroot().iter("context"):
        if context.findtext("name") == context_name:
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation is not None and not translation.get("type"):
                    yield message, translation


@cache
def catalogue(language: str, context_name: str = CONTEXT) -> dict[str, str]:
    """English template -> its finished translation in ``language`` (empty for English); the
    catalogue's context, or "Terms" (the words of app/'s tables: a payment method)."""
    return {message.findtext("source"): translation.text
            for message, translation in finished(language, context_name) if translation.text}


class Words:
    """A document's words in ``language``: ``say("Invoice {number}", number=...)``, its money and
    dates as the language writes them (Latin digits: a printed document keeps the codes' digits)."""

    def __init__(self, language: str | None):
        from app import languages

        self.language = language if language in languages.SHIPPED else "en"
        self.right_to_left = languages.right_to_left(self.language)
        self._translated = catalogue(self.language)
        self._terms = catalogue(self.language, "Terms")

    def __call__(self, template: str, **params) -> str:
        return self._translated.get(template, template).format(**params)

    def term(self, word: str) -> str:
        """A word of app/'s tables (a payment method), as the window's term() translates it."""
        return self._terms.get(word, word)

    def money(self, amount: Decimal) -> str:
        if self.language == "en":
            return f"{amount:,.2f}"
        from babel.numbers import format_decimal

        from app import languages

        return format_decimal(amount, format="#,##0.00", locale=languages.BABEL[self.language],
                              numbering_system="latn", decimal_quantization=True)

    def date(self, day: dt.date) -> str:
        from app import languages

        pattern = languages.DATES[self.language].replace("dd", "%d").replace("MM", "%m").replace("yyyy", "%Y")
        return day.strftime(pattern)


# --- finding the templates (pyside6-lupdate reads them through a generated file) -----------------

def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _name(func) -> str | None:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _marked(node) -> bool:
    return (isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP" and len(node.args) == 2
            and _literal(node.args[0]) == CONTEXT and _literal(node.args[1]) is not None)


def _marked_tables(tree) -> set[str]:
    """Module-level dicts whose every value is marked QT_TRANSLATE_NOOP("Messages", ...): a message
    taken from one (``DomainError(REFUSED[action], ...)``) is in the catalogue."""
    return {target.id for node in tree.body if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
            and node.value.values and all(_marked(value) for value in node.value.values)
            for target in node.targets if isinstance(target, ast.Name)}


def _parameters(tree) -> dict[int, set[str]]:
    """id(node) -> the parameters of the functions and lambdas around it."""
    around: dict[int, set[str]] = {}

    def visit(node, names: frozenset) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            names = names | {a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)}
        around[id(node)] = names
        for child in ast.iter_child_nodes(node):
            visit(child, names)

    visit(tree, frozenset())
    return around


@cache
def error_names() -> frozenset[str]:
    """DomainError's kinds and every class of app/ derived from one of them (NoSuchCode, BackupFailed...):
    the first argument of each is a catalogue template."""
    names = set(ERRORS)
    classes = [(node.name, {_name(base) for base in node.bases}) for path in (ROOT / "app").rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if isinstance(node, ast.ClassDef)]
    grown = True
    while grown:
        known = len(names)
        names |= {name for name, bases in classes if bases & names}
        grown = len(names) > known
    return frozenset(names)


def found_in(source: str) -> list[tuple[int, str | None, str]]:
    """(line, template or None when it is not a literal, the call) of each catalogue text in ``source``
    ("" for a message taken from a marked table or constant, or a label passed on from a parameter: its
    texts are found where they are written)."""
    found = []
    tree = ast.parse(source)
    tables = _marked_tables(tree)
    constants = {target.id for node in tree.body if isinstance(node, ast.Assign) and _marked(node.value)
                 for target in node.targets if isinstance(target, ast.Name)}  # NOT_SAVED = QT_TRANSLATE_NOOP(...)
    parameters = _parameters(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name in error_names() or name in SAYING:
            if node.args:
                first = node.args[0]
                from_table = (isinstance(first, ast.Subscript) and getattr(first.value, "id", None) in tables
                              or isinstance(first, ast.Name) and first.id in constants)
                found.append((node.lineno, "" if from_table else _literal(first), name))
        elif name == "QT_TRANSLATE_NOOP" and len(node.args) == 2 and _literal(node.args[0]) == CONTEXT:
            found.append((node.lineno, _literal(node.args[1]), name))
        elif (name in LABELLED and isinstance(node.func, ast.Attribute)
              and getattr(node.func.value, "id", None) == "validation"):
            label = node.args[2] if len(node.args) > 2 else next(
                (k.value for k in node.keywords if k.arg == "label"), None)
            if label is not None:
                passed_on = isinstance(label, ast.Name) and label.id in parameters.get(id(label), ())
                found.append((node.lineno, "" if passed_on else _literal(label), "validation label"))
        elif name == "Field" and len(node.args) > 1:
            found.append((node.lineno, _literal(node.args[1]), "list field label"))
    return found


# Files whose messages are still English f-strings, not yet templates of the catalogue (shrinks to
# nothing; tests/ui/test_languages.py holds every other file of app/ to literal templates).
NOT_YET = ()


def sources() -> list[Path]:
    """The files of app/ whose catalogue texts are extracted (all but NOT_YET)."""
    return sorted(path for path in (ROOT / "app").rglob("*.py")
                  if not str(path.relative_to(ROOT)).startswith(NOT_YET))


def templates(paths=None) -> list[str]:
    """Every literal catalogue text of app/, once each, in the order found."""
    seen: dict[str, None] = {}
    for path in paths or sources():
        for _line, template, _call in found_in(path.read_text(encoding="utf-8")):
            if template:
                seen.setdefault(template, None)
    return list(seen)


def lupdate_source(paths=None) -> str:
    """The templates as a Python file pyside6-lupdate reads (it knows QT_TRANSLATE_NOOP by its syntax); a
    template with ``%n`` (a count: app/reports/wording.py) as a translate call with a number, so lupdate
    makes it a plural (numerus) entry, one form per plural of the language."""
    lines = ["# Generated from app/ by app.messages.lupdate_source: the message catalogue for pyside6-lupdate."]
    lines += [f"QCoreApplication.translate({CONTEXT!r}, {template!r}, None, 1)" if "%n" in template
              else f"QT_TRANSLATE_NOOP({CONTEXT!r}, {template!r})" for template in templates(paths)]
    return "\n".join(lines) + "\n"
