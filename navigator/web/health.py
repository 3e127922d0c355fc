"""GET /healthz: ok when the app can write to and read from its database, and its search
index answers; 503 with the reasons otherwise (this is what monitors and load balancers read)."""

from flask import Blueprint, Response

from navigator.site import current_site

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():
    site = current_site()
    problems = []
    try:
        site.database.notice_lost_file()
        site.database.check_write_and_read()
    except Exception as error:  # report, never raise: this is what monitors read
        problems.append(f"database: {error.__class__.__name__}")
    if site.database.lost_at:
        problems.append("database: the database file disappeared or was replaced at "
                        f"{site.database.lost_at:%Y-%m-%d %H:%M:%S} UTC; a new one was made, and what was saved "
                        "before is not in it. Restart this instance once it has been looked at.")
    try:
        site.search.document_count()
    except Exception as error:
        problems.append(f"search index: {error.__class__.__name__}")
    if problems:
        return Response("unavailable: " + "; ".join(problems), status=503, mimetype="text/plain")
    return Response("ok", mimetype="text/plain")
