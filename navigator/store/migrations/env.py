"""Alembic environment: run with the connection the app passes in (never a URL in a file)."""

from alembic import context
from sqlalchemy import text

from navigator.store.models import Base

ADVISORY_LOCK_ID = 7_270_001  # any fixed number, the same in every process

connection = context.config.attributes["connection"]
if connection.dialect.name == "postgresql":
    connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": ADVISORY_LOCK_ID})
context.configure(connection=connection, target_metadata=Base.metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
