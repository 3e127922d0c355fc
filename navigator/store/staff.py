"""Staff accounts and their signed-in sessions.

A session is a row keyed by the hash of a random token that only the browser's cookie holds.
Signing out deletes the row; signing out everywhere, or disabling the account, deletes all
of the account's rows. So a copied cookie stops working the moment its session ends.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
import secrets

from sqlalchemy import delete, select
from werkzeug.security import check_password_hash, generate_password_hash

from navigator.store.models import StaffSession, StaffUser

ROLES = ("adviser", "editor", "admin")
MIN_PASSWORD = 12
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
_DUMMY_HASH = generate_password_hash("not a real password")


class StaffError(ValueError):
    """A request about accounts that cannot be carried out, with the reason."""


@dataclasses.dataclass(frozen=True)
class SignedIn:
    """Who is behind a live session: what the web layer needs, nothing more."""
    token: str
    user_id: int
    email: str
    role: str

    def may(self, role: str) -> bool:
        return self.role == role or self.role == "admin"


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _aware(moment: datetime.datetime) -> datetime.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.timezone.utc)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(database, email: str, password: str, role: str) -> None:
    email = (email or "").strip().lower()
    if not EMAIL.match(email):
        raise StaffError(f"'{email}' is not an email address.")
    if role not in ROLES:
        raise StaffError(f"The role must be one of: {', '.join(ROLES)}.")
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"The password must be at least {MIN_PASSWORD} characters long.")
    with database.session.begin() as session:
        if session.scalar(select(StaffUser).where(StaffUser.email == email)) is not None:
            raise StaffError(f"There is already an account for {email}.")
        session.add(StaffUser(email=email, password_hash=generate_password_hash(password),
                              role=role, active=True, created_at=_now()))


def set_active(database, email: str, active: bool) -> None:
    """Enable or disable an account; disabling ends all of its sessions at once."""
    with database.session.begin() as session:
        user = session.scalar(select(StaffUser).where(StaffUser.email == email.strip().lower()))
        if user is None:
            raise StaffError(f"There is no account for {email}.")
        user.active = active
        if not active:
            session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))


def list_users(database) -> list[tuple[str, str, bool]]:
    with database.session() as session:
        return [(u.email, u.role, u.active) for u in session.scalars(select(StaffUser).order_by(StaffUser.email))]


def authenticate(database, email: str, password: str) -> StaffUser | None:
    """The active account these credentials belong to, or None. Constant work either way."""
    with database.session() as session:
        user = session.scalar(select(StaffUser).where(StaffUser.email == (email or "").strip().lower()))
        if user is None:
            check_password_hash(_DUMMY_HASH, password)
            return None
        if not check_password_hash(user.password_hash, password) or not user.active:
            return None
        return user


def start_session(database, user: StaffUser, hours: float) -> str:
    """A new session for `user`; returns the token for the cookie."""
    token = secrets.token_urlsafe(32)
    now = _now()
    with database.session.begin() as session:
        session.add(StaffSession(token_hash=_hash(token), user_id=user.id, created_at=now,
                                 last_seen_at=now, expires_at=now + datetime.timedelta(hours=hours)))
    return token


def find_session(database, token: str, idle_minutes: float) -> SignedIn | None:
    """The person behind a live session, or None when it ended, expired or sat idle too long.

    last_seen is written at most once a minute, so a busy screen does not write on every request.
    """
    if not token or not isinstance(token, str):
        return None
    now = _now()
    with database.session.begin() as session:
        found = session.get(StaffSession, _hash(token))
        if found is None:
            return None
        user = session.get(StaffUser, found.user_id)
        idle_since = _aware(found.last_seen_at)
        if (user is None or not user.active or _aware(found.expires_at) <= now
                or now - idle_since > datetime.timedelta(minutes=idle_minutes)):
            session.delete(found)
            return None
        if now - idle_since > datetime.timedelta(minutes=1):
            found.last_seen_at = now
        return SignedIn(token=token, user_id=user.id, email=user.email, role=user.role)


def end_session(database, token: str) -> None:
    with database.session.begin() as session:
        session.execute(delete(StaffSession).where(StaffSession.token_hash == _hash(token)))


def end_all_sessions(database, user_id: int) -> int:
    with database.session.begin() as session:
        return session.execute(delete(StaffSession).where(StaffSession.user_id == user_id)).rowcount


def purge_sessions(database) -> int:
    with database.session.begin() as session:
        return session.execute(delete(StaffSession).where(StaffSession.expires_at <= _now())).rowcount
