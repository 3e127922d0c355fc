"""Rate limiting that every worker process shares: failed attempts are rows in the database.

Used for signing in and for reference codes, so guessing either is slow. A key that has used
up its attempts waits, and the wait doubles with each further failure (30 s, 1 min, 2 min …),
never longer than the limit's window after the last failure: so a pause always ends, and
someone who keeps failing on purpose only keeps their own key waiting.

Signing in is limited per account *and address together* (so five wrong passwords from one
place cannot lock the account's owner out from theirs) and per address across accounts.
`navigator users unlock EMAIL` clears an account's failures from every address.

Keys are keyed hashes: the table never holds an email or IP address. A pair's key is the
first halves of the two hashes side by side, so an account's pairs can be found to unlock.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import hmac

from sqlalchemy import delete, func, select

from navigator.store.models import Attempt

KEEP = datetime.timedelta(days=1)
FIRST_WAIT = datetime.timedelta(seconds=30)


@dataclasses.dataclass(frozen=True)
class Limit:
    attempts: int                 # failures allowed within the window before a wait
    window: datetime.timedelta    # failures older than this are forgotten; the longest wait


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)  # SQLite drops the zone


def wait_after(failures: int, limit: Limit) -> datetime.timedelta:
    """How long after the last failure a key waits, having failed `failures` times."""
    if failures < limit.attempts:
        return datetime.timedelta(0)
    return min(limit.window, FIRST_WAIT * 2 ** min(failures - limit.attempts, 20))


class Throttle:
    def __init__(self, database, secret: str):
        self.database = database
        self._secret = secret.encode()

    def key(self, text: str) -> str:
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()

    def pair_key(self, first: str, second: str) -> str:
        return self.key(first)[:32] + self.key(second)[:32]

    def wait(self, kind: str, keys: dict[str, Limit]) -> datetime.timedelta:
        """How long until every key (hashed key -> its limit) may try again; zero when it may now."""
        now = _now()
        longest = datetime.timedelta(0)
        with self.database.session() as session:
            for key, limit in keys.items():
                failures, last = session.execute(select(func.count(), func.max(Attempt.at)).where(
                    Attempt.kind == kind, Attempt.key == key, Attempt.at > now - limit.window)).one()
                if failures and last is not None:
                    longest = max(longest, _aware(last) + wait_after(failures, limit) - now)
        return longest

    def failed(self, kind: str, keys) -> None:
        now = _now()
        with self.database.session.begin() as session:
            session.add_all(Attempt(kind=kind, key=key, at=now) for key in keys)

    def forget(self, kind: str, key: str) -> None:
        """Clear a key's failures, e.g. an account's from this address after it signs in."""
        with self.database.session.begin() as session:
            session.execute(delete(Attempt).where(Attempt.kind == kind, Attempt.key == key))

    def forget_account(self, kind: str, account: str) -> int:
        """Clear an account's failures from every address (navigator users unlock)."""
        prefix = self.key(account)[:32]
        with self.database.session.begin() as session:
            return session.execute(delete(Attempt).where(
                Attempt.kind == kind, Attempt.key.startswith(prefix, autoescape=True))).rowcount

    def purge(self) -> int:
        with self.database.session.begin() as session:
            return session.execute(delete(Attempt).where(Attempt.at <= _now() - KEEP)).rowcount
