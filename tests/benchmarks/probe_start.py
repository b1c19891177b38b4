"""Start the program (or a bare Qt window) and print "shown" at the window's first paint.

``python -m tests.benchmarks.probe_start bare`` : QApplication + SQLAlchemy 2 (its ORM, which the
desk's typed models need) + an empty QMainWindow.
``python -m tests.benchmarks.probe_start desk DB [ARG...]`` : the desk on DB (with the program's further
arguments, e.g. ``--lang ru``), signed in as the first owner, started as main.py starts it (the garbage
collector held until the first paint). The sign-in dialog is skipped (typing is the user's time, and the
argon2 check is measured on its own by bench_start).
"""

import gc
import sys

if sys.argv[1:2] == ["desk"]:
    gc.set_threshold(0)  # as main.py, before anything is imported

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class FirstPaint(QObject):
    """Prints "shown" when the watched window first paints, then lets the program quit."""

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            print("shown", flush=True)
            watched.removeEventFilter(self)
            QTimer.singleShot(0, QApplication.instance().quit)
        return False


def main() -> None:
    if sys.argv[1] == "bare":
        import sqlalchemy.orm  # noqa: F401
        from PySide6.QtWidgets import QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.show()
    else:
        from ui import app as desk
        from ui.start.login import LoginDialog

        LoginDialog.ask = classmethod(lambda cls, db: desk._first_owner(db))
        window = desk.start(["--db", *sys.argv[2:]])
        app = QApplication.instance()
    watcher = FirstPaint()
    window.installEventFilter(watcher)
    app.exec()


if __name__ == "__main__":
    main()
