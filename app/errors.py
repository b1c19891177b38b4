"""The two kinds of failure the desk knows.

A :class:`DomainError` is the user's doing (a rule said no, input was bad):
the UI shows its message and nothing was written. Anything else is a bug:
logged with its traceback and reported, never shown as a raw traceback.
"""


class DomainError(Exception):
    """A rule refused the action; ``str(err)`` is the message for the user.

    ``field`` names the input the message belongs next to, when there is one.
    """

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class PermissionDenied(DomainError):
    """The signed-in role may not do this (checked in the services, not only the UI)."""


class NotFound(DomainError):
    """The record is gone: deleted, or moved by another PC meanwhile."""


class DatabaseProblem(Exception):
    """The database cannot be opened as it is; ``kind`` says why, ``message`` says it plainly.

    kinds: ``missing``, ``unreadable``, ``read_only``, ``damaged``, ``locked``,
    ``newer``, ``unreachable``, ``network_share`` (SQLite on NFS or SMB, D7).
    """

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind
        self.message = message


class AlreadyMember(DomainError):
    """M2: the client has a current membership; ``membership_id`` is the one to offer renewing."""

    def __init__(self, message: str, membership_id: int):
        super().__init__(message, field="package_id")
        self.membership_id = membership_id
