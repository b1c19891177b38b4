"""The pinned PySide6 must not over-release None (6.12.0 aborted at exit with "none_dealloc")."""

import sys

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem


def test_calls_returning_nothing_leave_the_refcount_of_none_unchanged(qapp):
    table = QTableWidget(10, 10)  # a scratch widget: the call named in the bug report
    label = QLabel()
    for _ in range(10):  # warm caches first
        table.setItem(0, 0, QTableWidgetItem("x"))
        label.setText("x")
    before = sys.getrefcount(None)
    for i in range(1000):
        table.setItem(i % 10, i % 7, QTableWidgetItem(str(i)))  # returns None
        label.setText(str(i))  # returns None
    assert abs(sys.getrefcount(None) - before) < 10
