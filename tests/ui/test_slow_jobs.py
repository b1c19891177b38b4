"""L3 for each slow job of the desk: progress moves, Cancel stops it and leaves nothing half-done,
and the window's thread is never held up for more than 100 ms (a 20 ms timer is never late by more)."""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.models import AuditEvent, Package
from app.services import clients, sales, settings
from tests.ui.jobs import Heartbeat, finished
from ui.jobs import ProgressShown
from ui.clients.transfer import ImportDialog, export_list, save_member_cards
from ui.selling.documents import email_invoice


def _shown_progress(window) -> ProgressShown | None:
    return next((d for d in window.findChildren(ProgressShown) if d.isVisible()), None)


def _cancel(qtbot, window):
    """Press Cancel on the job's progress dialog, as soon as it shows."""
    qtbot.waitUntil(lambda: _shown_progress(window) is not None, timeout=5000)
    qtbot.mouseClick(_shown_progress(window).cancel_button, Qt.MouseButton.LeftButton)


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def many_clients(desk):
    """1,200 clients: enough for a job that takes long enough to show its progress and be cancelled."""
    with desk.database.writer.begin() as s:
        actor = desk.ops("olga").actor
        return [clients.create_client(s, actor, name=f"Client {n:04d}", phone=f"+44 7700 9{n:05d}")
                for n in range(1200)]


class SlowSMTP:
    """A mail server on this machine that says hello only after ``delay`` seconds."""

    def __init__(self, delay: float = 5.0):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.delay, self.stop = delay, threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        conn, _ = self.server.accept()
        self.stop.wait(self.delay)
        if not self.stop.is_set():
            conn.sendall(b"421 too slow\r\n")
        conn.close()

    def close(self):
        self.stop.set()
        self.server.close()


def test_l3_member_cards_for_1000_clients_progress_and_cancel(desk, qtbot, window, many_clients, tmp_path,
                                                              monkeypatch):
    ops = desk.ops("rita")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    seen = []
    with Heartbeat() as heart:
        job = save_member_cards(ops, window, many_clients[:1000], str(tmp_path / "cards.pdf"))
        job.progressed.connect(lambda done, total: seen.append(done))
        finished(qtbot, job, timeout=60_000)
    assert (tmp_path / "cards.pdf").read_bytes().startswith(b"%PDF")
    assert len(seen) >= 10 and seen[-1] == 1000
    assert heart.kept_beating()
    from app.pdf import cards

    drawn = cards._card
    monkeypatch.setattr(cards, "_card", lambda *a: time.sleep(0.005) or drawn(*a))  # a slow PC: still running
    job = save_member_cards(ops, window, many_clients[:1000], str(tmp_path / "again.pdf"))
    _cancel(qtbot, window)
    finished(qtbot, job)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cards.pdf"]  # nothing half-written


def test_l3_export_progress_and_cancel_leave_no_file(desk, qtbot, window, many_clients, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from app.services import transfer

    ops = desk.ops("rita")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    slow_write = transfer.write_table

    def slow(path, headers, rows, state=None):  # a big list on a slow disk
        slow_write(path, headers, rows + rows * 40, state)

    monkeypatch.setattr(transfer, "write_table", slow)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "clients.xlsx"), ""))
    with Heartbeat() as heart:
        job = export_list(ops, window, "client")
        _cancel(qtbot, window)
        finished(qtbot, job, timeout=30_000)
    assert heart.kept_beating()
    assert list(tmp_path.iterdir()) == []  # Cancel leaves nothing under the chosen name, nor a part file
    said = []
    ops.said.connect(said.append)
    monkeypatch.setattr(transfer, "write_table", slow_write)
    finished(qtbot, export_list(ops, window, "client"), timeout=30_000)
    assert said == ["1,200 clients exported to clients.xlsx"]


def test_l3_import_preview_of_10000_rows_runs_as_a_job(desk, qtbot, tmp_path, monkeypatch):
    from app.services import transfer

    checked = transfer._client_fields  # a slow PC: the preview surely runs long enough to be seen and cancelled
    monkeypatch.setattr(transfer, "_client_fields", lambda *a: time.sleep(0.0002) or checked(*a))
    path = tmp_path / "big.csv"
    path.write_text("Name,Phone\n" + "".join(f"Row {n},+44 7700 8{n:05d}\n" for n in range(10_000)), encoding="utf-8")
    dialog = ImportDialog(desk.ops("olga"))
    qtbot.addWidget(dialog)
    seen = []
    with Heartbeat() as heart:
        job = dialog.load(path)
        job.progressed.connect(lambda done, total: seen.append((done, total)))
        finished(qtbot, job, timeout=60_000)
    assert dialog.summary.text().startswith("10000 new")
    assert seen[-1] == (10_000, 10_000) and heart.kept_beating()
    job = dialog.load(path)
    _cancel(qtbot, dialog)
    finished(qtbot, job)
    assert not dialog.import_button.isEnabled() and dialog.model.rowCount() == 0


def test_l3_email_to_a_slow_server_is_cancelled_and_the_window_never_waits(desk, qtbot, window):
    ops = desk.ops("olga")
    with desk.database.writer.begin() as s:
        anna = clients.create_client(s, ops.actor, name="Anna Slow", email="anna@example.org")
        gold = s.scalar(select(Package.id).where(Package.name == "Gold"))
        invoice_id = sales.sell(s, ops.actor, anna, gold).invoice_id
    server = SlowSMTP(delay=60)  # Cancel must not wait for it: finished() gives up after 10 s
    try:
        with desk.database.writer.begin() as s:
            settings.update_settings(s, ops.actor, {"smtp_host": "127.0.0.1", "smtp_port": server.port,
                                                    "smtp_tls": False, "smtp_sender": "desk@sunny.example"})
        with Heartbeat() as heart:
            job = email_invoice(ops, invoice_id, "anna@example.org", parent=window)
            _cancel(qtbot, window)
            finished(qtbot, job)
        assert heart.kept_beating()
    finally:
        server.close()
    with desk.database.reader.begin() as s:  # recorded (committed) before the send began
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.entity == "invoice",
                                                         AuditEvent.action == "email")).all() == ["email"]
