"""Errors a person can act on: JSON for the API, a GOV.UK-style page for everyone else."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


class BadInput(Exception):
    """Input we cannot use: answered with 400 and a message saying what to do instead."""

    def __init__(self, message: str, code: str = "bad_request", status: int = 400):
        super().__init__(message)
        self.message, self.code, self.status = message, code, status


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: ("bad_request", _("We could not use what was sent. Check it and try again.")),
        404: ("not_found", _("There is no page at this address. Check it, or start from the home page.")),
        403: ("forbidden", _("Your account cannot use this page. Ask an administrator if you need it.")),
        405: ("method_not_allowed", _("This address cannot be used that way.")),
        413: ("too_large", _("What was sent is too large. Send less and try again.")),
        415: ("unsupported_media_type", _("Send JSON, with Content-Type: application/json.")),
        429: ("too_many_requests", _("There have been too many tries from here. Wait a while, then try again.")),
    }


def wants_json() -> bool:
    return request.path.startswith("/api/")


def error_response(status: int, code: str, message: str):
    if wants_json():
        return jsonify(error={"code": code, "message": message}), status
    return render_template("error.html", status=status, message=message), status


def error_items(errors: dict[str, str]) -> list[dict[str, str]]:
    """A GOV.UK error summary's list from {field id: message}: each links to its field."""
    return [{"text": message, "href": f"#{field}"} for field, message in errors.items()]


def init_app(app: Flask) -> None:
    app.jinja_env.globals["error_items"] = error_items

    @app.errorhandler(BadInput)
    def bad_input(error: BadInput):
        return error_response(error.status, error.code, error.message)

    @app.errorhandler(CSRFError)
    def stale_form(error: CSRFError):
        return error_response(400, "form_expired", _(
            "This form could not be accepted: it may have been open in another tab, or your "
            "browser did not send its cookie. Your answers are kept. Go back and try again."))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        code, message = _messages().get(error.code, ("error", error.description or ""))
        return error_response(error.code or 500, code, message)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unexpected error")
        return error_response(500, "server_error", _("Sorry, something went wrong on our side. Try again later."))
