"""Tables. Every table that can hold something about a family has an expiry."""

from __future__ import annotations

import datetime

from sqlalchemy import JSON, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
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


class StaffUser(Base):
    """An adviser, editor or admin. The password is kept only as a scrypt hash."""
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)  # stored lower case
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))


class StaffSession(Base):
    """One signed-in browser. The cookie carries a random token; only its hash is stored, and
    deleting the row (sign out, sign out everywhere, account disabled) ends that session even
    for a copied cookie."""
    __tablename__ = "staff_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)


class Attempt(Base):
    """A failed sign-in or reference-code look-up, for rate limiting across every worker.
    The key is a keyed hash of an email address or an IP address, never the address itself,
    and rows older than a day are purged."""
    __tablename__ = "attempts"
    __table_args__ = (Index("ix_attempts_kind_key", "kind", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    key: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)


class PageRevision(Base):
    """One version of a page file, kept whole, so no edit is ever lost and any can be restored.

    `action` says what made it: save, create, restore, rename, delete, or "outside" for a
    change found on disk that the navigator did not make (for example a git pull).
    """
    __tablename__ = "page_revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(120), index=True)
    at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True))
    author: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(String(500), default="")
    text: Mapped[str] = mapped_column(Text)
    version: Mapped[str] = mapped_column(String(64))  # sha256 of the file's bytes


class PageRedirect(Base):
    """An old page address that now lives elsewhere, after a rename."""
    __tablename__ = "page_redirects"

    old_slug: Mapped[str] = mapped_column(String(120), primary_key=True)
    new_slug: Mapped[str] = mapped_column(String(120))


class AuditEvent(Base):
    """What a staff member did (sign in, save, restore, rename, delete), for admins to see."""
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime.datetime] = mapped_column(DateTime(timezone=True), index=True)
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(32))
    subject: Mapped[str] = mapped_column(String(120), default="")
    note: Mapped[str] = mapped_column(String(500), default="")


class SearchMiss(Base):
    """A search that found nothing or little, counted per day. No link to any person or
    session is kept, and `navigator purge` deletes days older than 90."""
    __tablename__ = "search_misses"

    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    day: Mapped[datetime.date] = mapped_column(Date, primary_key=True)
    count: Mapped[int] = mapped_column(Integer, default=0)
    results: Mapped[int] = mapped_column(Integer, default=0)
