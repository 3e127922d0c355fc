"""Urdu and Arabic read right to left in Chromium at phone size, with numbers still readable."""

import pytest

from tests.browser.conftest import ARTIFACTS, PHONE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ur", "ar"])
def test_right_to_left_layout_at_phone_size(browser, server, lang):
    context = browser.new_context(viewport=PHONE, base_url=server)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"/?lang={lang}")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > PHONE["width"] - 40, "headings start at the right"

    page.locator(".nav-answer").first.click()           # who is asking
    page.locator("#answer-age").fill("9")
    page.locator("#question button.govuk-button").click()
    box = page.locator(".govuk-checkboxes__item").first
    box.wait_for()
    tick = box.locator("input").bounding_box()
    words = box.locator("label").bounding_box()
    assert tick["x"] > words["x"], "the tick box sits to the right of its words"

    page.locator(".govuk-checkboxes__input").first.check()   # someone in danger: urgent help
    page.locator("#question button.govuk-button").click()
    phone_number = page.locator("#urgent-help a.nav-tel").first
    phone_number.wait_for()
    assert page.evaluate("(a) => getComputedStyle(a).direction", phone_number.element_handle()) == "ltr"
    assert phone_number.inner_text().replace(" ", "").isdigit(), "the number reads as digits, left to right"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], "nothing sticks out"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"rtl-{lang}.png"), full_page=False)
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e]
    context.close()
