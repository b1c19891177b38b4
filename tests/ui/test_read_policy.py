"""Reads follow the actions' error policy: storage trouble is a plain message, never "a bug"."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy.exc import OperationalError

from app.errors import NotFound
from ui.app import install_excepthook
from ui.ops import ReadFailed, storage_message


def _trouble(text: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, Exception(text))


def test_a_read_of_a_locked_or_unreachable_database_is_a_plain_message(ops_for, monkeypatch):
    ops = ops_for("rita")
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))

    def locked(session, actor):
        raise _trouble("database is locked")

    with pytest.raises(ReadFailed):
        ops.read(locked)
    assert told == ["Another computer is saving right now. Please try again in a moment."]
    assert storage_message(_trouble('connection to server at "10.0.0.5", port 5432 failed: Connection refused'))\
        .startswith("The database server cannot be reached")


def test_a_refusal_or_a_told_read_reaching_the_window_is_no_bug(qapp, monkeypatch):
    told, bugs = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append(text))
    monkeypatch.setattr("ui.app.report_bug", lambda exc: bugs.append(exc))
    saved = sys.excepthook
    try:
        install_excepthook()
        sys.excepthook(NotFound, NotFound("The client is gone: another PC deleted it."), None)
        sys.excepthook(ReadFailed, ReadFailed("told already"), None)
        sys.excepthook(ZeroDivisionError, ZeroDivisionError("a bug"), None)
    finally:
        sys.excepthook = saved
    assert told == ["The client is gone: another PC deleted it."]
    assert [type(b) for b in bugs] == [ZeroDivisionError]
