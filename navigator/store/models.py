"""Tables. Every table that can hold something about a family has an expiry."""

from __future__ import annotations

import datetime

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class SavedJourney(Base):
    """A journey a family or adviser chose to save and share: the answers only, never a name."""
    __tablename__ = "saved_journeys"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)  # stored without the dash
    answers: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)
