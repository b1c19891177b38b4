"""Clients: add and edit with validation, possible duplicates, and search in any script."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from sqlalchemy import and_, bindparam, func, literal, or_, select, text
from sqlalchemy.orm import Session

from app import paths, validation
from app.pictures import read_picture, store_picture
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP
from app.models import Client, ClientCategory, Family
from app.services import audit, invoices, status
from app.services.access import Actor, Right, guarded
from app.services.records import existing, locked
from app.services.settings import get_settings
from app.services.versions import refuse_if_changed
from app.text import fold, national_number, phone_digits

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed without doubt
CODE_LENGTH = 6
FIELDS = ("name", "phone", "email", "birth_date", "category_id", "family_id", "guardian_name",
          "guardian_phone", "notes", "photo", "archived", "code")
SORT_KEYS = ("code", "name", "phone", "category", "family", "status", "balance")


def clean_fields(session: Session, data: dict, client_id: int | None) -> dict:
    """Validated client fields (plus their search keys); raises DomainError naming the field."""
    unknown = set(data) - set(FIELDS)
    if unknown:
        raise DomainError("Unknown client fields: {fields}.", fields=", ".join(sorted(unknown)))
    out = {}
    if "name" in data or client_id is None:
        out["name"] = validation.name(data.get("name"), "name", "Name", max_len=200)
        out["search_key"] = fold(out["name"])
    if "phone" in data:
        out["phone"] = _phone(data["phone"], "phone")
        out["phone_key"] = phone_digits(out["phone"])
    if "guardian_phone" in data:
        out["guardian_phone"] = _phone(data["guardian_phone"], "guardian_phone")
    if "email" in data:
        out["email"] = validation.email(data["email"])
    if "birth_date" in data:
        born = data["birth_date"]
        if born is not None:
            born = validation.date(born, "birth_date", "Birth date")
            if born > dt.date.today():
                raise DomainError("The birth date is in the future.", field="birth_date")
        out["birth_date"] = born
    if "guardian_name" in data:
        out["guardian_name"] = validation.name(data["guardian_name"], "guardian_name", "Guardian", required=False)
    if "notes" in data:
        out["notes"] = validation.text(data["notes"], "notes", "Notes", max_len=5000, required=False)
    if "photo" in data:
        out["photo"] = validation.text(data["photo"], "photo", "Photo", max_len=260, required=False)
    if "category_id" in data:
        if data["category_id"] is not None and session.get(ClientCategory, data["category_id"]) is None:
            raise DomainError("Choose a category from the list.", field="category_id")
        out["category_id"] = data["category_id"]
    if "family_id" in data:
        if data["family_id"] is not None and session.get(Family, data["family_id"]) is None:
            raise DomainError("That family no longer exists.", field="family_id")
        out["family_id"] = data["family_id"]
    if "archived" in data:
        out["archived"] = bool(data["archived"])
    if data.get("code") not in (None, ""):
        code = validation.text(data["code"], "code", "Code", max_len=16).upper()
        if not code.isalnum() or not code.isascii():
            raise DomainError("A code has only letters A-Z and digits.", field="code")
        taken = session.scalar(select(Client.id).where(Client.code == code, Client.id != (client_id or 0)))
        if taken:
            raise DomainError("The code {code} belongs to another client.", field="code", code=code)
        out["code"] = code
    return out


def _phone(value, field: str) -> str:
    phone = validation.text(value, field, "Phone", max_len=40, required=False)
    if phone and (not all(ch.isdigit() or ch in " +-()./" for ch in phone) or len(phone_digits(phone)) < 5):
        raise DomainError("A phone number has digits, spaces, + - ( ) only, and at least 5 digits.", field=field)
    return phone


def new_code(session: Session) -> str:
    """A unique, short, printable code for a member card and a barcode scanner."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if not session.scalar(select(Client.id).where(Client.code == code)):
            return code


@guarded(Right.EDIT_CLIENTS)
def create_client(session: Session, actor: Actor, **fields) -> int:
    """A new client; ``photo_source`` (a picture file) is copied in as the photo, in the same action."""
    photo_source = fields.pop("photo_source", None)
    values = clean_fields(session, fields, None)
    values.setdefault("code", new_code(session))
    client = Client(created_by_id=actor.user_id, **values)
    session.add(client)
    session.flush()
    audit.record(session, actor, "create", "client", client.id, code=client.code)
    if photo_source:
        _store_photo(session, actor, client, photo_source)
    return client.id


@guarded(Right.EDIT_CLIENTS)
def update_client(session: Session, actor: Actor, client_id: int, **fields) -> int:
    photo_source = fields.pop("photo_source", None)
    version = fields.pop("version", None)  # the version the form showed (D7)
    client = locked(session, Client, client_id, "client")
    refuse_if_changed(session, client.version, version, "This client", "client", client.id)
    values = clean_fields(session, fields, client_id)
    changed = {k: v for k, v in values.items() if getattr(client, k) != v}
    for key, value in changed.items():
        setattr(client, key, value)
    if changed:
        audit.record(session, actor, "update", "client", client.id,
                     **{k: v for k, v in changed.items() if k not in ("search_key", "phone_key")})
    if photo_source:
        _store_photo(session, actor, client, photo_source)
    return client.id


@guarded(Right.VIEW_CLIENTS)
def possible_duplicates(session: Session, actor: Actor, *, name: str = "", phone: str = "",
                        birth_date: dt.date | None = None, exclude_id: int | None = None) -> list[dict]:
    """Clients with the same phone, or the same name and birth date: shown before saving."""
    conditions = []
    digits = phone_digits(phone or "")
    if len(digits) >= 7:  # the same number, written with or without its country code
        conditions.append(or_(Client.phone_key.endswith(digits, autoescape=True),
                              and_(func.length(Client.phone_key) >= 7,
                                   literal(digits).endswith(Client.phone_key))))
    national = national_number(phone or "")
    if len(national) >= 7 and national != digits:  # "8 912 345 67 89" is +7 912 345 67 89
        conditions.append(Client.phone_key.endswith(national, autoescape=True))
    if name.strip() and birth_date is not None:
        conditions.append(and_(Client.search_key == fold(name), Client.birth_date == birth_date))
    if not conditions:
        return []
    query = select(Client.id, Client.code, Client.name, Client.phone).where(or_(*conditions))
    if exclude_id is not None:
        query = query.where(Client.id != exclude_id)
    return [dict(row._mapping) for row in session.execute(query.limit(20))]


def _fts_match(columns: str, term: str):
    """Client ids whose ``columns`` (FTS5 column filter) contain ``term`` (3+ characters), on SQLite.

    The bound value is unique, so several of these in one query each keep their own term.
    """
    phrase = '"' + term.replace('"', '""') + '"'
    return Client.id.in_(text("SELECT rowid FROM clients_fts WHERE clients_fts MATCH :q")
                         .bindparams(bindparam("q", f"{columns} : {phrase}", unique=True)))


def _matching(session: Session, query: str):
    """A condition on Client for the search text (name, phone or code), or None for "all"."""
    query = validation.search_text(query)  # a NUL or a broken character finds nothing rather than failing
    words = fold(query).split()
    if not words:
        return None
    digits = phone_digits(query)
    looks_like_phone = len(digits) >= 3 and not any(ch.isalpha() for ch in query)
    sqlite = session.get_bind().dialect.name == "sqlite"
    if looks_like_phone:
        by_phone = _phone_matching(session, query, digits)
        if len(words) != 1 or not words[0].isalnum():
            return by_phone
        # part of a code can be digits only ("2345" of "K2345M"): the codes are searched too
        return or_(by_phone, _fts_match("code", words[0]) if sqlite
                   else func.lower(Client.code).contains(words[0], autoescape=True))
    conditions = []
    for word in words:
        if sqlite and len(word) >= 3:
            conditions.append(_fts_match("{search_key code}", word))
        elif len(word) >= 3:
            conditions.append(or_(Client.search_key.contains(word, autoescape=True),
                                  func.lower(Client.code).contains(word, autoescape=True)))
        else:  # one or two letters: the start of a name or a word in it
            conditions.append(or_(Client.search_key.startswith(word, autoescape=True),
                                  Client.search_key.contains(" " + word, autoescape=True)))
    return and_(*conditions)


def _phone_has(session: Session, digits: str):
    """The stored phone digits contain ``digits`` (3 or more), through the trigram index."""
    if session.get_bind().dialect.name == "sqlite":
        return _fts_match("phone_key", digits)
    return Client.phone_key.contains(digits, autoescape=True)


COUNTRY_CODE_DIGITS = 3  # +1 ... +998


def _phone_matching(session: Session, query: str, digits: str):
    """The typed digits anywhere in the stored number; a number typed in its national form
    ("8 029 123-45-67") also finds the international one (+375 29 123 45 67).

    The national number must start right after a country code of up to three digits (or
    start the stored number): typed in full it is the stored number's tail, and typed
    digit by digit it finds the number before the last digit, which a match on the tail
    alone would not (and "8 912 345 67" would find +375 29 123 45 67, whose tail it is).
    """
    condition = _phone_has(session, digits)
    national = national_number(query)
    if len(national) < 3 or national == digits:  # "07700 900123": its digits are the national number already
        return condition
    placed = or_(*(Client.phone_key.like("_" * before + national + "%") for before in range(COUNTRY_CODE_DIGITS + 1)))
    return or_(condition, and_(_phone_has(session, national), placed))


def standing_sql(session: Session):
    """The client's membership standing (M3) as a SQL expression, for today."""
    return status.client_status_sql(dt.date.today(), get_settings(session)["tolerance_days"])


def _sort_column(session: Session, key: str):
    if key == "category":
        return select(ClientCategory.name).where(ClientCategory.id == Client.category_id).scalar_subquery()
    if key == "family":
        return select(Family.name).where(Family.id == Client.family_id).scalar_subquery()
    if key == "status":
        return standing_sql(session)
    if key == "balance":
        return invoices.client_balance_sql()
    return {"code": Client.code, "phone": Client.phone_key}.get(key, Client.search_key)


def _filtered(session: Session, stmt, query: str, category_id: int | None, archived: bool | None,
              standing: str | None = None):
    condition = _matching(session, query)
    if condition is not None:
        stmt = stmt.where(condition)
    if category_id is not None:
        stmt = stmt.where(Client.category_id == category_id)
    if archived is not None:
        stmt = stmt.where(Client.archived == archived)
    if standing is not None:
        stmt = stmt.where(standing_sql(session) == standing)
    return stmt


def matching_ids(session: Session, query: str, *, archived: bool | None = None):
    """A subquery of the ids of every client the search text finds (no limit): other lists
    filter by client with it (the memberships list)."""
    return _filtered(session, select(Client.id), query, None, archived)


@guarded(Right.VIEW_CLIENTS)
def search_client_ids(session: Session, actor: Actor, query: str = "", *, category_id: int | None = None,
                      archived: bool | None = False, standing: str | None = None, sort: str = "name",
                      descending: bool = False, offset: int = 0, limit: int | None = None) -> list[int]:
    """Ids of the clients matching ``query`` and the filters, in list order, a page at a time.

    The list keeps only ids; rows are fetched for what is on screen.
    ``standing`` filters by membership status (see app.services.status).
    """
    column = _sort_column(session, sort)
    stmt = _filtered(session, select(Client.id), query, category_id, archived, standing)
    stmt = stmt.order_by(column.desc() if descending else column, Client.id).offset(offset).limit(limit)
    session.flush()  # Core below skips autoflush: edits of this transaction must be seen
    return session.connection().execute(stmt).scalars().all()  # Core: no ORM work per id


@guarded(Right.VIEW_CLIENTS)
def count_clients(session: Session, actor: Actor, query: str = "", *, category_id: int | None = None,
                  archived: bool | None = False, standing: str | None = None) -> int:
    session.flush()
    stmt = _filtered(session, select(func.count(Client.id)), query, category_id, archived, standing)
    return session.connection().execute(stmt).scalar_one()


@guarded(Right.VIEW_CLIENTS)
def client_rows(session: Session, actor: Actor, ids: list[int]) -> dict[int, dict]:
    """The list's columns for these clients, keyed by id: with membership standing and balance due."""
    stmt = (
        select(Client.id, Client.code, Client.name, Client.phone, Client.archived,
               ClientCategory.name.label("category"), Family.name.label("family"),
               standing_sql(session).label("status"), invoices.client_balance_sql().label("balance"))
        .outerjoin(ClientCategory, ClientCategory.id == Client.category_id)
        .outerjoin(Family, Family.id == Client.family_id)
        .where(Client.id.in_(ids))
    )
    return {row.id: dict(row._mapping) for row in session.execute(stmt)}


@guarded(Right.VIEW_CLIENTS)
def find_by_code(session: Session, actor: Actor, code: str) -> int | None:
    """The client whose code was typed or scanned, or None."""
    code = (code or "").strip().upper()
    return session.scalar(select(Client.id).where(Client.code == code)) if code else None


@guarded(Right.VIEW_CLIENTS)
def get_client(session: Session, actor: Actor, client_id: int) -> dict:
    client = existing(session, Client, client_id, "client")
    return {field: getattr(client, field) for field in ("id", *FIELDS, "version")}


@guarded(Right.VIEW_CLIENTS)
def categories(session: Session, actor: Actor) -> list[tuple[int, str]]:
    return [tuple(row) for row in session.execute(select(ClientCategory.id, ClientCategory.name)
                                                  .order_by(ClientCategory.name))]


@guarded(Right.EDIT_CLIENTS)
def set_photo(session: Session, actor: Actor, client_id: int, source: str | None) -> str:
    """Copy a PNG or JPEG into the data folder as the client's photo (None removes it)."""
    client = existing(session, Client, client_id, "client")
    if not source:
        client.photo = ""
        audit.record(session, actor, "update", "client", client.id, photo="")
        return ""
    return _store_photo(session, actor, client, source)


def _store_photo(session: Session, actor: Actor, client: Client, source: str) -> str:
    data = read_picture(source, "photo", QT_TRANSLATE_NOOP("Messages", "A photo"))
    stored = store_picture(data, source, paths.photos_dir(), client.code)
    client.photo = stored
    audit.record(session, actor, "update", "client", client.id, photo=stored)
    return stored


def photo_path(stored: str) -> Path | None:
    """Where a stored photo lives, or None when there is none (or the file went missing)."""
    if not stored:
        return None
    path = paths.photos_dir() / Path(stored).name
    return path if path.is_file() else None
