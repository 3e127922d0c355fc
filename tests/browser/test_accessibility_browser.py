"""Every kind of page passes axe-core's accessibility rules in Chromium: families' pages in
each script, the result of a journey, and the staff screens."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PHONE
from tests.conftest import PASSWORD, create_staff
from tests.factories import EHC_JOURNEY as ANSWERS

pytestmark = pytest.mark.browser

FAMILY_PAGES = ["/", "/pathways/ehc-needs-assessment", "/search?q=autism", "/pages/sendiass",
                "/deadlines?from=request&date=2026-01-05", "/j", "/sign-in",
                "/?lang=ur", "/pages/sendiass?lang=ar", "/pathways/autism-assessment?lang=pl"]
STAFF_PAGES = ["/adviser/", "/editor/", "/editor/pages/sendiass", "/admin/audit"]


def violations(page) -> list[str]:
    found = Axe().run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in found]


@pytest.fixture(scope="module")
def axe_context(browser, server):
    context = browser.new_context(viewport=PHONE, base_url=server)
    yield context
    context.close()


@pytest.mark.parametrize("address", FAMILY_PAGES)
def test_family_pages_have_no_accessibility_violations(axe_context, address):
    page = axe_context.new_page()
    page.goto(address)
    assert violations(page) == []
    page.close()


def test_a_journeys_result_has_no_accessibility_violations(axe_context, server_app):
    client = server_app.test_client()
    code = client.post("/api/v1/journeys", json={"answers": ANSWERS}).get_json()["code"]
    page = axe_context.new_page()
    page.goto(f"/j/{code}")
    page.locator("#result").wait_for()
    assert violations(page) == []
    page.close()


def test_staff_screens_have_no_accessibility_violations(browser, server, server_app):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    page = context.new_page()
    page.goto("/sign-in")
    page.fill("#email", create_staff(server_app, "admin"))
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    found = {}
    for address in STAFF_PAGES:
        page.goto(address)
        found[address] = violations(page)
    assert found == {address: [] for address in STAFF_PAGES}
    context.close()
