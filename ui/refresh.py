"""Screens that show data refresh after any saved action: at once when on screen, else when next shown.

A hidden screen (another area, or the list behind an open profile) must not
re-read its data after every journal mark or payment: it only notes that it
is stale.
"""

from __future__ import annotations

from ui.ops import OpChange, Ops


class RefreshOnChange:
    """Mix into a QWidget that has ``refresh()``; call ``watch(ops)`` once it is built."""

    def watch(self, ops: Ops) -> None:
        self._stale = False
        ops.changed.connect(self._changed)

    def showing(self) -> bool:
        """Whether the data is on screen now (a screen with pages may narrow this)."""
        return self.isVisible()

    def _changed(self, _change: OpChange) -> None:
        if self.showing():
            self.refresh()
        else:
            self._stale = True

    def refresh_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self.showing():
            self.refresh_if_stale()
