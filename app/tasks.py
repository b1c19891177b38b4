"""Slow work as plain functions: progress and Cancel without Qt (SPEC L3).

A slow service (an export, a many-page PDF, an import preview, an email, a
backup, a report) takes ``state: TaskState`` and reports through it; the
window runs it on a worker thread and shows the progress with a Cancel
button (ui/jobs.py). Tests and scripts pass a fresh ``TaskState()`` or none.
This is Orange's ``concurrent.TaskState``, trimmed to what the desk needs.
"""

from __future__ import annotations

import threading
from typing import Callable

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP


class Cancelled(DomainError):
    """The user pressed Cancel: nothing of the job is kept."""

    def __init__(self):
        super().__init__(QT_TRANSLATE_NOOP("Messages", "Cancelled: nothing was saved."))


class TaskState:
    """Progress and the cancel request of one job, shared by the worker and the window."""

    def __init__(self, on_progress: Callable[[int, int], None] | None = None):
        self._cancel = threading.Event()
        self._on_progress = on_progress
        self._on_cancel: list[Callable[[], None]] = []
        self._lock = threading.Lock()

    def progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps are finished; raises :class:`Cancelled` when Cancel was pressed."""
        self.check()
        if self._on_progress is not None:
            self._on_progress(done, total)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the work to stop; also interrupts a wait it registered with :meth:`interrupt_with`."""
        self._cancel.set()
        with self._lock:
            callbacks, self._on_cancel = self._on_cancel, []
        for callback in callbacks:
            callback()

    def interrupt_with(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (from the window's thread) on Cancel: e.g. close the socket a send waits on."""
        with self._lock:
            if not self._cancel.is_set():
                self._on_cancel.append(callback)
                return
        callback()


class ProgressPart(TaskState):
    """One phase of a bigger job: its steps shown from ``offset`` on a bar of ``total``."""

    def __init__(self, whole: TaskState, offset: int, total: int):
        super().__init__()
        self._whole, self._offset, self._total = whole, offset, total

    def progress(self, done: int, total: int) -> None:
        self._whole.progress(self._offset + done, self._total)

    def check(self) -> None:
        self._whole.check()

    @property
    def cancelled(self) -> bool:
        return self._whole.cancelled

    def cancel(self) -> None:
        self._whole.cancel()

    def interrupt_with(self, callback: Callable[[], None]) -> None:
        self._whole.interrupt_with(callback)


def steps(state: TaskState | None, items, total: int | None = None, every: int = 200):
    """Iterate ``items``, reporting progress every ``every`` items (and checking for Cancel)."""
    state = state or TaskState()
    total = len(items) if total is None else total
    for index, item in enumerate(items):
        if index % every == 0:
            state.progress(index, total)
        yield item
    state.progress(total, total)


def release(items: list | set, slice_size: int = 5000) -> None:
    """Drop a big list or set a slice at a time. Freeing 100,000 rows (or a set of 400,000 phone
    numbers: 85 ms) at once is one long C call that keeps the interpreter (and so the window's
    thread) waiting; between slices the window gets its turn."""
    if isinstance(items, set):
        items, held = list(items), items  # the list holds them while the set lets go (no object freed)
        held.clear()
    while items:
        del items[-slice_size:]
