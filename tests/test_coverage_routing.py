"""The coverage gaps of the December 2026 content review, section (f): each situation a family
can be in now reaches the right pathway through the guided answers, run through the real
rules. Also: a worry about exploitation shows urgent help at once while the questions go on,
and a young person asking for themselves reads words addressed to them."""

import re

import pytest
import textstat

from tests.factories import answer, shipped_rules

FLOW = shipped_rules()


def family(age, happening=("none",), support="none", needs=("learning",), autism_adhd="neither",
           diagnosis=None, want="information", asking_as="parent", plan_help="getting_it"):
    """A complete set of answers; only the questions a route asks are filled in."""
    answers = {"asking_as": asking_as, "age": age, "happening": list(happening), "support_now": support,
               "needs": list(needs), "want": want}
    if set(needs) & {"communication", "learning", "emotional", "not_sure"}:
        answers["autism_adhd"] = autism_adhd
    if support == "ehc_plan":
        answers["plan_help"] = plan_help
    if diagnosis:
        answers["diagnosis"] = diagnosis
    return answers


def ranked(answers):
    outcome = FLOW.run(answers)
    assert outcome.complete, f"the journey still asks {outcome.question.id}"
    assert not outcome.unused, f"answers this route does not ask: {outcome.unused}"
    return [p.id for p in outcome.pathways]


# situation: (answers, first pathway, also in the top 3, never shown)
SITUATIONS = {
    "the school cannot meet the needs of a child without a plan: ask for an assessment": (
        family(9, ["setting_not_meeting_needs"], "sen_support"), "ehc-needs-assessment", ["sen-support"], ["disagreement"]),
    "the school cannot meet the needs of a child with a plan: ask for an early review": (
        family(9, ["setting_not_meeting_needs"], "ehc_plan"), "ehc-plan-review", [], ["ehc-needs-assessment"]),
    "the school cannot meet the needs, and the family disagrees": (
        family(9, ["setting_not_meeting_needs"], "ehc_plan", want="disagree"), "disagreement", ["ehc-plan-review"], []),
    "the help in an EHC plan is not happening": (
        family(9, support="ehc_plan", plan_help="not_getting_it", want="help_in_setting"),
        "ehc-plan-not-delivered", ["ehc-plan-review"], ["ehc-needs-assessment"]),
    "the help in an EHC plan is happening": (
        family(9, support="ehc_plan", plan_help="getting_it"), "ehc-plan-review", [], ["ehc-plan-not-delivered"]),
    "excluded or suspended, without a plan": (
        family(13, ["excluded"], "sen_support"), "school-attendance", ["ehc-needs-assessment"], ["disagreement"]),
    "excluded, with a plan": (
        family(13, ["excluded"], "ehc_plan"), "school-attendance", ["ehc-plan-review"], ["disagreement"]),
    "excluded, and the family disagrees with it": (
        family(13, ["excluded"], "sen_support", want="disagree"), "school-attendance", ["disagreement"], []),
    "out of school through anxiety": (
        family(12, ["not_attending"], needs=["emotional"]), "school-attendance", ["mental-health"], ["disagreement"]),
    "homeless at 19 with a plan": (
        family(19, ["homeless"], "ehc_plan"), "homeless-18-25", [], ["homeless-16-17", "urgent-help"]),
    "a care leaver homeless at 20": (
        family(20, ["homeless", "in_care"]), "homeless-18-25", ["care-leavers"], ["homeless-16-17"]),
    "homeless at 17 stays with children's services": (
        family(17, ["homeless"]), "homeless-16-17", [], ["homeless-18-25"]),
    "a break from caring for a 20 year old: adult social care": (
        family(20, support="ehc_plan", needs=["physical"], want="breaks"), "preparing-for-adulthood", [], ["short-breaks"]),
    "a break from caring for a 17 year old: short breaks": (
        family(17, needs=["physical"], want="breaks"), "short-breaks", [], []),
    "already diagnosed with autism": (
        family(8, needs=["communication"], autism_adhd="autism", diagnosis="diagnosed"),
        "support-after-diagnosis", ["sen-support"], ["autism-assessment", "adhd-assessment"]),
    "already diagnosed with ADHD, on SEN Support": (
        family(8, support="sen_support", autism_adhd="adhd", diagnosis="diagnosed"),
        "support-after-diagnosis", ["ehc-needs-assessment"], ["adhd-assessment", "autism-assessment"]),
    "waiting for an autism assessment keeps help while you wait": (
        family(8, needs=["communication"], autism_adhd="autism", diagnosis="waiting"),
        "autism-assessment", [], ["support-after-diagnosis"]),
    "a young person asking for themselves about adult life": (
        family(18, ["adulthood"], "ehc_plan", asking_as="young_person"), "preparing-for-adulthood", ["ehc-plan-review"], []),
    "worried about exploitation or going missing": (
        family(14, ["exploitation"], needs=["emotional"]), "urgent-help", ["mental-health"], []),
    "learning needs only, on SEN Support": (
        family(10, support="sen_support", needs=["learning"]), "sen-support", ["ehc-needs-assessment"], []),
}


@pytest.mark.parametrize("situation", SITUATIONS, ids=list(SITUATIONS))
def test_each_situation_reaches_its_pathway(situation):
    answers, first, in_top_3, never = SITUATIONS[situation]
    pathways = ranked(answers)
    assert pathways[0] == first, pathways
    for pathway_id in in_top_3:
        assert pathway_id in pathways[:3], pathways
    for pathway_id in never:
        assert pathway_id not in pathways, pathways


def test_a_worry_about_exploitation_shows_urgent_help_at_once_and_the_questions_go_on():
    outcome = FLOW.run({"asking_as": "parent", "age": 14, "happening": ["exploitation"]})
    assert outcome.urgent and not outcome.complete
    assert outcome.question.id == "support_now"
    finished = FLOW.run(family(14, ["exploitation"], needs=["emotional"]))
    assert finished.complete and finished.urgent


def test_only_crisis_ends_the_journey_at_once():
    assert FLOW.run({"asking_as": "parent", "age": 14, "happening": ["crisis"]}).complete
    for other in ("exploitation", "homeless", "excluded", "setting_not_meeting_needs"):
        assert not FLOW.run({"asking_as": "parent", "age": 14, "happening": [other]}).complete


def test_only_a_family_with_a_plan_is_asked_whether_it_is_delivered():
    with_plan = {"asking_as": "parent", "age": 9, "happening": ["none"], "support_now": "ehc_plan"}
    assert FLOW.run(with_plan).question.id == "plan_help"
    assert FLOW.run({**with_plan, "support_now": "sen_support"}).question.id == "needs"


def test_option_values_are_words_not_yes_or_no():
    # YAML reads yes/no as true/false; every option value must stay a string id.
    for question in FLOW.questions.values():
        for option in question.options:
            assert isinstance(option.value, str) and option.value not in ("yes", "no", "true", "false")


# -- pages the review found linked from no pathway (section (f) rows 10, 11, 14 and the note)

LINKS = {
    "sen-travel-assistance": ["ehc-plan-review", "preparing-for-adulthood"],
    "educational-psychology-service": ["sen-support", "ehc-needs-assessment"],
    "designated-clinical-officer": ["ehc-needs-assessment", "disagreement"],
    "designated-social-care-officer": ["ehc-needs-assessment", "disagreement"],
    "ehc-panels-tap-mar": ["ehc-needs-assessment", "disagreement"],
    "graduated-approach-and-inclusion-charter": ["sen-support", "ehc-needs-assessment"],
    "families-focus": ["short-breaks", "urgent-help"],
    "shine-child-exploitation": ["urgent-help", "school-attendance"],
    "adult-social-care-transition": ["preparing-for-adulthood"],
    "post-diagnosis-support": ["support-after-diagnosis"],
}


@pytest.mark.parametrize("slug", LINKS, ids=list(LINKS))
def test_each_page_is_linked_where_it_helps(slug):
    for pathway_id in LINKS[slug]:
        assert slug in FLOW.pathways[pathway_id].all_pages(), f"{pathway_id} does not link {slug}"


# -- a young person asking for themselves (section (f) row 13)

YOUNG_PERSON_PATHWAYS = ["preparing-for-adulthood", "ehc-needs-assessment", "ehc-plan-review", "disagreement",
                         "mental-health", "ehc-plan-not-delivered", "support-after-diagnosis"]


def test_a_young_person_asking_for_themselves_reads_you_not_your_child():
    outcome = FLOW.run(family(18, ["adulthood"], "ehc_plan", asking_as="young_person"))
    [pathway] = [p for p in outcome.pathways if p.id == "preparing-for-adulthood"]
    words = pathway.words_for(outcome.answers["asking_as"])
    assert re.search(r"\byou\b", words.summary) and "your child" not in words.summary.lower()
    assert words.summary != pathway.summary
    assert pathway.words_for("parent").summary == pathway.summary


@pytest.mark.parametrize("pathway_id", YOUNG_PERSON_PATHWAYS)
def test_the_young_persons_words_speak_to_them_plainly(pathway_id):
    words = FLOW.pathways[pathway_id].words_for("young_person")
    text = " ".join([words.summary, *words.today])
    assert words.summary != FLOW.pathways[pathway_id].summary, f"{pathway_id} has no for_young_person words"
    assert not re.search(r"\byour child\b|\bthe young person\b|\btheir child\b", text, re.IGNORECASE)
    assert textstat.flesch_kincaid_grade(words.summary) <= 7


@pytest.mark.parametrize("pathway_id", ["homeless-18-25", "homeless-16-17", "care-leavers"])
def test_pathways_for_young_people_already_speak_to_them(pathway_id):
    assert "your child" not in FLOW.pathways[pathway_id].summary.lower()


def test_a_young_person_sees_their_own_words_on_the_journey(client, get_page):
    for question, value in [("asking_as", "young_person"), ("age", "18"), ("happening", ["adulthood"]),
                            ("support_now", "ehc_plan"), ("plan_help", "getting_it"), ("needs", ["learning"]),
                            ("autism_adhd", "neither"), ("want", "information")]:
        assert answer(client, question, value).status_code == 302
    pathway = FLOW.pathways["preparing-for-adulthood"]
    for url in ("/", "/pathways/preparing-for-adulthood"):
        html = get_page(url)
        assert pathway.for_young_person.summary in html and pathway.summary not in html, url


def test_a_parent_still_reads_the_usual_words(client, get_page):
    for question, value in [("asking_as", "parent"), ("age", "18"), ("happening", ["adulthood"]),
                            ("support_now", "ehc_plan"), ("plan_help", "getting_it"), ("needs", ["learning"]),
                            ("autism_adhd", "neither"), ("want", "information")]:
        answer(client, question, value)
    html = get_page("/")
    pathway = FLOW.pathways["preparing-for-adulthood"]
    assert pathway.summary in html and pathway.for_young_person.summary not in html


YOUNG_ANSWERS = {"asking_as": "young_person", "age": 18, "happening": ["adulthood"], "support_now": "ehc_plan",
                 "plan_help": "getting_it", "needs": ["learning"], "autism_adhd": "neither", "want": "information"}


def test_a_young_person_reads_their_own_words_in_the_api_the_call_screen_and_the_printout(app, client, adviser):
    from tests.conftest import csrf_token
    pathway = FLOW.pathways["preparing-for-adulthood"]
    body = client.post("/api/v1/journey", json={"answers": YOUNG_ANSWERS}).get_json()
    [card] = [p for p in body["pathways"] if p["id"] == "preparing-for-adulthood"]
    assert card["summary"] == pathway.for_young_person.summary
    assert card["today"] == list(pathway.for_young_person.today)
    as_parent = client.post("/api/v1/journey", json={"answers": {**YOUNG_ANSWERS, "asking_as": "parent"}}).get_json()
    assert pathway.summary in [p["summary"] for p in as_parent["pathways"]]

    form = {k: v for k, v in YOUNG_ANSWERS.items() if not isinstance(v, list)}
    form.update({"happening": "adulthood", "needs": "learning", "age": "18"})
    token = csrf_token(adviser.get("/adviser/").get_data(as_text=True))
    adviser.post("/adviser/answers", data={"csrf_token": token, **form})
    call_screen = adviser.get("/adviser/").get_data(as_text=True)
    assert pathway.for_young_person.summary in call_screen and pathway.summary not in call_screen

    adviser.post("/adviser/share", data={"csrf_token": csrf_token(call_screen)})
    code = re.search(r'id="share-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', adviser.get("/adviser/").get_data(as_text=True)).group(1)
    printout = app.test_client().get(f"/j/{code}/print").get_data(as_text=True)
    assert pathway.for_young_person.summary in printout and pathway.summary not in printout
