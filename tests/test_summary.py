"""The case-notes summary is plain text that pastes cleanly anywhere."""

import datetime as dt

from navigator.content import Contact
from navigator.deadlines import deadlines
from navigator.flow import Step, Timescale
from navigator.summary import CallSummary, case_note
from tests.factories import pathway


def a_pathway():
    made = pathway("ehc-needs-assessment", {"question": "want", "equals": "ehc_plan"})
    step = Step(title="The council decides", who="The council", description="...",
                timescale=Timescale(text="Within 6 weeks", weeks_max=6, statutory=True, source="reg 5"))
    return type(made)(**{**made.__dict__, "title": "Asking for an assessment", "steps": (step,)})


def test_a_summary_lists_answers_pathways_steps_dates_contacts_and_the_code():
    contact = Contact(id="sendiass", name="SENDIASS", phone="0161 000 0000", email="a@b.example")
    note = case_note(CallSummary(
        answered=[("Who is asking?", "A parent"), ("Age?", "9")],
        pathways=[a_pathway()], contacts=[contact, contact],
        deadlines=deadlines("request", dt.date(2026, 1, 5), today=dt.date(2026, 1, 6)),
        key_date=("A request was sent", dt.date(2026, 1, 5)), code="K7QF-3M2X", expires=dt.date(2026, 2, 4)),
        today=dt.date(2026, 1, 6), format_date=dt.date.isoformat)
    lines = note.splitlines()
    assert lines[0] == "SEND navigator summary, 2026-01-06"
    assert "- Who is asking? A parent" in lines and "- Age? 9" in lines
    assert "1. Asking for an assessment" in lines and "   - The council decides (Within 6 weeks)" in lines
    assert "Key dates: A request was sent, 2026-01-05" in lines
    assert "- 2026-05-25: The final EHC plan is issued [SEND Regulations 2014, reg 13(2)]" in lines
    assert lines.count("- SENDIASS: 0161 000 0000, a@b.example") == 1, "each contact once"
    assert lines[-1] == "Shared with the family as reference code K7QF-3M2X (until 2026-02-04)"


def test_an_unfinished_call_says_so_and_translates_its_headings():
    note = case_note(CallSummary(answered=[], pathways=[], contacts=[]), today=dt.date(2026, 1, 6),
                     translate=lambda text: f"«{text}»", format_date=dt.date.isoformat)
    assert note.splitlines()[0] == "«SEND navigator summary, 2026-01-06»", "placeholders filled after translating"
    assert "- «No answers yet.»" in note and "- «None yet: the questions are not finished.»" in note
    assert "Key dates" not in note
