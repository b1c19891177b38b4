"""The pinned PySide6 must not leak or over-release None (6.12.0 aborted with "none_dealloc")."""

import sys

from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_leave_the_refcount_of_none_unchanged(qapp):
    label = QLabel()
    for _ in range(10):  # warm caches first
        label.setText("x")
    before = sys.getrefcount(None)
    for i in range(1000):
        label.setText(str(i))  # returns None
        label.setToolTip("t")
    assert abs(sys.getrefcount(None) - before) < 10
