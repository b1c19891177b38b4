"""Waiting for a job (slow work on the worker thread) the way a user waits, and checking that the window
kept running meanwhile."""

from PySide6.QtCore import QElapsedTimer, QTimer


def finished(qtbot, job, timeout: int = 10_000):
    """Wait until ``job`` has ended and its outcome reached the window's thread."""
    assert job is not None, "no job was started"
    qtbot.waitUntil(lambda: job.finished, timeout=timeout)
    return job


class Heartbeat:
    """A timer on the window's thread every 20 ms; records how late it ever was.

    The tests check that it kept beating while a job ran (the window's thread was free); how
    late it was at worst is a wall-clock figure, measured against its 100 ms budget in
    tests/benchmarks/bench_window.py and bench_reports.py, not asserted in the default run on a
    shared machine.
    """

    def __init__(self):
        self.clock = QElapsedTimer()
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._beat)
        self.worst = 0
        self.beats = 0

    def _beat(self):
        self.worst = max(self.worst, self.clock.restart() - 20)
        self.beats += 1

    def kept_beating(self) -> bool:
        """The window's thread ran its timer many times during the job: it was never held for the job's length."""
        return self.beats >= 10

    def __enter__(self):
        self.clock.start()  # the first beat counts too: a job's start is part of what is measured
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.stop()
