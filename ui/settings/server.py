"""Settings › Database server: which server this PC opens, and "Test connection" (off the window's thread);
Settings › Backups: where the copies go, or that the server's own backups apply (D2 on PostgreSQL)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app import backup
from app.connection import ConnectionCheck, check_connection, server_url
from app.db import is_sqlite
from app.paths import backups_dir, load_local_config, save_local_config
from ui.i18n import message
from ui.ops import Ops


def _plain_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # addresses and server answers are shown as they are (D8)
    label.setWordWrap(True)
    return label


class ServerPage(QWidget):
    """The address of the PostgreSQL server (this PC's own setting, kept in local.json, used from the next
    start) and a test that says plainly whether it answers: connected, wrong password, no such host..."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent)
        self.ops = ops
        layout = QVBoxLayout(self)
        self.where = _plain_label("databaseWhere")
        self.where.setText(self.tr("This PC works on: {where}").format(where=ops.db.location))
        layout.addWidget(self.where)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        address, password = _split(load_local_config().get("database_url", ""))
        self.address = QLineEdit(address, objectName="serverAddress")
        self.address.setPlaceholderText("postgresql://user@host:5432/desk")
        self.password = QLineEdit(password, objectName="serverPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)  # a reception desk is seen by everyone at it
        form.addRow(self.tr("Server address"), self.address)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.answer = _plain_label("connectionAnswer")
        layout.addWidget(self.answer)
        line = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"), objectName="testConnection", default=True)
        self.use_button = QPushButton(self.tr("Open this server from the next start"), objectName="useServer")
        self.use_button.setEnabled(False)  # only an address that answered
        line.addWidget(self.test_button)
        line.addWidget(self.use_button)
        line.addStretch(1)
        layout.addLayout(line)
        layout.addStretch(1)
        self.tested: ConnectionCheck | None = None
        self.test_button.clicked.connect(self.test)
        self.use_button.clicked.connect(self.use)
        for field in (self.address, self.password):
            field.textEdited.connect(lambda _text: self.use_button.setEnabled(False))

    def url(self) -> str:
        """The address with the password field's password (one typed into the address is kept if the field is empty)."""
        try:
            parsed = make_url(self.address.text().strip())
        except ArgumentError:
            return self.address.text()
        if self.password.text():
            parsed = parsed.set(password=self.password.text())
        return parsed.render_as_string(hide_password=False)

    def test(self) -> None:
        """Try the address on the worker thread (a host that does not answer takes seconds)."""
        url = self.url()
        self.tested = None
        self.use_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.answer.setText(self.tr("Trying the server…"))
        self.ops.start(self.tr("Testing the connection"), lambda _state: check_connection(url), parent=self,
                       on_done=self._answered)

    def _answered(self, check: ConnectionCheck) -> None:
        self.tested = check
        self.test_button.setEnabled(True)
        self.answer.setText(message(check))  # in the window's language (L2)
        self.use_button.setEnabled(check.connected)

    def use(self) -> None:
        """This PC opens the tested server from its next start (a setting of this PC, not of the database)."""
        url = server_url(self.url())
        save_local_config({**load_local_config(), "database_url": url})
        self.use_button.setEnabled(False)
        self.ops.say(self.tr("This PC opens the server from its next start"))


def _split(url: str) -> tuple[str, str]:
    """A stored address as the page shows it: without its password, and the password apart."""
    if not url:
        return "", ""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url, ""
    return parsed.set(drivername="postgresql")._replace(password=None).render_as_string(), parsed.password or ""


class BackupsNote(QLabel):
    """Where the automatic copies go; on PostgreSQL, whether this PC can make them (pg_dump) at all."""

    def __init__(self, ops: Ops, parent=None):
        super().__init__(parent, objectName="backupsNote")
        self.setTextFormat(Qt.TextFormat.PlainText)  # a folder's name as it is (D8)
        self.setWordWrap(True)
        folder = str(backups_dir())
        if is_sqlite(ops.db.engine):
            self.setText(self.tr("A checked copy of the database is made on start and daily into {folder} "
                                 "(File › Back up now makes one at once).").format(folder=folder))
        elif backup.pg_dump_tool() is not None:
            self.setText(self.tr("The database is on a server: this PC saves a copy of it with pg_dump on start "
                                 "and daily into {folder} (File › Back up now makes one at once).")
                         .format(folder=folder))
        else:
            self.setText(self.tr("The database is on a server and pg_dump is not installed on this PC, so this PC "
                                 "makes no copies: the server's own backups apply. Ask whoever looks after the "
                                 "server how and when it is backed up."))
