"""Deadline arithmetic: the law's periods as dates, working days without weekends and
England's bank holidays, and the tribunal's Christmas and August roll-forward."""

import datetime as dt
import re

import pytest

from navigator.deadlines import DeadlineError, add_working_days, deadlines, parse_date

TODAY = dt.date(2026, 11, 23)


def by_id(event, on, certificate=None, today=TODAY):
    return {d.id: d.date for d in deadlines(event, on, certificate, today=today)}


def test_from_a_request_the_20_week_timetable():
    dates = by_id("request", dt.date(2026, 1, 5))
    assert dates == {"decision-to-assess": dt.date(2026, 2, 16), "decision-not-to-issue": dt.date(2026, 4, 27),
                     "final-plan": dt.date(2026, 5, 25)}


def test_from_a_review_meeting():
    dates = by_id("review-meeting", dt.date(2026, 3, 2))
    assert dates["review-decision"] == dt.date(2026, 3, 30) and dates["amended-plan"] == dt.date(2026, 5, 25)


def test_an_appeal_is_due_two_months_after_the_decision():
    assert by_id("decision-letter", dt.date(2026, 3, 10))["appeal"] == dt.date(2026, 5, 10)


def test_a_mid_year_move_gets_a_message_beside_the_date(get_page):
    html = get_page("/deadlines?from=phase-transfer&date=2027-01-10", status=400)
    assert 'id="date-error"' in html and "in the middle of a school" in html


def test_a_later_mediation_certificate_gives_one_month_from_the_certificate():
    assert by_id("decision-letter", dt.date(2026, 3, 10), dt.date(2026, 4, 20))["appeal"] == dt.date(2026, 5, 20)


def test_an_earlier_certificate_leaves_the_two_months():
    assert by_id("decision-letter", dt.date(2026, 3, 10), dt.date(2026, 3, 20))["appeal"] == dt.date(2026, 5, 10)


def test_an_appeal_deadline_in_august_moves_to_the_first_working_day_of_september():
    # 1 September 2025 is a Monday
    assert by_id("decision-letter", dt.date(2025, 6, 15))["appeal"] == dt.date(2025, 9, 1)
    # 1 September 2024 is a Sunday: the first working day is Monday 2 September
    assert by_id("decision-letter", dt.date(2024, 6, 20))["appeal"] == dt.date(2024, 9, 2)


def test_an_appeal_deadline_at_christmas_moves_past_new_year():
    # 26 December 2026 + roll-forward: 2 January 2027 is a Saturday -> Monday 4 January
    assert by_id("decision-letter", dt.date(2026, 10, 26))["appeal"] == dt.date(2027, 1, 4)


def test_working_days_skip_weekends_and_bank_holidays():
    # Thursday 24 December 2026 + 3 working days: skips Christmas, the weekend and Boxing Day (observed 28th)
    assert add_working_days(dt.date(2026, 12, 24), 3) == dt.date(2026, 12, 31)
    assert by_id("mediation-contact", dt.date(2026, 4, 2))["mediation-certificate"] == dt.date(2026, 4, 9)  # Easter


def test_phase_transfer_deadlines_give_the_last_day_the_plan_is_on_time():
    # "before 15 February" and "before 31 March": the last day on time is the day before
    assert by_id("phase-transfer", dt.date(2027, 9, 1)) == {"phase-transfer": dt.date(2027, 2, 14)}
    assert by_id("post-16-transfer", dt.date(2027, 9, 1)) == {"post-16-transfer": dt.date(2027, 3, 30)}


@pytest.mark.parametrize("event, on, certificate, code", [
    ("request", dt.date(2013, 5, 1), None, "date_too_early"),
    ("request", dt.date(2029, 1, 1), None, "date_too_late"),
    ("birthday", dt.date(2026, 1, 1), None, "unknown_event"),
    ("request", dt.date(2026, 1, 1), dt.date(2026, 2, 1), "certificate_not_used"),
    ("decision-letter", dt.date(2026, 3, 1), dt.date(2026, 2, 1), "certificate_before_decision"),
    ("phase-transfer", dt.date(2027, 1, 10), None, "mid_year_move"),
    ("post-16-transfer", dt.date(2027, 4, 20), None, "mid_year_move"),
])
def test_impossible_dates_are_refused_with_a_reason(event, on, certificate, code):
    with pytest.raises(DeadlineError) as caught:
        deadlines(event, on, certificate, today=TODAY)
    assert caught.value.code == code and str(caught.value)


def test_every_deadline_names_its_legal_source():
    for event in ["request", "draft-plan", "review-meeting", "proposed-amendments", "decision-letter",
                  "mediation-contact", "mediation-ended", "phase-transfer", "post-16-transfer", "post-16-move",
                  "appeal-conceded"]:
        for deadline in deadlines(event, dt.date(2026, 9, 1), today=TODAY):
            assert "Regulations" in deadline.source or "Rules" in deadline.source


def test_the_deadline_page_shows_dates_with_sources_and_a_calendar_file(client, get_page):
    html = get_page("/deadlines?from=request&date=2026-01-05")
    assert "Monday, 25 May 2026" in html and "SEND Regulations 2014, reg 13(2)" in html
    calendar = client.get("/deadlines.ics?from=request&date=2026-01-05")
    assert calendar.mimetype == "text/calendar"
    text = calendar.get_data(as_text=True)
    assert "DTSTART;VALUE=DATE:20260525" in text and text.count("BEGIN:VEVENT") == 3


def test_a_first_visit_with_an_event_chosen_shows_the_form(get_page):
    html = get_page("/deadlines?from=request")
    assert 'value="request" checked' in html and "Your dates" not in html


def test_a_wrong_date_on_the_page_gets_a_message_beside_the_field(get_page):
    html = get_page("/deadlines?from=request&date=2012-01-01", status=400)
    assert "before the SEND reforms" in html and "govuk-error-summary" in html


# Hand-worked examples: month ends, leap years and year boundaries.

def test_two_months_from_the_last_day_of_a_month_is_the_last_day_of_a_shorter_month():
    # 31 December 2026 + 2 months: there is no 31 February, so 28 February 2027 (a Sunday,
    # outside the roll-forward periods, so it stands).
    assert by_id("decision-letter", dt.date(2026, 12, 31))["appeal"] == dt.date(2027, 2, 28)
    # 31 March + 2 months = 31 May; 30 June + 2 months = 30 August -> August roll-forward -> 1 September
    assert by_id("decision-letter", dt.date(2026, 3, 31))["appeal"] == dt.date(2026, 5, 31)
    assert by_id("decision-letter", dt.date(2026, 6, 30))["appeal"] == dt.date(2026, 9, 1)


def test_in_a_leap_year_two_months_can_end_on_29_february():
    assert by_id("decision-letter", dt.date(2027, 12, 29), today=dt.date(2027, 6, 1))["appeal"] == dt.date(2028, 2, 29)
    assert by_id("decision-letter", dt.date(2027, 12, 31), today=dt.date(2027, 6, 1))["appeal"] == dt.date(2028, 2, 29)


def test_weeks_cross_the_year_boundary():
    dates = by_id("request", dt.date(2026, 12, 1))
    assert dates["decision-to-assess"] == dt.date(2027, 1, 12)
    assert dates["final-plan"] == dt.date(2027, 4, 20)


def test_a_certificate_month_from_31_january_ends_on_the_last_day_of_february():
    assert by_id("decision-letter", dt.date(2026, 1, 2), dt.date(2026, 1, 31))["appeal"] == dt.date(2026, 3, 2)
    assert by_id("decision-letter", dt.date(2025, 12, 1), dt.date(2026, 1, 31))["appeal"] == dt.date(2026, 2, 28)


def test_a_request_next_week_is_planning_ahead_and_allowed():
    assert by_id("request", TODAY + dt.timedelta(days=7))["final-plan"] == TODAY + dt.timedelta(days=7, weeks=20)


@pytest.mark.parametrize("text, words", [
    ("2028-02-29", None),
    ("2027-02-29", "2027 is not a leap year"),
    ("2026-04-31", "That month has 30 days, so there is no day 31"),
    ("2026-13-01", "There is no month 13"),
    ("31/12/2026", "YYYY-MM-DD"),
    ("2026-1-1x", "YYYY-MM-DD"),
    ("", "YYYY-MM-DD"),
    ("２０２６-０１-０１", "YYYY-MM-DD"),
    ("0000-01-01", "between 1900 and 2100"),
    ("9999-12-31", "between 1900 and 2100"),
    ("2²26-01-01", "YYYY-MM-DD"),
])
def test_dates_are_read_strictly_with_a_clear_message(text, words):
    if words is None:
        assert parse_date(text) == dt.date(2028, 2, 29)
        return
    with pytest.raises(DeadlineError) as caught:
        parse_date(text)
    assert words in str(caught.value)


@pytest.mark.parametrize("date", ["0000-01-01", "9999-12-31", "2026-0²-01"])
def test_an_impossible_year_gets_a_message_on_every_screen_that_takes_a_date(get_page, client, adviser, date):
    html = get_page(f"/deadlines?from=request&date={date}", status=400)
    assert 'id="date-error"' in html
    api = client.get(f"/api/v1/deadlines?from=request&date={date}")
    assert api.status_code == 400 and api.is_json
    screen = adviser.get("/adviser/").get_data(as_text=True)
    from tests.conftest import csrf_token
    posted = adviser.post("/adviser/answers", data={"csrf_token": csrf_token(screen), "event": "request", "date": date})
    assert posted.status_code == 400 and 'id="date-error"' in posted.get_data(as_text=True)
    assert adviser.get("/adviser/").status_code == 200  # the call screen still opens afterwards


def test_a_wrong_certificate_date_is_named_beside_the_certificate_field(get_page):
    html = get_page("/deadlines?from=decision-letter&date=2026-03-10&certificate=2026-02-30", status=400)
    assert 'id="certificate-error"' in html and "That month has 28 days" in html and 'href="#certificate"' in html
    assert 'id="date-error"' not in html


def test_an_appeal_deadline_moved_past_august_says_so_in_one_sentence():
    (appeal,) = [d for d in deadlines("decision-letter", dt.date(2025, 6, 15), today=TODAY) if d.id == "appeal"]
    assert appeal.rule == "2 months from the decision letter, moved past the Christmas or August break"


@pytest.mark.parametrize("day, month, year, message", [
    ("31", "2", "2026", "That month has 28 days, so there is no day 31. Check the date."),
    ("5", "1", "26", "The year must include 4 numbers, for example 2026."),
    ("", "1", "2026", "The date must include a day."),
    ("5", "", "2026", "The date must include a month."),
    ("", "", "", "Enter the date as a day, a month and a year, for example 27 3 2026."),
    ("five", "1", "2026", "Enter the day, month and year as numbers, for example 27 3 2026."),
])
def test_the_date_is_typed_in_govuks_three_boxes_and_a_wrong_one_is_named_beside_them(client, day, month, year, message):
    response = client.get(f"/deadlines?from=request&date-day={day}&date-month={month}&date-year={year}")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and 'id="date-error"' in html and message in html
    assert re.search(rf'<input[^>]*id="date-year"[^>]*value="{year}"', html) or not year, "what was typed stays"


def test_three_boxes_give_the_same_dates_as_a_link_with_the_date_written_out(client):
    boxes = client.get("/deadlines?from=request&date-day=5&date-month=1&date-year=2026").get_data(as_text=True)
    link = client.get("/deadlines?from=request&date=2026-01-05").get_data(as_text=True)
    dates = lambda html: re.findall(r"<strong>([^<]+)</strong>", html[html.index('id="dates"'):])  # noqa: E731
    assert dates(boxes) == dates(link) and dates(boxes)
    assert re.search(r'<input[^>]*id="date-day"[^>]*value="5"', link), "a link's date fills the boxes"
    assert "date=2026-01-05" in boxes, "the calendar file is offered for the same date"


def test_show_the_dates_lands_on_the_dates(client):
    html = client.get("/deadlines").get_data(as_text=True)
    assert 'action="/deadlines#dates"' in html, "a phone would otherwise stay on the form above them"
