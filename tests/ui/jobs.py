"""Waiting for a job (slow work on the worker thread) the way a user waits: the window keeps running."""


def finished(qtbot, job, timeout: int = 10_000):
    """Wait until ``job`` has ended and its outcome reached the window's thread."""
    assert job is not None, "no job was started"
    qtbot.waitUntil(lambda: job.finished, timeout=timeout)
    return job
