"""Users: sign-in with argon2id hashes (D6), and the owner's user management."""

from __future__ import annotations

import datetime as dt
import math

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.models import AuditEvent, Role, User
from app.services import audit
from app.services.access import SYSTEM, Actor, Right, guarded
from app.services.records import existing, locked
from app.types import utcnow
from app.services.versions import refuse_if_changed

MIN_PASSWORD = 8
_hasher = PasswordHasher()  # argon2id with the library's current recommended costs


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _check_password(password, field: str = "password") -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise DomainError("The password needs at least {least} characters.", field=field, least=MIN_PASSWORD)
    if len(password) > 1024:
        raise DomainError("The password is too long.", field=field)
    return password


def _clean_username(username) -> str:
    name = validation.name(username, "username", "User name", max_len=64).casefold()
    if any(ch.isspace() for ch in name):
        raise DomainError("A user name cannot contain spaces.", field="username")
    return name


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, user.role)


def first_owner(session: Session) -> Actor:
    """The first owner account: the demo and screenshots act as it without a password."""
    owner = session.scalars(select(User).where(User.role == Role.OWNER).order_by(User.id)).first()
    if owner is None:
        raise DomainError("This database has no owner account yet.")
    return actor_of(owner)


def has_users(session: Session) -> bool:
    return session.scalar(select(func.count(User.id))) > 0


def add_user(session: Session, username: str, display_name: str, role: Role, password: str) -> User:
    """Create a user without a rights check: for first start, via :mod:`app.services.setup`."""
    username = _clean_username(username)
    display_name = validation.name(display_name, "display_name", "Name", max_len=200)
    if not isinstance(role, Role):
        raise DomainError("Choose a role.", field="role")
    _check_password(password)
    if session.scalar(select(User.id).where(User.username == username)):
        raise DomainError("There is already a user called {name}.", field="username", name=username)
    user = User(username=username, display_name=display_name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


@guarded(Right.MANAGE_USERS)
def create_user(session: Session, actor: Actor, username: str, display_name: str, role: Role, password: str) -> int:
    user = add_user(session, username, display_name, role, password)
    audit.record(session, actor, "create", "user", user.id, username=user.username, role=role.value)
    return user.id


def check_new_password(new, repeat, field: str = "new", repeat_field: str = "repeat") -> str:
    """A new password as typed twice: long enough, and the same both times."""
    _check_password(new, field)
    if new != repeat:
        raise DomainError("The two passwords differ.", field=repeat_field)
    return new


def _keep_an_owner(session: Session, user: User, role: Role, active: bool) -> None:
    """Refuse a change that would leave nobody able to manage users and settings."""
    if user.role != Role.OWNER or not user.active or (role == Role.OWNER and active):
        return
    others = session.scalar(select(func.count(User.id)).where(User.role == Role.OWNER, User.active,
                                                              User.id != user.id))
    if not others:
        raise DomainError("{name} is the last active owner: make another user an owner first.",
                          field="role" if role != Role.OWNER else "active", name=user.display_name)


@guarded(Right.MANAGE_USERS)
def set_user_active(session: Session, actor: Actor, user_id: int, active: bool) -> None:
    user = existing(session, User, user_id, "user")
    if user.id == actor.user_id and not active:
        raise DomainError("You cannot switch off your own account.", field="active")
    _keep_an_owner(session, user, user.role, bool(active))
    user.active = bool(active)
    audit.record(session, actor, "activate" if active else "deactivate", "user", user.id)


@guarded(Right.MANAGE_USERS)
def update_user(session: Session, actor: Actor, user_id: int, display_name: str, role: Role, active: bool, *,
                version: int | None = None) -> int:
    """The owner changes a user's name, role and whether the account is on, in one action;
    ``version`` is the one the form showed (D7)."""
    user = locked(session, User, user_id, "user")
    refuse_if_changed(session, user.version, version, "This user", "user", user.id)
    display_name = validation.name(display_name, "display_name", "Name", max_len=200)
    if not isinstance(role, Role):
        raise DomainError("Choose a role.", field="role")
    if not isinstance(active, bool):
        raise DomainError("Active must be on or off.", field="active")
    if user.id == actor.user_id and role != user.role:
        raise DomainError("You cannot change your own role; ask another owner.", field="role")
    if user.id == actor.user_id and not active:
        raise DomainError("You cannot switch off your own account.", field="active")
    _keep_an_owner(session, user, role, active)
    changes = {key: value for key, value in (("display_name", display_name), ("role", role), ("active", active))
               if getattr(user, key) != value}
    for key, value in changes.items():
        setattr(user, key, value)
    audit.record(session, actor, "update", "user", user.id, **changes)
    return user.id


@guarded(Right.MANAGE_USERS)
def reset_password(session: Session, actor: Actor, user_id: int, new: str, repeat: str) -> int:
    """The owner sets a new password for a user who forgot theirs (not for themselves: see
    :func:`change_own_password`, which asks for the old one)."""
    user = existing(session, User, user_id, "user")
    if user.id == actor.user_id:
        raise DomainError("Change your own password with File › Change password…; it asks for the old one.")
    user.password_hash = hash_password(check_new_password(new, repeat))
    audit.record(session, actor, "reset_password", "user", user.id)
    return user.id


@guarded(Right.MANAGE_USERS)
def list_users(session: Session, actor: Actor) -> list[dict]:
    users = session.scalars(select(User).order_by(User.display_name))
    return [
        {"id": u.id, "username": u.username, "name": u.display_name, "role": u.role, "active": u.active,
         "version": u.version}
        for u in users
    ]


def change_own_password(session: Session, actor: Actor, old: str, new: str, repeat: str) -> None:
    """Any signed-in user may change their own password (and only their own)."""
    user = session.get(User, actor.user_id) if actor.user_id is not None else None
    if user is None or not isinstance(old, str) or not _verify(user, old):
        raise DomainError("The current password is wrong.", field="old")
    user.password_hash = hash_password(check_new_password(new, repeat))
    audit.record(session, actor, "change_password", "user", user.id)


def sign_out(session: Session, actor: Actor) -> None:
    """Any signed-in user may sign out; the audit trail says when."""
    audit.record(session, actor, "sign_out", "user", actor.user_id)


def _verify(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


FIRST_DELAY_S = 1
LONGEST_DELAY_S = 30


def _failures_since_last_sign_in(session: Session, username: str, user: User | None) -> list:
    """When the wrong passwords for ``username`` since its last successful sign-in were typed, newest first."""
    failed = select(AuditEvent.at).where(AuditEvent.action == "sign_in_failed", AuditEvent.entity == "user")
    if user is None:  # an unknown name waits as a real one does: the delay does not tell which names exist
        failed = failed.where(AuditEvent.entity_id.is_(None), AuditEvent.details == audit.details_text(username=username))
    else:
        failed = failed.where(AuditEvent.entity_id == user.id)
        last_in = session.scalar(select(func.max(AuditEvent.id)).where(
            AuditEvent.action == "sign_in", AuditEvent.entity == "user", AuditEvent.entity_id == user.id))
        if last_in is not None:
            failed = failed.where(AuditEvent.id > last_in)
    return session.scalars(failed.order_by(AuditEvent.id.desc()).limit(8)).all()


def wait_before_next_try(failures: list, now: dt.datetime) -> int:
    """Whole seconds still to wait: 1, 2, 4 … 30 s after 1, 2, 3 … wrong passwords in a row (D6)."""
    if not failures:
        return 0
    delay = min(LONGEST_DELAY_S, FIRST_DELAY_S * 2 ** (len(failures) - 1))
    last = failures[0] if failures[0].tzinfo else failures[0].replace(tzinfo=dt.timezone.utc)
    left = (last + dt.timedelta(seconds=delay) - now).total_seconds()
    return max(0, math.ceil(left))


def sign_in(session: Session, username: str, password: str, *, now: dt.datetime | None = None) -> Actor:
    """Check a user name and password; the same message whichever of the two is wrong.

    Wrong passwords for a user name make the next try wait (1, 2, 4 … 30 s): the try is
    refused with the time left rather than slept on. A wrong password is kept in the audit
    trail even though the sign-in fails: its transaction is committed before the refusal.
    """
    wrong = DomainError("Wrong user name or password.", field="password")
    if not isinstance(username, str) or not isinstance(password, str) or not username.strip():
        raise wrong
    name = username.strip().casefold()
    user = session.scalar(select(User).where(User.username == name))
    left = wait_before_next_try(_failures_since_last_sign_in(session, name, user), now or utcnow())
    if left:
        raise DomainError("Too many wrong passwords: try again in {seconds} s.", field="password", seconds=left)
    if user is None:
        _hasher.hash("spend the same time as a real check")
    if user is None or not _verify(user, password):
        audit.record(session, SYSTEM, "sign_in_failed", "user", user.id if user else None, username=name)
        session.commit()  # the failure is the action: kept, though the sign-in raises
        raise wrong
    if not user.active:
        raise DomainError("This account is switched off. Ask the owner.", field="username")
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    audit.record(session, actor_of(user), "sign_in", "user", user.id)
    return actor_of(user)
