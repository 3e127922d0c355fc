"""Urgent help first, in Chromium at 360×740, JavaScript off and on, in English and Arabic:
after an urgent message and after an urgent answer, on the journey and on the call screen,
the urgent card is the first thing in the main content and inside the first screen."""

import pytest

from tests.browser.conftest import ARTIFACTS, PHONE
from tests.conftest import PASSWORD, create_staff

pytestmark = pytest.mark.browser

MESSAGES = {
    "en": "my son is 14 and has stopped going to school, he says he wants to die",
    "ar": "ابني عمره 14 سنة وتوقف عن الذهاب إلى المدرسة، ويقول إنه يريد أن يموت",
}


def assert_urgent_first(page, name):
    """The card is the first thing in <main>, and its 999 button is inside the screen."""
    page.locator("#urgent-help").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"urgent-first-{name}.png"))
    # the first visible block of the main content is (inside) the urgent card
    first_is_card = page.evaluate("""() => {
        const card = document.querySelector('main #urgent-help');
        const blocks = [...document.querySelectorAll('main h1, main h2, main p, main form, main section')]
            .filter(el => el.offsetParent !== null && el.innerText.trim()
                    && !el.closest('.govuk-visually-hidden'));  // a live region is heard, not seen
        return card !== null && (blocks[0] === card || card.contains(blocks[0])) ? true : blocks[0].outerHTML.slice(0, 300);
    }""")
    assert first_is_card is True, f"{name}: first is {first_is_card}"
    box = page.locator("#urgent-help a.nav-urgent__call[href='tel:999']").bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    assert "A&E" in page.locator("#urgent-help").inner_text()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_after_an_urgent_message_the_urgent_card_is_in_the_first_screen(phone, lang):
    phone.goto(f"/?lang={lang}")
    phone.locator("#text").fill(MESSAGES[lang])
    phone.locator("#free-text button[type=submit]").click()
    assert_urgent_first(phone, f"message-{lang}-{'js' if phone.javascript else 'nojs'}")
    if phone.javascript:
        assert phone.evaluate("document.activeElement.id") in ("urgent-help-heading", "urgent-help")
    else:
        assert phone.url.endswith("#urgent-help")
    assert phone.foreign_requests == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_after_an_urgent_answer_the_urgent_card_is_in_the_first_screen(phone, lang):
    phone.goto(f"/?lang={lang}")
    phone.locator("#question button[value=parent]").click()
    phone.locator("#answer-age").wait_for()
    phone.locator("#answer-age").fill("15")
    phone.locator("#question button[type=submit]").click()
    phone.locator("#answer-happening").wait_for()
    phone.locator("#answer-happening").check()  # the first option: someone is in danger
    phone.locator("#question button[type=submit]").click()
    assert_urgent_first(phone, f"answer-{lang}-{'js' if phone.javascript else 'nojs'}")


def test_get_help_now_is_in_the_header_of_every_family_page(phone):
    for path in ["/", "/search?q=autism", "/pages/sendiass", "/pathways/sen-support", "/deadlines"]:
        phone.goto(path)
        link = phone.locator("header a", has_text="Get help now")
        assert link.is_visible(), path
    link.click()
    phone.locator("h1#urgent-help-heading").wait_for()
    assert phone.locator("a.nav-urgent__call[href='tel:999']").is_visible()


@pytest.fixture
def adviser_page(browser, server, server_app, request):
    email = create_staff(server_app, "adviser")
    context = browser.new_context(viewport=PHONE, java_script_enabled=request.param, base_url=server)
    page = context.new_page()
    page.javascript = request.param
    page.goto("/sign-in?next=/adviser/")
    page.locator("#email").fill(email)
    page.locator("#password").fill(PASSWORD)
    page.locator("#password").press("Enter")
    page.wait_for_url("**/adviser/")
    yield page
    context.close()


@pytest.mark.parametrize("adviser_page", [False, True], ids=["javascript-off", "javascript-on"], indirect=True)
def test_the_call_screen_shows_crisis_numbers_at_the_top_before_who_is_asking(adviser_page):
    page = adviser_page
    page.locator("#call-free-text #text").fill("caller says her son wants to kill himself tonight")
    page.locator("#call-free-text button[type=submit]").click()
    page.locator("#urgent-help").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"urgent-call-screen-{'js' if page.javascript else 'nojs'}.png"))
    # nothing else answered: "Who is asking?" is still empty, and the crisis numbers show anyway
    assert page.locator("#urgent-help a.nav-urgent__call[href='tel:999']").is_visible()
    box = page.locator("#urgent-help a.nav-urgent__call[href='tel:999']").bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], box  # at the top, not below the answers
