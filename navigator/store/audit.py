"""The audit log: what staff did and when (sign-in, save, restore, rename, delete)."""

from __future__ import annotations

import datetime

from sqlalchemy import select

from navigator.store.models import AuditEvent


def log(database, actor: str, action: str, subject: str = "", note: str = "") -> None:
    with database.session.begin() as session:
        session.add(AuditEvent(at=datetime.datetime.now(datetime.timezone.utc), actor=actor,
                               action=action, subject=subject[:120], note=note[:500]))


def recent(database, limit: int = 200, actor: str | None = None) -> list[AuditEvent]:
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if actor:
        query = query.where(AuditEvent.actor == actor)
    with database.session() as session:
        return list(session.scalars(query))
