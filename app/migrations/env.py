"""Alembic environment: run on the connection the desk hands over (see app.storage)."""

from alembic import context
from sqlalchemy.types import TypeDecorator

import app.models
from app.db import Base
from app.migrations import include_name

app.models.load_all()
config = context.config
connection = config.attributes.get("connection")


def render_item(type_, obj, autogen_context):
    """Write the desk's column types as their storage type, so migrations never import app.types."""
    if type_ == "type" and isinstance(obj, TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def run_migrations_online() -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        render_item=render_item,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is None:
    raise RuntimeError("the desk runs migrations through app.storage, with a connection")
run_migrations_online()
