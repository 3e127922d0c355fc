"""Statutory deadlines as calendar dates, counted from a date the family knows.

Pure arithmetic over the rules in shared/facts/statutory.md: no Flask, no database. Working
days skip weekends and England's bank holidays, taken from the maintained `holidays`
package (not a hand-kept list). Each deadline carries the rule and its legal source.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime
import functools

import holidays
from dateutil.relativedelta import relativedelta

REFORMS = datetime.date(2014, 9, 1)  # the Children and Families Act 2014 SEND reforms began
MAX_YEARS_AHEAD = 2


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


def _weeks(on, weeks):
    return on + datetime.timedelta(weeks=weeks)


def _request(on, _certificate):
    return [
        Deadline("decision-to-assess", "The council decides whether to carry out an EHC needs assessment",
                 _weeks(on, 6), "At most 6 weeks after the council receives the request", "SEND Regulations 2014, reg 5(1)"),
        Deadline("decision-not-to-issue", "If the council decides not to issue a plan, it must tell you by",
                 _weeks(on, 16), "At most 16 weeks after the request", "SEND Regulations 2014, reg 10(1)"),
        Deadline("final-plan", "The final EHC plan is issued",
                 _weeks(on, 20), "At most 20 weeks after the request", "SEND Regulations 2014, reg 13(2)"),
    ]


# "At least 15 days beginning with the day served": the day served is day 1, so the
# council may close comments no earlier than served + 14. It is the least the council
# must allow, not the family's deadline: the letter may give longer.
COMMENT_DAYS_COUNTING_THE_DAY_SERVED = 14


def _draft_plan(on, _certificate):
    return [Deadline("draft-comments", "The council must give you until at least this date to comment on the draft plan",
                     on + datetime.timedelta(days=COMMENT_DAYS_COUNTING_THE_DAY_SERVED),
                     "At least 15 days, counting the day the draft plan was sent as day 1. Check your letter: it may give you longer",
                     "SEND Regulations 2014, reg 13(1)")]


def _review_meeting(on, _certificate):
    return [
        Deadline("review-report", "The school or college sends the review report",
                 _weeks(on, 2), "Within 2 weeks of the review meeting", "SEND Regulations 2014, regs 20 and 21"),
        Deadline("review-decision", "The council says whether it will keep, amend or end the plan",
                 _weeks(on, 4), "Within 4 weeks of the review meeting", "SEND Regulations 2014, regs 20(10) and 21(8)"),
        Deadline("amended-plan", "The final amended plan, at the latest",
                 _weeks(on, 12), "At most 12 weeks after the meeting (8 weeks after proposed amendments sent within 4 weeks)",
                 "SEND Regulations 2014, reg 22"),
    ]


def _proposed_amendments(on, _certificate):
    return [
        Deadline("amendment-comments", "The council must give you until at least this date to comment on the proposed amendments",
                 on + datetime.timedelta(days=COMMENT_DAYS_COUNTING_THE_DAY_SERVED),
                 "At least 15 days, counting the day the amendments were sent as day 1. Check your letter: it may give you longer",
                 "SEND Regulations 2014, reg 22(2)(c)"),
        Deadline("amended-plan", "The final amended plan",
                 _weeks(on, 8), "Within 8 weeks of the proposed amendments", "SEND Regulations 2014, reg 22(3)"),
    ]


# Whole sentences, so each translates as one: which period ran longer, and whether the
# deadline then moved past the tribunal's Christmas or August break.
APPEAL_RULES = {
    ("decision", False): "2 months from the decision letter",
    ("decision", True): "2 months from the decision letter, moved past the Christmas or August break",
    ("certificate", False): "1 month from the mediation certificate (later than 2 months from the decision)",
    ("certificate", True): "1 month from the mediation certificate (later than 2 months from the decision), "
                           "moved past the Christmas or August break",
    ("decision-later", False): "2 months from the decision letter (later than 1 month from the mediation certificate)",
    ("decision-later", True): "2 months from the decision letter (later than 1 month from the mediation "
                              "certificate), moved past the Christmas or August break",
}


def _decision_letter(on, certificate):
    last_day, basis = on + relativedelta(months=2), "decision"
    if certificate is not None:
        one_month = certificate + relativedelta(months=1)
        last_day, basis = (one_month, "certificate") if one_month > last_day else (last_day, "decision-later")
    rolled = tribunal_roll_forward(last_day)
    # The appeal first: API readers have always found it there.
    return [Deadline("appeal", "Last day to appeal to the SEND Tribunal", rolled, APPEAL_RULES[basis, rolled != last_day],
                     "Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20 and r.12(3); SEND Regulations 2014, reg 33"),
            Deadline("mediation-adviser", "Contact the mediation adviser by",
                     on + relativedelta(months=2),
                     "Within 2 months of the decision letter, before most appeals (not needed for an appeal only about the school or college named)",
                     "SEND Regulations 2014, reg 33; SEND Code of Practice 11.18")]


def _mediation_contact(on, _certificate):
    return [Deadline("mediation-certificate", "The mediation adviser sends the certificate (if you do not want mediation)",
                     add_working_days(on, 3), "Within 3 working days of telling the mediation adviser",
                     "SEND Regulations 2014, reg 34")]


def _mediation_ended(on, _certificate):
    return [Deadline("mediation-certificate", "The mediation certificate is sent",
                     add_working_days(on, 3), "Within 3 working days of mediation ending", "SEND Regulations 2014, reg 39")]


# A phase transfer happens at the start of a school year. A move date at another time of
# year would put "before 15 February" after the move (or a year out), so it is refused
# with a reason rather than worked out wrongly.
SCHOOL_YEAR_STARTS = (8, 9)  # August or September


def _start_of_school_year(on: datetime.date) -> None:
    if on.month not in SCHOOL_YEAR_STARTS:
        raise DeadlineError("mid_year_move",
                            "A move to a new school or phase is usually at the start of a school year, in "
                            "September. This rule is for those moves. For a move in the middle of a school "
                            "year, ask the council when it will amend the plan.")


def _phase_transfer(on, _certificate):
    _start_of_school_year(on)
    return [Deadline("phase-transfer", "The plan must be reviewed and amended, naming the new school, by",
                     datetime.date(on.year, 2, 14), "Before 15 February in the year of the move",
                     "SEND Regulations 2014, reg 18(1)(b)")]


def _post_16_transfer(on, _certificate):
    _start_of_school_year(on)
    return [Deadline("post-16-transfer", "The plan must be reviewed and amended for the move to post-16, by",
                     datetime.date(on.year, 3, 30), "Before 31 March in the year of the move",
                     "SEND Regulations 2014, reg 18(1)(a)")]


def _post_16_move(on, _certificate):
    return [Deadline("post-16-move", "The plan must be reviewed and amended for the move, by",
                     on - relativedelta(months=5), "At least 5 months before a move between two post-16 places",
                     "SEND Regulations 2014, reg 18(2)")]


def _appeal_conceded(on, _certificate):
    return [
        Deadline("conceded-assessment-notice", "The council must tell you it will carry out the assessment",
                 _weeks(on, 2), "Within 2 weeks of the date the council told the Tribunal it would not oppose the appeal",
                 "SEND Regulations 2014, reg 45(3), as substituted by SI 2015/359"),
        Deadline("conceded-no-plan-notice", "If the council decides no plan is needed, it must tell you by",
                 _weeks(on, 10), "Within 10 weeks of the date the council told the Tribunal it would not oppose the appeal",
                 "SEND Regulations 2014, reg 45(3A), as substituted by SI 2015/359"),
        Deadline("conceded-final-plan", "The final EHC plan must be issued by",
                 _weeks(on, 14), "Within 14 weeks of the date the council told the Tribunal it would not oppose the appeal",
                 "SEND Regulations 2014, reg 45(3A), as substituted by SI 2015/359"),
    ]


EVENTS = {
    "request": ("An EHC needs assessment was asked for", _request),
    "draft-plan": ("The draft EHC plan was sent", _draft_plan),
    "review-meeting": ("The annual review meeting", _review_meeting),
    "proposed-amendments": ("Proposed amendments were sent after a review", _proposed_amendments),
    "decision-letter": ("A decision letter you may appeal", _decision_letter),
    "mediation-contact": ("You told the mediation adviser you do not want mediation", _mediation_contact),
    "mediation-ended": ("Mediation ended", _mediation_ended),
    "phase-transfer": ("The date of a move to a new school or phase", _phase_transfer),
    "post-16-transfer": ("The date of a move from secondary school to post-16", _post_16_transfer),
    "post-16-move": ("The date of a move between two post-16 places (college, sixth form)", _post_16_move),
    "appeal-conceded": ("The council told the Tribunal it would not oppose an appeal about a refusal to assess", _appeal_conceded),
}


FIRST_YEAR, LAST_YEAR = 1900, 2100  # any real event in a child's life; year 0 is no date at all


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
    return EVENTS[event][1](on, certificate)
