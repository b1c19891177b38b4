"""The reminder email's subject and body (Q5): placeholders, their check, and filling them in.

Kept apart from the reminders service so the settings can check a template without importing the
reports (which read the settings). Placeholders are plain ``{name}`` fields: no attributes, indexes,
conversions or format specs, so a template can only ever say the values listed here.
"""

from __future__ import annotations

from string import Formatter

from app import validation
from app.errors import DomainError

PLACEHOLDERS = {
    "client": "the client's name",
    "package": "what ends (several joined by commas)",
    "ends": "the day the first of them ends",
    "business": "the business name from Settings",
    "items": "one line per thing that ends, with its date",
}

DEFAULT_SUBJECT = "{business}: a reminder about your {package}"
DEFAULT_BODY = ("Hello {client},\n\n"
                "{items}\n\n"
                "Renew at the reception, or reply to this email, to keep your place.\n\n"
                "{business}")


def _fields(template: str, key: str, label: str) -> list[str]:
    try:
        parsed = list(Formatter().parse(template))
    except ValueError:
        raise DomainError(f"{label} has a lone {{ or }}: write {{{{ or }}}} for a brace itself.", field=key) from None
    fields = []
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            shown = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise DomainError(f"{label} has an unknown placeholder {shown}. Use only {known}.", field=key)
        fields.append(name)
    return fields


def check(value, key: str, label: str, *, max_len: int) -> str:
    """A template as typed, refused with a plain message when it names a placeholder we cannot fill."""
    value = validation.text(value, key, label, max_len=max_len)
    if key.endswith("subject") and "\n" in value:
        raise DomainError(f"{label} must be one line.", field=key)
    _fields(value, key, label)
    return value


def fill(template: str, values: dict[str, str]) -> str:
    """The template with its placeholders replaced (the values are plain text, never re-read as a template)."""
    return template.format_map({name: values[name] for name in PLACEHOLDERS})


def template_for(settings: dict, language: str) -> tuple[str, str]:
    """The (subject, body) to write to a client who reads ``language``.

    One template for now, in the language it was typed in; when the translations land, each
    language gets its own pair of settings and this is the one place that picks it.
    """
    return settings["reminder_subject"], settings["reminder_body"]
