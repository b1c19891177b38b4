import gc

gc.set_threshold(0)  # no automatic garbage collection while the modules load and the window is built (start
# budget); ui.app.settle freezes what the start made and sets Python's thresholds again after the first paint

from ui.app import run  # noqa: E402 - after the collector is held

raise SystemExit(run())
