"""Pictures the user picks (a client's photo, the business logo): checked by their bytes, copied in.

A file is accepted only when its first bytes say PNG or JPEG, whatever its
name claims: a text file renamed ``logo.png`` is refused with a message.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP, Label

PICTURE_TYPES = (".png", ".jpg", ".jpeg")
MAX_PICTURE = 5 * 1024 * 1024


def read_picture(source: str, field: str, what: str) -> bytes:
    """The bytes of a PNG or JPEG file; ``what`` names it in a message ("A photo", "The logo")."""
    path, what = Path(source), Label(what)
    if path.suffix.lower() not in PICTURE_TYPES:
        raise DomainError("{what} is a PNG or JPEG file.", field=field, what=what)
    if not path.is_file():
        raise DomainError("The file {name} cannot be read.", field=field, name=path.name)
    data = path.read_bytes()
    if len(data) > MAX_PICTURE:
        raise DomainError("{what} is larger than 5 MB.", field=field, what=what)
    if not (data.startswith(b"\x89PNG") or data.startswith(b"\xff\xd8")):
        raise DomainError("This file is not a PNG or JPEG picture.", field=field)
    return data


def store_picture(data: bytes, source: str, folder: Path, prefix: str) -> str:
    """Copy ``data`` into ``folder`` under a name made of ``prefix`` and its content; the new file's name."""
    stored = f"{prefix}-{hashlib.sha256(data).hexdigest()[:12]}{Path(source).suffix.lower()}"
    (folder / stored).write_bytes(data)
    return stored
