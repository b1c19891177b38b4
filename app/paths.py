"""Where the desk keeps its files: the platform's user data folder by default.

``MEMBERSHIP_DESK_HOME`` points everything at another folder (tests, a
portable install on a USB stick).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

APP_NAME = "MembershipDesk"


PRIVATE_DIR = 0o700  # the data folder and its folders: only the user (Linux, macOS; D6)
PRIVATE_FILE = 0o600


def private_dir(path: Path) -> Path:
    """Make ``path`` (and missing parents) and keep it readable only by the user."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Make an existing file readable only by the user (a database, a backup, a log)."""
    if os.name == "posix" and path.exists() and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_FILE)
    return path


def write_private(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` created 0600 from the start, renamed in once whole."""
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
    private_file(tmp)
    tmp.replace(path)


def data_dir() -> Path:
    home = os.environ.get("MEMBERSHIP_DESK_HOME")
    if home:
        path = Path(home)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    return private_dir(path)


def default_database_path() -> Path:
    return data_dir() / "desk.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite3"


def backups_dir() -> Path:
    return private_dir(data_dir() / "backups")


def attachments_dir() -> Path:
    return private_dir(data_dir() / "attachments")


def photos_dir() -> Path:
    return private_dir(data_dir() / "photos")


def _local_config_path() -> Path:
    return data_dir() / "local.json"


def load_local_config() -> dict:
    """This PC's own settings (which database to open); the rest live in the database."""
    try:
        return json.loads(_local_config_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def save_local_config(config: dict) -> None:
    write_private(_local_config_path(), json.dumps(config, indent=2))


def secrets_path() -> Path:
    return data_dir() / "secrets.json"
