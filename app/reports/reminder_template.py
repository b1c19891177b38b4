"""The reminder email's subject and body (Q5): placeholders, their check, and filling them in.

Kept apart from the reminders service so the settings can check a template without importing the
reports (which read the settings). Placeholders are plain ``{name}`` fields: no attributes, indexes,
conversions or format specs, so a template can only ever say the values listed here.
"""

from __future__ import annotations

import datetime as dt
from string import Formatter

from app import letters, validation
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label, Words

PLACEHOLDERS = {
    "client": "the client's name",
    "package": "what ends (several joined by commas)",
    "ends": "the day the first of them ends",
    "business": "the business name from Settings",
    "items": "one line per thing that ends, with its date",
}

DEFAULT_SUBJECT = letters.REMINDER_SUBJECT  # in the business's language when sent (template_for)
DEFAULT_BODY = letters.REMINDER_BODY


def _fields(template: str, key: str, label: str) -> list[str]:
    try:
        parsed = list(Formatter().parse(template))
    except ValueError:
        raise DomainError("{label} has a lone {{ or }}: write {{{{ or }}}} for a brace itself.", field=key,
                          label=Label(label)) from None
    fields = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise DomainError("{label} has an unknown placeholder {shown}. Use only {known}.", field=key,
                              label=Label(label), shown=shown, known=known)
        fields.append(name)
    return fields


def check(value, key: str, label: str, *, max_len: int) -> str:
    """A template as typed, refused with a plain message when it names a placeholder we cannot fill."""
    value = validation.text(value, key, label, max_len=max_len)
    if key.endswith("subject") and "\n" in value:
        raise DomainError("{label} must be one line.", field=key, label=Label(label))
    _fields(value, key, label)
    return value


# What ends, said in the letter's language (the reminders list keeps these words in English).
KINDS = {"membership": QT_TRANSLATE_NOOP("Messages", "membership"),
         "lesson pack": QT_TRANSLATE_NOOP("Messages", "lesson pack"),
         "credits": QT_TRANSLATE_NOOP("Messages", "credits")}


def values_for(rows: list[dict], today: dt.date, settings: dict, language: str | None = None) -> dict[str, str]:
    """The placeholders' values of one client's letter (``rows``: what ends, each with its package, kind
    and end), in ``language`` (the business's when not given), as the default letter is."""
    say = Words(language or settings["language"])
    return {"client": rows[0]["client"], "package": ", ".join(row["package"] for row in rows),
            "ends": say.date(rows[0]["ends"]), "business": settings["business_name"],
            "items": "\n".join(_item(say, row, today) for row in rows)}


def _item(say: Words, row: dict, today: dt.date) -> str:
    said = {"package": row["package"], "kind": say(KINDS.get(row["kind"], row["kind"])), "day": say.date(row["ends"])}
    if row["ends"] >= today:
        return say("Your {package} ({kind}) ends on {day}.", **said)
    return say("Your {package} ({kind}) ended on {day}.", **said)


def fill(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders replaced (the values are plain text, never re-read as a template)."""
    return template.format_map({name: values[name] for name in PLACEHOLDERS})


def template_for(settings: dict, language: str | None = None) -> tuple[str, str]:
    """The (subject, body) of a reminder: the owner's, as typed in Settings, or while they are the
    defaults, the defaults in ``language`` (the business's when not given), like its documents."""
    language = language or settings["language"]
    return (letters.in_language(settings["reminder_subject"], DEFAULT_SUBJECT, language),
            letters.in_language(settings["reminder_body"], DEFAULT_BODY, language))
