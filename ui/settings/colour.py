"""A small button that shows a colour; a click opens the system colour picker (QColorDialog)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QColorDialog, QPushButton


class ColourButton(QPushButton):
    """Picks a colour instead of typing its hex code; Cancel in the picker keeps the old one."""

    def __init__(self, colour: str, parent=None):
        super().__init__(parent)
        self._colour = ""
        self.set_colour(colour)
        self.clicked.connect(self.pick)

    def colour(self) -> str:
        return self._colour

    def set_colour(self, colour: str) -> None:
        self._colour = QColor(colour).name()
        swatch = QPixmap(32, 16)
        swatch.fill(QColor(self._colour))
        self.setIcon(QIcon(swatch))
        self.setIconSize(swatch.size())
        self.setText(self._colour)

    def pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._colour), self, self.tr("Choose a colour"))
        if chosen.isValid():
            self.set_colour(chosen.name())
