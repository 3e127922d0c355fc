"""The chat-style journey through Flask's test client, with JavaScript's help and without."""

import re

import pytest

from tests.conftest import csrf_token
from tests.factories import EHC_ANSWERS, answer


def test_the_first_question_is_asked_with_its_answers_as_buttons(get_page):
    html = get_page("/")
    assert "Who is asking?" in html
    assert len(re.findall(r'<button type="submit"[^>]*name="answer"', html)) == 3


def test_a_parent_reaches_the_ehc_needs_assessment_pathway_with_law_and_local_figures(client, get_page):
    for question, value in EHC_ANSWERS:
        response = answer(client, question, value)
        assert response.status_code == 302
    html = get_page("/")
    assert "Asking for an EHC needs assessment" in html
    assert "Within 6 weeks of receiving the request" in html
    assert "SEND Regulations 2014, reg 13(2)" in html
    assert "59% of plans were issued within 20 weeks" in html
    # the source by its public title and date, never an internal file name
    assert "Children and Young People&#39;s Scrutiny Committee, SEND update, 25 July 2023" in html
    assert ".txt" not in html
    assert 'href="/pages/sendiass"' in html
    # ranked: the assessment first, then SEN Support
    assert html.index("Asking for an EHC needs assessment") < html.index("Getting help at nursery, school or college")


def test_the_conversation_shows_each_answer_with_a_change_link(client, get_page):
    answer(client, "asking_as", "parent")
    answer(client, "age", "9")
    html = get_page("/")
    assert "I am a parent or carer" in html
    assert re.search(r"You answered: </span>\s*9\s", html)
    assert 'href="/change/asking_as#question"' in html and 'href="/change/age#question"' in html, "Change lands on the question"


def test_changing_an_answer_keeps_the_others_and_updates_the_pathways(client, get_page):
    for question, value in EHC_ANSWERS:
        answer(client, question, value)
    html = get_page("/change/support_now")
    assert "What help do they get with learning now?" in html
    answer(client, "support_now", "ehc_plan")
    # A family with a plan is asked one more question: whether the plan's help is happening.
    assert "Are they getting the help their EHC plan says they must get?" in get_page("/")
    answer(client, "plan_help", "getting_it")
    html = get_page("/")
    assert "Reviewing an EHC plan" in html
    assert "Asking for an EHC needs assessment" not in html
    assert "I am a parent or carer" in html  # the earlier answer is kept


def test_start_again_really_clears_the_answers(client, get_page):
    answer(client, "asking_as", "parent")
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/start-again", data={"csrf_token": token})
    html = get_page("/")
    assert "Your answers so far" not in html and "Who is asking?" in html


def test_with_javascript_the_answer_returns_only_the_conversation(client):
    response = answer(client, "asking_as", "parent", chat=True)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<html" not in html and "How old is the child or young person now?" in html


@pytest.mark.parametrize("question, value, message", [
    ("age", "seven", "Enter a whole number, like 7."),
    ("age", "99", "Enter a number from 0 to 25."),
    ("age", "", "Enter a whole number, like 7."),
    ("age", "1²", "Enter a whole number, like 7."),
    ("age", "①", "Enter a whole number, like 7."),
    ("age", "\u0661\u0662\u0660", "Enter a number from 0 to 25."),  # Arabic-Indic 120: read, and out of range
])
def test_a_wrong_answer_gets_a_message_beside_the_question_and_keeps_the_journey(client, question, value, message):
    answer(client, "asking_as", "parent")
    response = answer(client, question, value)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html and "govuk-error-summary" in html
    assert 'href="#answer-age"' in html and 'id="answer-age"' in html
    assert "I am a parent or carer" in html  # earlier answer kept


def test_an_unknown_answer_value_is_refused_with_a_message(client):
    response = answer(client, "asking_as", "wizard")
    assert response.status_code == 400
    assert "Choose one of the answers offered." in response.get_data(as_text=True)


def test_an_answer_to_a_question_not_asked_is_refused_and_the_session_kept(client):
    answer(client, "asking_as", "parent")
    response = answer(client, "want", "information")
    assert response.status_code == 400
    assert "not part of your journey now" in response.get_data(as_text=True)
    assert "I am a parent or carer" in client.get("/").get_data(as_text=True)


def test_a_form_without_its_csrf_token_is_refused_and_answers_are_kept(client):
    answer(client, "asking_as", "parent")
    response = client.post("/answer", data={"question": "age", "answer": "9"})
    assert response.status_code == 400
    assert "Your answers are kept" in response.get_data(as_text=True)
    assert "I am a parent or carer" in client.get("/").get_data(as_text=True)


def test_a_tampered_session_cookie_is_noticed_and_explained(client):
    answer(client, "asking_as", "parent")
    client.set_cookie("session", "eyJhbnN3ZXJzIjp7fX0.tampered.signature")
    response = client.get("/")
    assert response.status_code == 400
    assert "could not read the answers saved in your browser" in response.get_data(as_text=True)


def test_an_oversized_form_post_gets_a_clear_message(client):
    response = client.post("/answer", data={"question": "age", "answer": "x" * 200_000})
    assert response.status_code == 413
    assert "too large" in response.get_data(as_text=True)


def test_a_non_utf8_form_post_gets_a_message_not_a_crash(client):
    token = csrf_token(client.get("/").get_data(as_text=True))
    body = b"csrf_token=" + token.encode() + b"&question=asking_as&answer=\xff\xfe"
    response = client.post("/answer", data=body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400


def test_typed_text_is_shown_escaped(client):
    response = answer(client, "asking_as", "<script>alert(1)</script>")
    assert "<script>alert(1)" not in response.get_data(as_text=True)


def test_answers_never_appear_in_a_url(client):
    for question, value in EHC_ANSWERS:
        response = answer(client, question, value)
        assert str(value) not in response.headers.get("Location", "")
    html = client.get("/").get_data(as_text=True)
    assert not re.search(r'href="[^"]*(sen_support|learning|neither)', html)


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize("url", ["/", "/pathways/ehc-needs-assessment", "/pathways/sen-support",
                                 "/pathways/ehc-plan-review", "/pages/sendiass", "/search", "/search?q=tribunal"])
def test_every_page_has_one_h1_a_matching_title_and_no_inline_code(get_page, url):
    get_page(url)


def test_no_page_asks_for_anything_from_another_site(client):
    for url in ["/", "/pathways/ehc-needs-assessment", "/pages/sendiass", "/search?q=help"]:
        html = client.get(url).get_data(as_text=True)
        for tag in re.findall(r"<(?:script|link|img)[^>]+>", html):
            address = re.search(r'(?:src|href)="([^"]+)"', tag)
            assert address and address.group(1).startswith("/"), tag


def test_unknown_pages_and_pathways_are_404_pages_not_crashes(get_page):
    assert "There is no page at this address" in get_page("/pages/no-such-page", status=404)
    get_page("/pathways/no-such-pathway", status=404)


def test_a_pathway_page_shows_contacts_with_web_links_and_what_is_not_known(get_page):
    html = get_page("/pathways/ehc-needs-assessment")
    assert "Who to contact" in html
    assert "https://sendiass.trafford.gov.uk" in html
    assert "Not checked yet: check with the service" in html


def test_search_finds_pages_and_says_when_nothing_matched(get_page):
    html = get_page("/search?q=tribunal")
    assert "nav-results__item" in html
    html = get_page("/search?q=zzzzqqq")
    assert "Nothing matched" in html


def test_a_search_that_is_too_long_gets_a_message(get_page):
    assert "at most 200 characters" in get_page("/search?q=" + "a" * 300, status=400)
