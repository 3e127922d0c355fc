"""Headers that let browsers enforce what the templates promise: no inline script or style,
nothing loaded from anywhere but this site; and a session cookie whose tampering is noticed.
"""

from __future__ import annotations

from flask import Flask, g
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature

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


class NoticingSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, remembering when a cookie was present but unreadable."""

    def open_session(self, app, request):
        cookie = request.cookies.get(self.get_cookie_name(app))
        if not cookie:
            return self.session_class()
        serializer = self.get_signing_serializer(app)
        try:
            return self.session_class(serializer.loads(cookie, max_age=int(app.permanent_session_lifetime.total_seconds())))
        except BadSignature:
            g.session_unreadable = True
            return self.session_class()
        except (ValueError, TypeError):
            g.session_unreadable = True
            return self.session_class()


def init_app(app: Flask) -> None:
    app.session_interface = NoticingSessionInterface()

    @app.after_request
    def protect(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        if response.mimetype == "text/html" or response.is_json:
            response.headers.setdefault("Cache-Control", "no-store")  # answers may be sensitive
        return response
