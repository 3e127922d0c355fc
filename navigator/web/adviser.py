"""The adviser's call screen at /adviser/ (role adviser).

Every question with its current answer on one screen: change any and the pathways update,
the other answers kept (answers the new route does not ask are shown as "not needed now",
not thrown away). Search as you type across pathways and pages, the interpreter's free-text
box, key dates worked out as dates, a plain-text summary for case notes and a reference code
to share with the family. The call is a journey (navigator/web/journeys.py) kept in the
adviser's session cookie under its own key; nothing about the caller is stored unless the
adviser shares a code.
"""

from __future__ import annotations

import datetime

from flask import Blueprint, jsonify, redirect, render_template, request, session, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from navigator import deadlines as deadline_rules
from navigator.content.render import plain_text
from navigator.flow import AnswerError
from navigator.site import current_site
from navigator.store import journeys
from navigator.summary import CallSummary, case_note
from navigator.web.i18n import translate
from navigator.web.journeys import (
    CALL,
    MAX_QUERY,
    MAX_TEXT,
    JourneyState,
    code_problem,
    look_up,
    read_words,
    replay,
    results,
    shared_view,
    text_problem,
)
from navigator.web.journeys import (
    share as share_code,
)
from navigator.web.presenters import answer_label, explain, pathway_contacts
from navigator.web.roles import require
from navigator.web.understanding import merge_understood, understood_items

blueprint = Blueprint("adviser", __name__, url_prefix="/adviser")
blueprint.before_request(require("adviser"))

CALL_HEADER = "X-Navigator-Call"  # set by static/js/adviser.js when it wants the results only
SEARCH_LIMIT = 8


def _call() -> JourneyState:
    return JourneyState.load(session, CALL)


def _read_form(flow, form, stored: dict) -> tuple[dict, dict, dict]:
    """(answers, errors by question id, what was typed where it was wrong) from the answers form.

    A blank field clears that answer; a wrong one keeps the answer it had and says why.
    """
    answers, errors, typed = dict(stored), {}, {}
    for question in flow.questions.values():
        raw = form.getlist(question.id) if question.type == "multi" else form.get(question.id, "")
        if raw in ("", []) or (isinstance(raw, str) and not raw.strip()):
            answers.pop(question.id, None)
            continue
        try:
            answers[question.id] = flow.clean(question, raw)
        except AnswerError as error:
            errors[question.id], typed[question.id] = explain(error), raw
    return answers, errors, typed


def _key_dates(call: JourneyState) -> tuple[list, str | None]:
    """The deadlines from the call's key date, or an error saying what is wrong with it."""
    if not call.event or not call.date:
        return [], None
    try:
        return deadline_rules.deadlines(call.event, deadline_rules.parse_date(call.date)), None
    except deadline_rules.DeadlineError as error:
        return [], explain(error)


def _rows(flow, outcome, answers: dict, errors: dict, typed: dict) -> list[dict]:
    """Every question with its answer, and whether it is asked, next, answered but not needed
    with the other answers ("off"), or simply not reached yet ("later")."""
    asked = {q.id for q in outcome.asked}
    next_id = outcome.question.id if outcome.question else None

    def state(q, value) -> str:
        if q.id in asked:
            return "asked"
        if q.id == next_id:
            return "next"
        return "off" if value not in (None, "", []) else "later"

    return [{"question": q, "value": (value := typed.get(q.id, answers.get(q.id))), "error": errors.get(q.id),
             "state": state(q, value)} for q in flow.questions.values()]


def _summary(call: JourneyState, outcome, pathways, found, events, shared) -> str:
    site = current_site()
    contacts = [c for p in pathways for c in pathway_contacts(p, site.library)]
    key_date = (events.get(call.event, ""), deadline_rules.parse_date(call.date)) if found else None
    return case_note(
        CallSummary(answered=[(_(q.text), answer_label(q, outcome.answers[q.id])) for q in outcome.asked],
                    pathways=pathways, contacts=contacts, deadlines=found, key_date=key_date,
                    code=shared["code"] if shared else None, expires=shared["expires"] if shared else None),
        today=datetime.date.today(), translate=translate, format_date=lambda d: format_date(d, "full"))


def _screen(errors=None, typed=None, date_error=None, query="", notices=(), status=200):
    site = current_site()
    call = _call()
    outcome, _dropped = replay(call, site)
    call.save(session)
    found, key_date_error = _key_dates(call)
    events = {key: _(event.label) for key, event in deadline_rules.EVENTS.items()}
    shared = shared_view(call)
    context = dict(
        rows=_rows(site.flow, outcome, call.answers, errors or {}, typed or {}), errors=errors or {},
        outcome=outcome, events=events, call=call, deadlines=found, date_error=date_error or key_date_error,
        summary=_summary(call, outcome, list(outcome.pathways), found, events, shared), shared=shared,
        query=query, search_results=_search(query) if query else None, notices=list(notices),
        next_question=outcome.question, **results(outcome, site, urgent=call.urgent),
    )
    template = "_call_results.html" if request.headers.get(CALL_HEADER) else "adviser.html"
    return render_template(template, fragment=bool(request.headers.get(CALL_HEADER)), **context), status


@blueprint.get("/")
def call():
    return _screen(query=request.args.get("q", "")[:MAX_QUERY].strip())


@blueprint.post("/answers")
def answers():
    call = _call()
    new_answers, errors, typed = _read_form(current_site().flow, request.form, call.answers)
    call.set_answers(new_answers)
    event, call.date = request.form.get("event", ""), request.form.get("date", "").strip()[:40]
    date_error = None
    if event and event not in deadline_rules.EVENTS:
        event, date_error = "", _("Choose what happened from the list.")
    call.event = event
    call.save(session)
    date_error = date_error or _key_dates(call)[1]
    if errors or date_error or request.headers.get(CALL_HEADER):
        return _screen(errors=errors, typed=typed, date_error=date_error, status=400 if errors or date_error else 200)
    return redirect(url_for(".call") + "#results")


@blueprint.post("/understand")
def understand():
    """The caller's words, as the adviser types them: only what was understood is kept."""
    site = current_site()
    text = request.form.get("text", "")
    if text_problem(text):
        return _screen(status=400, notices=[_("Type a few words about what is happening, at most %(max)d characters.",
                                                  max=MAX_TEXT)])
    call = _call()
    reading = read_words(call, site, text, suggest=False)  # urgent words put crisis numbers at the top at once
    labels = [item["label"] for item in understood_items(call.understood, site)]
    call.set_answers(merge_understood(call.answers, call.understood, site))
    call.understood = None  # filled in as answers for the adviser to check: nothing waits
    call.save(session)
    notice = (_("Understood: %(items)s. The answers below are filled in; check them.", items=", ".join(labels))
              if labels else _("Nothing was understood from those words. Answer the questions instead."))
    ask = [_("Some words may tell of danger but were read as past, a story, a question or denied: "
             "ask whether anyone is in danger right now.")] if reading.check_danger and not call.urgent else []
    return _screen(notices=ask + [notice])


@blueprint.post("/share")
def share():
    """Save the call's answers (the ones on the route, nothing else) under a reference code."""
    site = current_site()
    call = _call()
    outcome, _dropped = replay(call, site)
    if not outcome.answers:
        return _screen(status=400, notices=[_("Answer at least one question before sharing.")])
    share_code(site, outcome.answers, call)
    call.save(session)
    return redirect(url_for(".call") + "#share")


@blueprint.post("/open-code")
def open_code():
    """A family who used the navigator gives the adviser their code: no need to tell it all again."""
    typed = request.form.get("code", "")[:40]
    problem = code_problem(typed)
    found = None if problem else look_up(typed)
    if found is None:
        message = problem or _("There is no saved journey with that code, or it has expired. Check the code with the caller.")
        return _screen(status=400 if problem else 404, notices=[message])
    call = _call()
    call.answers = dict(found[0])
    call.shared = {"code": journeys.display(journeys.normalise(typed)), "expires": found[1].isoformat()}
    call.save(session)
    return redirect(url_for(".call") + "#results")


@blueprint.post("/new-call")
def new_call():
    session.pop(CALL, None)
    return redirect(url_for(".call"))


@blueprint.get("/search")
def search():
    """Search as you type: pathways and pages, as JSON for static/js/adviser.js."""
    query = request.args.get("q", "")[:MAX_QUERY].strip()
    return jsonify(query=query, results=_search(query) if query else [])


def _search(query: str) -> list[dict]:
    site = current_site()
    results_found = [{"kind": _("Pathway"), "title": _(p.title), "url": url_for("pages.pathway", pathway_id=p.id),
                      "snippet": _(p.summary)} for p in _matching_pathways(query)]
    for hit in site.find(query, per_page=SEARCH_LIMIT).hits:
        results_found.append({"kind": _("Page"), "title": hit.title, "url": url_for("pages.page", slug=hit.slug),
                              "snippet": plain_text(str(hit.snippet))})  # the live list shows text only
    return results_found[:SEARCH_LIMIT * 2]


def _matching_pathways(query: str) -> list:
    """Pathways whose words start with every word typed, then those the interpreter links
    the words to (so "camhs" or "autistic" find their pathway too)."""
    site = current_site()
    words = query.lower().split()
    found = []
    for pathway in site.flow.pathways.values():
        haystack = f"{_(pathway.title)} {_(pathway.summary)} {pathway.id.replace('-', ' ')}".lower().split()
        if words and all(any(w.startswith(word) for w in haystack) for word in words):
            found.append(pathway)
    for pathway_id, _score in site.interpreter.read(query).pathways:
        pathway = site.flow.pathways.get(pathway_id)
        if pathway is not None and pathway not in found:
            found.append(pathway)
    return found[:SEARCH_LIMIT]
