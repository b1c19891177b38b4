"""D6: the SMTP password in the keyring or a file only the user reads; the data folder and files only the user's."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import select

from app import paths, secret_store
from app.models import Setting
from app.services import settings

posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes 0700/0600 are a Linux and macOS matter")


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.saved = {}

    def set_password(self, service, username, password):
        self.saved[service, username] = password

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def delete_password(self, service, username):
        self.saved.pop((service, username), None)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("MEMBERSHIP_DESK_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def ring(monkeypatch):
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("MEMBERSHIP_DESK_KEYRING", "1")
    yield backend
    keyring.set_keyring(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _stored_row(session):
    return session.scalar(select(Setting.value).where(Setting.key == "smtp_password"))


def test_d6_the_smtp_password_goes_to_the_keyring_not_the_table(session, owner, home, ring):
    settings.update_settings(session, owner, {"smtp_password": "s3cret mail"})
    assert _stored_row(session) == ""
    assert list(ring.saved.values()) == ["s3cret mail"]
    assert not paths.secrets_path().exists()
    assert settings.read_settings(session, owner)["smtp_password"] == "s3cret mail"


@posix_only
def test_d6_without_a_keyring_the_password_is_in_a_file_only_the_user_reads(session, owner, home):
    assert secret_store.where() == "a file only you can read"
    settings.update_settings(session, owner, {"smtp_password": "s3cret mail"})
    assert _stored_row(session) == ""
    assert mode(paths.secrets_path()) == 0o600
    assert "s3cret mail" in paths.secrets_path().read_text()
    assert settings.read_settings(session, owner)["smtp_password"] == "s3cret mail"
    settings.update_settings(session, owner, {"smtp_password": ""})
    assert settings.read_settings(session, owner)["smtp_password"] == ""


def test_d6_a_password_stored_in_the_table_before_still_works_until_saved_again(session, owner, home):
    session.merge(Setting(key="smtp_password", value="from an older version"))
    session.flush()
    assert settings.read_settings(session, owner)["smtp_password"] == "from an older version"


@posix_only
def test_d6_the_data_folder_and_its_files_are_only_the_users(home):
    from app.backup import backup_sqlite
    from app.db import sqlite_url
    from app.storage import open_database

    usual = os.umask(0o022)  # as on a usual desktop: files would be world-readable
    try:
        db = open_database(sqlite_url(paths.default_database_path()), create=True)
        try:
            copy = backup_sqlite(db.engine, paths.backups_dir(), "daily")
        finally:
            db.dispose()
    finally:
        os.umask(usual)
    paths.save_local_config({"database_url": "sqlite:///x"})
    assert mode(home) == 0o700
    for folder in (paths.backups_dir(), paths.attachments_dir(), paths.photos_dir()):
        assert mode(folder) == 0o700, folder
    for file in (paths.default_database_path(), copy, home / "local.json"):
        assert mode(file) == 0o600, file


@posix_only
def test_d6_an_existing_data_folder_open_to_others_is_closed(home):
    home.mkdir(parents=True)
    home.chmod(0o755)
    paths.data_dir()
    assert mode(home) == 0o700
