"""Typing in your own words, in Chromium at phone size, with JavaScript off and on."""

import pytest

pytestmark = pytest.mark.browser


def send(phone, text):
    phone.get_by_label("Or tell us in your own words").fill(text)
    phone.get_by_role("button", name="Send").click()


def test_a_message_is_understood_confirmed_and_the_flow_carries_on(phone):
    phone.goto("/")
    send(phone, "my 14 year old is autistic and has stopped going to school")
    understood = phone.locator("#understood")
    understood.wait_for()
    text = understood.inner_text()
    assert "autism" in text and "not attending school" in text and "age 14" in text
    if phone.javascript:
        assert phone.evaluate("document.activeElement.id") == "understood-heading"
    phone.get_by_role("button", name="autism (remove)").click()
    phone.get_by_role("button", name="autism (remove)").wait_for(state="detached")
    assert "not attending school" in phone.locator(".nav-chips").inner_text()
    phone.get_by_role("button", name="Yes, carry on").click()
    phone.locator("#question").wait_for()
    assert "Who is asking?" in phone.locator("#question").inner_text()
    phone.get_by_role("button", name="I am a parent or carer").click()
    # age and what is happening were filled in from the message, so this is the next question
    # (waiting for its words: with JavaScript the old question stays until the new one arrives)
    phone.locator("#question").get_by_text("What help do they get with learning now?").wait_for()
    assert phone.foreign_requests == []


@pytest.mark.parametrize("text", [
    "my daughter is self harming and says she wants to die",
    "Moja córka się okalecza i mówi, że chce umrzeć",
    "میری بیٹی خود کو نقصان پہنچا رہی ہے اور کہتی ہے کہ وہ مرنا چاہتی ہے",
    "ابنتي تؤذي نفسها وتقول إنها تريد أن تموت",
], ids=["en", "pl", "ur", "ar"])
def test_a_crisis_message_shows_urgent_help_above_everything_in_each_language(phone, text):
    phone.goto("/")
    send(phone, text)
    urgent = phone.locator("#urgent-help")
    urgent.wait_for()
    phone.wait_for_load_state("load")  # measure once the stylesheets have laid the page out
    assert "999" in urgent.inner_text()
    top_of_urgent = urgent.bounding_box()["y"]
    for other in ["#understood", "#question", ".nav-free-text"]:
        if phone.locator(other).count():
            assert phone.locator(other).first.bounding_box()["y"] > top_of_urgent, other
    assert phone.locator(".govuk-exit-this-page").count() == 1
