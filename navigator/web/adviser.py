"""The adviser's call screen at /adviser/ (role adviser).

Every question with its current answer on one screen: change any and the pathways update,
the other answers kept (answers the new route does not ask are shown as "not needed now",
not thrown away). Search as you type across pathways and pages, the interpreter's free-text
box, key dates worked out as dates, a plain-text summary for case notes and a reference code
to share with the family. The call's answers live in the adviser's session cookie, like a
family's; nothing about the caller is stored unless the adviser shares a code.
"""

from __future__ import annotations

import datetime

from flask import Blueprint, current_app, jsonify, redirect, render_template, request, session, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from navigator import deadlines as deadline_rules
from navigator.content.render import plain_text
from navigator.flow import AnswerError
from navigator.site import current_site
from navigator.summary import CallSummary, case_note
from navigator.web.auth import require
from navigator.web.i18n import translate
from navigator.web.pages import MAX_QUERY
from navigator.web.presenters import answer_label, explain, pathway_contacts, pathway_pages, urgent_contacts
from navigator.web.saved import shared_view
from navigator.web.understanding import merge_understood

blueprint = Blueprint("adviser", __name__, url_prefix="/adviser")
blueprint.before_request(require("adviser"))

CALL_HEADER = "X-Navigator-Call"  # set by static/js/adviser.js when it wants the results only
SEARCH_LIMIT = 8


def _call() -> dict:
    call = session.get("call")
    return call if isinstance(call, dict) else {}


def _save_call(call: dict) -> None:
    session["call"] = call


def _read_form(flow, form, stored: dict) -> tuple[dict, dict, dict]:
    """(answers, errors by question id, what was typed where it was wrong) from the answers form.

    A blank field clears that answer; a wrong one keeps the answer it had and says why.
    """
    answers, errors, typed = dict(stored), {}, {}
    for question in flow.questions.values():
        if question.type == "multi":
            raw = form.getlist(question.id)
        else:
            raw = form.get(question.id, "")
        if raw in ("", []) or (isinstance(raw, str) and not raw.strip()):
            answers.pop(question.id, None)
            continue
        try:
            answers[question.id] = flow.clean(question, raw)
        except AnswerError as error:
            errors[question.id], typed[question.id] = explain(error), raw
    return answers, errors, typed


def _key_dates(call: dict) -> tuple[list, str | None]:
    """The deadlines from the call's key date, or an error saying what is wrong with it."""
    event, date_text = call.get("event", ""), call.get("date", "")
    if not event or not date_text:
        return [], None
    try:
        return deadline_rules.deadlines(event, deadline_rules.parse_date(date_text)), None
    except deadline_rules.DeadlineError as error:
        return [], explain(error)


def _screen(errors=None, typed=None, date_error=None, query="", notices=(), status=200):
    site = current_site()
    flow = site.flow
    call = _call()
    answers = call.get("answers") if isinstance(call.get("answers"), dict) else {}
    outcome, dropped = flow.run_leniently(answers)
    if dropped:
        call["answers"] = {k: v for k, v in answers.items() if k not in dropped}
        _save_call(call)
        answers = call["answers"]
    asked = {q.id for q in outcome.asked}
    rows = [{"question": q, "value": (typed or {}).get(q.id, answers.get(q.id)),
             "state": "asked" if q.id in asked else ("next" if outcome.question and q.id == outcome.question.id else "off"),
             "error": (errors or {}).get(q.id)}
            for q in flow.questions.values()]
    found, key_date_error = _key_dates(call)
    pathways = list(outcome.pathways)
    contacts = [c for p in pathways for c in pathway_contacts(p, site.library)]
    events = {key: _(label) for key, (label, _rule) in deadline_rules.EVENTS.items()}
    shared = shared_view(call.get("shared"))
    summary = case_note(
        CallSummary(answered=[(_(q.text), answer_label(q, outcome.answers[q.id])) for q in outcome.asked],
                    pathways=pathways, contacts=contacts, deadlines=found,
                    key_date=(events.get(call.get("event"), ""), deadline_rules.parse_date(call["date"])) if found else None,
                    code=shared["code"] if shared else None, expires=shared["expires"] if shared else None),
        today=datetime.date.today(), translate=translate, format_date=lambda d: format_date(d, "full"))
    context = dict(
        rows=rows, errors=errors or {}, outcome=outcome, events=events, call=call, deadlines=found,
        date_error=date_error or key_date_error, summary=summary, shared=shared, query=query,
        search_results=_search(query) if query else None, notices=list(notices),
        urgent=outcome.urgent or bool(call.get("urgent")),
        cards=[(p, pathway_contacts(p, site.library), pathway_pages(p, site.library)) for p in pathways],
        next_question=outcome.question,
        urgent_contacts=urgent_contacts(site),
    )
    if request.headers.get(CALL_HEADER):
        return render_template("_call_results.html", fragment=True, **context), status
    return render_template("adviser.html", **context), status


@blueprint.get("/")
def call():
    query = request.args.get("q", "")[:MAX_QUERY].strip()
    return _screen(query=query)


@blueprint.post("/answers")
def answers():
    flow = current_site().flow
    call = _call()
    stored = call.get("answers") if isinstance(call.get("answers"), dict) else {}
    new_answers, errors, typed = _read_form(flow, request.form, stored)
    if new_answers != stored:
        call.pop("shared", None)  # a code shared earlier holds the earlier answers
    call["answers"] = new_answers
    event, date_text = request.form.get("event", ""), request.form.get("date", "").strip()[:40]
    date_error = None
    if event and event not in deadline_rules.EVENTS:
        event, date_error = "", _("Choose what happened from the list.")
    call["event"], call["date"] = event, date_text
    _save_call(call)
    date_error = date_error or _key_dates(call)[1]
    if errors or date_error or request.headers.get(CALL_HEADER):
        return _screen(errors=errors, typed=typed, date_error=date_error, status=400 if errors or date_error else 200)
    return redirect(url_for(".call") + "#results")


@blueprint.post("/understand")
def understand():
    """The caller's words, as the adviser types them: only what was understood is kept."""
    from navigator.web.api import MAX_TEXT
    site = current_site()
    text = request.form.get("text", "")
    if not text.strip() or len(text) > MAX_TEXT:
        return _screen(status=400, notices=[_("Type a few words about what is happening, at most %(max)d characters.",
                                                  max=MAX_TEXT)])
    reading = site.interpreter.read(text)
    call = _call()
    stored = call.get("answers") if isinstance(call.get("answers"), dict) else {}
    understood = {"concepts": list(reading.concepts), "age": reading.age}
    call["answers"] = merge_understood(stored, understood, site)
    if reading.urgent:
        call["urgent"] = True  # crisis numbers at the top at once, whatever is unanswered
    call.pop("shared", None)
    _save_call(call)
    concepts = site.interpreter.lexicon.concepts
    labels = [_(concepts[c].label) for c in reading.concepts if c in concepts]
    if reading.age is not None:
        labels.append(_("age %(age)d", age=reading.age))
    notice = (_("Understood: %(items)s. The answers below are filled in; check them.", items=", ".join(labels))
              if labels else _("Nothing was understood from those words. Answer the questions instead."))
    return _screen(notices=[notice])


@blueprint.post("/share")
def share():
    """Save the call's answers (the ones on the route, nothing else) under a reference code."""
    from navigator.store import journeys
    site = current_site()
    call = _call()
    outcome, _dropped = site.flow.run_leniently(call.get("answers") or {})
    if not outcome.answers:
        return _screen(status=400, notices=[_("Answer at least one question before sharing.")])
    code, expires = journeys.save(site.database, outcome.answers, current_app.config["JOURNEY_DAYS"])
    call["shared"] = {"code": journeys.display(code), "expires": expires.isoformat()}
    _save_call(call)
    return redirect(url_for(".call") + "#share")


@blueprint.post("/open-code")
def open_code():
    """A family who used the navigator gives the adviser their code: no need to tell it all again."""
    from navigator.store import journeys
    from navigator.web.saved import code_problem, look_up
    typed = request.form.get("code", "")[:40]
    problem = code_problem(typed)
    found = None if problem else look_up(typed)
    if found is None:
        message = problem or _("There is no saved journey with that code, or it has expired. Check the code with the caller.")
        return _screen(status=400 if problem else 404, notices=[message])
    call = _call()
    call["answers"] = dict(found[0])
    call["shared"] = {"code": journeys.display(journeys.normalise(typed)), "expires": found[1].isoformat()}
    _save_call(call)
    return redirect(url_for(".call") + "#results")


@blueprint.post("/new-call")
def new_call():
    session.pop("call", None)
    return redirect(url_for(".call"))


@blueprint.get("/search")
def search():
    """Search as you type: pathways and pages, as JSON for static/js/adviser.js."""
    query = request.args.get("q", "")[:MAX_QUERY].strip()
    return jsonify(query=query, results=_search(query) if query else [])


def _search(query: str) -> list[dict]:
    site = current_site()
    results = [{"kind": _("Pathway"), "title": _(p.title), "url": url_for("pages.pathway", pathway_id=p.id),
                "snippet": _(p.summary)} for p in _matching_pathways(query)]
    for hit in site.search.search(query, per_page=SEARCH_LIMIT).hits:
        results.append({"kind": _("Page"), "title": hit.title, "url": url_for("pages.page", slug=hit.slug),
                        "snippet": plain_text(str(hit.snippet))})  # the live list shows text only
    return results[:SEARCH_LIMIT * 2]


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
