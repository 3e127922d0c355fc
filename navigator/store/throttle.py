"""Rate limiting that every worker process shares: failed attempts are rows in the database.

Used for signing in (per account and per address) and for reference codes (per address), so
guessing either is slow. Keys are keyed hashes: the table never holds an email or IP address.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import hmac

from sqlalchemy import delete, func, select

from navigator.store.models import Attempt

KEEP = datetime.timedelta(days=1)


@dataclasses.dataclass(frozen=True)
class Limit:
    attempts: int                 # failures allowed within the window
    window: datetime.timedelta


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class Throttle:
    def __init__(self, database, secret: str):
        self.database = database
        self._secret = secret.encode()

    def key(self, text: str) -> str:
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()

    def blocked(self, kind: str, keys: dict[str, Limit]) -> bool:
        """True when any of `keys` (text -> its limit) has used up its attempts."""
        now = _now()
        with self.database.session() as session:
            for text, limit in keys.items():
                count = session.scalar(select(func.count()).select_from(Attempt).where(
                    Attempt.kind == kind, Attempt.key == self.key(text), Attempt.at > now - limit.window))
                if count >= limit.attempts:
                    return True
        return False

    def failed(self, kind: str, texts) -> None:
        now = _now()
        with self.database.session.begin() as session:
            session.add_all(Attempt(kind=kind, key=self.key(t), at=now) for t in texts)

    def forget(self, kind: str, text: str) -> None:
        """Clear a key's failures, e.g. an account's after a successful sign-in."""
        with self.database.session.begin() as session:
            session.execute(delete(Attempt).where(Attempt.kind == kind, Attempt.key == self.key(text)))

    def purge(self) -> int:
        with self.database.session.begin() as session:
            return session.execute(delete(Attempt).where(Attempt.at <= _now() - KEEP)).rowcount
