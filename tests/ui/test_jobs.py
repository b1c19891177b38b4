"""L3: slow work runs on the worker thread; the window's thread stays free, shows progress and can cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.errors import DomainError
from app.tasks import TaskState
from tests.ui.jobs import Heartbeat
from ui.jobs import ProgressShown


def busy(state: TaskState, seconds: float = 1.5, steps: int = 30):
    """CPU-light slow work: what an export or an email looks like to the window."""
    for step in range(steps):
        state.progress(step, steps)
        time.sleep(seconds / steps)
    state.progress(steps, steps)
    return threading.current_thread().name


def test_l3_slow_work_runs_off_the_window_thread_with_progress(qtbot, ops_for):
    ops = ops_for("olga")
    window = QWidget()
    qtbot.addWidget(window)
    seen, results = [], []
    with Heartbeat() as heart:
        job = ops.start("Exporting", busy, parent=window, on_done=results.append)
        job.progressed.connect(lambda done, total: seen.append((done, total)))
        qtbot.waitUntil(lambda: window.findChild(ProgressShown) is not None
                        and window.findChild(ProgressShown).isVisible(), timeout=3000)
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0].startswith("desk-job")  # ran on the worker, delivered on the window's thread
    qtbot.wait(4500)  # past any timer that could bring a finished job's progress back
    assert not any(dialog.isVisible() for dialog in window.findChildren(ProgressShown))
    assert len(seen) > 5 and seen[-1] == (30, 30)
    assert heart.kept_beating()


def test_l3_cancel_stops_the_work_and_says_so(qtbot, ops_for):
    ops = ops_for("olga")
    window = QWidget()
    qtbot.addWidget(window)
    done, said, failed = [], [], []
    ops.said.connect(said.append)
    job = ops.start("Exporting", lambda state: busy(state, seconds=20, steps=2000), parent=window,
                    on_done=done.append, on_error=failed.append)
    qtbot.waitUntil(lambda: window.findChild(ProgressShown) is not None
                    and window.findChild(ProgressShown).isVisible(), timeout=3000)
    cancel = window.findChild(ProgressShown).cancel_button
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: job.finished, timeout=3000)
    assert done == [] and failed == []
    assert said == ["Cancelled: nothing was saved."]


def test_l3_a_refusal_in_a_job_is_a_plain_message(qtbot, ops_for):
    ops = ops_for("olga")
    refused = []

    def refuse(state):
        raise DomainError("The disk is full.")

    job = ops.start("Exporting", refuse, on_error=refused.append)
    qtbot.waitUntil(lambda: job.finished, timeout=3000)
    assert [e.message for e in refused] == ["The disk is full."]


def test_l3_a_finished_job_and_its_result_are_let_go_of_at_once(qtbot, ops_for):
    """No cycle keeps a finished job: its result is freed when delivered, not by a later collection
    that would find every finished job at once (0.2-0.5 s on the window's thread, measured)."""
    import gc
    import weakref

    from PySide6.QtCore import QCoreApplication, QEvent

    class Rows(list):
        pass

    ops = ops_for("olga")
    seen = []
    gc.collect()
    gc.disable()
    try:
        job = ops.start("Sorting", lambda state: state.progress(1, 1) or Rows(range(10)),
                        on_done=lambda rows: seen.append(weakref.ref(rows)))
        qtbot.waitUntil(lambda: job.finished, timeout=5000)
        del job
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        assert len(seen) == 1 and seen[0]() is None
    finally:
        gc.enable()


def test_l3_the_interpreter_switches_to_the_window_often_while_a_job_runs(qtbot, ops_for):
    import sys

    from ui.jobs import WINDOW_TURN_S

    ops = ops_for("olga")
    before = sys.getswitchinterval()
    during = []
    job = ops.start("Exporting", lambda state: during.append(sys.getswitchinterval()))
    qtbot.waitUntil(lambda: job.finished, timeout=5000)
    assert during == [pytest.approx(WINDOW_TURN_S)] and WINDOW_TURN_S < before  # kept in whole microseconds
    assert sys.getswitchinterval() == before
