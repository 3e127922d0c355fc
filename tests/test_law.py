"""Every rule the December 2026 legal review corrected, beside its citation and a date worked
out by hand, so a wrong period or a swapped citation fails here by name.

Each row: the event and its date, the deadline id, the date a person counting on a calendar
gets, the words its source must hold, and how the date was worked out.
"""

import datetime as dt

import pytest

from navigator.deadlines import deadlines

TODAY = dt.date(2026, 12, 2)

CORRECTED_RULES = [
    # event, date, deadline id, hand-worked date, citation, working
    ("draft-plan", dt.date(2027, 3, 1), "draft-comments", dt.date(2027, 3, 15), "reg 13(1)",
     "15 days beginning with Mon 1 March: 1 March is day 1, so day 15 is Mon 15 March = served + 14"),
    ("proposed-amendments", dt.date(2027, 1, 29), "amendment-comments", dt.date(2027, 2, 12), "reg 22(2)(c)",
     "Fri 29 January is day 1; day 15 is Fri 12 February"),
    ("proposed-amendments", dt.date(2027, 1, 29), "amended-plan", dt.date(2027, 3, 26), "reg 22(3)",
     "8 weeks from 29 January: 26 March"),
    ("decision-letter", dt.date(2027, 3, 10), "mediation-adviser", dt.date(2027, 5, 10), "reg 33",
     "2 calendar months from 10 March: 10 May (not moved: reg 33 is not a tribunal rule)"),
    ("decision-letter", dt.date(2027, 3, 10), "appeal", dt.date(2027, 5, 10), "r.20",
     "2 months from the decision letter, with no certificate"),
    ("appeal-conceded", dt.date(2027, 2, 1), "conceded-assessment-notice", dt.date(2027, 2, 15), "reg 45(3)",
     "2 weeks from the day the council told the Tribunal (Mon 1 February): Mon 15 February"),
    ("appeal-conceded", dt.date(2027, 2, 1), "conceded-no-plan-notice", dt.date(2027, 4, 12), "reg 45(3A)",
     "10 weeks from 1 February (70 days): 12 April"),
    ("appeal-conceded", dt.date(2027, 2, 1), "conceded-final-plan", dt.date(2027, 5, 10), "reg 45(3A)",
     "14 weeks from 1 February (98 days), not from the 2-week notice: 10 May"),
    ("phase-transfer", dt.date(2027, 9, 6), "phase-transfer", dt.date(2027, 2, 14), "reg 18(1)(b)",
     "before 15 February of the year of the move: 14 February is the last day on time"),
    ("post-16-transfer", dt.date(2027, 9, 6), "post-16-transfer", dt.date(2027, 3, 30), "reg 18(1)(a)",
     "before 31 March of the year of the move: 30 March is the last day on time"),
    ("post-16-move", dt.date(2027, 1, 11), "post-16-move", dt.date(2026, 8, 11), "reg 18(2)",
     "at least 5 months before a move between post-16 places on 11 January 2027: 11 August 2026"),
    ("request", dt.date(2027, 1, 4), "decision-to-assess", dt.date(2027, 2, 15), "reg 5(1)",
     "6 weeks from Mon 4 January: Mon 15 February"),
]


@pytest.mark.parametrize("event, on, deadline_id, expected, citation, working", CORRECTED_RULES,
                         ids=[f"{row[0]}:{row[2]}" for row in CORRECTED_RULES])
def test_a_corrected_rule_gives_the_hand_worked_date_and_cites_the_right_regulation(
        event, on, deadline_id, expected, citation, working):
    found = {d.id: d for d in deadlines(event, on, today=TODAY)}
    assert found[deadline_id].date == expected, working
    assert citation in found[deadline_id].source


def test_comments_are_shown_as_the_least_the_council_must_allow_not_the_familys_deadline():
    (comments,) = deadlines("draft-plan", dt.date(2027, 3, 1), today=TODAY)
    assert "at least" in comments.title and "Check your letter" in comments.rule


def test_the_conceded_final_plan_is_not_counted_from_the_two_week_notice():
    found = {d.id: d.date for d in deadlines("appeal-conceded", dt.date(2027, 2, 1), today=TODAY)}
    assert found["conceded-final-plan"] - dt.date(2027, 2, 1) == dt.timedelta(weeks=14)
    assert found["conceded-final-plan"] != found["conceded-assessment-notice"] + dt.timedelta(weeks=14)


def test_no_rule_cites_the_swapped_reg_18_paragraphs():
    fifteenth = deadlines("phase-transfer", dt.date(2027, 9, 1), today=TODAY)[0]
    thirty_first = deadlines("post-16-transfer", dt.date(2027, 9, 1), today=TODAY)[0]
    assert "18(1)(b)" in fifteenth.source and "18(1)(a)" not in fifteenth.source
    assert "18(1)(a)" in thirty_first.source and "18(1)(b)" not in thirty_first.source
