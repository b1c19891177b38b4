"""The shell: navigation between areas, menus, the status bar. No business logic."""

from __future__ import annotations

import importlib
from html import escape

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from app import __version__
from app.languages import left_to_right
from app.services.access import Right
from ui.areas import areas_for
from ui.i18n import term
from ui.live import LiveUpdates
from ui.ops import Ops
from ui.settings.users import role_name
from ui.start.backups import Backups
from ui.start.language import LanguageDialog
from ui.start.password import PasswordDialog

DONE_MESSAGE_MS = 8000


class MainWindow(QMainWindow):
    switch_user_requested = Signal()  # File › Switch user… (Ctrl+L); ui.start.signing acts on both
    sign_out_requested = Signal()

    def __init__(self, ops: Ops):
        super().__init__()
        self.ops = ops
        self.areas = areas_for(ops.actor)
        self._screens: dict[str, QWidget] = {}
        self.setWindowTitle(self.tr("Membership desk"))
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.nav.addItems([term(area.title) for area in self.areas])
        self.nav.setFixedWidth(156)
        self.stack = QStackedWidget()
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self._build_menus()
        self._build_shortcuts()
        self._build_status_bar()
        self.live = LiveUpdates(ops, self)  # other PCs' changes come in through ops.changed (L1)
        self._connect_signals()
        reports_first = ops.actor.may(Right.VIEW_REPORTS) and any(a.key == "reports" for a in self.areas)
        if reports_first:
            self.show_area("reports")  # Q7: the owner's first page is the dashboard (the only screen built)
        else:
            self.nav.setCurrentRow(0)
            if self.areas and self.areas[0].key == "clients":
                self.screen("clients").focus_search()  # the desk's first move at start: find a client
        self.resize(1200, 760)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_user_action = file_menu.addAction(self.tr("S&witch user…"))
        self.switch_user_action.setShortcut("Ctrl+L")
        self.switch_user_action.triggered.connect(self.switch_user_requested)
        self.sign_out_action = file_menu.addAction(self.tr("Sign &out"))
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.password_action = file_menu.addAction(self.tr("Change &password…"))
        self.password_action.triggered.connect(lambda: PasswordDialog(self.ops, parent=self).exec())
        self.language_action = file_menu.addAction(self.tr("&Language…"))
        self.language_action.triggered.connect(lambda: LanguageDialog(self.ops, parent=self).exec())
        self.backups = Backups(self.ops, self)
        if self.ops.actor.may(Right.MANAGE_BACKUPS):
            file_menu.addSeparator()
            self.backup_action = file_menu.addAction(self.tr("&Back up now"), self.backups.back_up_now)
            self.backup_action.setObjectName("backUpNow")
            if self.backups.on_sqlite:
                self.restore_action = file_menu.addAction(self.tr("&Restore a backup…"), self.backups.restore)
                self.restore_action.setObjectName("restoreBackup")
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut("Ctrl+Q")
        quit_action.triggered.connect(self.close)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About"))
        about.triggered.connect(self.show_about)

    def _build_shortcuts(self) -> None:
        if any(area.key == "clients" for area in self.areas):
            find = QAction(self.tr("Find a client"), self, objectName="findClient")
            find.setShortcuts([QKeySequence("Ctrl+F"), QKeySequence("F3")])
            find.triggered.connect(self.find_client)
            self.addAction(find)  # from any area, also when the focus is deep in a screen

    def find_client(self) -> None:
        """Ctrl+F or F3: the clients list, with the cursor in its search."""
        if self.show_area("clients"):
            self.screen("clients").focus_search()

    def _build_status_bar(self) -> None:
        actor = self.ops.actor
        self.user_label = QLabel(
            self.tr("Signed in: {name} ({role})").format(name=actor.display_name, role=role_name(actor.role))
        )
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)  # a user's name is text, never markup
        self.data_label = QLabel(self.tr("Data: {where}").format(where=left_to_right(self.ops.db.location)))
        self.data_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.data_label)

    def _connect_signals(self) -> None:
        self.nav.currentRowChanged.connect(self._open_row)
        self.ops.said.connect(self.show_done)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.live.start()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.live.stop()
        super().closeEvent(event)

    def show_done(self, message: str) -> None:
        """The short feedback after a saved action, shown for a while in the status bar."""
        self.statusBar().showMessage(message, DONE_MESSAGE_MS)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self.areas):
            self.stack.setCurrentWidget(self.screen(self.areas[row].key))

    def screen(self, key: str) -> QWidget:
        """The widget of area ``key``, built on first use."""
        if key not in self._screens:
            area = next(a for a in self.areas if a.key == key)
            module, cls = area.screen.split(":")
            widget = getattr(importlib.import_module(module), cls)(self.ops)
            widget.setObjectName(f"area_{key}")
            self._screens[key] = widget
            self.stack.addWidget(widget)
        return self._screens[key]

    def show_area(self, key: str) -> bool:
        """Switch to area ``key`` ("client:CODE" opens that client's profile); False if this user may
        not open it, or no client has that code."""
        if key.startswith("client:"):
            from app.services.clients import find_by_code

            if not self.show_area("clients"):
                return False
            client_id = self.ops.read(find_by_code, key.partition(":")[2])
            if client_id is None:
                return False
            self.screen("clients").open_client(client_id)
            return True
        for row, area in enumerate(self.areas):
            if area.key == key:
                self.nav.setCurrentRow(row)
                return True
        return False

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About the membership desk"),
            self.tr(
                "<h3>Membership desk {version}</h3>"
                "<p>Memberships, lesson packs, credits, invoices and the attendance journal.</p>"
                "<p>Data: {where}<br>Qt for Python {qt}</p>"
            ).format(version=__version__, where=escape(self.ops.db.location), qt=pyside_version),
        )
