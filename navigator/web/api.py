"""The JSON API, version 1 (shared/CONTRACT.md section 3)."""

from __future__ import annotations

import logging

from flask import Blueprint, current_app, g, jsonify, request, url_for
from flask_babel import gettext as _

from navigator.deadlines import DeadlineError, parse_date
from navigator.deadlines import deadlines as compute
from navigator.flow import AnswerError
from navigator.languages import known
from navigator.problems import whole_characters
from navigator.site import current_site
from navigator.web.errors import BadInput
from navigator.web.i18n import reader_language
from navigator.web.journeys import look_up, note_search, related_pages, search_arguments, share, text_problem
from navigator.web.presenters import explain, pathway_json, question_json
from navigator.web.security import public_url

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")
log = logging.getLogger(__name__)


def json_object() -> dict:
    """The request body as a JSON object, or BadInput saying why it is not one."""
    if not request.is_json:
        raise BadInput(_("Send a JSON body with Content-Type: application/json."), code="not_json", status=415)
    body = request.get_json(silent=True)
    if body is None:
        raise BadInput(_("The body is not valid JSON in UTF-8."), code="invalid_json")
    if not isinstance(body, dict):
        raise BadInput(_("The body must be a JSON object, like {\"answers\": {}}."), code="not_an_object")
    # JSON's "\ud800" escape makes half a character, which no page or log can hold. It is
    # replaced, not refused: "my son \ud800 wants to die" must still reach urgent help.
    body = whole_characters(body)
    return body


def replay_answers(answers: dict):
    """The flow's outcome for `answers`, or BadInput for an answer it cannot use or a
    question the other answers do not lead to."""
    try:
        outcome = current_site().flow.run(answers)
    except AnswerError as error:
        raise BadInput(f"{error.question_id}: {explain(error)}", code="bad_answer") from None
    if outcome.unused:
        raise BadInput(_("These answers are for questions your other answers do not lead to: %(ids)s",
                         ids=", ".join(outcome.unused)), code="question_not_asked")
    return outcome


@blueprint.after_request
def say_when_a_language_is_unknown(response):
    """An unknown `lang` gets English and a notice saying so, never an error."""
    unknown = g.get("unknown_language")
    if unknown and response.is_json and response.status_code < 400:
        body = response.get_json(silent=True)
        if isinstance(body, dict) and "notice" not in body:
            body["notice"] = _("'%(lang)s' is not a language we know; the answer is in English.", lang=unknown)
            response.set_data(current_app.json.dumps(body))
    return response


@blueprint.get("/questions")
def questions():
    flow = current_site().flow
    return jsonify(questions=[question_json(q) for q in flow.questions.values()])


@blueprint.post("/journey")
def journey():
    body = json_object()
    answers = body.get("answers", {})
    if not isinstance(answers, dict):
        raise BadInput(_("answers must be an object of question id to answer."), code="bad_answers")
    site = current_site()
    outcome = replay_answers(answers)
    return jsonify(
        question=question_json(outcome.question) if outcome.question else None,
        urgent=outcome.urgent,
        pathways=[pathway_json(p, site.library, outcome.audience) for p in outcome.pathways],
    )


@blueprint.get("/pathways/<pathway_id>")
def pathway(pathway_id: str):
    site = current_site()
    found = site.flow.pathways.get(pathway_id)
    if found is None:
        raise BadInput(_("There is no pathway called '%(id)s'.", id=pathway_id), code="not_found", status=404)
    return jsonify(pathway_json(found, site.library))


@blueprint.get("/search")
def search():
    query, page_number, correct = search_arguments()
    results = current_site().find(query, page=page_number, lang=reader_language(), correct=correct)
    if query and page_number == 1:
        note_search(query, results.total)
    return jsonify(
        query=results.query,
        total=results.total,
        suggestion=results.suggestion,
        corrected_from=results.corrected_from,
        results=[{"slug": h.slug, "title": h.title, "url": url_for("pages.page", slug=h.slug),
                  "snippet": str(h.snippet)} for h in results.hits],
    )


def interpret_text(body: dict) -> str:
    """The text to interpret, or BadInput saying what is wrong with it."""
    text = body.get("text")
    if not isinstance(text, str):
        raise BadInput(_("Send the words to understand as \"text\"."), code="missing_text")
    problem = text_problem(text)
    if problem:
        raise BadInput(problem, code="text_too_long" if text.strip() else "empty_text")
    return text


@blueprint.post("/interpret")
def interpret():
    body = json_object()
    text = interpret_text(body)
    site = current_site()
    reading = site.interpreter.read(text)
    pathways = [site.flow.pathways[p] for p, _ in reading.pathways if p in site.flow.pathways]
    answer = {
        "urgent": reading.urgent,
        "age": reading.age,
        "concepts": list(reading.concepts),
        "negated": list(reading.negated),
        "check_danger": reading.check_danger,  # not urgent, but ask whether anyone is in danger now
        "pathways": [pathway_json(p, site.library) for p in pathways],
        "pages": related_pages(reading),
    }
    if not reading.concepts:
        answer["message"] = _("We could not tell what this is about. Try a few more words, or answer our questions instead.")
    lang = body.get("lang")
    if lang is not None and not known(lang):
        # Every language's phrases are always tried, so an unknown lang loses nothing.
        answer["notice"] = _("'%(lang)s' is not a language we know; we read the text in every language we do.",
                             lang=str(lang)[:20])
    return jsonify(answer)


@blueprint.get("/deadlines")
def deadlines():
    event = request.args.get("from", "")
    try:
        on = parse_date(request.args.get("date", ""))
        certificate_text = request.args.get("certificate")
        certificate = parse_date(certificate_text, "certificate") if certificate_text else None
        found = compute(event, on, certificate)
    except DeadlineError as error:
        raise BadInput(explain(error), code=error.code) from None
    return jsonify({"from": event, "date": on.isoformat(),
                    "deadlines": [{"id": d.id, "title": _(d.title), "date": d.date.isoformat(),
                                   "rule": _(d.rule), "source": d.source} for d in found]})


@blueprint.post("/journeys")
def save_journey():
    body = json_object()
    answers = body.get("answers")
    if not isinstance(answers, dict) or not answers:
        raise BadInput(_("Send the answers to save, like {\"answers\": {\"asking_as\": \"parent\"}}."), code="bad_answers")
    site = current_site()
    outcome = replay_answers(answers)
    code, expires = share(site, outcome.answers)
    return jsonify(code=code, url=public_url("saved.open_code", code=code), expires=expires.isoformat()), 201


@blueprint.get("/journeys/<code>")
def read_journey(code: str):
    site = current_site()
    found = look_up(code)
    if found is None:
        raise BadInput(_("There is no saved journey with that code, or it has expired. Codes look like K7QF-3M2X."),
                       code="not_found", status=404)
    answers, expires = found
    outcome, _dropped = site.flow.run_leniently(answers)
    return jsonify(answers=answers, pathways=[pathway_json(p, site.library, outcome.audience) for p in outcome.pathways],
                   expires=expires.isoformat())
