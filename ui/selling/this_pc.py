"""What this PC remembers between payments: the cash drawer it used last, per database.

Kept in the data folder's local.json (app.paths), not in the shared database:
the reception PC and the café PC of one business each keep their own.
"""

from __future__ import annotations

from app.paths import load_local_config, save_local_config

_KEY = "last_cash_drawer"


def last_drawer(database: str) -> int | None:
    """The drawer this PC last took a payment into for ``database`` (its location), if any."""
    value = load_local_config().get(_KEY, {}).get(database)
    return value if isinstance(value, int) else None


def remember_drawer(database: str, drawer_id: int | None) -> None:
    config = load_local_config()
    drawers = config.get(_KEY) if isinstance(config.get(_KEY), dict) else {}
    if drawer_id is None:
        drawers.pop(database, None)
    else:
        drawers[database] = drawer_id
    config[_KEY] = drawers
    save_local_config(config)
