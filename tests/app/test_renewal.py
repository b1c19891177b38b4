"""M4: a membership is renewed by a membership package; a lesson pack or credits is refused
with a message and nothing is written; the dialog learns what to offer from renewal_of."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.errors import DomainError
from app.models import Invoice, Membership, PackageKind
from app.services import sales

TODAY = dt.date(2026, 11, 21)


def _counts(session):
    return session.scalar(select(func.count(Membership.id))), session.scalar(select(func.count(Invoice.id)))


@pytest.mark.parametrize("package,kind", [("six_lessons", "lesson pack"), ("sauna_ten", "credits")])
def test_m4_renewal_refuses_a_lesson_pack_or_credits(request, session, receptionist, anna, gold, package, kind):
    old = sales.sell(session, receptionist, anna, gold, start_date=dt.date(2026, 9, 1), today=dt.date(2026, 9, 1))
    wrong = request.getfixturevalue(package)
    before = _counts(session)
    with pytest.raises(DomainError) as refused:
        sales.renew(session, receptionist, old.membership_id, wrong, today=TODAY)
    assert refused.value.message.startswith("A membership is renewed with a membership package; ")
    assert refused.value.message.endswith(f"is a {kind} package.") and refused.value.field == "package_id"
    assert _counts(session) == before  # nothing written
    renewal = sales.renew(session, receptionist, old.membership_id, today=TODAY)  # the real renewal still goes
    assert session.get(Membership, renewal.membership_id).renews_id == old.membership_id


def test_m4_renewal_of_offers_the_renewed_package_its_kind_and_start(session, receptionist, anna, silver):
    old = sales.sell(session, receptionist, anna, silver, start_date=dt.date(2026, 10, 1), today=dt.date(2026, 10, 1))
    offered = sales.renewal_of(session, receptionist, old.membership_id, today=dt.date(2026, 11, 3))
    assert offered == {"start": dt.date(2026, 11, 1), "package_id": silver, "kind": PackageKind.MEMBERSHIP}
