"""Signing in and out for staff (advisers, editors, admins); the role each page needs is
checked by navigator/web/roles.py.

Flask-Login keeps the session's random token in the signed cookie; the token is looked up in
the database on every request (navigator/store/staff.py), so signing out, signing out
everywhere or disabling an account ends the session for real, copied cookies included.
Failed sign-ins are rate limited per account and per address, shared by every worker.
"""

from __future__ import annotations

import datetime
import math
import unicodedata
import urllib.parse

from flask import Blueprint, Flask, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_user, logout_user

from navigator.site import current_site
from navigator.store import audit, staff
from navigator.store.throttle import Limit, Throttle
from navigator.web.roles import StaffMember, login_manager

blueprint = Blueprint("auth", __name__)

SIGN_IN = "sign-in"
WINDOW = datetime.timedelta(minutes=15)
MAX_FIELD = 500


def _safe_next(target: str | None) -> str | None:
    """Only a path on this site: never another host (an open redirect).

    Browsers drop tabs and newlines from addresses and read a backslash as a slash, so
    "/<tab>/evil.example" would become "//evil.example": any whitespace or control character,
    any backslash, or anything with a scheme or host is refused outright.
    """
    if not target or len(target) > MAX_FIELD or not target.startswith("/") or target.startswith("//"):
        return None
    for form in (target, urllib.parse.unquote(target)):  # and the same once decoded
        if "\\" in form or form.startswith("//") or any(ch.isspace() or unicodedata.category(ch)[0] == "C" for ch in form):
            return None
    parts = urllib.parse.urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def _home_for(member: StaffMember) -> str:
    return url_for("editor.desk") if member.role == "editor" else url_for("adviser.call")


def _fresh_session() -> None:
    """A new session at sign-in and sign-out, so nothing carries across; the language stays."""
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang


def _sign_in_limits(email: str):
    """(the throttle, the key for this account from this address, every limit that applies):
    a wrong password counts against the account from this address and against the address,
    so no one can lock a person out from elsewhere."""
    throttle = current_app.extensions["navigator.throttle"]
    config = current_app.config
    address = f"address:{request.remote_addr}"
    pair = throttle.pair_key(f"account:{email.lower()}", address)
    return throttle, pair, {pair: Limit(config["SIGN_IN_ACCOUNT_LIMIT"], WINDOW),
                            throttle.key(address): Limit(config["SIGN_IN_ADDRESS_LIMIT"], WINDOW)}


def _wait_to_sign_in(wait: datetime.timedelta, next_page, email: str):
    minutes = max(1, math.ceil(wait.total_seconds() / 60))
    errors = {"email": ngettext("There have been too many attempts to sign in from here. Wait %(num)d minute, "
                                "then try again, or ask an administrator to unlock the account.",
                                "There have been too many attempts to sign in from here. Wait %(num)d minutes, "
                                "then try again, or ask an administrator to unlock the account.", minutes)}
    response = current_app.make_response((render_template("sign_in.html", next_page=next_page, errors=errors,
                                                           email=email), 429))
    response.headers["Retry-After"] = str(math.ceil(wait.total_seconds()))
    return response


@blueprint.route("/sign-in", methods=["GET", "POST"])
def sign_in():
    next_page = _safe_next(request.values.get("next"))
    if request.method == "GET":
        notice = _("You have signed out.") if request.args.get("signed_out") else None
        return render_template("sign_in.html", next_page=next_page, notice=notice, errors={}, email="")

    email = request.form.get("email", "")[:MAX_FIELD].strip()
    password = request.form.get("password", "")[:MAX_FIELD]
    errors = {}
    if not email:
        errors["email"] = _("Enter your email address.")
    if not password:
        errors["password"] = _("Enter your password.")
    if errors:
        return render_template("sign_in.html", next_page=next_page, errors=errors, email=email), 400

    site = current_site()
    throttle, pair, keys = _sign_in_limits(email)
    wait = throttle.wait(SIGN_IN, keys)
    if wait:
        return _wait_to_sign_in(wait, next_page, email)
    user = staff.authenticate(site.database, email, password)
    if user is None:
        throttle.failed(SIGN_IN, keys)
        errors["email"] = _("The email address or password is not right, or the account is disabled.")
        return render_template("sign_in.html", next_page=next_page, errors=errors, email=email), 401
    throttle.forget(SIGN_IN, pair)
    token = staff.start_session(site.database, user, current_app.config["STAFF_SESSION_HOURS"])
    _fresh_session()
    member = StaffMember(staff.SignedIn(token=token, user_id=user.id, email=user.email, role=user.role))
    login_user(member)
    audit.log(site.database, user.email, "sign-in")
    return redirect(next_page or _home_for(member))


@blueprint.post("/sign-out")
def sign_out():
    if current_user.is_authenticated:
        staff.end_session(current_site().database, current_user.get_id())
        audit.log(current_site().database, current_user.email, "sign-out")
    logout_user()
    _fresh_session()
    return redirect(url_for("auth.sign_in", signed_out=1))


@blueprint.post("/sign-out-everywhere")
def sign_out_everywhere():
    if current_user.is_authenticated:
        staff.end_all_sessions(current_site().database, current_user.signed_in.user_id)
        audit.log(current_site().database, current_user.email, "sign-out-everywhere")
    logout_user()
    _fresh_session()
    return redirect(url_for("auth.sign_in", signed_out=1))


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.session_protection = "basic"
    app.extensions["navigator.throttle"] = Throttle(app.extensions["navigator.site"].database, app.config["SECRET_KEY"])
    app.register_blueprint(blueprint)
