"""GET /healthz: ok when the app, its database and its search index answer."""

from flask import Blueprint, Response

from navigator.site import current_site

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():
    site = current_site()
    problems = []
    try:
        site.database.ping()
    except Exception as error:  # report, never raise: this is what monitors read
        problems.append(f"database: {error.__class__.__name__}")
    try:
        site.search.document_count()
    except Exception as error:
        problems.append(f"search index: {error.__class__.__name__}")
    if problems:
        return Response("unavailable: " + "; ".join(problems), status=503, mimetype="text/plain")
    return Response("ok", mimetype="text/plain")
