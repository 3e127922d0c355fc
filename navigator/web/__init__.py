"""The Flask layer: one blueprint per part of the site, over the pure cores."""

from __future__ import annotations

from flask import Flask, request
from flask_wtf.csrf import CSRFProtect

from navigator.site import current_site
from navigator.web import (
    about,
    admin,
    adviser,
    api,
    auth,
    deadlines,
    editor,
    errors,
    health,
    i18n,
    journey,
    journeys,
    pages,
    request_log,
    saved,
    security,
)

csrf = CSRFProtect()


def init_app(app: Flask) -> None:
    request_log.init_app(app)
    security.init_app(app)
    i18n.init_app(app)
    app.before_request(security.room_for_long_pages)  # before CSRF reads the form
    app.before_request(security.refuse_unnamed_fields)
    csrf.init_app(app)
    csrf.exempt(api.blueprint)  # JSON API: no cookies are read, so there is nothing to forge
    errors.init_app(app)
    app.jinja_env.globals["limits"] = journeys.LIMITS
    auth.init_app(app)
    for module in (journey, saved, pages, about, deadlines, api, health, adviser, editor, admin):
        app.register_blueprint(module.blueprint)

    @app.before_request
    def current_content():
        # Every worker serves what editors (or git) last saved, within about a second.
        if request.endpoint != "static":
            try:
                current_site().database.notice_lost_file()
            except Exception:  # the request goes on; /healthz reports the database
                app.logger.exception("could not make the database again")
            try:
                current_site().refresh()
            except Exception:  # a full disk must not stop the site: serve what it had
                app.logger.exception("could not reload the content; serving the pages already loaded")
