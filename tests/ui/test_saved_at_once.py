"""D7: when two PCs save one record at the very same moment, the one that waited for the other's
row lock finds its version gone (PostgreSQL re-checks the row after the wait): a plain message
that nothing was saved, not "a bug"."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select, text

from app.models import Client
from app.services import clients
from ui.ops import FAILED, SAVED_AT_ONCE


def test_d7_a_save_that_lost_the_race_for_its_row_is_a_plain_message_and_saves_nothing(ops_for, monkeypatch):
    ops = ops_for("rita")
    client_id = ops.run(clients.create_client, name="Anna Hughes")
    told, bugs = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, message: told.append(message))
    monkeypatch.setattr("ui.ops.report_bug", lambda exc, parent=None: bugs.append(exc))

    def rename_after_another_pc_saved(session, actor):
        client = session.get(Client, client_id)
        session.execute(text("UPDATE clients SET version = version + 1 WHERE id = :id"), {"id": client_id})
        client.name = "Anna Lost"  # as the other PC's commit lands between our read and our write

    assert ops.run(rename_after_another_pc_saved) is FAILED
    assert told == [SAVED_AT_ONCE] and bugs == []
    with ops.db.reader.begin() as session:
        assert session.scalar(select(Client.name).where(Client.id == client_id)) == "Anna Hughes"
