"""A parent on a phone completes the EHC journey in Chromium, with JavaScript off and on."""

import pytest

from tests.browser.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


def choose(phone, label):
    phone.get_by_role("button", name=label).click()


def tick_and_continue(phone, label):
    phone.get_by_label(label).check()
    choose(phone, "Continue")


def test_a_parent_on_a_phone_reaches_the_ehc_pathway(phone):
    phone.goto("/")
    assert phone.locator("h1").count() == 1
    phone.evaluate("window.sameDocument = true") if phone.javascript else None

    choose(phone, "I am a parent or carer")
    phone.get_by_label("How old is the child or young person now?").fill("9")
    choose(phone, "Continue")
    tick_and_continue(phone, "None of these")
    choose(phone, "Extra help from their nursery, school or college (SEN Support)")
    tick_and_continue(phone, "Learning, such as reading, writing, numbers or memory")
    choose(phone, "No, or I do not know")
    choose(phone, "An Education, Health and Care plan (EHC plan), or a change to one")

    result = phone.locator("#result")
    result.wait_for()
    assert "Asking for an EHC needs assessment" in result.inner_text()
    assert "Within 20 weeks of the request" in result.inner_text()
    assert result.get_by_role("link", name="Trafford SEND Information, Advice and Support Service").count() >= 1

    if phone.javascript:
        assert phone.evaluate("window.sameDocument") is True, "answers should not reload the page"
        assert phone.evaluate("document.activeElement.id") == "result-heading", "focus moves to the result"
        assert "pathways for you" in phone.locator("#chat-announcer").inner_text()

    # The answer buttons and the page fit a phone: nothing wider than the screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / f"ehc-journey-{'js' if phone.javascript else 'nojs'}.png"), full_page=False)
    assert phone.foreign_requests == [], "no request may leave the navigator's own server"
    assert not [e for e in phone.console_errors if "Content Security Policy" in e or "Refused" in e]


def test_a_wrong_age_shows_an_error_and_keeps_the_earlier_answer(phone):
    phone.goto("/")
    choose(phone, "I am a parent or carer")
    phone.get_by_label("How old is the child or young person now?").fill("forty")
    choose(phone, "Continue")
    summary = phone.locator(".govuk-error-summary")
    summary.wait_for()
    assert "Enter a whole number" in summary.inner_text()
    assert "I am a parent or carer" in phone.locator(".nav-conversation").inner_text()


def test_change_an_answer_then_see_the_pathway_change(phone):
    phone.goto("/")
    choose(phone, "I am a parent or carer")
    phone.get_by_label("How old is the child or young person now?").fill("12")
    choose(phone, "Continue")
    tick_and_continue(phone, "None of these")
    choose(phone, "They have an Education, Health and Care plan (EHC plan)")
    choose(phone, "Yes, they get all or most of it")  # a family with a plan is asked if it is delivered
    tick_and_continue(phone, "Hearing or seeing")
    choose(phone, "An Education, Health and Care plan (EHC plan), or a change to one")
    phone.locator("#result").wait_for()
    assert "Reviewing an EHC plan" in phone.locator("#result").inner_text()
    phone.get_by_role("link", name="Change your answer to: What help do they get with learning now?").click()
    question = phone.locator("#question")
    question.wait_for()
    # the browser scrolls to #question once the page has loaded; it must, within 5 s
    phone.wait_for_function("() => window.scrollY > 0", timeout=5000)
    box = question.bounding_box()  # relative to the screen as it is scrolled
    assert 0 <= box["y"] < phone.viewport_size["height"], "Change lands on the question it opened"
    choose(phone, "No extra help")
    phone.locator("#result").wait_for()
    text = phone.locator("#result").inner_text()
    assert "Asking for an EHC needs assessment" in text and "Reviewing an EHC plan" not in text
