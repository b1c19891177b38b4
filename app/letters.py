"""The business's letters to its clients (L2): the reminder's default subject and text, in the business's language.

The defaults are English templates of the message catalogue (app/messages.py), so a Russian
business's reminder goes out in Russian while the owner has not written one; a subject or text the
owner typed in Settings › Email is the business's own and is sent as typed, whatever its language.
The invoice email says its words through ``Words`` in app/services/documents.py, as the invoice does.
"""

from __future__ import annotations

from app.messages import QT_TRANSLATE_NOOP, catalogue

REMINDER_SUBJECT = QT_TRANSLATE_NOOP("Messages", "{business}: a reminder about your {package}")
REMINDER_BODY = QT_TRANSLATE_NOOP("Messages", "Hello {client},\n\n"
                                              "{items}\n\n"
                                              "Renew at the reception, or reply to this email, to keep your place.\n\n"
                                              "{business}")


def in_language(template: str, default: str, language: str) -> str:
    """``template`` as the letter uses it: the ``default`` (the owner kept it) in ``language``, or the
    owner's own text as typed. Its placeholders are filled afterwards (reminder_template.fill)."""
    if template != default:
        return template
    return catalogue(language).get(default, default)


DEFAULTS = {"reminder_subject": REMINDER_SUBJECT, "reminder_body": REMINDER_BODY}  # the settings they default


def shown(key: str, value, language: str | None):
    """A setting as Settings › Email shows it: a default letter text in the business's ``language``."""
    default = DEFAULTS.get(key)
    return in_language(value, default, language or "en") if default is not None else value


def kept(key: str, text, language: str | None):
    """A setting as saved from Settings › Email: the default shown untouched stays the default (so it
    follows a later change of the business's language); anything else is the owner's text as typed."""
    default = DEFAULTS.get(key)
    if default is not None and text == in_language(default, default, language or "en"):
        return default
    return text
