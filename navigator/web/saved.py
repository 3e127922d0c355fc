"""Saved journeys for families: save your own answers and get a code, open a code or a
shared link on another phone, and print the pathways to keep.

Looking up codes is rate limited per address (shared by every worker), so with 30^8 possible
codes guessing a live one is impractical.
"""

from __future__ import annotations

import datetime

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from navigator.site import current_site
from navigator.store import journeys
from navigator.store.throttle import Limit
from navigator.web.errors import BadInput
from navigator.web.presenters import pathway_contacts, pathway_pages

blueprint = Blueprint("saved", __name__)

GUESSES = "code"
WINDOW = datetime.timedelta(hours=1)


def shared_view(stored) -> dict | None:
    """A code saved in this session ({"code", "expires" as a date}), or None."""
    if not isinstance(stored, dict):
        return None
    try:
        return {"code": stored["code"], "expires": datetime.date.fromisoformat(stored["expires"])}
    except (KeyError, TypeError, ValueError):
        return None


def code_problem(text: str) -> str | None:
    """Why `text` cannot be a reference code, in words a family can act on; None if it can."""
    compact = "".join(c for c in (text or "") if not c.isspace() and c != "-").upper()
    if not compact:
        return _("Enter the reference code, like K7QF-3M2X.")
    wrong = sorted({c for c in compact if c not in journeys.ALPHABET})
    if wrong:
        return _("Codes only use the letters and numbers in K7QF-3M2X style: never O, I, L, U, 0 or 1. "
                 "Check these: %(letters)s", letters=" ".join(wrong[:10]))
    if len(compact) != journeys.LENGTH:
        return _("Codes have %(length)d letters and numbers; that has %(count)d. Check it and try again.",
                 length=journeys.LENGTH, count=len(compact))
    return None


def look_up(text: str) -> tuple[dict, datetime.date] | None:
    """(answers, expiry) for a live code, or None. Raises BadInput (429) once this address
    has tried too many codes that do not exist."""
    throttle = current_app.extensions["navigator.throttle"]
    keys = {throttle.key(f"address:{request.remote_addr}"): Limit(current_app.config["CODE_ADDRESS_LIMIT"], WINDOW)}
    if throttle.wait(GUESSES, keys):
        raise BadInput(_("Too many reference codes have been tried from here. Wait a while (at most an hour), "
                         "then try again, or ask the person who gave you the code."), code="too_many_codes", status=429)
    stored = journeys.normalise(text)
    found = journeys.load(current_site().database, stored) if stored else None
    if found is None:
        throttle.failed(GUESSES, keys)
    return found


def _not_found(code_text: str, status: int = 404):
    error = code_problem(code_text) or _("There is no saved journey with that code, or it has expired "
                                          "(codes are kept for %(days)d days). Check the code.",
                                          days=current_app.config["JOURNEY_DAYS"])
    return render_template("enter_code.html", code=code_text, error=error), status


@blueprint.get("/j")
def enter_code():
    """Type a code you were given; ?code= comes from this page's own form."""
    code_text = request.args.get("code", "")[:40]
    if "code" not in request.args:
        return render_template("enter_code.html", code="", error=None)
    if code_problem(code_text):
        return _not_found(code_text, status=400)
    return redirect(url_for(".open_code", code=journeys.display(journeys.normalise(code_text))))


@blueprint.get("/j/<code>")
def open_code(code: str):
    """Open a saved journey on this device. A link can come from anywhere (another site, a
    message), so answers this browser already holds are never replaced without asking."""
    found = look_up(code)
    if found is None:
        return _not_found(code)
    answers = found[0]
    held = session.get("answers") if isinstance(session.get("answers"), dict) else {}
    if held and held != answers:
        outcome, _dropped = current_site().flow.run_leniently(answers)
        return render_template("confirm_code.html", code=journeys.display(journeys.normalise(code)),
                               pathways=outcome.pathways)
    return _open(answers)


@blueprint.post("/j/<code>")
def replace_answers(code: str):
    """The family chose to replace their answers with the saved journey's."""
    found = look_up(code)
    if found is None:
        return _not_found(code)
    return _open(found[0])


def _open(answers: dict):
    session["answers"] = answers
    session.pop("understood", None)
    return redirect(url_for("journey.start") + "#result")


@blueprint.get("/j/<code>/print")
def printable(code: str):
    """The pathways of a saved journey on one page, to print or keep."""
    found = look_up(code)
    if found is None:
        return _not_found(code)
    answers, expires = found
    site = current_site()
    outcome, _dropped = site.flow.run_leniently(answers)
    cards = [(p, pathway_contacts(p, site.library), pathway_pages(p, site.library)) for p in outcome.pathways]
    return render_template("printable.html", code=journeys.display(journeys.normalise(code)), expires=expires,
                           cards=cards, urgent=outcome.urgent, audience=outcome.audience)


@blueprint.post("/share")
def share():
    """A family saves its own answers to open on another device or show an adviser."""
    answers = session.get("answers") if isinstance(session.get("answers"), dict) else {}
    outcome, _dropped = current_site().flow.run_leniently(answers)
    if not outcome.complete:
        return redirect(url_for("journey.start") + "#question")
    code, expires = journeys.save(current_site().database, outcome.answers, current_app.config["JOURNEY_DAYS"])
    session["shared"] = {"code": journeys.display(code), "expires": expires.isoformat()}
    return redirect(url_for("journey.start") + "#share")
