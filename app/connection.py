"""Can this PC reach the PostgreSQL server? The answer in plain words (Settings › Database server).

The driver's refusals are sorted into what the user can act on: the server
answered (and its version), the user name or password is wrong, the host
name is unknown, nobody answers there, or the database does not exist.
:func:`connection_problem` sorts an error raised later (while the desk runs,
or at start) the same way, so a wrong password is never "a bug".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.pool import NullPool

from app.db import is_sqlite
from app.messages import QT_TRANSLATE_NOOP, english

CONNECT_TIMEOUT_S = 5  # a host that does not answer is reported after this long

# What the driver says (libpq's words, lower case; every word of an entry) -> the kind of problem.
WORDS = [
    (("password authentication failed",), "wrong_password"),
    (("no password supplied",), "wrong_password"),
    (("role \"", "does not exist"), "wrong_password"),  # the user name is wrong
    (("could not translate host name",), "host_not_found"),
    (("name or service not known",), "host_not_found"),
    (("nodename nor servname",), "host_not_found"),
    (("no such host",), "host_not_found"),
    (("database \"", "does not exist"), "database_missing"),
    (("connection refused",), "not_answering"),
    (("timeout expired",), "not_answering"),
    (("connection timed out",), "not_answering"),
    (("no route to host",), "not_answering"),
    (("network is unreachable",), "not_answering"),
    (("server closed the connection",), "not_answering"),
    (("terminating connection",), "not_answering"),
    (("could not connect",), "not_answering"),
]

MESSAGES = {  # templates of the message catalogue (L2): the window shows them in the user's language
    "wrong_password": QT_TRANSLATE_NOOP("Messages", "The server refused the user name or password. Check both in "
                                                    "the server's address (Settings › Database server)."),
    "host_not_found": QT_TRANSLATE_NOOP("Messages", "The server's name was not found. Check the host name in the "
                                                    "address and the network."),
    "not_answering": QT_TRANSLATE_NOOP("Messages", "The server does not answer. Check that it runs, the port, and "
                                                   "the network (a firewall?)."),
    "database_missing": QT_TRANSLATE_NOOP("Messages", "The server answered, but it has no database of that name. "
                                                      "Check the name in the address."),
    "bad_url": QT_TRANSLATE_NOOP("Messages", "This is not a server address. Write it as "
                                             "postgresql://user:password@host:5432/desk."),
    "refused": QT_TRANSLATE_NOOP("Messages", "The server refused the connection: {said}"),
    "connected": QT_TRANSLATE_NOOP("Messages", "Connected to {where}: PostgreSQL {version}."),
}


@dataclass(frozen=True)
class ConnectionCheck:
    """The outcome of :func:`check_connection`: ``kind`` is "connected" or one of :data:`MESSAGES`'."""

    kind: str
    params: dict = field(default_factory=dict)  # the template's, for the window to show in its language
    server_version: str = ""

    @property
    def template(self) -> str:
        return MESSAGES[self.kind]

    @property
    def message(self) -> str:
        """In English (logs, tests); the window translates :attr:`template` (ui.i18n.message)."""
        return english(self.template, self.params)

    @property
    def connected(self) -> bool:
        return self.kind == "connected"


def connection_problem(exc: BaseException) -> str | None:
    """The kind of problem a driver error shows (a key of :data:`MESSAGES`), or None when unknown."""
    said = str(getattr(exc, "orig", None) or exc).lower()
    return next((kind for words, kind in WORDS if all(word in said for word in words)), None)


def server_url(url: str) -> str:
    """``url`` with the desk's driver (psycopg 3): people write ``postgresql://...`` as psql takes it.

    Raises:
        ValueError: not a PostgreSQL address.
    """
    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise ValueError(MESSAGES["bad_url"]) from None
    if parsed.get_backend_name() != "postgresql" or not parsed.host:
        raise ValueError(MESSAGES["bad_url"])
    return parsed.set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def check_connection(url: str, timeout: float = CONNECT_TIMEOUT_S) -> ConnectionCheck:
    """Try the server at ``url`` once (at most ``timeout`` seconds); never raises for a refusal.

    Slow when the host does not answer: call it off the window's thread.
    """
    if is_sqlite(url.strip()):
        return ConnectionCheck("bad_url")
    try:
        url = server_url(url)
        engine = create_engine(url, connect_args={"connect_timeout": max(1, round(timeout))}, poolclass=NullPool)
    except (ValueError, ArgumentError, NoSuchModuleError):
        return ConnectionCheck("bad_url")
    try:
        with engine.connect() as conn:
            version = conn.execute(text("SHOW server_version")).scalar_one()
    except DBAPIError as exc:
        kind = connection_problem(exc)
        if kind is None:  # something else the server said (e.g. SSL required): its own words
            said = str(exc.orig).strip().splitlines()[-1] if exc.orig else str(exc)
            return ConnectionCheck("refused", {"said": said})
        return ConnectionCheck(kind)
    finally:
        engine.dispose()
    where = make_url(url)
    return ConnectionCheck("connected", {"where": f"{where.host}/{where.database}", "version": version},
                           version.split()[0])
