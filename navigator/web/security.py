"""Headers that let browsers enforce what the templates promise: no inline script or style,
nothing loaded from anywhere but this site; and a session cookie no one can read or change.
"""

from __future__ import annotations

import base64

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from flask import Flask, abort, current_app, g, request, url_for
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SecureCookieSessionInterface
from flask_login import current_user
from itsdangerous import BadSignature
from werkzeug.middleware.proxy_fix import ProxyFix

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
])

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",  # a page address must not leak to the services we link to
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class EncryptedSerializer:
    """What the session cookie holds: the session as JSON, encrypted and authenticated with
    Fernet (AES-128-CBC and HMAC-SHA256, from `cryptography`). Flask's own cookie is only
    signed, so anyone holding the phone could decode a family's answers (and a `self_harm`
    concept) from it; this one reads as noise without the key.

    The key is derived from SECRET_KEY with HKDF, so rotating the secret both ends every
    session and changes the key. Fernet stamps each token with its time, which gives the
    cookie the same 12-hour limit as the session."""

    def __init__(self, secret: str | bytes):
        secret = secret.encode() if isinstance(secret, str) else secret
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                   info=b"navigator session cookie v1").derive(secret)
        self._fernet = Fernet(base64.urlsafe_b64encode(key))
        self._json = TaggedJSONSerializer()

    def dumps(self, value: dict) -> str:
        return self._fernet.encrypt(self._json.dumps(value).encode()).decode("ascii")

    def loads(self, token: str, max_age: int | None = None) -> dict:
        try:
            return self._json.loads(self._fernet.decrypt(token.encode("ascii"), ttl=max_age).decode())
        except (InvalidToken, UnicodeError) as error:
            raise BadSignature("the session cookie could not be decrypted") from error


class NoticingSessionInterface(SecureCookieSessionInterface):
    """An encrypted-cookie session (see EncryptedSerializer) that remembers when a cookie was
    present but unreadable, so the journey can say the answers were lost rather than
    silently starting again."""

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        cached = app.extensions.get("navigator.session_serializer")
        if cached is None or cached[0] != app.secret_key:
            cached = (app.secret_key, EncryptedSerializer(app.secret_key))
            app.extensions["navigator.session_serializer"] = cached
        return cached[1]

    def open_session(self, app, request):
        cookie = request.cookies.get(self.get_cookie_name(app))
        if not cookie:
            return self.session_class()
        serializer = self.get_signing_serializer(app)
        try:
            return self.session_class(serializer.loads(cookie, max_age=int(app.permanent_session_lifetime.total_seconds())))
        except (BadSignature, ValueError, TypeError):
            g.session_unreadable = True
            return self.session_class()


HSTS = "max-age=31536000; includeSubDomains"  # a year: once seen over HTTPS, never plain HTTP


def public_url(endpoint: str, **values) -> str:
    """The full address of a page as families reach it: PUBLIC_URL and the page's path,
    never the Host header of the request (which the sender chooses)."""
    return current_app.config["PUBLIC_URL"] + url_for(endpoint, **values)


def init_app(app: Flask) -> None:
    app.session_interface = NoticingSessionInterface()
    proxies = app.config.get("TRUSTED_PROXIES") or 0
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.jinja_env.globals["public_url"] = public_url

    @app.after_request
    def protect(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if request.endpoint != "static":
            # Every answer the service gives may hold a family's situation (a page, a result,
            # JSON, a calendar of their deadlines): no browser or proxy may keep a copy.
            response.headers.setdefault("Cache-Control", "no-store")
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response


MAX_EDIT_BODY = 8 * 1024 * 1024  # room for a 5 MB paste, so it can be refused with the text kept


def refuse_unnamed_fields() -> None:
    """A form part whose name werkzeug cannot read (a multipart name with a line break in
    it) comes back named None, which CSRF checking trips over (a 500 on every form route):
    refuse such a post as a bad request before CSRF reads it."""
    if request.method == "POST" and request.mimetype == "multipart/form-data" and \
            any(not isinstance(name, str) for name in [*request.form.keys(), *request.files.keys()]):
        abort(400)


def room_for_long_pages() -> None:
    """Run before the form is first read (CSRF reads it): signed-in staff posting to the
    editor may send long pages; everyone else keeps the small limit."""
    if request.path.startswith("/editor/") and current_user.is_authenticated:
        request.max_content_length = MAX_EDIT_BODY
        request.max_form_memory_size = MAX_EDIT_BODY
        request.max_form_parts = 2000
