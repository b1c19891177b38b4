"""The desk's settings: typed defaults, validation, and the owner-only update (SPEC 1)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import languages, paths, secret_store, validation
from app.errors import DomainError
from app.messages import QT_TRANSLATE_NOOP
from app.models import Setting
from app.pictures import read_picture, store_picture
from app.reports import reminder_template
from app.services import audit
from app.services.access import Actor, Right, guarded
from app.services.versions import changed_meanwhile

CHECKIN_POLICIES = ("anyone", "any_membership", "current_members")


def _choice(options):
    def check(value, key):
        if value not in options:
            raise DomainError("Choose one of: {options}.", field=key, options=", ".join(options))
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


def _language(value, key):
    return languages.check(value)


def _drawer_id(value, key):
    return None if value is None else validation.whole(value, key, "The cash drawer", minimum=1)


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
    "double_checkin_minutes": (10, lambda v, k: validation.whole(v, k, "Minutes", maximum=240)),  # 0: never ask
    "makeup_days": (30, _days(365)),
    "credits_expiring_days": (14, _days(365)),  # K7: units expiring within this many days are flagged
    "at_risk_days": (21, lambda v, k: validation.whole(v, k, "This number of days", minimum=1, maximum=365)),  # Q8
    "reminder_offsets": ([7, 1, -3], _offsets),
    "reminder_subject": (reminder_template.DEFAULT_SUBJECT,  # Q5: placeholders checked as typed
                         lambda v, k: reminder_template.check(
                             v, k, QT_TRANSLATE_NOOP("Messages", "The reminder subject"), max_len=200)),
    "reminder_body": (reminder_template.DEFAULT_BODY,
                      lambda v, k: reminder_template.check(
                          v, k, QT_TRANSLATE_NOOP("Messages", "The reminder text"), max_len=5000)),
    "sibling_discount_pct": ("0", _percent_text),
    "smtp_host": ("", _text(200)),
    "smtp_port": (587, lambda v, k: validation.whole(v, k, "Port", minimum=1, maximum=65535)),
    "smtp_user": ("", _text(200)),
    "smtp_password": ("", _text(200)),
    "smtp_sender": ("", lambda v, k: validation.email(v, k, "Sender address")),
    "smtp_tls": (True, _flag),
    "backups_keep": (14, lambda v, k: validation.whole(v, k, "Backups to keep", minimum=1, maximum=365)),
    "default_cash_drawer": (None, _drawer_id),  # an active drawer's id: the payment step offers it
    "language": ("en", _language),  # L2: the business's; each user may choose their own (user_language)
}


def defaults() -> dict:
    return {key: default for key, (default, _check) in SCHEMA.items()}


def get_settings(session: Session) -> dict:
    """Every setting, stored value over default. Percentages come back as Decimal. The SMTP password
    is not looked up here (a keyring can take a while, and a sale reads the settings): see
    :func:`smtp_password`."""
    values = defaults()
    values.update({s.key: s.value for s in session.scalars(select(Setting)) if s.key in SCHEMA})
    for key in ("tax_rate", "sibling_discount_pct"):
        values[key] = Decimal(values[key])
    return values


def clean(changes: dict) -> dict:
    cleaned = {}
    for key, value in changes.items():
        if key not in SCHEMA:
            raise DomainError("There is no setting called {key}.", key=key)
        cleaned[key] = SCHEMA[key][1](value, key)
    return cleaned


def _check_default_drawer(session: Session, drawer_id: int | None) -> None:
    if drawer_id is None:
        return
    from app.models import CashDrawer  # the billing tables: mapped when first needed, not at start

    drawer = session.get(CashDrawer, drawer_id)
    if drawer is None or not drawer.active:
        raise DomainError("The default cash drawer must be an active cash drawer.", field="default_cash_drawer")


def store(session: Session, changes: dict) -> dict:
    """Validate and save ``changes`` without a rights check (first start uses it)."""
    cleaned = clean(changes)
    if "default_cash_drawer" in cleaned:
        _check_default_drawer(session, cleaned["default_cash_drawer"])
    for key, value in cleaned.items():
        if key == "smtp_password":  # D6: in the keyring (or a file only the user reads), never in the table
            secret_store.save(key, value)
            value = ""
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
    return cleaned


def setting_versions(session: Session) -> dict[str, int]:
    """The version of each stored setting (a key not stored yet has none): what a settings form showed."""
    return {key: version for key, version in session.execute(select(Setting.key, Setting.version))}


@guarded(Right.EDIT_SETTINGS)
def read_versions(session: Session, actor: Actor) -> dict[str, int]:
    """The settings' versions, read with them by the settings pages (D7)."""
    return setting_versions(session)


@guarded(Right.EDIT_SETTINGS)
def update_settings(session: Session, actor: Actor, changes: dict, versions: dict | None = None) -> dict:
    """Save ``changes``; with ``versions`` (from :func:`setting_versions` when the form was filled), a
    setting saved by someone else since then refuses the whole save (D7)."""
    session.execute(select(Setting.key).where(Setting.key.in_(list(changes))).with_for_update())  # D7
    if versions is not None:
        saved = setting_versions(session)
        if any(saved.get(key) != versions.get(key) for key in changes):
            raise changed_meanwhile(session, "A setting on this page", "settings", None)
    cleaned = store(session, changes)
    shown = {k: ("***" if k == "smtp_password" else v) for k, v in cleaned.items()}
    audit.record(session, actor, "update", "settings", None, **shown)
    return cleaned


def smtp_password(settings: dict) -> str:
    """The SMTP password: in this PC's keyring or private file (D6), else where an older version kept it."""
    return secret_store.load("smtp_password") or settings["smtp_password"]


@guarded(Right.EDIT_SETTINGS)
def read_settings(session: Session, actor: Actor) -> dict:
    """Every setting, for the owner's settings pages."""
    values = get_settings(session)
    values["smtp_password"] = smtp_password(values)
    return values


def logos_dir() -> Path:
    path = paths.data_dir() / "logo"
    path.mkdir(parents=True, exist_ok=True)
    return path


@guarded(Right.EDIT_SETTINGS)
def set_logo(session: Session, actor: Actor, source: str | None) -> str:
    """Copy a PNG or JPEG into the data folder as the business logo (None removes it); its new path.

    The copy, not the picked file, is what invoices print: the original may be on a
    USB stick or deleted later.
    """
    stored = ""
    if source:
        data = read_picture(source, "business_logo", QT_TRANSLATE_NOOP("Messages", "The logo"))
        stored = str(logos_dir() / store_picture(data, source, logos_dir(), "logo"))
    return update_settings(session, actor, {"business_logo": stored})["business_logo"]


def logo_problem(logo: str) -> str | None:
    """What is wrong with the logo setting, for the settings page; None when it is fine or empty."""
    if logo and not Path(logo).is_file():
        return f"The logo file {logo} is missing; choose it again with Browse…"
    return None


def _user_language_key(user_id: int) -> str:
    return f"language.user.{user_id}"  # per user, beside the business's (no column for one choice)


def language_for(session: Session, user_id: int | None = None) -> str:
    """The language the window speaks for ``user_id``: their own choice, else the business's (L2)."""
    if user_id is not None:
        own = session.get(Setting, _user_language_key(user_id))
        if own is not None and own.value in languages.SHIPPED:
            return own.value
    return get_settings(session)["language"]


def business_language(session: Session, actor: Actor) -> str:
    """The business's language: what a user who chose none speaks."""
    return get_settings(session)["language"]


def own_language(session: Session, actor: Actor) -> str | None:
    """The signed-in user's own choice; None: the business's."""
    own = session.get(Setting, _user_language_key(actor.user_id))
    return own.value if own is not None else None


def set_own_language(session: Session, actor: Actor, language: str | None) -> str | None:
    """Any user chooses the language of their own window (None: the business's); after a restart."""
    if language is not None:
        languages.check(language)
    key = _user_language_key(actor.user_id)
    row = session.get(Setting, key)
    if language is None:
        if row is not None:
            session.delete(row)
            session.flush()  # read back at once as the business's
    elif row is None:
        session.add(Setting(key=key, value=language))
    else:
        row.value = language
    audit.record(session, actor, "update", "settings", None, own_language=language or "the business's")
    return language
