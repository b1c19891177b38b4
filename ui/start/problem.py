"""A database that cannot be opened: the problem in plain words, and the ways out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.errors import DatabaseProblem, DomainError
from ui.i18n import message
from app.paths import backups_dir
from ui import messages


class DatabaseProblemDialog:
    """Asks what to do; returns ``("open", path)``, ``("create", path)``, ``("retry", None)`` or None (quit)."""

    @classmethod
    def ask(cls, problem: DatabaseProblem, path: Path | None):
        box = QMessageBox(QMessageBox.Icon.Warning, QMessageBox.tr("The database cannot be opened"),
                          message(problem))
        box.setInformativeText(_advice(problem.kind))
        choose = box.addButton(QMessageBox.tr("Choose another file…"), QMessageBox.ButtonRole.AcceptRole)
        restore = create = retry = None
        if problem.kind in ("damaged", "newer") and path is not None:
            restore = box.addButton(QMessageBox.tr("Restore a backup…"), QMessageBox.ButtonRole.AcceptRole)
            restore.setObjectName("restoreBackup")
        if problem.kind == "missing" and path is not None:
            create = box.addButton(QMessageBox.tr("Create a new database here"), QMessageBox.ButtonRole.AcceptRole)
        if problem.kind in ("locked", "unreachable"):
            retry = box.addButton(QMessageBox.tr("Try again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is create:
            return "create", path
        if clicked is retry:
            return "retry", None
        if clicked is restore:
            return restore_into(path)
        if clicked is choose:
            start = str(path.parent if path else Path.home())
            chosen, _ = QFileDialog.getOpenFileName(
                None, QMessageBox.tr("Open a database"), start, QMessageBox.tr("Desk database (*.sqlite3 *.db)")
            )
            return ("open", Path(chosen)) if chosen else ("retry", None)
        return None


def restore_into(path: Path):
    """The Restore dialog for the file that cannot be opened: the chosen copy goes into ``path`` (the
    damaged file is kept beside the backups), then the desk opens ``path`` again."""
    from app.backup import restore_sqlite
    from app.services.settings import defaults
    from ui.start.restore import RestoreDialog

    dialog = RestoreDialog(backups_dir(), path.stem)
    if not dialog.exec() or dialog.chosen is None:
        return "retry", None
    try:
        restore_sqlite(dialog.chosen.path, path, backups_dir(), defaults()["backups_keep"])
    except DomainError as refused:
        messages.warning(None, QMessageBox.tr("Not restored"), message(refused))
        return "retry", None
    return "open", path


def _advice(kind: str) -> str:
    return {
        "missing": QMessageBox.tr("Create a new, empty database there, or open the right file."),
        "damaged": QMessageBox.tr("Nothing was changed. Restore one of the automatic backups to continue."),
        "newer": QMessageBox.tr("Nothing was changed. Use the newer program, or restore a backup."),
        "locked": QMessageBox.tr("Another program holds the file. Close it, then try again."),
        "read_only": QMessageBox.tr("Move the file to a folder you can write to, or open another file."),
        "unreadable": QMessageBox.tr("Check the file's permissions, or open another file."),
        "unreachable": QMessageBox.tr("Check the network and the server, then try again."),
        "network_share": QMessageBox.tr("Nothing was opened. Copy the file to this PC, or use a PostgreSQL server."),
    }.get(kind, "")
