"""Deadlines as dates for families and advisers, without signing in: a form, the dates with
their legal source, and a calendar file (.ics) to keep them."""

from __future__ import annotations

import datetime

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _
from icalendar import Calendar, Event

from navigator.deadlines import EVENTS, DeadlineError, deadlines, parse_date
from navigator.web.presenters import explain

blueprint = Blueprint("deadlines", __name__)


def _calculate():
    """(event, date text, certificate text, deadlines or None, {field: error} or None) from the address."""
    event = request.args.get("from", "")
    date_text = request.args.get("date", "")
    certificate_text = request.args.get("certificate", "")
    if not date_text and "date" not in request.args:
        return event, date_text, certificate_text, None, None  # a first visit, perhaps with the event chosen
    try:
        on = parse_date(date_text)
        certificate = parse_date(certificate_text, "certificate") if certificate_text else None
        return event, date_text, certificate_text, deadlines(event, on, certificate), None
    except DeadlineError as error:
        return event, date_text, certificate_text, None, {error.field: explain(error)}


@blueprint.get("/deadlines")
def calculator():
    event, date_text, certificate_text, found, error = _calculate()
    events = [(key, _(event.label)) for key, event in EVENTS.items()]
    return render_template("deadlines.html", events=events, event=event, date_text=date_text,
                           certificate_text=certificate_text, found=found, errors=error or {}), 400 if error else 200


@blueprint.get("/deadlines.ics")
def calendar_file():
    _event, _date, _certificate, found, error = _calculate()
    if error or not found:
        message = next(iter(error.values())) if error else _("Choose an event and a date first.")
        return render_template("error.html", status=400, message=message), 400
    calendar = Calendar()
    calendar.add("prodid", "-//Trafford SEND navigator//deadlines//EN")
    calendar.add("version", "2.0")
    stamp = datetime.datetime.now(datetime.timezone.utc)
    for deadline in found:
        entry = Event()
        entry.add("uid", f"{deadline.id}-{deadline.date.isoformat()}@send-navigator.trafford")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", deadline.date)
        entry.add("dtend", deadline.date + datetime.timedelta(days=1))
        entry.add("summary", _(deadline.title))
        source = _("Source")
        entry.add("description", f"{_(deadline.rule)}. {source}: {deadline.source}")
        calendar.add_component(entry)
    return Response(calendar.to_ical(), mimetype="text/calendar",
                    headers={"Content-Disposition": "attachment; filename=send-deadlines.ics"})
