"""The JSON API, version 1 (shared/CONTRACT.md section 3)."""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for
from flask_babel import gettext as _

from navigator.flow import AnswerError
from navigator.site import current_site
from navigator.web.errors import BadInput
from navigator.web.pages import search_arguments
from navigator.web.presenters import pathway_json, question_json

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


def json_object() -> dict:
    """The request body as a JSON object, or BadInput saying why it is not one."""
    if not request.is_json:
        raise BadInput(_("Send a JSON body with Content-Type: application/json."), code="not_json", status=415)
    body = request.get_json(silent=True)
    if body is None:
        raise BadInput(_("The body is not valid JSON in UTF-8."), code="invalid_json")
    if not isinstance(body, dict):
        raise BadInput(_("The body must be a JSON object, like {\"answers\": {}}."), code="not_an_object")
    return body


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
    try:
        outcome = site.flow.run(answers)
    except AnswerError as error:
        raise BadInput(f"{error.question_id}: {_(str(error))}", code="bad_answer") from None
    if outcome.unused:
        raise BadInput(_("These answers are for questions your other answers do not lead to: %(ids)s",
                         ids=", ".join(outcome.unused)), code="question_not_asked")
    return jsonify(
        question=question_json(outcome.question) if outcome.question else None,
        urgent=outcome.urgent,
        pathways=[pathway_json(p, site.library) for p in outcome.pathways],
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
    query, page_number = search_arguments()
    results = current_site().search.search(query, page=page_number)
    return jsonify(
        query=results.query,
        total=results.total,
        suggestion=results.suggestion,
        results=[{"slug": h.slug, "title": h.title, "url": url_for("pages.page", slug=h.slug),
                  "snippet": str(h.snippet)} for h in results.hits],
    )
