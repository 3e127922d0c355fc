"""The database: SQLAlchemy 2 models and the Alembic migrations that create them.

Families' answers are only stored when they choose to save a journey; what is stored has an
expiry (see models.SavedJourney) and `navigator purge` deletes it.
"""

from navigator.store.database import Database

__all__ = ["Database"]
