"""The Flask layer: one blueprint per part of the site, over the pure cores."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from navigator.web import (adviser, api, auth, deadlines, editor, errors, health, i18n, journey, pages, saved,
                           security)

csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    security.init_app(app)
    i18n.init_app(app)
    csrf.init_app(app)
    csrf.exempt(api.blueprint)  # JSON API: no cookies are read, so there is nothing to forge
    errors.init_app(app)
    auth.init_app(app)
    for module in (journey, saved, pages, deadlines, api, health, adviser, editor):
        app.register_blueprint(module.blueprint)
