"""Undo as small commands (orange-canvas-core's ``SimpleUndoCommand``): a service call and its reverse.

Each step is one service call through :class:`~ui.ops.Ops` (one transaction, the usual
messages). The reverse call carries what the screen saw (``expected_from`` and the like), so a
stale undo — another PC changed the record meanwhile — is refused by the service, and the
command becomes obsolete instead of doing something the user did not mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from ui.ops import FAILED, Ops


@dataclass(frozen=True)
class Call:
    """A service and its arguments, to be run through ``Ops.run`` later."""

    service: Callable
    args: tuple = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


def call(service: Callable, *args, **kwargs) -> Call:
    return Call(service, args, kwargs)


class Step:
    """One service call and its reverse; ``ok`` turns False once a run is refused."""

    def __init__(self, ops: Ops, forwards: Call, backwards: Call, widget: QWidget | None):
        self.ops, self.forwards, self.backwards, self.widget = ops, forwards, backwards, widget
        self.ok = True

    def run(self, forwards: bool) -> None:
        step = self.forwards if forwards else self.backwards
        if self.ops.run(step.service, *step.args, parent=self.widget, **step.kwargs) is FAILED:
            self.ok = False  # refused (another PC changed it meanwhile): nothing left to undo


class ServiceCommand(QUndoCommand):
    """Redo runs the child steps in order, undo runs their reverses last first; a refused step
    makes the command obsolete. One step for a single action; "everyone present" is one command
    with a child step per client (the children are plain objects: PySide would free child
    QUndoCommands made with a parent and no Python owner).

    ``done``: the action was already carried out (pushing must not do it again).
    """

    def __init__(self, text: str, steps: list[Step], *, done: bool = False):
        super().__init__(text)
        self.steps = steps
        self._skip_redo = done

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        for step in self.steps:
            step.run(True)
        self._check()

    def undo(self) -> None:
        for step in reversed(self.steps):
            step.run(False)
        self._check()

    def _check(self) -> None:
        if not all(step.ok for step in self.steps):
            self.setObsolete(True)


def service_command(ops: Ops, text: str, forwards: Call, backwards: Call, *, widget: QWidget | None,
                    done: bool = False) -> ServiceCommand:
    """The usual command: one service call, undone by its reverse."""
    return ServiceCommand(text, [Step(ops, forwards, backwards, widget)], done=done)
