"""Saved journeys: the answers only, under a short code that is easy to read aloud and
hard to guess, kept until they expire and then purged."""

from __future__ import annotations

import datetime
import re
import secrets

from sqlalchemy import delete, select

from navigator.store.models import SavedJourney

# No 0/O, 1/I/L or U: nothing a parent could misread or mishear on the phone.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8  # 30^8, about 6.6e11 codes


def display(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def normalise(text: str) -> str | None:
    """A code as typed ("k7qf 3m2x", "K7QF-3M2X") in its stored form, or None if it cannot be one."""
    code = re.sub(r"[\s\-]", "", text or "").upper()
    return code if len(code) == LENGTH and all(c in ALPHABET for c in code) else None


def save(database, answers: dict, days: int, now: datetime.datetime | None = None) -> tuple[str, datetime.date]:
    now = now or datetime.datetime.now(datetime.timezone.utc)
    expires = now + datetime.timedelta(days=days)
    with database.session.begin() as session:
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
            if session.get(SavedJourney, code) is None:
                break
        session.add(SavedJourney(code=code, answers=answers, created_at=now, expires_at=expires))
    return code, expires.date()


def load(database, code: str, now: datetime.datetime | None = None) -> tuple[dict, datetime.date] | None:
    """(answers, expiry date) for a live code, or None for an unknown or expired one."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    with database.session() as session:
        found = session.get(SavedJourney, code)
        if found is None or _aware(found.expires_at) <= now:
            return None
        return found.answers, _aware(found.expires_at).date()


def purge(database, now: datetime.datetime | None = None) -> int:
    now = now or datetime.datetime.now(datetime.timezone.utc)
    with database.session.begin() as session:
        expired = session.scalars(select(SavedJourney.code).where(SavedJourney.expires_at <= now)).all()
        session.execute(delete(SavedJourney).where(SavedJourney.code.in_(expired)))
    return len(expired)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    # SQLite hands back naive datetimes; everything here is stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)
