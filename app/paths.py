"""Where the desk keeps its files: the platform's user data folder by default.

``MEMBERSHIP_DESK_HOME`` points everything at another folder (tests, a
portable install on a USB stick).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

APP_NAME = "MembershipDesk"


def data_dir() -> Path:
    home = os.environ.get("MEMBERSHIP_DESK_HOME")
    if home:
        path = Path(home)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, APP_NAME))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "desk.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite3"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def attachments_dir() -> Path:
    path = data_dir() / "attachments"
    path.mkdir(parents=True, exist_ok=True)
    return path


def photos_dir() -> Path:
    path = data_dir() / "photos"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _local_config_path() -> Path:
    return data_dir() / "local.json"


def load_local_config() -> dict:
    """This PC's own settings (which database to open); the rest live in the database."""
    try:
        return json.loads(_local_config_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def save_local_config(config: dict) -> None:
    path = _local_config_path()
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(config, indent=2), encoding="utf-8")
    tmp.replace(path)
