"""D7: a SQLite file on a network share is refused with the reason, pointing to PostgreSQL
(tested with a fake mounts table and a fake Windows drive type)."""

from __future__ import annotations

import pytest

from app import shares
from app.db import sqlite_url
from app.errors import DatabaseProblem
from app.shares import network_share
from app.storage import open_database

FAKE_MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid 0 0
//nas/gym /mnt/gym cifs rw,vers=3.0,username=desk 0 0
nas:/export/desk /srv/desk\\040data nfs4 rw,relatime,vers=4.2 0 0
/dev/sdb1 /mnt/gym/local ext4 rw 0 0
tmpfs /run tmpfs rw 0 0
"""


@pytest.fixture
def mounts(tmp_path):
    table = tmp_path / "mounts"
    table.write_text(FAKE_MOUNTS, encoding="utf-8")
    return table


@pytest.mark.parametrize(("path", "kind"), [
    ("/mnt/gym/desk.sqlite3", "SMB/CIFS"),
    ("/mnt/gym/sub/folder/desk.sqlite3", "SMB/CIFS"),
    ("/srv/desk data/desk.sqlite3", "NFS"),
    ("/mnt/gym/local/desk.sqlite3", None),  # a local disk mounted inside the share's folder
    ("/mnt/gymnasium/desk.sqlite3", None),  # a name that only starts like the share's mount point
    ("/home/olga/desk.sqlite3", None),
])
def test_d7_linux_mounts_say_which_files_are_on_a_network_share(mounts, path, kind):
    assert network_share(path, platform="linux", mounts=mounts) == kind


@pytest.mark.parametrize(("path", "remote", "kind"), [
    (r"\\nas\gym\desk.sqlite3", False, "a Windows network path"),
    ("//nas/gym/desk.sqlite3", False, "a Windows network path"),
    (r"Z:\desk\desk.sqlite3", True, "a mapped network drive"),
    (r"C:\Users\olga\desk.sqlite3", False, None),
])
def test_d7_windows_unc_paths_and_mapped_drives_are_network_shares(path, remote, kind):
    asked = []

    def drive_type(root):
        asked.append(root)
        return shares.DRIVE_REMOTE if remote else 3  # 3: DRIVE_FIXED

    assert network_share(path, platform="win32", drive_type=drive_type) == kind
    assert asked == ([] if path.startswith(("\\\\", "//")) else [path[:2] + "\\"])


def test_d7_sqlite_on_a_network_share_is_refused_and_nothing_is_made(tmp_path, monkeypatch):
    share = tmp_path / "share"
    share.mkdir()
    (tmp_path / "mounts").write_text(f"/dev/sda1 / ext4 rw 0 0\n//nas/gym {share.resolve()} cifs rw 0 0\n",
                                     encoding="utf-8")
    monkeypatch.setattr(shares, "MOUNTS", str(tmp_path / "mounts"))
    monkeypatch.setattr(shares.sys, "platform", "linux")
    file = share / "desk" / "desk.sqlite3"
    with pytest.raises(DatabaseProblem) as refused:
        open_database(sqlite_url(file), create=True)
    assert refused.value.kind == "network_share"
    assert refused.value.message == (
        f"The database file {file} is on a network share (SMB/CIFS). Two PCs writing one SQLite file over a "
        "network can damage it. Keep the file on this PC's own disk, or let several PCs share a PostgreSQL "
        "server (start the desk with --url postgresql+psycopg://server/desk).")
    assert list(share.iterdir()) == []
    local = tmp_path / "local" / "desk.sqlite3"
    open_database(sqlite_url(local), create=True).dispose()
    assert local.exists()
