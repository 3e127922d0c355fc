"""About the service: the privacy notice and the accessibility statement, linked from every footer.

The views are thin: they pass the numbers the notice states (how long things are kept) from
the settings and the stores that enforce them, so the page cannot drift from the code.
"""

from __future__ import annotations

import datetime

from flask import Blueprint, current_app, render_template
from flask_babel import format_date

from navigator.store import search_misses, throttle

blueprint = Blueprint("about", __name__)

# When the accessibility statement was prepared (and the checks it describes last reviewed).
STATEMENT_PREPARED = datetime.date(2026, 12, 3)


def _hours(value: datetime.timedelta) -> int:
    return round(value.total_seconds() / 3600)


@blueprint.get("/privacy")
def privacy():
    config = current_app.config
    return render_template(
        "about_privacy.html",
        session_hours=_hours(config["PERMANENT_SESSION_LIFETIME"]),
        journey_days=int(config["JOURNEY_DAYS"]),
        search_days=search_misses.KEEP_DAYS,
        attempt_hours=_hours(throttle.KEEP),
        staff_hours=round(float(config["STAFF_SESSION_HOURS"])),
        staff_idle_hours=round(float(config["STAFF_IDLE_MINUTES"]) / 60),
    )


@blueprint.get("/accessibility")
def accessibility():
    return render_template("about_accessibility.html",
                           prepared=format_date(STATEMENT_PREPARED, "long"))
