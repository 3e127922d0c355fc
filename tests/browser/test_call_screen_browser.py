"""An adviser drives the call screen with the keyboard alone: search, answer, change an
answer, copy the summary, share a code; then a family opens the code on a phone."""

import pytest

from tests.browser.conftest import ARTIFACTS, PHONE
from tests.conftest import PASSWORD, create_staff

pytestmark = pytest.mark.browser
DESKTOP = {"width": 1280, "height": 900}


def tab_to(page, selector, limit=80):
    """Press Tab until `selector` has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def press(page, key, times=1):
    for _ in range(times):
        page.keyboard.press(key)


def results_say(page, text):
    page.locator("#call-results").get_by_text(text).first.wait_for()


@pytest.fixture
def desk(browser, server, server_app):
    context = browser.new_context(viewport=DESKTOP, base_url=server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.foreign_requests, page.console_errors = [], []
    page.on("request", lambda r: None if r.url.startswith(server) else page.foreign_requests.append(r.url))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    page.email = create_staff(server_app, "adviser")
    yield page
    context.close()


def test_an_adviser_works_a_call_from_the_keyboard_and_the_family_opens_the_code(desk, browser, server):
    page = desk
    page.goto("/adviser/")
    assert page.url.endswith("/sign-in?next=/adviser/")
    tab_to(page, "#email")
    page.keyboard.type(page.email)
    tab_to(page, "#password")
    page.keyboard.type(PASSWORD)
    press(page, "Enter")
    page.wait_for_url("**/adviser/")

    # "/" focuses search; results come as you type; arrows and Enter open one.
    page.locator("h1").click()  # nowhere in particular; keys below do the work
    press(page, "/")
    assert page.evaluate("document.activeElement.id") == "adviser-search"
    page.keyboard.type("autism")
    page.locator("#adviser-search-option-0").wait_for()
    press(page, "ArrowDown")
    assert page.get_attribute("#adviser-search", "aria-activedescendant") == "adviser-search-option-0"
    press(page, "Enter")
    page.wait_for_url("**/pathways/autism-assessment")
    assert page.locator("h1").inner_text() == "Autism and social communication"
    page.go_back()
    page.wait_for_url("**/adviser/")

    # Answer every question with the keyboard: arrows move through radios, Space ticks boxes.
    tab_to(page, "#asking_as")
    press(page, "ArrowDown")                      # I am a parent or carer
    tab_to(page, "#age")
    page.keyboard.type("9")
    tab_to(page, "#happening-none")
    press(page, "Space")
    tab_to(page, "#support_now")
    press(page, "ArrowDown", 2)                   # SEN Support
    tab_to(page, "#needs-learning")
    press(page, "Space")
    tab_to(page, "#autism_adhd")
    press(page, "ArrowDown", 4)                   # No, or I do not know
    tab_to(page, "#want")
    press(page, "ArrowDown", 3)                   # An EHC plan
    results_say(page, "1. Asking for an EHC needs assessment")

    # Change one answer: the pathways change at once, the other answers stay.
    press(page, "ArrowDown")                      # I disagree with a decision
    results_say(page, "1. If you disagree with the school or council")
    assert page.input_value("#age") == "9"
    assert page.is_checked("#needs-learning")
    assert "updated" in page.locator("#call-announcer").inner_text()

    # Copy the summary for case notes.
    tab_to(page, "#copy-summary")
    press(page, "Enter")
    page.locator("#copy-status").get_by_text("Summary copied").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "How old is the child or young person now? 9" in copied
    assert "1. If you disagree with the school or council" in copied and "<" not in copied

    # Share a code with the family.
    tab_to(page, "#share-button")
    press(page, "Enter")
    page.locator("#share-code").wait_for()
    code = page.locator("#share-code").inner_text()
    assert len(code) == 9 and code[4] == "-"
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "call-screen.png"))
    assert page.foreign_requests == []
    assert not [e for e in page.console_errors if "Content Security Policy" in e or "Refused" in e]

    # The family types the code on a phone with JavaScript off, in lower case with a space.
    family = browser.new_context(viewport=PHONE, java_script_enabled=False, base_url=server)
    phone = family.new_page()
    phone.goto("/j")
    tab_to(phone, "#code")
    phone.keyboard.type(code.lower().replace("-", " "))
    press(phone, "Enter")
    phone.locator("#result").wait_for()
    assert "If you disagree with the school or council" in phone.locator("#result").inner_text()
    family.close()
