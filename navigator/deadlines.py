"""Statutory deadlines as calendar dates, counted from a date the family knows.

What the periods are (weeks, months, working days, and each one's words and legal source,
from shared/facts/statutory.md) is data in navigator/rules/deadlines.yaml; how to count
them is here. Pure: no Flask, no database. Working days skip weekends and England's bank
holidays, taken from the maintained `holidays` package (not a hand-kept list).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import functools
import pathlib

import holidays
from dateutil.relativedelta import relativedelta

from navigator.problems import Problem, ProblemError, read_checked_yaml

REFORMS = datetime.date(2014, 9, 1)  # the Children and Families Act 2014 SEND reforms began
MAX_YEARS_AHEAD = 2
SCHOOL_YEAR_STARTS = (8, 9)  # a move at the start of a school year: August or September


class DeadlineError(ValueError):
    """A date or event that cannot be used. `template` is fixed English (a gettext msgid)
    with %(name)s placeholders from `params`; `field` names the input it is about."""

    def __init__(self, code: str, template: str, field: str = "date", **params):
        self.code, self.template, self.field, self.params = code, template, field, params
        super().__init__(template % params if params else template)


@dataclasses.dataclass(frozen=True)
class Deadline:
    id: str
    title: str
    date: datetime.date
    rule: str
    source: str


@functools.lru_cache(maxsize=16)
def _bank_holidays(year: int):  # built once per year, not once per day counted
    return holidays.country_holidays("GB", subdiv="ENG", years=range(year - 1, year + 3))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def next_working_day(day: datetime.date) -> datetime.date:
    """`day` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(day):
        day += datetime.timedelta(days=1)
    return day


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    while count:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def tribunal_roll_forward(day: datetime.date) -> datetime.date:
    """SEN appeal deadlines that fall from 25 December to 1 January move to the first working
    day after 1 January; those in August move to the first working day of September."""
    if (day.month == 12 and day.day >= 25) or (day.month == 1 and day.day == 1):
        year = day.year + 1 if day.month == 12 else day.year
        return next_working_day(datetime.date(year, 1, 2))
    if day.month == 8:
        return next_working_day(datetime.date(day.year, 9, 1))
    return day


# -- the rules, as data (navigator/rules/deadlines.yaml) -------------------------------------

DEADLINES_FILE = pathlib.Path(__file__).resolve().parent / "rules" / "deadlines.yaml"
APPEAL_CASES = ("decision", "decision, moved", "certificate", "certificate, moved", "decision later",
                "decision later, moved")
_TEXT = {"type": "string", "minLength": 1, "pattern": r"\S"}
_COUNT = {
    "type": "object", "minProperties": 1, "maxProperties": 1, "additionalProperties": False,
    "properties": {
        "weeks": {"type": "integer", "minimum": 1, "maximum": 104},
        "days": {"type": "integer", "minimum": 1, "maximum": 366},
        "working_days": {"type": "integer", "minimum": 1, "maximum": 60},
        "months": {"type": "integer", "minimum": -24, "maximum": 24, "not": {"const": 0}},
        "in_year_of_move": {"type": "string", "pattern": r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"},
        "tribunal_appeal": {"type": "object", "required": ["months", "certificate_months"], "additionalProperties": False,
                            "properties": {"months": {"type": "integer", "minimum": 1, "maximum": 12},
                                           "certificate_months": {"type": "integer", "minimum": 1, "maximum": 12}}},
    },
}
_DEADLINE = {
    "type": "object", "required": ["id", "title", "count", "source"], "additionalProperties": False,
    "errorMessage": "is missing: every deadline needs an id, a title, how it is counted (count) and its legal "
                    "source (the regulation or section, from shared/facts/statutory.md)",
    "properties": {
        "id": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
        "title": _TEXT, "rule": _TEXT, "source": _TEXT, "count": _COUNT,
        "rules": {"type": "object", "required": list(APPEAL_CASES), "additionalProperties": False,
                  "properties": {case: _TEXT for case in APPEAL_CASES}},
    },
    # an appeal says which period ran longer (rules); every other deadline has one rule
    "oneOf": [{"required": ["rule"], "not": {"required": ["rules"]}},
              {"required": ["rules"], "not": {"required": ["rule"]}, "properties": {"count": {"required": ["tribunal_appeal"]}}}],
}
SCHEMA = {
    "type": "object", "required": ["events"], "additionalProperties": False,
    "properties": {"events": {"type": "object", "minProperties": 1, "propertyNames": {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
                              "additionalProperties": {
                                  "type": "object", "required": ["label", "deadlines"], "additionalProperties": False,
                                  "properties": {"label": _TEXT, "start_of_school_year": {"type": "boolean"},
                                                 "deadlines": {"type": "array", "minItems": 1, "items": _DEADLINE}}}}},
}


@dataclasses.dataclass(frozen=True)
class Event:
    label: str                           # what happened, as the family chooses it (a msgid)
    deadlines: tuple[dict, ...]          # each: id, title, count, source, and rule (or rules)
    start_of_school_year: bool = False   # a move date outside August and September is refused


def unknown_events(pathways: dict, events: dict[str, Event]) -> list[Problem]:
    """A pathway's `deadlines_from` must be an event of the deadlines file."""
    return [Problem(f"pathways/{pathway_id}.yaml", f"counts its deadlines from '{pathway.deadlines_from}', which "
                    f"is not an event in deadlines.yaml (the events are: {', '.join(events)})", field="deadlines_from")
            for pathway_id, pathway in pathways.items()
            if pathway.deadlines_from and pathway.deadlines_from not in events]


def load_events(path: pathlib.Path = DEADLINES_FILE) -> dict[str, Event]:
    problems: list[Problem] = []
    document = read_checked_yaml(pathlib.Path(path), SCHEMA, problems)
    if document is None:
        raise ProblemError(problems)
    return {key: Event(event["label"], tuple(event["deadlines"]), event.get("start_of_school_year", False))
            for key, event in document["events"].items()}


def _counted(count: dict, on: datetime.date, certificate: datetime.date | None) -> tuple[datetime.date, str | None]:
    """(the date, which appeal case it is, or None), counted from `on` as `count` says."""
    (kind, amount), = count.items()
    if kind == "weeks":
        return on + datetime.timedelta(weeks=amount), None
    if kind == "days":
        return on + datetime.timedelta(days=amount), None
    if kind == "working_days":
        return add_working_days(on, amount), None
    if kind == "months":
        return on + relativedelta(months=amount), None
    if kind == "in_year_of_move":
        month, day = (int(part) for part in amount.split("-"))
        return datetime.date(on.year, month, day), None
    last_day, case = on + relativedelta(months=amount["months"]), "decision"
    if certificate is not None:
        one_month = certificate + relativedelta(months=amount["certificate_months"])
        last_day, case = (one_month, "certificate") if one_month > last_day else (last_day, "decision later")
    rolled = tribunal_roll_forward(last_day)
    return rolled, case + (", moved" if rolled != last_day else "")


FIRST_YEAR, LAST_YEAR = 1900, 2100  # any real event in a child's life; year 0 is no date at all


def date_from_boxes(day: str, month: str, year: str, field: str = "date") -> str:
    """GOV.UK's date input (a day, a month and a year box) as YYYY-MM-DD for parse_date, or
    DeadlineError naming what is missing, as the Design System words it."""
    boxes = [day.strip(), month.strip(), year.strip()]
    missing = [name for name, box in zip(("day", "month", "year"), boxes, strict=True) if not box]
    if missing == ["day"]:  # each message written out, so Babel extracts it
        raise DeadlineError("bad_date", "The date must include a day.", field)
    if missing == ["month"]:
        raise DeadlineError("bad_date", "The date must include a month.", field)
    if missing == ["year"]:
        raise DeadlineError("bad_date", "The date must include a year.", field)
    if missing:
        raise DeadlineError("bad_date", "Enter the date as a day, a month and a year, for example 27 3 2026.", field)
    if not all(box.isascii() and box.isdigit() for box in boxes):
        raise DeadlineError("bad_date", "Enter the day, month and year as numbers, for example 27 3 2026.", field)
    if len(boxes[2]) != 4:
        raise DeadlineError("bad_date", "The year must include 4 numbers, for example 2026.", field)
    return f"{boxes[2]}-{int(boxes[1]):02d}-{int(boxes[0]):02d}"


def parse_date(text: str, field: str = "date") -> datetime.date:
    """A date written YYYY-MM-DD (as date inputs send it), or DeadlineError saying what is
    wrong in words a parent can act on: a 29 February outside a leap year, a 31 April."""
    parts = (text or "").strip().split("-")
    if len(parts) != 3 or not all(p.isascii() and p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise DeadlineError("bad_date", "Write the date as YYYY-MM-DD, for example 2026-03-31.", field)
    year, month, day = (int(p) for p in parts)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DeadlineError("bad_date", "Check the year: it should be between %(first)d and %(last)d.", field,
                            first=FIRST_YEAR, last=LAST_YEAR)
    if not 1 <= month <= 12:
        raise DeadlineError("bad_date", "There is no month %(month)d: a month is from 1 to 12.", field, month=month)
    if month == 2 and day == 29 and not calendar.isleap(year):
        raise DeadlineError("bad_date", "%(year)d is not a leap year, so it has no 29 February. Check the date.",
                            field, year=year)
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DeadlineError("bad_date", "That month has %(last)d days, so there is no day %(day)d. Check the date.",
                            field, last=last, day=day)
    return datetime.date(year, month, day)


def deadlines(event: str, on: datetime.date, certificate: datetime.date | None = None,
              today: datetime.date | None = None) -> list[Deadline]:
    """The deadlines that follow `event` on `on`. Raises DeadlineError with a reason."""
    if event not in EVENTS:
        raise DeadlineError("unknown_event", "Choose one of these events: %(events)s", "from", events=", ".join(EVENTS))
    today = today or datetime.date.today()
    latest = today + relativedelta(years=MAX_YEARS_AHEAD)
    for field, day in (("date", on), ("certificate", certificate)):
        if day is None:
            continue
        if day < REFORMS:
            raise DeadlineError("date_too_early", "This date is before the SEND reforms of September 2014, "
                                                  "when these deadlines began. Check the year.", field)
        if day > latest:
            raise DeadlineError("date_too_late", "This date is more than %(years)d years ahead. Check the year.",
                                field, years=MAX_YEARS_AHEAD)
    if certificate is not None and event != "decision-letter":
        raise DeadlineError("certificate_not_used", "A mediation certificate date only applies to a decision letter.",
                            "certificate")
    if certificate is not None and certificate < on:
        raise DeadlineError("certificate_before_decision", "The mediation certificate cannot come before the decision letter.",
                            "certificate")
    chosen = EVENTS[event]
    if chosen.start_of_school_year and on.month not in SCHOOL_YEAR_STARTS:
        raise DeadlineError("mid_year_move",
                            "A move to a new school or phase is usually at the start of a school year, in "
                            "September. This rule is for those moves. For a move in the middle of a school "
                            "year, ask the council when it will amend the plan.")
    found = []
    for rule in chosen.deadlines:
        day, case = _counted(rule["count"], on, certificate)
        found.append(Deadline(rule["id"], rule["title"], day, rule["rules"][case] if case else rule["rule"], rule["source"]))
    return found


EVENTS = load_events()
