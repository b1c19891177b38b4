"""D2 on a PostgreSQL server: pg_dump into the backups folder off the window's thread, written whole, the
oldest removed beyond "Backup copies to keep"; without pg_dump, Settings › Backups says the server's own
backups apply."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from app import backup
from app.services import clients
from tests.databases import ON_POSTGRES
from ui.settings.screen import SettingsScreen
from ui.start.signing import DeskSession

pytestmark = pytest.mark.skipif(not ON_POSTGRES, reason="pg_dump backs up a PostgreSQL server (tests/postgres.sh); "
                                                        "SQLite's copies are tested in test_backups.py")


@pytest.fixture
def pg_dump_on_path(monkeypatch):
    """pg_dump as an installed server puts it: on the PATH (tests/pg_cluster.sh names the cluster's tools)."""
    if shutil.which("pg_dump") is None:
        monkeypatch.setenv("PATH", os.environ.get("DESK_TEST_PG_BIN", "") + os.pathsep + os.environ["PATH"])
    assert shutil.which("pg_dump") is not None, "pg_dump is in the PostgreSQL run's cluster folder"
    return shutil.which("pg_dump")


def _url(desk) -> str:
    return desk.database.engine.url.render_as_string(hide_password=False)


def _restorable_tables(dump: Path) -> str:
    return subprocess.run([str(Path(shutil.which("pg_dump")).with_name("pg_restore")), "--list", str(dump)],
                          capture_output=True, text=True, check=True).stdout


def test_d2_pg_dump_makes_whole_copies_and_keeps_the_newest(desk, tmp_path, pg_dump_on_path):
    desk.ops("olga").run(clients.create_client, name="Backed Up")
    made = [backup.backup_postgres(_url(desk), tmp_path, keep=2, reason="manual") for _ in range(3)]
    stem = make_url(_url(desk)).database
    assert backup.list_backups(tmp_path, stem, ".dump") == [made[2], made[1]]  # the oldest went
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([made[1].name, made[2].name])  # no partial left
    assert made[2].name.endswith("-manual.dump")
    assert "TABLE DATA public clients" in _restorable_tables(made[2])
    assert oct(made[2].stat().st_mode & 0o777) == "0o600"


def test_d2_pg_dump_of_a_missing_database_is_a_plain_failure_leaving_nothing(desk, tmp_path, pg_dump_on_path):
    gone = make_url(_url(desk)).set(database="no_such_desk").render_as_string(hide_password=False)
    with pytest.raises(backup.BackupFailed, match=r"^No backup was made: pg_dump could not back up the database \("):
        backup.backup_postgres(gone, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_d2_back_up_now_on_a_server_dumps_off_the_window_thread_and_lists_it(desk, qtbot, tmp_path, pg_dump_on_path):
    session = DeskSession(desk.database)
    window = session.open(desk.ops("olga").actor)
    qtbot.addWidget(window)
    window.backups.folder = tmp_path
    window.show()
    window.backup_action.trigger()
    assert window.backups.job is not None  # on the worker: the window goes on
    stem = make_url(_url(desk)).database
    qtbot.waitUntil(lambda: window.backups.job is None and bool(backup.list_backups(tmp_path, stem, ".dump")),
                    timeout=30000)
    (dump,) = backup.list_backups(tmp_path, stem, ".dump")
    assert window.statusBar().currentMessage() == f"Backup saved: {dump.name}"
    assert "TABLE DATA public clients" in _restorable_tables(dump)
    assert window.backups.when_due() is None  # the newest dump is fresh: no automatic one yet


def test_d2_settings_backups_says_where_dumps_go_or_that_the_servers_backups_apply(desk, qtbot, monkeypatch,
                                                                                   pg_dump_on_path):
    ops = desk.ops("olga")
    with_tool = SettingsScreen(ops)
    qtbot.addWidget(with_tool)
    note = with_tool.findChild(type(with_tool.server.answer), "backupsNote")
    assert "with pg_dump on start and daily into" in note.text()
    monkeypatch.setenv("PATH", "")  # a PC without PostgreSQL's tools
    without = SettingsScreen(ops)
    qtbot.addWidget(without)
    note = without.findChild(type(without.server.answer), "backupsNote")
    assert "pg_dump is not installed on this PC" in note.text() and "the server's own backups apply" in note.text()


def test_d6_pg_dump_gets_the_password_in_its_environment_not_on_its_command_line(desk, tmp_path, pg_dump_on_path,
                                                                                 monkeypatch):
    from sqlalchemy import create_engine, text

    name = f"dumper_{uuid.uuid4().hex[:8]}"
    admin = create_engine(make_url(_url(desk)), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:  # a role that signs in with a password (tests/pg_cluster.sh)
        conn.execute(text(f"CREATE ROLE {name} LOGIN PASSWORD 'dump secret' IN ROLE pg_read_all_data"))
    commands = []
    real_run = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda args, **kw: commands.append(args) or real_run(args, **kw))
    try:
        url = make_url(_url(desk)).set(username=name, password="dump secret").render_as_string(hide_password=False)
        dump = backup.backup_postgres(url, tmp_path)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP ROLE {name}"))
        admin.dispose()
    assert "TABLE DATA public clients" in _restorable_tables(dump)  # the server took the password
    assert not any("dump secret" in part for part in commands[0])  # which no other user of the PC could see


def test_d2_the_automatic_dump_runs_when_the_newest_is_a_day_old_and_not_again(desk, qtbot, tmp_path,
                                                                              pg_dump_on_path):
    session = DeskSession(desk.database)
    window = session.open(desk.ops("olga").actor)
    qtbot.addWidget(window)
    window.backups.folder = tmp_path
    stem = make_url(_url(desk)).database
    old = backup.backup_postgres(_url(desk), tmp_path, reason="daily")
    os.utime(old, (old.stat().st_mtime - 25 * 3600,) * 2)  # made yesterday
    assert window.backups.when_due() is not None
    qtbot.waitUntil(lambda: window.backups.job is None and len(backup.list_backups(tmp_path, stem, ".dump")) == 2,
                    timeout=30000)
    assert window.backups.when_due() is None
