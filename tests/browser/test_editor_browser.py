"""An editor edits a page in Chromium: the preview follows the typing, the save lands, and
search finds the new words."""

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from tests.browser.conftest import ARTIFACTS
from tests.conftest import CONTENT_DIR, PASSWORD, create_staff, make_app

pytestmark = pytest.mark.browser


@pytest.fixture
def editing_server(tmp_path):
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    app = make_app(tmp_path, CONTENT_DIR=tmp_path / "content")
    http = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=http.serve_forever, daemon=True).start()
    yield app, f"http://127.0.0.1:{http.server_port}"
    http.shutdown()


def test_an_editor_sees_the_preview_saves_and_finds_the_page_in_search(browser, editing_server):
    app, base = editing_server
    email = create_staff(app, "editor")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/editor/pages/careers-advice")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/editor/pages/careers-advice")

    body = page.locator("#body")
    body.click()
    body.press("End")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\nThe wombatorium open day is in March.")
    page.locator("#preview").get_by_text("The wombatorium open day is in March.").wait_for()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "editor-preview.png"))

    page.fill("#note", "added the open day")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**saved=1")
    assert "Saved." in page.locator(".govuk-notification-banner").inner_text()

    page.goto("/search?q=wombatorium")
    results = page.locator("main").inner_text()
    assert "Careers advice" in results or "careers" in results.lower()
    page.get_by_role("link", name=page.locator("main a.govuk-link").first.inner_text()).first.click()
    assert "wombatorium open day" in page.locator("main").inner_text()
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e]
    context.close()
