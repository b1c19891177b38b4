"""The two kinds of failure the desk knows.

A :class:`DomainError` is the user's doing (a rule said no, input was bad):
the UI shows its message and nothing was written. Anything else is a bug:
logged with its traceback and reported, never shown as a raw traceback.
"""


class DomainError(Exception):
    """A rule refused the action; ``str(err)`` is the message for the user.

    ``field`` names the input the message belongs next to, when there is one. ``message`` is
    an English template of the catalogue (app/messages.py) with its named ``params``:
    ``DomainError("The file {name} cannot be read.", field="attachments", name=source.name)``;
    ``.message`` is the English text, the window shows ``template`` translated (L2).
    """

    def __init__(self, message: str, *, field: str | None = None, **params):
        from app.messages import english

        self.template = message
        self.params = params
        self.message = english(message, params)
        super().__init__(self.message)
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

    def __init__(self, kind: str, message: str, **params):
        from app.messages import english

        self.kind, self.template, self.params = kind, message, params  # a catalogue template, or plain English
        self.message = english(message, params)
        super().__init__(self.message)


class AlreadyMember(DomainError):
    """M2: the client has a current membership; ``membership_id`` is the one to offer renewing."""

    def __init__(self, message: str, membership_id: int, **params):
        super().__init__(message, field="package_id", **params)
        self.membership_id = membership_id
