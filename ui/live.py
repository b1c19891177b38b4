"""Every PC sees every other PC's work (SPEC L1): what another program committed comes in through
the same broadcast as this program's own actions (``Ops.changed``, with ``OpChange.remote``).

The listening itself (PostgreSQL NOTIFY, SQLite's data_version) is in app/live.py; this only
polls it from a timer on the window's thread, which costs a fraction of a millisecond a poll.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from app.live import listener
from ui.ops import REMOTE, OpChange, Ops

POLL_MS = {"postgresql": 200, "sqlite": 1000}  # a change shows within 0.5 s (server) or 2 s (file)


class LiveUpdates(QObject):
    """Polls for other programs' commits while the window is open."""

    def __init__(self, ops: Ops, parent: QObject | None = None):
        super().__init__(parent or ops)
        self.ops = ops
        self._listener = None
        self._timer = QTimer(self, interval=POLL_MS.get(ops.db.engine.dialect.name, 1000))
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        if self._listener is None:
            self._listener = listener(self.ops.db.engine, self.ops.program)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def poll(self) -> None:
        for changes in self._listener.poll() if self._listener is not None else []:
            self.ops.changed.emit(OpChange(REMOTE, None, changes, None))
