"""Saved journeys for families: save your own answers and get a code, open a code or a
shared link on another phone, and print the pathways to keep.

Looking up codes is rate limited per address (shared by every worker; see
navigator/web/journeys.py), so with 30^8 possible codes guessing a live one is impractical.
"""

from __future__ import annotations

from flask import Blueprint, current_app, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from navigator.site import current_site
from navigator.store import journeys
from navigator.web.journeys import FAMILY, JourneyState, code_problem, look_up, replay, results
from navigator.web.journeys import share as share_code

blueprint = Blueprint("saved", __name__)


def _not_found(code_text: str, status: int = 404):
    error = code_problem(code_text) or _("There is no saved journey with that code, or it has expired "
                                          "(codes are kept for %(days)d days). Check the code.",
                                          days=current_app.config["JOURNEY_DAYS"])
    return render_template("enter_code.html", code=code_text, error=error), status


def _shown(code: str) -> str:
    return journeys.display(journeys.normalise(code))


@blueprint.get("/j")
def enter_code():
    """Type a code you were given; ?code= comes from this page's own form."""
    code_text = request.args.get("code", "")[:40]
    if "code" not in request.args:
        return render_template("enter_code.html", code="", error=None)
    if code_problem(code_text):
        return _not_found(code_text, status=400)
    return redirect(url_for(".open_code", code=_shown(code_text)))


@blueprint.get("/j/<code>")
def open_code(code: str):
    """Open a saved journey on this device. A link can come from anywhere (another site, a
    message), so answers this browser already holds are never replaced without asking."""
    found = look_up(code)
    if found is None:
        return _not_found(code)
    held = JourneyState.load(session, FAMILY).answers
    if held and held != found[0]:
        outcome, _dropped = current_site().flow.run_leniently(found[0])
        return render_template("confirm_code.html", code=_shown(code), pathways=outcome.pathways)
    return _open(found[0])


@blueprint.post("/j/<code>")
def replace_answers(code: str):
    """The family chose to replace their answers with the saved journey's."""
    found = look_up(code)
    if found is None:
        return _not_found(code)
    return _open(found[0])


def _open(answers: dict):
    state = JourneyState.load(session, FAMILY)
    state.set_answers(answers)
    state.understood = None
    state.save(session)
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
    return render_template("printable.html", code=_shown(code), expires=expires, audience=outcome.audience,
                           **results(outcome, site, urgent=False))


@blueprint.post("/share")
def share():
    """A family saves its own answers to open on another device or show an adviser."""
    site = current_site()
    state = JourneyState.load(session, FAMILY)
    outcome, _notices = replay(state, site)
    if not outcome.complete:
        return redirect(url_for("journey.start") + "#question")
    share_code(site, outcome.answers, state)
    state.save(session)
    return redirect(url_for("journey.start") + "#share")
