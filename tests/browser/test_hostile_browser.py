"""Hostile input in a real Chromium, with JavaScript on (the only place an injection would run).

The HTTP-level proofs (tests/test_hostile_inputs.py) read the HTML a server sends back; this
file proves the same thing where a family would notice it: hostile strings typed into every
box a person can reach raise no JavaScript dialog, break no Content-Security-Policy rule,
make the browser fetch nothing from another host, cause no server error and leave a page
that rendered (it has an h1). Pages are driven only through the browser and HTTP.

A checker that never fires proves nothing, so the last test serves a deliberately bad page
and shows the recorder reports every kind of trouble it watches for.
"""

from __future__ import annotations

import dataclasses
import urllib.parse

import pytest

from tests.browser.conftest import PHONE
from tests.conftest import PASSWORD, create_staff
from tests.hostile import payload

pytestmark = pytest.mark.browser

# One of each way markup could come alive (a tag, an attribute broken out of, a URL, a
# textarea or title closed early, markdown's links and images, a template expression), the
# right-to-left override, and one long enough (20 KB) to meet every length limit on the
# way. The HTTP proofs (tests/test_hostile_inputs.py) send all of tests/hostile.py; this
# file checks, in a browser, that the kinds of them do nothing there either.
CHOSEN = [
    "script-tag", "img-onerror-attr-break", "svg-onload", "javascript-url", "textarea-breakout",
    "markdown-image-onerror", "jinja-expression", "rtl-override",
]
HOSTILE = [pytest.param(payload(name), id=name) for name in CHOSEN] + [
    pytest.param(payload("10k-chars") * 2, id="20k-chars")]
# Where a sign-in sends you next is an address: these are the ones that try to leave the site.
ADDRESSES = [pytest.param(payload(name), id=name) for name in (
    "javascript-url", "javascript-url-mixed-case", "data-url-html", "open-redirect-protocol-relative",
    "open-redirect-backslash", "open-redirect-tab")]

# Init scripts are injected by the DevTools protocol, so the page's own CSP cannot block
# this listener. It keeps each page's violations in window.__csp and also hands them to
# Python, because a form post navigates away and would take window.__csp with it.
CSP_LISTENER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const seen = `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`;
  window.__csp.push(seen);
  if (window.__reportCsp) window.__reportCsp(seen);
});
"""
# Schemes that never leave the machine.
LOCAL_SCHEMES = ("data:", "blob:", "about:")


@dataclasses.dataclass
class Watch:
    """One browser context and its page, and everything seen in it that a user would notice."""

    page: object
    server: str
    dialogs: list = dataclasses.field(default_factory=list)
    csp: list = dataclasses.field(default_factory=list)
    foreign: list = dataclasses.field(default_factory=list)
    server_errors: list = dataclasses.field(default_factory=list)
    script_errors: list = dataclasses.field(default_factory=list)

    def clear(self):
        for found in (self.dialogs, self.csp, self.foreign, self.server_errors, self.script_errors):
            found.clear()

    def problems(self) -> dict:
        """What went wrong since the last clear(), by kind; empty when all is well."""
        self.page.wait_for_load_state("load")
        # A violation event is queued as a task: give it a frame to arrive before reading.
        csp, headings = self.page.evaluate("""() => new Promise(done => requestAnimationFrame(() => setTimeout(
            () => done([window.__csp || [], document.querySelectorAll('h1').length]))))""")
        found = {
            "dialogs": self.dialogs,
            "CSP violations": sorted(set(self.csp) | set(csp)),
            "requests to other hosts": self.foreign,
            "server errors": self.server_errors,
            "script errors": self.script_errors,
            "no h1": [] if headings else [self.page.url],
        }
        return {kind: items for kind, items in found.items() if items}


def watched(browser, server: str) -> tuple[object, Watch]:
    """A phone-sized context with JavaScript on, recording what Watch lists."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=True, base_url=server)
    watch = Watch(page=None, server=server)
    context.expose_function("__reportCsp", lambda seen: watch.csp.append(seen))
    context.add_init_script(CSP_LISTENER)

    def on_dialog(dialog):
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request):
        if not (request.url.startswith(server + "/") or request.url.startswith(LOCAL_SCHEMES)):
            watch.foreign.append(request.url)

    def on_console(message):
        if "Content Security Policy" in message.text:
            watch.csp.append(message.text)

    context.on("dialog", on_dialog)
    context.on("request", on_request)
    context.on("console", on_console)
    context.on("response", lambda r: watch.server_errors.append(f"{r.status} {r.url}") if r.status >= 500 else None)
    context.on("weberror", lambda e: watch.script_errors.append(str(e.error)))
    watch.page = context.new_page()
    return context, watch


def assert_calm(watch: Watch, where: str):
    problems = watch.problems()
    assert not problems, f"{where}: {problems}"


def quoted(text: str) -> str:
    """As a browser would put it in an address: every reserved character escaped."""
    return urllib.parse.quote(text, safe="")


@pytest.fixture(scope="module")
def family(browser, server):
    """One visitor for every family place: answers left by one payload meet the next, as
    they would for a person trying things out."""
    context, watch = watched(browser, server)
    yield watch
    context.close()


@pytest.fixture
def visitor(family):
    family.clear()
    return family


@pytest.fixture(scope="module")
def deadline_event(family):
    """A real event key, so the dates are read too (an unknown event may stop before them)."""
    family.page.goto("/deadlines")
    return family.page.locator("input[name=from]").first.get_attribute("value")


def sign_in_through_the_form(page, email: str, password: str = PASSWORD):
    page.locator("#email").fill(email)
    page.locator("#password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def signed_in(browser, server, server_app, role: str, start: str):
    context, watch = watched(browser, server)
    watch.page.goto(start)
    sign_in_through_the_form(watch.page, create_staff(server_app, role))
    watch.page.wait_for_url(f"**{start}")
    return context, watch


@pytest.fixture(scope="module")
def adviser_desk(browser, server, server_app):
    context, watch = signed_in(browser, server, server_app, "adviser", "/adviser/")
    yield watch
    context.close()


@pytest.fixture(scope="module")
def editor_desk(browser, server, server_app):
    context, watch = signed_in(browser, server, server_app, "editor", EDITED_PAGE)
    yield watch
    context.close()


# ---- a family's boxes ----------------------------------------------------------------------

def send_in_chat(page, press):
    """The chat posts with fetch and swaps its answer in; done once no form is busy.
    (A locator, not wait_for_function: the page's CSP rightly forbids evaluating strings.)"""
    with page.expect_response(lambda response: response.request.method == "POST"):
        press()
    page.locator("form[aria-busy]").wait_for(state="detached")


@pytest.mark.parametrize("text", HOSTILE)
def test_in_your_own_words(visitor, text):
    page = visitor.page
    page.goto("/")
    page.get_by_label("Or tell us in your own words").fill(text)
    send_in_chat(page, page.get_by_role("button", name="Send").click)
    assert_calm(visitor, "after sending the words")


@pytest.mark.parametrize("text", HOSTILE)
def test_the_childs_age(visitor, text):
    page = visitor.page
    page.goto("/")
    page.get_by_role("button", name="Start again").click()
    page.get_by_role("button", name="I am a parent or carer").click()
    age = page.locator("#answer-age")
    age.fill(text)
    send_in_chat(page, lambda: age.press("Enter"))
    assert_calm(visitor, "after giving the age")
    page.goto("/")  # the same answers, rendered whole by the server this time
    assert_calm(visitor, "the page afterwards")


@pytest.mark.parametrize("text", HOSTILE)
def test_search(visitor, text):
    page = visitor.page
    page.goto("/search")
    box = page.locator("#search-q")
    box.fill(text)
    box.press("Enter")
    assert_calm(visitor, "the results of the search box")
    if len(text) > len(box.input_value()):  # the box stops typing at its maxlength; an address does not
        page.goto(f"/search?q={quoted(text)}")
        assert_calm(visitor, "/search?q=")


@pytest.mark.parametrize("text", HOSTILE)
def test_deadlines(visitor, deadline_event, text):
    # The dates are date pickers, which cannot hold text: only an address can send it.
    for query in (f"from={quoted(text)}&date={quoted(text)}&certificate={quoted(text)}",
                  f"from={deadline_event}&date={quoted(text)}&certificate={quoted(text)}"):
        visitor.page.goto(f"/deadlines?{query}")
        assert_calm(visitor, f"/deadlines?{query[:60]}")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_saved_journey_code(visitor, text):
    page = visitor.page
    page.goto(f"/j/{quoted(text)}")
    assert_calm(visitor, "/j/<code>")
    page.goto("/j")
    page.locator("#code").fill(text)
    page.get_by_role("button", name="Open").click()
    assert_calm(visitor, "the enter-a-code form")


@pytest.mark.parametrize("text", HOSTILE)
def test_the_sign_in_form(visitor, text):
    page = visitor.page
    page.goto(f"/sign-in?next={quoted(text)}")
    assert_calm(visitor, "/sign-in?next=")
    sign_in_through_the_form(page, text, text)
    assert_calm(visitor, "after a hostile email and password")


@pytest.fixture(scope="module")
def staff_email(server_app):
    return create_staff(server_app, "adviser")


@pytest.mark.parametrize("text", ADDRESSES)
def test_signing_in_for_real_with_a_hostile_next_page(browser, server, staff_email, text):
    """Where a good sign-in lands: never another host, never a javascript: address. A fresh
    browser each time, so every sign-in starts signed out."""
    context, watch = watched(browser, server)
    watch.page.goto(f"/sign-in?next={quoted(text)}")
    sign_in_through_the_form(watch.page, staff_email)
    try:
        assert_calm(watch, "after signing in")
    finally:
        context.close()


@pytest.mark.parametrize("text", HOSTILE)
def test_the_language_choice(visitor, text):
    visitor.page.goto(f"/?lang={quoted(text)}")
    assert_calm(visitor, "/?lang=")


# ---- staff screens -----------------------------------------------------------------------

EDITED_PAGE = "/editor/pages/careers-advice"
# Typed above the payload so the test knows this preview, not the saved page's, has arrived.
PREVIEW_MARKER = "Preview typed by the hostile-input test"
PREVIEW_REFUSED = "The preview shows once the page's details are complete and correct."


def wait_for_call_update(page, fill):
    """The call screen sends its answers with fetch as the adviser types."""
    with page.expect_response(lambda response: response.url.endswith("/adviser/answers")):
        fill()
    page.locator("#call-answers[aria-busy]").wait_for(state="detached")


@pytest.mark.parametrize("text", HOSTILE)
def test_the_adviser_call_screen(adviser_desk, text):
    watch, page = adviser_desk, adviser_desk.page
    watch.clear()
    page.goto("/adviser/")
    page.locator("#text").fill(text)
    page.get_by_role("button", name="Fill in from these words").click()
    assert_calm(watch, "after filling in from the caller's words")

    search = page.locator("#adviser-search")
    with page.expect_response(lambda response: "/adviser/search?" in response.url):
        search.fill(text)  # results as you type; anything they set off is recorded, so one check does
    search.press("Enter")
    assert_calm(watch, "the live search results and the search results page")

    wait_for_call_update(page, lambda: page.locator("#age").fill(text))
    assert_calm(watch, "the pathways after a hostile age")

    page.locator("#code").fill(text)
    page.get_by_role("button", name="Open their answers").click()
    assert_calm(watch, "after opening a hostile code")


@pytest.mark.parametrize("text", HOSTILE)
def test_the_editors_preview(editor_desk, text):
    """Only the preview: nothing is saved, so the shared server's pages stay as shipped."""
    watch, page = editor_desk, editor_desk.page
    watch.clear()
    page.goto(EDITED_PAGE)
    # Only the body: a hostile name or summary is refused, and then no preview is drawn at all.
    page.locator("#body").fill(f"{PREVIEW_MARKER}\n\n{text}")
    # With JavaScript the Preview button is hidden: the preview follows the typing instead.
    # The preview either draws the page or, for a body the checks refuse (raw HTML), says it
    # cannot yet; the saved page shown before typing says neither.
    preview = page.locator("#preview")
    preview.get_by_text(PREVIEW_MARKER).or_(preview.get_by_text(PREVIEW_REFUSED)).wait_for(timeout=10_000)
    assert_calm(watch, "the editor's preview")


# ---- the checker can fail ----------------------------------------------------------------

BAD_PAGE = """<!doctype html><title>bad</title>
<meta http-equiv="Content-Security-Policy" content="script-src 'self'">
<script src="/alert.js"></script>
<script>document.title = 'inline ran'</script>
<p>No heading here.</p>"""


def test_the_recorder_reports_a_dialog_a_csp_violation_a_foreign_host_and_a_500(browser, server):
    context, watch = watched(browser, server)
    elsewhere = "http://elsewhere.invalid"
    context.route(f"{elsewhere}/", lambda route: route.fulfill(status=500, content_type="text/html", body=BAD_PAGE))
    context.route(f"{elsewhere}/alert.js", lambda route: route.fulfill(
        content_type="text/javascript", body="alert('hostile7'); undefinedFunction()"))
    watch.page.goto(f"{elsewhere}/")
    problems = watch.problems()
    context.close()
    assert problems["dialogs"] == ["alert: hostile7"]
    assert any("script-src" in seen for seen in problems["CSP violations"]), problems
    assert f"{elsewhere}/" in problems["requests to other hosts"]
    assert problems["server errors"] == [f"500 {elsewhere}/"]
    assert any("undefinedFunction" in error for error in problems["script errors"]), problems
    assert problems["no h1"] == [f"{elsewhere}/"]
