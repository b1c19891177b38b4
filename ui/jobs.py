"""Slow work off the window's thread, with a progress bar and Cancel (SPEC L3).

One worker thread per window runs the jobs one after another (a database
connection is never shared between threads: each job opens its own
session). The window's thread only starts a job and hears back through
queued signals: progress, done, failed. Modelled on Orange's
``widgets/utils/concurrent.py``: the work is a plain function taking a
:class:`~app.tasks.TaskState`, tested without widgets.
"""

from __future__ import annotations

import gc
import sys
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from app.tasks import TaskState

SHOW_AFTER_MS = 400  # a job quicker than this never shows its progress dialog


class Job(QObject):
    """One piece of slow work: its progress, its cancel request, and how it ended.

    The worker thread only emits signals; the Job lives on the window's thread, so
    its slots (and so ``on_done`` / ``on_failed``) run there.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, title: str, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None],
                 runner: "JobRunner"):
        super().__init__(runner)
        self.title = title
        self.state = TaskState(on_progress=self.progressed.emit)  # emitted from the worker: queued to us
        self.future: Future | None = None
        self.finished = False
        self._on_done, self._on_failed, self._runner = on_done, on_failed, runner
        self.succeeded.connect(self._deliver_done)
        self.failed.connect(self._deliver_failure)

    def cancel(self) -> None:
        self.state.cancel()

    def wait(self, timeout: float | None = None):
        """Block until the work ends (tests and shutdown only: never in a slot); once its outcome has
        reached the window's thread there is nothing left to wait for (None)."""
        return self.future.exception(timeout) if self.future is not None else None

    def _ended(self, future: Future) -> None:
        """On the worker thread: hand the outcome to the window's thread through the runner's queued
        signal. Never through this job's own: the window's thread deletes the job once it has its
        outcome, and could do so while this thread were still inside the job's emit (a crash)."""
        exc = future.exception()
        self._runner.ended.emit(self, future.result() if exc is None else exc, exc is not None)

    @Slot(object)
    def _deliver_done(self, result) -> None:
        self._runner.forget(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_failure(self, exc) -> None:
        self._runner.forget(self)
        self._on_failed(exc)


WINDOW_TURN_S = 0.00005  # the interpreter's switch interval while a job runs (CPython's own: 5 ms)

_running = 0  # jobs running now, over every runner of the process (the settings below are the process's)
_running_lock = threading.Lock()
_interval_before = 0.005


def _window_first(work: Callable[[TaskState], Any], state: TaskState):
    """Run ``work`` so the window's thread keeps its turn at the interpreter (SPEC L3).

    - The switch interval is 50 µs instead of 5 ms: a table the window paints while the worker computes
      calls into Python for every cell and role (some 560 calls), and each call may wait for the worker
      to hand the interpreter over, up to one interval each time. Measured, a paint during a
      100,000-row sort: 150-390 ms at 5 ms; on a busy PC 45-80 ms at 0.5 ms, but 150-180 ms on a quiet
      one (the worker then never waits for a core); 40-50 ms at 0.1 ms; under 40 ms at 50 µs. Each sort
      takes 0.25-0.35 s either way: the worker hands over only when the window's thread asks.
    - The cyclic garbage collector is off: a full collection over the many rows a job holds keeps
      the interpreter to itself for 0.1-0.3 s (measured: 100-300 ms stalls during an export, none
      with it off). Reference counting still frees everything but cycles, collected once no job runs.
    """
    global _running, _interval_before
    with _running_lock:
        if _running == 0:
            _interval_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_interval_before, WINDOW_TURN_S))
            gc.disable()
        _running += 1
    try:
        return work(state)
    finally:
        with _running_lock:
            _running -= 1
            if _running == 0:
                sys.setswitchinterval(_interval_before)
                gc.enable()


class JobRunner(QObject):
    """Runs jobs on one worker thread; a progress dialog with Cancel shows while one takes long."""

    ended = Signal(object, object, bool)  # from the worker: the job, its result or exception, whether it failed

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="desk-job")
        self.running: list[Job] = []
        self.ended.connect(self._hand_over)

    @Slot(object, object, bool)
    def _hand_over(self, job: Job, outcome, failed: bool) -> None:
        """On the window's thread: the job says how it ended (its slots and the progress dialog's)."""
        (job.failed if failed else job.succeeded).emit(outcome)

    def start(self, title: str, work: Callable[[TaskState], Any], *, parent: QWidget | None,
              on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]) -> Job:
        job = Job(title, on_done, on_failed, self)
        if parent is not None:
            ProgressShown(job, parent)
        self.running.append(job)
        job.future = self._pool.submit(_window_first, work, job.state)
        job.future.add_done_callback(job._ended)
        return job

    def forget(self, job: Job) -> None:
        job.finished = True
        job.future = None  # the future's callback refers to the job: that cycle kept every finished job and
        # its result until a collection found them all at once (measured 0.2-0.5 s on the window's thread)
        if job in self.running:
            self.running.remove(job)
        job.deleteLater()

    def shutdown(self) -> None:
        """Cancel what runs and wait for the worker (the window is closing)."""
        for job in list(self.running):
            job.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)


class ProgressShown(QDialog):
    """The job's progress bar and Cancel button, shown only if the job takes a while.

    A plain dialog rather than QProgressDialog, whose own show timer and modal
    ``setValue`` (it runs the event loop) bring a finished job's dialog back.
    """

    def __init__(self, job: Job, parent: QWidget):
        super().__init__(parent)
        self.setWindowTitle(job.title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.job = job
        self.label = QLabel(job.title, objectName="jobTitle")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(objectName="jobProgress")
        self.bar.setRange(0, 0)  # busy until the first progress report
        self.cancel_button = QPushButton(self.tr("Cancel"), objectName="jobCancel")
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        self.setMinimumWidth(360)
        job.progressed.connect(self._progressed)
        job.succeeded.connect(self._end)
        job.failed.connect(self._end)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_AFTER_MS)
        self._timer.timeout.connect(self._appear)
        self._timer.start()

    def _appear(self) -> None:
        if not self.job.finished:
            self.show()

    def cancel(self) -> None:
        """Cancel asks the work to stop; the dialog goes once the worker has stopped."""
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Stopping…"))
        self.job.cancel()

    def reject(self) -> None:  # Escape or the window's close button
        self.cancel()

    def _progressed(self, done: int, total: int) -> None:
        if self.bar.maximum() != total:
            self.bar.setRange(0, max(total, 0))
        self.bar.setValue(min(done, total))

    def _end(self, _value) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()
