"""Headers that let browsers enforce what the templates promise: no inline script or style,
nothing loaded from anywhere but this site; and a session cookie whose tampering is noticed.
"""

from __future__ import annotations

from flask import Flask, current_app, g, request, url_for
from flask.sessions import SecureCookieSessionInterface
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
        if response.mimetype == "text/html" or response.is_json:
            response.headers.setdefault("Cache-Control", "no-store")  # answers may be sensitive
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        return response
