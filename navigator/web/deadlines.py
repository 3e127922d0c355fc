"""Deadlines as dates for families and advisers, without signing in: a form, the dates with
their legal source, and a calendar file (.ics) to keep them."""

from __future__ import annotations

import datetime

from flask import Blueprint, Response, render_template, request
from flask_babel import gettext as _
from icalendar import Calendar, Event

from navigator.deadlines import EVENTS, DeadlineError, date_from_boxes, deadlines, parse_date
from navigator.web.presenters import explain

blueprint = Blueprint("deadlines", __name__)


BOXES = ("day", "month", "year")


def _boxes(name: str) -> tuple[str, str, str] | None:
    """What was typed in the GOV.UK date input `name` (name-day, name-month, name-year), if it was used."""
    typed = tuple(request.args.get(f"{name}-{box}", "") for box in BOXES)
    return typed if any(f"{name}-{box}" in request.args for box in BOXES) else None


def _date_text(name: str, optional: bool = False) -> str:
    """The date `name` as YYYY-MM-DD: from the form's three boxes, or from `name` itself (links,
    the calendar file and the API send it so); "" for an optional date left empty. Raises
    DeadlineError."""
    typed = _boxes(name)
    if typed is None:
        return request.args.get(name, "")
    if optional and not any(box.strip() for box in typed):
        return ""
    return date_from_boxes(*typed, field=name)


def _calculate():
    """(event, date text, certificate text, deadlines or None, {field: error} or None) from the address."""
    event = request.args.get("from", "")
    if "date" not in request.args and _boxes("date") is None:
        return event, "", "", None, None  # a first visit, perhaps with the event chosen
    date_text = certificate_text = ""
    try:
        date_text = _date_text("date")
        certificate_text = _date_text("certificate", optional=True)
        on = parse_date(date_text)
        certificate = parse_date(certificate_text, "certificate") if certificate_text else None
        return event, date_text, certificate_text, deadlines(event, on, certificate), None
    except DeadlineError as error:
        return event, date_text, certificate_text, None, {error.field: explain(error)}


def _box_values(name: str, text: str) -> dict[str, str]:
    """What each box shows again: what was typed, or the parts of a YYYY-MM-DD date."""
    typed = _boxes(name)
    if typed is not None:
        return dict(zip(BOXES, typed, strict=True))
    try:
        on = parse_date(text, name)
    except DeadlineError:  # nothing, or a date already named as wrong beside the boxes
        return {box: "" for box in BOXES}
    return {"day": str(on.day), "month": str(on.month), "year": str(on.year)}


@blueprint.get("/deadlines")
def calculator():
    event, date_text, certificate_text, found, error = _calculate()
    events = [(key, _(event.label)) for key, event in EVENTS.items()]
    return render_template("deadlines.html", events=events, event=event, date_text=date_text,
                           certificate_text=certificate_text, found=found, errors=error or {},
                           date_boxes=_box_values("date", date_text),
                           certificate_boxes=_box_values("certificate", certificate_text)), 400 if error else 200


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
