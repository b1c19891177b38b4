"""Message boxes that show their text as typed (D8): a client's name like ``<b>Big</b>`` stays as written.

QMessageBox's static functions guess the format (Qt.AutoText): text that looks
like markup would be drawn as markup. These take the same arguments; a text
that looks like markup is passed as escaped rich text, which draws exactly the
characters typed (new lines kept); any other text passes unchanged.
"""

from __future__ import annotations

from html import escape

from PySide6.QtGui import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def as_typed(text: str) -> str:
    """``text`` as Qt's AutoText will show it character for character."""
    if not Qt.mightBeRichText(text):
        return text
    return "<p style='white-space:pre-wrap'>" + escape(text, quote=False) + "</p>"


def warning(parent: QWidget | None, title: str, text: str):
    return QMessageBox.warning(parent, title, as_typed(text))


def information(parent: QWidget | None, title: str, text: str):
    return QMessageBox.information(parent, title, as_typed(text))


def critical(parent: QWidget | None, title: str, text: str):
    return QMessageBox.critical(parent, title, as_typed(text))


def question(parent: QWidget | None, title: str, text: str):
    return QMessageBox.question(parent, title, as_typed(text))
