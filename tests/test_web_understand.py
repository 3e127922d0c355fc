"""Typing in your own words: what was understood is shown to confirm or change, fills in the
guided answers, urgent help comes first, and nothing typed is kept."""

import json
import re

import pytest

from tests.conftest import csrf_token


def token(client):
    return csrf_token(client.get("/").get_data(as_text=True))


def say(client, text, chat=False):
    headers = {"X-Navigator-Chat": "1"} if chat else {}
    return client.post("/understand", data={"csrf_token": token(client), "text": text}, headers=headers)


def chip(html, value) -> bool:
    """A button that removes `value` from what was understood (attributes in any order)."""
    return any(f'value="{value}"' in button and 'name="item"' in button for button in re.findall(r"<button[^>]*>", html))


def session_data(client):
    """The family's journey in the session cookie, read with the service's own key (no one
    else can: see tests/test_privacy.py)."""
    app = client.application
    return app.session_interface.get_signing_serializer(app).loads(client.get_cookie("session").value)["journey"]


def test_the_free_text_box_is_always_there(get_page):
    assert 'name="text"' in get_page("/")


def test_what_was_understood_is_shown_with_chips_to_remove(client, get_page):
    response = say(client, "my 14 year old is autistic and has stopped going to school")
    assert response.status_code == 302
    html = get_page("/")
    assert "I understood:" in html and "autism" in html and "not attending school" in html and "age 14" in html
    assert chip(html, "autism") and 'value="confirm"' in html


def test_nothing_typed_is_kept_only_what_was_understood(client):
    say(client, "my 14 year old is autistic and has stopped going to school")
    stored = json.dumps(session_data(client))
    assert "stopped going" not in stored and "autistic" not in stored
    assert "autism" in stored


def test_confirming_fills_in_answers_and_asks_only_what_is_still_needed(client, get_page):
    say(client, "my 14 year old is autistic and has stopped going to school")
    client.post("/understood", data={"csrf_token": token(client), "action": "confirm"})
    answers = session_data(client)["answers"]
    assert answers["age"] == 14 and answers["autism_adhd"] == "autism"
    assert answers["happening"] == ["not_attending"]
    html = get_page("/")
    assert 'name="question" value="asking_as"' in html  # still needed: asked first
    client.post("/answer", data={"csrf_token": token(client), "question": "asking_as", "answer": "parent"})
    html = get_page("/")
    assert 'name="question" value="support_now"' in html  # age and what is happening were filled in


def test_removing_an_item_leaves_the_rest(client, get_page):
    say(client, "my 14 year old is autistic and has stopped going to school")
    client.post("/understood", data={"csrf_token": token(client), "action": "remove", "item": "autism"})
    html = get_page("/")
    assert not chip(html, "autism") and chip(html, "not_attending")


def test_a_crisis_message_puts_urgent_help_above_everything(client, get_page):
    say(client, "my daughter is self harming and says she wants to die")
    html = get_page("/")
    assert "Get help now" in html and "999" in html
    assert html.index("Get help now") < html.index("I understood:")
    assert "govuk-exit-this-page" in html


@pytest.mark.parametrize("text", ["", "   ", "x" * 2001])
def test_empty_or_overlong_text_gets_a_clear_message_and_keeps_the_journey(client, text):
    client.post("/answer", data={"csrf_token": token(client), "question": "asking_as", "answer": "parent"})
    response = say(client, text)
    assert response.status_code == 400
    body = response.get_data(as_text=True)
    assert ("Type a few words" in body) or ("Keep it under 2000" in body)
    assert "I am a parent or carer" in body


def test_script_typed_is_never_run(client, get_page):
    response = say(client, "<script>alert(1)</script> hello")
    assert "<script>alert(1)" not in response.get_data(as_text=True)


def test_a_message_with_nothing_understood_says_so(client):
    response = say(client, "hello there")
    assert "could not tell what this is about" in response.get_data(as_text=True)


def test_with_javascript_the_understanding_comes_back_as_a_fragment(client):
    response = say(client, "she is deaf", chat=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in html and "I understood:" in html


@pytest.mark.parametrize("url", ["/pathways/urgent-help", "/pathways/mental-health", "/pages/urgent-help-now",
                                 "/pages/first-response", "/pages/healthy-young-minds"])
def test_sensitive_pages_have_exit_this_page(get_page, url):
    html = get_page(url)
    assert 'data-module="govuk-exit-this-page"' in html
    assert html.index("govuk-exit-this-page") < html.index("<h1")


def test_ordinary_pages_do_not_have_exit_this_page(get_page):
    assert "govuk-exit-this-page" not in get_page("/pathways/ehc-needs-assessment")


def test_an_unknown_language_is_said_plainly_and_the_text_still_read(client):
    answer = client.post("/api/v1/interpret", json={"text": "my son is autistic", "lang": "xx"}).get_json()
    assert "autism" in answer["concepts"] and "not a language we know" in answer["notice"]


@pytest.mark.parametrize("text", [
    "She self-harmed in 2019 but is doing really well now. Can we get help with her EHCP?",
    "Watched a documentary about a hospital where autistic adults were abused by staff.",
    "If my son ever took an overdose, who would I ring?",
])
def test_danger_words_set_aside_are_asked_about_with_one_tap_to_urgent_help(client, text):
    """Over, in a story, a what-if: not the urgent card, but the question, in case we read
    it wrong, linking to urgent help; through the API as check_danger."""
    answer = client.post("/api/v1/interpret", json={"text": text}).get_json()
    assert answer["urgent"] is False and answer["check_danger"] is True
    sent = say(client, text)  # to what was understood, or (nothing understood) the page itself
    page = (client.get(sent.headers["Location"]) if sent.status_code == 302 else sent).get_data(as_text=True)
    assert 'id="urgent-help"' not in page
    assert "Is anyone in danger right now?" in page and 'href="/help-now">Yes: get help now</a>' in page


def test_ordinary_words_and_urgent_ones_are_not_asked_about(client):
    ordinary = client.post("/api/v1/interpret", json={"text": "my son is 7 and autistic, can he get an EHCP?"})
    assert ordinary.get_json()["check_danger"] is False
    assert "Is anyone in danger right now?" not in client.get(
        say(client, "my son is 7 and autistic, can he get an EHCP?").headers["Location"]).get_data(as_text=True)
    urgent = client.post("/api/v1/interpret", json={"text": "she has taken all her tablets"}).get_json()
    assert urgent["urgent"] is True and urgent["check_danger"] is False
