"""Undo as small commands: one service call and its reverse; a composite for "everyone present"."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from app.errors import DomainError
from ui.undo import ServiceCommand, Step, call, service_command


def test_a_command_runs_its_steps_and_undoes_them_last_first(ops_for, qapp):
    ops = ops_for("olga")
    done = []

    def mark(session, actor, who, status):
        done.append((who, status))

    stack = QUndoStack()
    everyone = ServiceCommand("everyone present", [Step(ops, call(mark, who, "P"), call(mark, who, None), None)
                                                   for who in ("ann", "ben", "cid")])
    stack.push(everyone)
    assert done == [("ann", "P"), ("ben", "P"), ("cid", "P")]
    stack.undo()
    assert done[3:] == [("cid", None), ("ben", None), ("ann", None)]  # one step of the stack, last first
    stack.redo()
    assert done[6:] == done[:3]


def test_a_refused_undo_makes_the_command_obsolete(ops_for, qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    ops = ops_for("olga")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))

    def move(session, actor, to, expected_from):
        if expected_from == "card 2":
            raise DomainError("Another PC moved this lesson meanwhile.")

    stack = QUndoStack()
    stack.push(service_command(ops, "move a lesson", call(move, "card 2", expected_from="card 1"),
                               call(move, "card 1", expected_from="card 2"), widget=None))
    assert stack.canUndo()
    stack.undo()
    assert warned == ["Another PC moved this lesson meanwhile."]
    assert not stack.canUndo() and not stack.canRedo()  # obsolete: gone from the stack
