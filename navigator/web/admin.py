"""Pages for admins: the audit log of staff actions."""

from __future__ import annotations

from flask import Blueprint, render_template

from navigator.site import current_site
from navigator.store import audit
from navigator.web.roles import require

blueprint = Blueprint("admin", __name__, url_prefix="/admin")
blueprint.before_request(require("admin"))


@blueprint.get("/audit")
def audit_log():
    return render_template("admin_audit.html", events=audit.recent(current_site().database))
