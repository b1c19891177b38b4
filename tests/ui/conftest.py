"""UI fixtures: a signed-in Ops over the shared test database."""

import pytest

from ui.ops import Ops


@pytest.fixture
def ops_for(database, qapp):
    """Ops for a user of the test database, by user name."""
    from sqlalchemy import select

    from app.models import User
    from app.services.users import actor_of

    def make(username: str) -> Ops:
        with database.reader.begin() as s:
            return Ops(database, actor_of(s.scalar(select(User).where(User.username == username))))

    return make
