"""The Flask layer: one blueprint per part of the site, over the pure cores."""

from __future__ import annotations

from flask import Flask
from flask_wtf.csrf import CSRFProtect

from navigator.web import api, deadlines, errors, health, i18n, journey, pages, security

csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    security.init_app(app)
    i18n.init_app(app)
    csrf.init_app(app)
    csrf.exempt(api.blueprint)  # JSON API: no cookies are read, so there is nothing to forge
    errors.init_app(app)
    for module in (journey, pages, deadlines, api, health):
        app.register_blueprint(module.blueprint)
