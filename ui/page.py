"""The frame every area's screen shares: its margins, and a top row that starts with the area's title."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


def area_page(widget: QWidget, title: str) -> tuple[QVBoxLayout, QHBoxLayout]:
    """Lay ``widget`` out as an area: (the page's column, its top row with the title in it)."""
    column = QVBoxLayout(widget)
    column.setContentsMargins(16, 12, 16, 10)
    top = QHBoxLayout()
    top.addWidget(QLabel(title, objectName="areaTitle"))
    top.addSpacing(20)
    column.addLayout(top)
    return column, top
