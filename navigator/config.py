"""Settings, read from the environment when the app is created (never at import time).

Every setting has a safe default, so `make run` needs no configuration. The secret key is
generated once and kept in instance/secret_key; it never appears in the code.
"""

from __future__ import annotations

import datetime
import os
import pathlib
import secrets

from navigator import languages

PROJECT_ROOT = pathlib.Path(__file__).resolve().parent.parent

def instance_path(environ=os.environ) -> pathlib.Path:
    """Where local state lives: NAVIGATOR_INSTANCE_PATH, or instance/ beside the code."""
    return pathlib.Path(environ.get("NAVIGATOR_INSTANCE_PATH") or PROJECT_ROOT / "instance")


def from_environment(instance_path: pathlib.Path, environ=os.environ) -> dict:
    instance_path = pathlib.Path(instance_path)
    return {
        "SECRET_KEY": environ.get("NAVIGATOR_SECRET_KEY") or _instance_secret(instance_path),
        "DATABASE_URL": environ.get("DATABASE_URL") or f"sqlite:///{instance_path / 'navigator.db'}",
        "CONTENT_DIR": pathlib.Path(environ.get("NAVIGATOR_CONTENT_DIR") or PROJECT_ROOT / "content" / "local_offer"),
        "RULES_DIR": pathlib.Path(environ.get("NAVIGATOR_RULES_DIR") or PROJECT_ROOT / "navigator" / "rules"),
        "SEARCH_DIR": instance_path / "search",
        "SESSION_COOKIE_SECURE": environ.get("NAVIGATOR_SECURE_COOKIES", "0") == "1",
        # The address families reach the service at, for links they keep (a saved journey's).
        # Never taken from the request's Host header, which anyone can set.
        "PUBLIC_URL": (environ.get("NAVIGATOR_PUBLIC_URL") or "http://127.0.0.1:5000").rstrip("/"),
        # How many reverse proxies (load balancer, nginx) stand in front and add
        # X-Forwarded-For and X-Forwarded-Proto: without this, every visitor has the proxy's
        # address, and one person's failed sign-ins would pause everyone's.
        "TRUSTED_PROXIES": _whole_number(environ.get("NAVIGATOR_TRUSTED_PROXIES"), "NAVIGATOR_TRUSTED_PROXIES"),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        # A family's answers live in a browser-session cookie, readable for 12 hours at most.
        "PERMANENT_SESSION_LIFETIME": datetime.timedelta(hours=12),
        # Nothing a family sends is large; refuse big bodies before reading them.
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "MAX_FORM_MEMORY_SIZE": 64 * 1024,
        "MAX_FORM_PARTS": 200,
        # A token valid for the whole session: a parent may leave the page open for hours.
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_SSL_STRICT": False,
        # Saved journeys (answers only) are deleted by `navigator purge` after this many days.
        "JOURNEY_DAYS": int(environ.get("NAVIGATOR_JOURNEY_DAYS") or 30),
        # Staff sessions end after a working day, or after two idle hours (a long call is
        # still one request every few minutes, so it is never cut off mid-call).
        "STAFF_SESSION_HOURS": float(environ.get("NAVIGATOR_STAFF_SESSION_HOURS") or 10),
        # Failed attempts allowed before a pause: signing in, per account and per address
        # (in 15 minutes), and reference codes per address (in an hour).
        "SIGN_IN_ACCOUNT_LIMIT": 5,
        "SIGN_IN_ADDRESS_LIMIT": 20,
        "CODE_ADDRESS_LIMIT": 20,
        "STAFF_IDLE_MINUTES": float(environ.get("NAVIGATOR_STAFF_IDLE_MINUTES") or 120),
        "BABEL_DEFAULT_LOCALE": "en",
        "BABEL_TRANSLATION_DIRECTORIES": str(PROJECT_ROOT / "translations"),
        "LANGUAGES": list(languages.CODES),
        "JSON_SORT_KEYS": False,
    }


def _whole_number(text: str | None, name: str) -> int:
    if not text:
        return 0
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"{name} must be a whole number (0 or more), not {text!r}")
    return int(text)


def _instance_secret(instance_path: pathlib.Path) -> str:
    """Read instance/secret_key, creating it first if this is the first start.

    Several processes may start at once: each writes its own candidate and links it into
    place; os.link fails if the file exists, so exactly one key wins and all read it.
    """
    target = instance_path / "secret_key"
    if not target.exists():
        instance_path.mkdir(parents=True, exist_ok=True)
        candidate = instance_path / f".secret_key.{os.getpid()}.{secrets.token_hex(4)}"
        candidate.write_text(secrets.token_hex(32))
        candidate.chmod(0o600)
        try:
            os.link(candidate, target)
        except FileExistsError:
            pass
        finally:
            candidate.unlink()
    return target.read_text().strip()
