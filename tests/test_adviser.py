"""The adviser's call screen: every answer at a glance, change one and the pathways change,
free text, search as you type, the case-notes summary, key dates and sharing with the family."""

import re

import pytest

from tests.conftest import check_page_shape, csrf_token
from tests.factories import EHC_ANSWERS, answer

EHC_FORM = dict(EHC_ANSWERS)


def post_answers(adviser, answers, *, fragment=False, **extra):
    token = csrf_token(adviser.get("/adviser/").get_data(as_text=True))
    headers = {"X-Navigator-Call": "1"} if fragment else {}
    return adviser.post("/adviser/answers", data={"csrf_token": token, **answers, **extra}, headers=headers)


def screen(adviser) -> str:
    html = adviser.get("/adviser/").get_data(as_text=True)
    check_page_shape(html)
    return html


def case_note(html: str) -> str:
    import html as entities
    return entities.unescape(re.search(r'<textarea[^>]*id="case-note"[^>]*>(.*?)</textarea>', html, re.S).group(1))


def test_every_question_is_on_one_screen_before_any_answer(app, adviser):
    html = screen(adviser)
    flow = app.extensions["navigator.site"].flow
    for question in flow.questions.values():
        assert question.text in html
    assert "The pathways show here when the questions are answered" in html


def test_answering_everything_shows_the_ranked_pathways_with_timescales_and_contacts(adviser):
    assert post_answers(adviser, EHC_FORM).status_code == 302
    html = screen(adviser)
    assert html.index("Asking for an EHC needs assessment") < html.index("Getting help at nursery, school or college")
    assert "Within 20 weeks of the request" in html and "SEND Regulations 2014, reg 13(2)" in html
    assert 'href="https://sendiass.trafford.gov.uk"' in html, "SENDIASS is a contact"


def test_changing_one_answer_changes_the_pathways_and_keeps_the_others(adviser):
    post_answers(adviser, EHC_FORM)
    changed = post_answers(adviser, {**EHC_FORM, "want": "disagree"}, fragment=True)
    assert changed.status_code == 200
    fragment = changed.get_data(as_text=True)
    assert "<html" not in fragment, "the screen asks for the results only"
    assert "1. If you disagree with the school or council" in fragment
    html = screen(adviser)
    assert re.search(r'id="age"[^>]*value="9"', html), "the age is kept"
    assert re.search(r'value="learning" checked', html), "the needs are kept"


def test_a_question_the_call_has_not_reached_is_not_called_not_needed(adviser):
    """At the start of a call nothing is "Not needed with these answers": the questions after
    the next one are simply not reached yet. Only an answer the others make unnecessary is."""
    html = screen(adviser)
    assert "nav-call-question--off" not in html and "nav-call-question--later" in html
    assert re.search(r'nav-call-question--next"[^>]*data-question="asking_as"', html)


def test_an_answer_the_route_no_longer_asks_is_kept_and_shown_as_not_needed(adviser):
    post_answers(adviser, {**EHC_FORM, "needs": "learning", "autism_adhd": "autism", "diagnosis": "waiting"})
    post_answers(adviser, {**EHC_FORM, "needs": "sensory", "autism_adhd": "autism", "diagnosis": "waiting"})
    html = screen(adviser)
    assert re.search(r'nav-call-question--off"[^>]*data-question="diagnosis"', html)
    assert re.search(r'value="waiting" checked', html), "the diagnosis answer is kept for when it matters again"
    assert "Hearing and sight difficulties" in html


def test_a_wrong_age_is_named_beside_its_field_and_the_old_age_is_kept(adviser):
    post_answers(adviser, EHC_FORM)
    response = post_answers(adviser, {**EHC_FORM, "age": "forty"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="age-error"' in html and "Enter a whole number" in html and 'href="#age"' in html
    assert re.search(r'id="age"[^>]*value="forty"', html), "what was typed stays in the field"
    assert re.search(r'id="age"[^>]*value="9"', screen(adviser)), "the saved age is unchanged"


def test_an_answer_that_is_not_an_option_is_refused_without_losing_the_rest(adviser):
    post_answers(adviser, EHC_FORM)
    response = post_answers(adviser, {**EHC_FORM, "want": "<script>alert(1)</script>"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "<script>alert(1)</script>" not in html
    assert "Asking for an EHC needs assessment" in screen(adviser)


def test_blank_clears_an_answer(adviser):
    post_answers(adviser, EHC_FORM)
    post_answers(adviser, {**EHC_FORM, "want": ""})
    html = screen(adviser)
    assert "The pathways show here" in html and re.search(r'nav-call-question--next"[^>]*data-question="want"', html)


def test_the_summary_is_plain_text_with_answers_pathways_dates_and_contacts(adviser):
    post_answers(adviser, EHC_FORM, event="request", date="2026-01-05")
    note = case_note(screen(adviser))
    assert "How old is the child or young person now? 9" in note
    assert "1. Asking for an EHC needs assessment" in note
    assert "(Within 20 weeks of the request. A few set exceptions" in note
    assert "Monday, 25 May 2026: The final EHC plan is issued [SEND Regulations 2014, reg 13(2)]" in note
    assert "- Trafford SENDIASS: https://sendiass.trafford.gov.uk" in note
    assert "<" not in note and "&" not in note.replace(" & ", ""), "no markup or entities in case notes"


def test_a_key_date_that_is_not_a_date_is_explained(adviser):
    post_answers(adviser, EHC_FORM)
    response = post_answers(adviser, EHC_FORM, event="request", date="2027-02-29")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and "2027 is not a leap year" in html and 'id="date-error"' in html
    assert "Asking for an EHC needs assessment" in screen(adviser), "the answers still stand"


def test_an_unknown_key_event_is_refused(adviser):
    response = post_answers(adviser, EHC_FORM, event="birthday", date="2026-01-05")
    assert response.status_code == 400 and "Choose what happened from the list" in response.get_data(as_text=True)


def test_the_callers_words_fill_in_answers_and_are_not_kept(app, adviser):
    token = csrf_token(screen(adviser))
    words = "My son is 7 and autistic, school say they cannot meet his needs"
    html = adviser.post("/adviser/understand", data={"csrf_token": token, "text": words}).get_data(as_text=True)
    assert "Understood:" in html and "age 7" in html
    assert re.search(r'id="age"[^>]*value="7"', html)
    cookie = adviser.get_cookie("session").value
    session = app.session_interface.get_signing_serializer(app).loads(cookie)
    assert "autistic" not in str(session) and "meet his needs" not in str(session)


def test_search_finds_pathways_and_pages_as_you_type(adviser):
    body = adviser.get("/adviser/search?q=autism").get_json()
    kinds = [r["kind"] for r in body["results"]]
    assert body["results"][0]["url"] == "/pathways/autism-assessment"
    assert "Page" in kinds and all(set(r) == {"kind", "title", "url", "snippet"} for r in body["results"])
    assert "<mark>" not in str(body), "snippets are plain text"
    camhs = adviser.get("/adviser/search?q=camhs").get_json()["results"]
    assert any(r["url"] == "/pathways/mental-health" for r in camhs)


def test_search_without_javascript_lists_results_and_escapes_the_query(adviser):
    html = adviser.get("/adviser/?q=<b>tribunal</b>").get_data(as_text=True)
    check_page_shape(html)
    assert "<b>tribunal</b>" not in html and "&lt;b&gt;tribunal&lt;/b&gt;" in html


def test_search_is_for_signed_in_advisers_only(client):
    assert client.get("/adviser/search?q=autism").status_code == 302


def test_sharing_gives_a_code_the_family_opens_on_their_phone(app, adviser):
    post_answers(adviser, EHC_FORM)
    token = csrf_token(screen(adviser))
    assert adviser.post("/adviser/share", data={"csrf_token": token}).status_code == 302
    html = screen(adviser)
    code = re.search(r'id="share-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', html).group(1)
    assert f"Shared with the family as reference code {code}" in case_note(html)
    family = app.test_client()
    typed = family.get(f"/j?code={code.lower().replace('-', ' ')}")
    assert typed.status_code == 302
    family.get(typed.headers["Location"])
    assert "Asking for an EHC needs assessment" in family.get("/").get_data(as_text=True)
    printable = family.get(f"/j/{code}/print").get_data(as_text=True)
    check_page_shape(printable)
    assert code in printable and "Asking for an EHC needs assessment" in printable and "Who to contact" in printable


def test_changing_an_answer_after_sharing_offers_a_new_code(adviser):
    post_answers(adviser, EHC_FORM)
    adviser.post("/adviser/share", data={"csrf_token": csrf_token(screen(adviser))})
    post_answers(adviser, {**EHC_FORM, "want": "disagree"})
    assert 'id="share-code"' not in screen(adviser)


def test_sharing_with_no_answers_says_what_to_do(adviser):
    response = adviser.post("/adviser/share", data={"csrf_token": csrf_token(screen(adviser))})
    assert response.status_code == 400 and "Answer at least one question" in response.get_data(as_text=True)


def test_a_new_call_clears_the_answers(adviser):
    post_answers(adviser, EHC_FORM)
    adviser.post("/adviser/new-call", data={"csrf_token": csrf_token(screen(adviser))})
    assert not re.search(r'id="age"[^>]*value="9"', screen(adviser))


@pytest.mark.parametrize("typed, words", [
    ("K7QF-3M2", "Codes have 8 letters and numbers; that has 7"),
    ("K0QF-3M2X", "never O, I, L, U, 0 or 1"),
    ("", "Enter the reference code"),
])
def test_a_mistyped_code_gets_a_message_saying_what_is_wrong(client, typed, words):
    response = client.get(f"/j?code={typed}")
    html = response.get_data(as_text=True)
    assert response.status_code == 400 and words in html
    check_page_shape(html)


def test_an_unknown_code_says_it_may_have_expired(client):
    response = client.get("/j/ABCD-EFGH")
    assert response.status_code == 404 and "or it has expired" in response.get_data(as_text=True)


def test_a_family_saves_its_own_journey_and_gets_a_code(app, client):
    for question, value in EHC_ANSWERS:
        answer(client, question, value)
    token = csrf_token(client.get("/").get_data(as_text=True))
    assert client.post("/share", data={"csrf_token": token}).status_code == 302
    html = client.get("/").get_data(as_text=True)
    code = re.search(r'class="nav-code" dir="ltr">([A-Z0-9]{4}-[A-Z0-9]{4})<', html).group(1)
    assert app.test_client().get(f"/api/v1/journeys/{code}").get_json()["answers"]["want"] == "ehc_plan"


def test_a_family_tells_their_story_once_the_adviser_opens_their_code(app, adviser):
    family = app.test_client()
    code = family.post("/api/v1/journeys", json={"answers": {q: (int(v) if q == "age" else v) for q, v in EHC_ANSWERS}}).get_json()["code"]
    token = csrf_token(screen(adviser))
    opened = adviser.post("/adviser/open-code", data={"csrf_token": token, "code": code.lower().replace("-", " ")})
    assert opened.status_code == 302
    html = screen(adviser)
    assert re.search(r'id="age"[^>]*value="9"', html) and "1. Asking for an EHC needs assessment" in case_note(html)
    assert f'id="share-code" dir="ltr">{code}<' in html, "the family's code stays the call's code"
    wrong = adviser.post("/adviser/open-code", data={"csrf_token": token, "code": "K7QF-3M2"})
    assert wrong.status_code == 400 and "Codes have 8 letters and numbers" in wrong.get_data(as_text=True)
    unknown = adviser.post("/adviser/open-code", data={"csrf_token": token, "code": "ABCD-EFGH"})
    assert unknown.status_code == 404 and "or it has expired" in unknown.get_data(as_text=True)


def test_start_again_on_the_family_journey_keeps_the_staff_sign_in(adviser):
    token = csrf_token(adviser.get("/").get_data(as_text=True))
    adviser.post("/start-again", data={"csrf_token": token})
    assert adviser.get("/adviser/").status_code == 200


def test_caller_words_whose_danger_was_set_aside_prompt_the_adviser_to_ask(adviser):
    """Told as over or denied: no crisis numbers at the top, but the adviser is told to ask."""
    token = csrf_token(screen(adviser))
    past = "She self-harmed in 2019 but is doing really well now, can we get help with her EHCP?"
    html = adviser.post("/adviser/understand", data={"csrf_token": token, "text": past}).get_data(as_text=True)
    assert "ask whether anyone is in danger right now" in html and 'id="urgent-help"' not in html
    plain = adviser.post("/adviser/understand", data={"csrf_token": token, "text": "My son is 7 and autistic"})
    assert "ask whether anyone is in danger right now" not in plain.get_data(as_text=True)
