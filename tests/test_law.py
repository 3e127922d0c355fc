"""Every rule the December 2026 legal review corrected, beside its citation and a date worked
out by hand, so a wrong period or a swapped citation fails here by name.

Each row: the event and its date, the deadline id, the date a person counting on a calendar
gets, the words its source must hold, and how the date was worked out.
"""

import datetime as dt

import pytest

from navigator.content import load_library
from navigator.deadlines import deadlines
from navigator.flow import load_rules
from tests.conftest import CONTENT_DIR, RULES_DIR

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


# -- the pathways: every corrected statement beside its citation -----------------------------

CORRECTED_STEPS = [
    # pathway, step title starts with, weeks_max (or None), statutory, citation in source, words in the text
    ("disagreement", "If the council backs down", 14, True, "reg 45(3)",
     ["told the Tribunal", "2 weeks", "14 weeks", "10 weeks"]),
    ("disagreement", "Disagreement resolution and mediation", None, True, "reg 33",
     ["within 2 months of the decision letter"]),
    ("early-years", "Starting school", None, True, "reg 18(1)(b)", []),
    ("preparing-for-adulthood", "Moving on after school", None, True, "reg 18(1)(a)", []),
    ("preparing-for-adulthood", "Up to age 25", None, True, "s.46", ["no automatic right", "appeal"]),
    ("ehc-plan-review", "The review meeting", 52, True, "s.44(1)", []),
    ("short-breaks", "Direct payments", None, True, "s.17A", ["does not need an EHC plan"]),
    ("homeless-16-17", "If you have nowhere safe to sleep tonight", 0, True, "s.20", ["that same day"]),
    ("school-attendance", "If your child is excluded or suspended", None, True, "Exclusions and Reviews",
     ["15 school days", "sixth school day"]),
    ("school-attendance", "If your child cannot go to school", None, True, "s.19", []),
    ("care-leavers", "Your after-care worker and pathway plan", 26, True, "Sch 2", ["must give you", "25"]),
    ("ehc-plan-not-delivered", "The council must make sure the help happens", None, True, "s.42", []),
    ("homeless-18-25", "If you may lose your home within 56 days", None, True, "s.175(4)", ["56 days"]),
]


@pytest.fixture(scope="module")
def flow():
    library = load_library(CONTENT_DIR)
    return load_rules(RULES_DIR, page_slugs=library.pages, contact_ids=library.contacts)


@pytest.mark.parametrize("pathway_id, title, weeks, statutory, citation, words", CORRECTED_STEPS,
                         ids=[f"{row[0]}: {row[1]}" for row in CORRECTED_STEPS])
def test_each_corrected_step_states_the_law_with_its_source(flow, pathway_id, title, weeks, statutory, citation, words):
    [step] = [s for s in flow.pathways[pathway_id].steps if s.title.startswith(title)]
    assert step.timescale.statutory is statutory
    assert step.timescale.weeks_max == weeks
    assert citation in step.timescale.source
    text = f"{step.timescale.text} {step.description}"
    for word in words:
        assert word in text, f"{pathway_id}: '{word}' missing from '{title}'"


def test_the_first_thing_a_homeless_16_or_17_year_old_is_told_is_somewhere_safe_tonight(flow):
    pathway = flow.pathways["homeless-16-17"]
    assert pathway.steps[0].title.startswith("If you have nowhere safe to sleep tonight")
    assert "999" in pathway.today[0] and "tonight" in pathway.today[1]
