"""The editor's desk at /editor/ (role editor): every page with what needs attention.

This is the start of the desk (issue 6): review dates passed or near, contacts not yet
verified, and pages that could not be read, each with the reason. Editing comes next.
"""

from __future__ import annotations

import datetime

from flask import Blueprint, render_template

from navigator.site import current_site
from navigator.web.auth import require

blueprint = Blueprint("editor", __name__, url_prefix="/editor")
blueprint.before_request(require("editor"))

REVIEW_SOON = datetime.timedelta(days=30)


@blueprint.get("/")
def desk():
    library = current_site().library
    today = datetime.date.today()
    rows = []
    for page in sorted(library.pages.values(), key=lambda p: (p.review_by, p.slug)):
        rows.append({
            "page": page,
            "review": "passed" if page.review_by < today else ("soon" if page.review_by - today <= REVIEW_SOON else "ok"),
            "unverified": sum(1 for c in page.contacts if not c.verified),
        })
    broken = [p for p in library.problems if not p.warning]
    return render_template("editor_desk.html", rows=rows, broken=broken)
