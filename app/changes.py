"""What a transaction changed, so screens refresh only what it touches (STYLE habit 3, SPEC L1).

The session itself says what it wrote: every row flushed (new, changed, deleted) by table and
id, the clients those rows concern (their ``client_id`` or ``payer_id``, or the client row
itself), and the tables written by a bulk UPDATE/DELETE/INSERT, whose rows are not known. No
service has to remember to report it. The same value travels to the other PCs (PostgreSQL
NOTIFY carries it as JSON); a change seen only as "the file changed" (SQLite's data_version)
is :data:`EVERYTHING`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

CLIENT_KEYS = ("client_id", "payer_id")


@dataclass(frozen=True)
class Changes:
    tables: frozenset[str] = frozenset()
    clients: frozenset[int] = frozenset()  # clients whose rows changed
    blind: frozenset[str] = frozenset()  # tables written in bulk: which rows (and clients) is not known
    everything: bool = False

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)

    def touches(self, *tables: str) -> bool:
        """Whether any of ``tables`` may have changed."""
        return self.everything or any(t in self.tables for t in tables)

    def concerns_client(self, client_id: int | None, *tables: str) -> bool:
        """Whether a screen showing ``client_id`` from ``tables`` may show something old now."""
        if self.everything:
            return True
        return client_id in self.clients or any(t in self.blind for t in tables)

    def to_json(self) -> str:
        return json.dumps({"t": sorted(self.tables), "c": sorted(self.clients), "b": sorted(self.blind),
                           "e": self.everything})

    @classmethod
    def from_json(cls, text: str) -> Changes:
        try:
            data = json.loads(text)
            return cls(frozenset(data["t"]), frozenset(int(c) for c in data["c"]), frozenset(data["b"]),
                       bool(data["e"]))
        except (ValueError, KeyError, TypeError):
            return EVERYTHING  # a message we cannot read: refresh everything rather than miss a change

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tables | other.tables, self.clients | other.clients, self.blind | other.blind,
                       self.everything or other.everything)


EVERYTHING = Changes(everything=True)
NOTHING = Changes()


@dataclass
class ChangeRecorder:
    """Listens to one session for its transaction's writes; :meth:`changes` is the summary."""

    session: Session
    tables: set[str] = field(default_factory=set)
    clients: set[int] = field(default_factory=set)
    blind: set[str] = field(default_factory=set)

    def __post_init__(self):
        event.listen(self.session, "after_flush", self._flushed)
        event.listen(self.session, "do_orm_execute", self._executed)

    def _flushed(self, session: Session, _context) -> None:
        for obj in (*session.new, *session.dirty, *session.deleted):
            table = getattr(obj, "__tablename__", None)
            if table is None:
                continue
            self.tables.add(table)
            state = inspect(obj)
            if table == "clients" and state.identity:
                self.clients.add(state.identity[0])
            for key in CLIENT_KEYS:
                value = state.dict.get(key)
                if isinstance(value, int):
                    self.clients.add(value)

    def _executed(self, state) -> None:
        if state.is_update or state.is_delete or state.is_insert:
            table = getattr(state.statement, "table", None)
            name = getattr(table, "name", None)
            if name:
                self.tables.add(name)
                self.blind.add(name)

    def changes(self) -> Changes:
        return Changes(frozenset(self.tables), frozenset(self.clients), frozenset(self.blind))
