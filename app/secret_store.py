"""Secrets of this PC (the SMTP password) in the system keyring, or else in a file only the user can read (D6).

The keyring (Windows Credential Manager, macOS Keychain, the Secret Service on
Linux) is used when the ``keyring`` package finds a usable backend. Without
one, the secret goes to ``secrets.json`` in the data folder, created 0600.
``MEMBERSHIP_DESK_KEYRING=0`` keeps the keyring out (the tests set it, so they
never write into the developer's own keyring).
"""

from __future__ import annotations

import json
import os

from app import paths

SERVICE = "MembershipDesk"


def _keyring():
    """The keyring module when a real backend is there; None otherwise."""
    if os.environ.get("MEMBERSHIP_DESK_KEYRING", "1") == "0":
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken backend configuration: the file then
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def where() -> str:
    """Where secrets are kept on this PC, for Settings to say."""
    return "the system keyring" if _keyring() is not None else "a file only you can read"


def _account(name: str) -> str:
    return f"{name}@{paths.data_dir()}"  # one data folder, one set of secrets


def _file_secrets() -> dict:
    try:
        return json.loads(paths.secrets_path().read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}


def save(name: str, value: str) -> None:
    ring = _keyring()
    if ring is not None:
        try:
            if value:
                ring.set_password(SERVICE, _account(name), value)
            else:
                _delete(ring, name)
            return
        except Exception:  # noqa: BLE001 - the keyring refused (locked, no daemon): the private file then
            pass
    secrets = _file_secrets()
    if value:
        secrets[name] = value
    else:
        secrets.pop(name, None)
    paths.write_private(paths.secrets_path(), json.dumps(secrets))


def _delete(ring, name: str) -> None:
    try:
        ring.delete_password(SERVICE, _account(name))
    except Exception:  # noqa: BLE001 - nothing stored under that name
        pass


def load(name: str) -> str | None:
    """The secret, or None when none was saved on this PC."""
    ring = _keyring()
    if ring is not None:
        try:
            value = ring.get_password(SERVICE, _account(name))
            if value is not None:
                return value
        except Exception:  # noqa: BLE001 - an unusable keyring: the file may hold it
            pass
    return _file_secrets().get(name)
