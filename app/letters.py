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
