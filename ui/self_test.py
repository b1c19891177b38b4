"""``--self-test``: proves that this build of the desk works, end to end, without touching real data.

The packaged program is checked the way a new site would first use it: in a
fresh data folder (a temporary ``MEMBERSHIP_DESK_HOME``) it creates and
migrates a database, signs in as the owner made at first start, builds every
area's screen, sells a membership, takes its payment and writes an invoice PDF
and a member card PDF. Each step prints one line; the first failure prints
its reason and the result is 1 (0 when every step passed). A PyInstaller build
that left out a module, a font or a migration fails here, not at a reception
desk.

:func:`open_view` is also what ``--screenshot`` uses to know that the view it
renders was really built.
"""

from __future__ import annotations

import os
import secrets
import shutil
import sys
import tempfile
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Callable, TextIO

from PySide6.QtWidgets import QApplication

BUSINESS = "Self-test gym"
CLIENTS = ("ليلى حداد", "Анна Иванова")  # the invoice goes to the first: Arabic shaping in the PDF


class ViewFailed(Exception):
    """A view could not be built or shown; the message says why, in plain words."""


class StepFailed(Exception):
    """A self-test step went wrong; the message says which and why."""


def open_view(window, view: str) -> None:
    """Build and show ``view`` ("clients", ..., or "client:CODE") in ``window``.

    Raises:
        ViewFailed: the user may not open it, its screen cannot be built (a module missing from the
            build, an error in its constructor), or no client has that code.
    """
    key = "clients" if view.startswith("client:") else view
    if not any(area.key == key for area in window.areas):
        raise ViewFailed(f"No view called {view!r} for this user.")
    try:
        screen = window.screen(key)  # the area switch swallows errors in its slot: build it here first
    except Exception as exc:  # noqa: BLE001 - any failure to build a screen is the answer sought
        raise ViewFailed(f"The {key} area could not be built: {type(exc).__name__}: {exc}") from exc
    if not window.show_area(view):
        raise ViewFailed(f"No client has the code {view.partition(':')[2]!r}.")
    if window.stack.currentWidget() is not screen:
        raise ViewFailed(f"The {key} area was built but is not the one shown.")


@contextmanager
def _fresh_home():
    """A temporary data folder as ``MEMBERSHIP_DESK_HOME`` for the run; the caller's is restored after."""
    before = os.environ.get("MEMBERSHIP_DESK_HOME")
    home = Path(tempfile.mkdtemp(prefix="desk-self-test-"))
    os.environ["MEMBERSHIP_DESK_HOME"] = str(home)
    try:
        yield home
    finally:
        if before is None:
            os.environ.pop("MEMBERSHIP_DESK_HOME", None)
        else:
            os.environ["MEMBERSHIP_DESK_HOME"] = before


@contextmanager
def _slot_errors():
    """Errors raised inside Qt slots and paint events go to ``sys.excepthook``: collect them as failures."""
    seen: list[BaseException] = []
    previous = sys.excepthook
    sys.excepthook = lambda exc_type, exc, tb: seen.append(exc)
    try:
        yield seen
    finally:
        sys.excepthook = previous


def _pdf(path: Path, what: str) -> str:
    data = path.read_bytes() if path.exists() else b""
    if not data.startswith(b"%PDF") or len(data) < 1000:
        raise StepFailed(f"The {what} PDF was not written properly ({len(data)} bytes at {path}).")
    return f"{what} PDF: {len(data):,} bytes"


class SelfTest:
    """The steps, in order; each returns the line it prints."""

    def __init__(self, home: Path):
        self.home = home
        self.db = None
        self.actor = None
        self.window = None
        self.client_ids: list[int] = []
        self.sale = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [("resources", self.resources), ("database", self.database), ("sign in", self.sign_in),
                ("areas", self.areas), ("sale", self.sell), ("payment", self.pay),
                ("invoice PDF", self.invoice_pdf), ("member card PDF", self.card_pdf)]

    def resources(self) -> str:
        from app.pdf.text import FONTS, register_fonts
        from ui.app import RESOURCES

        style = RESOURCES / "style.qss"
        if not style.is_file():
            raise StepFailed(f"The style sheet is missing: {style}")
        register_fonts()
        from PySide6.QtCore import QTranslator

        from ui.i18n import SHIPPED_TRANSLATIONS, qm_file

        for language in SHIPPED_TRANSLATIONS:  # L2: the window's translations are in the build
            if not QTranslator().load(str(qm_file(language))):
                raise StepFailed(f"The translation is missing or damaged: {qm_file(language)}")
        return (f"resources: style sheet, PDF fonts ({FONTS}) and translations "
                f"({', '.join(SHIPPED_TRANSLATIONS)}) found")

    def database(self) -> str:
        from app.db import sqlite_url
        from app.migrations import HEAD
        from app.paths import backups_dir, default_database_path
        from app.storage import current_revision, open_database

        self.db = open_database(sqlite_url(default_database_path()), create=True, backup_folder=backups_dir())
        with self.db.engine.connect() as conn:
            revision = current_revision(conn)
        if revision != HEAD:
            raise StepFailed(f"The new database is at revision {revision!r}, not {HEAD!r}.")
        return f"database created and migrated to revision {revision} ({self.db.location})"

    def sign_in(self) -> str:
        from app.services import setup, users

        password = secrets.token_urlsafe(16)
        with self.db.writer.begin() as session:
            setup.first_start(session, business_name=BUSINESS, currency="EUR", owner_name="Self Test",
                              username="owner", password=password, repeat_password=password)
        with self.db.writer.begin() as session:
            self.actor = users.sign_in(session, "owner", password)
        return f"first start made the owner; signed in as {self.actor.display_name} ({self.actor.role.value})"

    def areas(self) -> str:
        from ui.app import make_application
        from ui.areas import AREAS
        from ui.mainwindow import MainWindow
        from ui.ops import Ops

        make_application()
        self.window = MainWindow(Ops(self.db, self.actor))
        if len(self.window.areas) != len(AREAS):
            raise StepFailed(f"The owner sees {len(self.window.areas)} areas of {len(AREAS)}.")
        for area in self.window.areas:
            try:
                open_view(self.window, area.key)
            except ViewFailed as failed:
                raise StepFailed(str(failed)) from failed
            QApplication.processEvents()
            self.window.grab()  # paints it: an error while painting fails the run too
        return "opened every area: " + ", ".join(area.title for area in self.window.areas)

    def sell(self) -> str:
        from app.models import PackageKind
        from app.services import catalogue, clients, sales

        with self.db.writer.begin() as session:
            for number, name in enumerate(CLIENTS):
                self.client_ids.append(clients.create_client(session, self.actor, name=name,
                                                             phone=f"+971 50 123 45 6{number}"))
        with self.db.reader.begin() as session:
            plans = catalogue.list_packages(session, self.actor, PackageKind.MEMBERSHIP, active_only=True)
        if not plans:
            raise StepFailed("First start made no membership plans to sell.")
        with self.db.writer.begin() as session:
            self.sale = sales.sell(session, self.actor, self.client_ids[0], plans[0]["id"])
        return f"sold the membership {plans[0]['name']} to {CLIENTS[0]} ({self.sale.invoice_state} invoice)"

    def _invoice(self) -> dict:
        from app.services import invoices

        with self.db.reader.begin() as session:
            return invoices.invoice_view(session, self.actor, self.sale.invoice_id)

    def pay(self) -> str:
        from app.services import payments

        due = self._invoice()["balance"]
        if due <= Decimal(0):
            raise StepFailed(f"The new sale's invoice has nothing due ({due}).")
        with self.db.writer.begin() as session:
            payments.add_payment(session, self.actor, self.sale.invoice_id, due)
        after = self._invoice()
        if after["balance"] != Decimal(0) or after["payment_state"] != "paid":
            raise StepFailed(f"After paying {due}, the invoice shows {after['balance']} due ({after['payment_state']}).")
        return f"took a payment of {due} in cash: invoice {after['number']} is paid"

    def invoice_pdf(self) -> str:
        from app.services import documents

        path = self.home / "invoice.pdf"
        with self.db.reader.begin() as session:
            documents.invoice_pdf(session, self.actor, self.sale.invoice_id, path)
        return _pdf(path, "invoice")

    def card_pdf(self) -> str:
        from app.services import documents

        path = self.home / "cards.pdf"
        with self.db.reader.begin() as session:
            documents.member_cards_pdf(session, self.actor, self.client_ids, path)
        return _pdf(path, "member card")

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
        if self.db is not None:
            self.db.dispose()


def run_self_test(out: TextIO | None = None) -> int:
    """Run every step; 0 when all passed, 1 at the first failure (its reason printed)."""
    out = out or sys.stdout
    if QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check, not a session: no window shows
    with _fresh_home() as home:
        test = SelfTest(home)
        try:
            with _slot_errors() as slot_errors:
                for name, step in test.steps():
                    try:
                        line = step()
                        if slot_errors:
                            raise slot_errors[0]
                    except Exception as exc:  # noqa: BLE001 - every failure is reported, none is a traceback
                        reason = str(exc) if isinstance(exc, StepFailed) else f"{type(exc).__name__}: {exc}"
                        print(f"self-test FAILED at {name}: {reason}", file=out)
                        print(f"self-test: the data folder is kept for a look: {home}", file=out)
                        return 1
                    print(f"self-test ok: {line}", file=out, flush=True)
        finally:
            test.close()
    shutil.rmtree(home, ignore_errors=True)
    print("self-test passed", file=out)
    return 0
