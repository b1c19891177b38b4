"""Who may do what (SPEC.md section 1), checked in the services themselves.

Every service that changes data or shows money is decorated with
:func:`guarded`; hiding a button is only a courtesy on top of this.
"""

from __future__ import annotations

import enum
import functools
from dataclasses import dataclass
from typing import Callable

from app.errors import PermissionDenied
from app.messages import QT_TRANSLATE_NOOP, Label
from app.models.base import Role


class Right(enum.StrEnum):
    VIEW_CLIENTS = "view_clients"
    EDIT_CLIENTS = "edit_clients"
    ENROL = "enrol"  # put clients into groups
    SELL = "sell"
    TAKE_PAYMENTS = "take_payments"
    VOID_MONEY = "void_money"  # void invoices and payments (never delete)
    CHECK_IN = "check_in"
    USE_CREDITS = "use_credits"
    REVERSE_OLD_CREDIT_USES = "reverse_old_credit_uses"  # a use recorded before today
    MARK_JOURNAL = "mark_journal"  # own groups
    MARK_ANY_GROUP = "mark_any_group"
    VIEW_MONEY = "view_money"
    VIEW_DAY_TAKINGS = "view_day_takings"  # today's
    VIEW_REPORTS = "view_reports"  # every report, any day
    EDIT_CATALOGUE = "edit_catalogue"  # packages, programs, groups, credit types
    EDIT_SETTINGS = "edit_settings"
    MANAGE_USERS = "manage_users"
    MANAGE_BACKUPS = "manage_backups"


RIGHTS: dict[Role, frozenset[Right]] = {
    Role.OWNER: frozenset(Right),
    Role.RECEPTIONIST: frozenset(
        {
            Right.VIEW_CLIENTS,
            Right.EDIT_CLIENTS,
            Right.ENROL,
            Right.SELL,
            Right.TAKE_PAYMENTS,
            Right.CHECK_IN,
            Right.USE_CREDITS,
            Right.MARK_JOURNAL,
            Right.MARK_ANY_GROUP,
            Right.VIEW_MONEY,
            Right.VIEW_DAY_TAKINGS,
        }
    ),
    Role.TEACHER: frozenset({Right.MARK_JOURNAL}),
}


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service runs."""

    user_id: int | None
    username: str
    display_name: str
    role: Role

    def may(self, right: Right) -> bool:
        return right in RIGHTS[self.role]


SYSTEM = Actor(None, "system", "System", Role.OWNER)
"""Acts for the program itself: first start, demo data, scheduled jobs."""

GUARDED: dict[Callable, Right] = {}
"""Every guarded service and the right it needs (the role matrix test walks it)."""


ROLE_WORDS = (QT_TRANSLATE_NOOP("Messages", "owner"), QT_TRANSLATE_NOOP("Messages", "receptionist"),
              QT_TRANSLATE_NOOP("Messages", "teacher"))  # Role's values, named in a refusal


def require(actor: Actor, right: Right) -> None:
    if not actor.may(right):
        raise PermissionDenied("{name} ({role}) may not do this.", name=actor.display_name,
                               role=Label(actor.role.value))


def guarded(right: Right):
    """Decorate a service ``fn(session, actor, ...)`` so it refuses actors without ``right``."""

    def wrap(fn):
        @functools.wraps(fn)
        def service(session, actor: Actor, *args, **kwargs):
            require(actor, right)
            return fn(session, actor, *args, **kwargs)

        GUARDED[service] = right
        service.right = right
        return service

    return wrap
