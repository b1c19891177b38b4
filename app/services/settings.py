"""The desk's settings: typed defaults, validation, and the owner-only update (SPEC 1)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import validation
from app.errors import DomainError
from app.models import Setting
from app.services import audit
from app.services.access import Actor, Right, guarded

CHECKIN_POLICIES = ("anyone", "any_membership", "current_members")


def _choice(options):
    def check(value, key):
        if value not in options:
            raise DomainError(f"Choose one of: {', '.join(options)}.", field=key)
        return value

    return check


def _days(maximum):
    return lambda value, key: validation.whole(value, key, "This number of days", maximum=maximum)


def _text(max_len, required=False):
    return lambda value, key: validation.text(value, key, "This field", max_len=max_len, required=required)


def _offsets(value, key):
    if not isinstance(value, (list, tuple)) or len(value) > 10:
        raise DomainError("Give up to ten day offsets, like 7, 1, -3.", field=key)
    return sorted({validation.whole(v, key, "An offset", minimum=-365, maximum=365) for v in value}, reverse=True)


def _flag(value, key):
    if not isinstance(value, bool):
        raise DomainError("Must be on or off.", field=key)
    return value


def _currency(value, key):
    value = validation.text(value, key, "Currency", max_len=3).upper()
    if len(value) != 3 or not value.isalpha():
        raise DomainError("Currency must be a three-letter code such as EUR or USD.", field=key)
    return value


def _percent_text(value, key):
    return str(validation.percent(value, key, "This percentage"))


# key: (default, validator). Percentages are kept as text so they stay exact Decimals.
SCHEMA = {
    "business_name": ("", lambda v, k: validation.text(v, k, "Business name", max_len=200)),
    "business_address": ("", _text(500)),
    "business_logo": ("", _text(260)),
    "currency": ("EUR", _currency),
    "tax_rate": ("0", _percent_text),
    "invoice_prefix": ("INV", lambda v, k: validation.text(v, k, "Invoice prefix", max_len=20, required=False)),
    "draft_invoices": (False, _flag),
    "tolerance_days": (7, _days(365)),
    "freeze_min_days": (7, _days(365)),
    "freeze_max_days": (90, _days(365)),
    "freeze_max_days_per_year": (90, _days(366)),
    "checkin_policy": ("current_members", _choice(CHECKIN_POLICIES)),
    "makeup_days": (30, _days(365)),
    "reminder_offsets": ([7, 1, -3], _offsets),
    "sibling_discount_pct": ("0", _percent_text),
    "smtp_host": ("", _text(200)),
    "smtp_port": (587, lambda v, k: validation.whole(v, k, "Port", minimum=1, maximum=65535)),
    "smtp_user": ("", _text(200)),
    "smtp_password": ("", _text(200)),
    "smtp_sender": ("", lambda v, k: validation.email(v, k, "Sender address")),
    "smtp_tls": (True, _flag),
    "backups_keep": (14, lambda v, k: validation.whole(v, k, "Backups to keep", minimum=1, maximum=365)),
}


def defaults() -> dict:
    return {key: default for key, (default, _check) in SCHEMA.items()}


def get_settings(session: Session) -> dict:
    """Every setting, stored value over default. Percentages come back as Decimal."""
    values = defaults()
    values.update({s.key: s.value for s in session.scalars(select(Setting)) if s.key in SCHEMA})
    for key in ("tax_rate", "sibling_discount_pct"):
        values[key] = Decimal(values[key])
    return values


def clean(changes: dict) -> dict:
    cleaned = {}
    for key, value in changes.items():
        if key not in SCHEMA:
            raise DomainError(f"There is no setting called {key}.")
        cleaned[key] = SCHEMA[key][1](value, key)
    return cleaned


def store(session: Session, changes: dict) -> dict:
    """Validate and save ``changes`` without a rights check (first start uses it)."""
    cleaned = clean(changes)
    for key, value in cleaned.items():
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    return cleaned


@guarded(Right.EDIT_SETTINGS)
def update_settings(session: Session, actor: Actor, changes: dict) -> dict:
    cleaned = store(session, changes)
    shown = {k: ("***" if k == "smtp_password" else v) for k, v in cleaned.items()}
    audit.record(session, actor, "update", "settings", None, **shown)
    return cleaned


@guarded(Right.EDIT_SETTINGS)
def read_settings(session: Session, actor: Actor) -> dict:
    """Every setting, for the owner's settings pages."""
    return get_settings(session)
