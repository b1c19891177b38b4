"""Screens that show data refresh after a change that concerns them, from this PC or another:
at once when on screen, else when next shown.

A hidden screen (another area, or the list behind an open profile) must not
re-read its data after every journal mark or payment: it only notes that it
is stale.
"""

from __future__ import annotations

from app.changes import NOTHING, Changes
from ui.ops import OpChange, Ops


class RefreshOnChange:
    """Mix into a QWidget that has ``refresh()``; call ``watch(ops)`` once it is built.

    A screen narrows :meth:`concerns` to the tables it shows, and may :meth:`follow` a change
    more gently than a full ``refresh()`` (keep the scroll position and the selection).
    """

    TABLES: tuple[str, ...] = ()  # the tables the screen shows; empty: any change concerns it

    def watch(self, ops: Ops) -> None:
        self._stale = NOTHING
        ops.changed.connect(self._changed)

    def showing(self) -> bool:
        """Whether the data is on screen now (a screen with pages may narrow this)."""
        return self.isVisible()

    def concerns(self, change: OpChange) -> bool:
        """Whether ``change`` may alter what this screen shows."""
        return change.changes.touches(*self.TABLES) if self.TABLES else bool(change.changes)

    def follow(self, changes: Changes) -> None:
        """Show what ``changes`` altered; by default read everything again."""
        self.refresh()

    def _changed(self, change: OpChange) -> None:
        if not self.concerns(change):
            return
        if self.showing():
            self.follow(change.changes)
        else:
            self._stale = self._stale | change.changes

    def refresh_if_stale(self) -> None:
        if self._stale:
            changes, self._stale = self._stale, NOTHING
            self.follow(changes)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.showing():
            self.refresh_if_stale()
