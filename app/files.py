"""Files the desk writes for the user (exports, PDFs): whole, or not at all under the chosen name."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import Iterator

from app.errors import DomainError
from app.tasks import TaskState


@contextlib.contextmanager
def written(path: Path | str, state: TaskState | None = None) -> Iterator[Path]:
    """A temporary file beside ``path`` that takes its name only when the block finishes.

    A failure, a full disk or Cancel leaves no half-written file under the chosen
    name (an older file of that name stays as it was). A disk or permission
    problem becomes a plain message. With ``state``, a Cancel pressed while the
    file was being finished still wins: it does not take the name.
    """
    path = Path(path)
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix + ".part", dir=path.parent)
    except OSError as exc:
        raise DomainError("{folder} cannot be written to ({reason}). Nothing was saved.", folder=path.parent,
                          reason=exc.strerror) from None
    os.close(handle)
    part = Path(name)
    try:
        yield part
        if state is not None:
            state.check()
        os.replace(part, path)
    except OSError as exc:
        raise DomainError("{name} could not be written ({reason}). Nothing was saved.", name=path.name,
                          reason=exc.strerror) from None
    finally:
        part.unlink(missing_ok=True)
