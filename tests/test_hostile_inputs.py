"""Every hostile string in tests/hostile.py through every input of every route, as the role
the route needs (issue 12): no 5xx, no payload reflected unescaped (no raw tag, no event
handler, no script, no javascript: link made from it), no response header carrying a line
break from the input, no redirect off this site, JSON errors in the contract's shape, and
no fault that sticks (the pages still open after the editor saved hostile words).

One test per group of routes; each loops over the payloads and collects every failing
(route, field, payload) before it asserts, so one run names them all.
"""

from __future__ import annotations

import html.parser
import re
import urllib.parse

import pytest

from tests import hostile
from tests.conftest import PASSWORD, create_staff, csrf_token, sign_in

# -- what must hold for every answer ------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcdoc"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "frame", "frameset", "applet"}


class _Injections(html.parser.HTMLParser):
    """Markup the app itself never writes, so any of it came from the input."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_code = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if hostile.MARKER in tag:
            self.found.append(f"a <{tag}> tag made from the input")
        if tag in FORBIDDEN_TAGS:
            self.found.append(f"a <{tag}> element")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.found.append("a <meta http-equiv=refresh>")
        if tag == "script":
            self._in_code = True
            if not (attributes.get("src") or "").startswith("/static/"):
                self.found.append(f"a <script> that is not the site's own ({attributes.get('src')!r})")
        if tag == "style":
            self._in_code = True
        for name, value in attrs:
            if name.startswith("on") or hostile.MARKER in name:
                self.found.append(f"an attribute {name}= on <{tag}>")
            if name in URL_ATTRIBUTES and value:
                squashed = re.sub(r"[\x00-\x20]", "", value).lower()
                if squashed.startswith(BAD_SCHEMES):
                    self.found.append(f"<{tag} {name}={value[:60]!r}>")
        if tag == "form" and urllib.parse.urlsplit(attributes.get("action") or "").netloc:
            self.found.append(f"a form posting to {attributes['action']!r}")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._in_code = False

    def handle_data(self, data):
        if self._in_code and hostile.MARKER in data:
            self.found.append("the input inside a <script> or <style>")


def injections(html_text: str) -> list[str]:
    parser = _Injections()
    parser.feed(html_text)
    parser.close()
    return parser.found


def location_problem(location: str) -> str | None:
    """Why a redirect's Location leaves this site (as a browser reads it), or None."""
    squashed = re.sub(r"[\t\r\n]", "", location)  # browsers drop these from addresses
    parts = urllib.parse.urlsplit(squashed.replace("\\", "/"))
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "localhost"):
        return f"redirects off the site: Location {location!r}"
    if not parts.netloc and not squashed.startswith("/"):
        return f"redirects to a relative or scheme address: Location {location!r}"
    if squashed.startswith("//") or squashed.startswith("/\\"):
        return f"redirects to another host: Location {location!r}"
    return None


class Probe:
    """Sends requests and collects every broken promise as `route field payload: what`."""

    def __init__(self, app):
        self.secret = app.config["SECRET_KEY"]
        self.failures: list[str] = []
        self.sent = 0

    def check(self, response, where: str, name: str, text: str) -> None:
        self.sent += 1
        label = f"{where} {name}"
        problems = []
        if response.status_code >= 500:
            problems.append(f"answered {response.status_code}")
        for header, value in response.headers.items():
            if "\r" in value or "\n" in value:
                problems.append(f"header {header} holds a line break: {value[:80]!r}")
            if f"{hostile.MARKER}=1" in value:
                problems.append(f"header {header} carries the injected cookie: {value[:80]!r}")
        location = response.headers.get("Location")
        if location is not None:
            problem = location_problem(location)
            if problem:
                problems.append(problem)
        body = response.get_data(as_text=True)
        if self.secret in body:
            problems.append("the SECRET_KEY is in the answer")
        mimetype = response.mimetype or ""
        if mimetype == "text/html":
            if "<" in text and len(text) > 1 and name not in hostile.JSON_ONLY and text in body:
                problems.append("the payload appears unescaped")
            # Every markup payload carries MARKER, so markup it made holds MARKER: parse only
            # then (and for the few without it), which keeps thousands of checks cheap.
            if hostile.MARKER in body or not text or ("<" in text and hostile.MARKER not in text):
                problems += injections(body)
        elif mimetype == "application/json" and response.status_code >= 400:
            problems += json_error_problems(response)
        if problems:
            self.failures.append(f"{label}: " + "; ".join(dict.fromkeys(problems)))

    def report(self, limit: int = 40) -> str:
        shown = "\n  ".join(self.failures[:limit])
        more = f"\n  … and {len(self.failures) - limit} more" if len(self.failures) > limit else ""
        return f"{len(self.failures)} of {self.sent} hostile requests broke a promise:\n  {shown}{more}"


def json_error_problems(response) -> list[str]:
    """The contract's error shape: {"error": {"code": "...", "message": "..."}}."""
    body = response.get_json(silent=True)
    error = body.get("error") if isinstance(body, dict) else None
    if not (isinstance(error, dict) and isinstance(error.get("code"), str) and error["code"]
            and isinstance(error.get("message"), str) and error["message"]):
        return [f"a {response.status_code} JSON error not in the contract's shape: {response.get_data(as_text=True)[:120]!r}"]
    return []


# -- sending a payload in one field -------------------------------------------------------

def encoded(name: str, text: str) -> str:
    """The payload as it goes into a query string or form body: percent-encoded, unless it
    already is one (then the server's own decoder meets the bytes)."""
    return text if name in hostile.PERCENT_ENCODED else urllib.parse.quote(text, safe="")


def with_field(fields: dict, field: str, name: str, text: str) -> str:
    """fields urlencoded, with `field` set to the payload instead of its usual value."""
    kept = {k: v for k, v in fields.items() if k != field}
    start = urllib.parse.urlencode(kept, doseq=True)
    return (start + "&" if start else "") + f"{urllib.parse.quote(field, safe='')}={encoded(name, text)}"


def in_path(name: str, text: str) -> str:
    return encoded(name, text) if text else "%20"


def send_get(probe, client, path: str, fields: dict, field: str, *, headers=None, skip=frozenset(), only=None):
    for name, text in only or hostile.payloads(skip=skip):
        response = client.get(f"{path}?{with_field(fields, field, name, text)}", headers=headers)
        probe.check(response, f"GET {path} ?{field}=", name, text)


def send_form(probe, client, path: str, fields: dict, field: str, *, headers=None, skip=frozenset(), each=None,
              only=None):
    """POST `fields` with `field` set to each payload; `each(response)` after each one."""
    for name, text in only or hostile.payloads(skip=skip):
        response = client.post(path, data=with_field(fields, field, name, text), headers=headers,
                               content_type="application/x-www-form-urlencoded")
        probe.check(response, f"POST {path} {field}=", name, text)
        if each:
            each(response)


def send_all_fields(probe, client, path: str, fields: dict, names: list[str], *, extra=None, skip=frozenset(),
                    only=None):
    """POST with every field in `names` set to the payload at once (forms whose fields are
    all read and checked, so one request reaches each)."""
    for name, text in only or hostile.payloads(skip=skip):
        body = urllib.parse.urlencode({k: v for k, v in fields.items() if k not in names}, doseq=True)
        body += "".join(f"&{urllib.parse.quote(n, safe='')}={encoded(name, text)}" for n in names)
        response = client.post(path, data=body, content_type="application/x-www-form-urlencoded", headers=extra)
        probe.check(response, f"POST {path} [every field]=", name, text)


def send_json(probe, client, path: str, field_path: list[str], *, extra=None, skip=frozenset()):
    for name, text in hostile.payloads(skip=skip | hostile.PERCENT_ENCODED):
        body = hostile.json_body_text(field_path, name, text, extra)
        response = client.post(path, data=body.encode("utf-8"), content_type="application/json")
        probe.check(response, f"POST {path} {'.'.join(field_path)}=", name, text)


class _Form(html.parser.HTMLParser):
    """The fields of the first form posting to `action`, as a browser would send them."""

    def __init__(self, action: str):
        super().__init__(convert_charrefs=True)
        self.action, self.fields, self._inside, self._textarea, self._select = action, {}, False, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._inside = a.get("action") == self.action and not self.fields
        if not self._inside or not a.get("name") and tag != "option":
            return
        if tag == "input" and a.get("type") not in ("submit", "button"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.setdefault(a["name"], []).append(a.get("value") or "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.fields[a["name"]] = [""]
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.fields[self._select] = [a.get("value") or ""]

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False
        if tag == "textarea":
            self._textarea = None
        if tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.fields[self._textarea][0] += data


def form_fields(html_text: str, action: str) -> dict:
    parser = _Form(action)
    parser.feed(html_text)
    return {k: v if len(v) > 1 else v[0] for k, v in parser.fields.items()}


# -- the people who send them ---------------------------------------------------------------

@pytest.fixture(scope="module")
def site(app):
    return app.extensions["navigator.site"]


@pytest.fixture(scope="module")
def known(app, site):
    """Real values to put beside a payload: a page, a pathway, a saved code."""
    code = app.test_client().post("/api/v1/journeys", json={"answers": {"asking_as": "parent"}}).get_json()["code"]
    return {"slug": sorted(site.library.pages)[0], "pathway": "ehc-needs-assessment", "code": code}


def staff_client(app, role):
    client = app.test_client()
    assert sign_in(client, create_staff(app, role)).status_code == 302
    return client


@pytest.fixture(scope="module")
def probe(app):
    return Probe(app)


def token_of(client, path="/"):
    return csrf_token(client.get(path).get_data(as_text=True))


SKIP_HUGE = {"100k-chars"}  # over the 64 KB body limit: one 413 proves it, once is enough


# -- the groups ----------------------------------------------------------------------------
# Every payload goes into every field. A field that reaches the same code again by another
# door (the fragment a script asks for, the same switcher on another page) gets the
# nastiest fifteen, and a field that is only shown back (a filter, a hidden value) gets the
# ones that could break out of HTML: that keeps the whole run inside a minute.
NASTIEST = hostile.nastiest()
MARKUP = hostile.markup()


def group_search(app, known):
    probe, client = Probe(app), app.test_client()
    for path in ("/search", "/api/v1/search"):
        send_get(probe, client, path, {"page": "1"}, "q")
        for field in ("page", "lang", "exact"):
            send_get(probe, client, path, {"q": "", "page": "1"}, field)
            send_get(probe, client, path, {"q": "autism", "page": "1"}, field, only=NASTIEST)
    for field in ("need", "age"):  # browsing the local offer
        send_get(probe, client, "/browse", {"need": "cognition-learning", "age": "9"}, field)
    return probe


def group_deadlines(app, known):
    probe, client = Probe(app), app.test_client()
    usual = {"from": "decision-letter", "date": "2026-01-05", "certificate": "2026-02-02"}
    for path in ("/deadlines", "/api/v1/deadlines"):
        for field in ("from", "date", "certificate"):
            send_get(probe, client, path, usual, field)
    for field in ("from", "date", "certificate"):  # read by the same code as /deadlines
        send_get(probe, client, "/deadlines.ics", usual, field, only=NASTIEST + NUMBERS_AND_DATES)
    boxes = {"from": "decision-letter", "date-day": "5", "date-month": "1", "date-year": "2026",
             "certificate-day": "2", "certificate-month": "2", "certificate-year": "2026"}
    for field in ("date-day", "date-month", "date-year", "certificate-day", "certificate-year"):  # GOV.UK's date input
        send_get(probe, client, "/deadlines", boxes, field)
    return probe


def group_path_variables(app, known):
    probe, client = Probe(app), app.test_client()
    editor = staff_client(app, "editor")
    routes = [(client, "/pages/{}"), (client, "/pathways/{}"), (client, "/api/v1/pathways/{}"),
              (client, "/api/v1/journeys/{}"), (client, "/j/{}"), (client, "/j/{}/print"), (client, "/change/{}"),
              (editor, "/editor/pages/{}"), (editor, "/editor/pages/{}/history"), (editor, "/editor/pages/{}/delete")]
    # The same look-up as another route here (a code, an editor's page name): the nastiest.
    again = {"/j/{}/print", "/editor/pages/{}/history", "/editor/pages/{}/delete"}
    for who, route in routes:
        for name, text in NASTIEST if route in again else hostile.payloads(skip=SKIP_HUGE):
            probe.check(who.get(route.format(in_path(name, text))), f"GET {route}", name, text)
    return probe


def group_languages_and_codes(app, known):
    """?lang= reaches the switcher on every page (it rebuilds the page's own address), and
    the code box, sign-in's next and the editor desk's filters are read from the address."""
    probe, client = Probe(app), app.test_client()
    send_get(probe, client, "/", {}, "lang")
    for path, usual in ((f"/pages/{known['slug']}", {}), (f"/pathways/{known['pathway']}", {}), ("/help-now", {}),
                        ("/deadlines", {"from": "request"}), ("/privacy", {}), ("/accessibility", {})):
        send_get(probe, client, path, usual, "lang", only=NASTIEST)
    send_get(probe, client, "/j", {}, "code")
    send_get(probe, client, "/sign-in", {}, "signed_out", only=MARKUP)
    editor = staff_client(app, "editor")
    for name, text in MARKUP:  # both filters at once: each is read on its own
        response = editor.get(f"/editor/?show={encoded(name, text)}&order={encoded(name, text)}")
        probe.check(response, "GET /editor/ ?show=&order=", name, text)
    for field in ("raw", "saved"):
        send_get(probe, editor, f"/editor/pages/{known['slug']}", {}, field, only=NASTIEST)
    return probe


def group_sign_in_next_is_never_carried_off_site(app, known):
    """Whatever `next` is, the form carries on only a path of this site (every payload), and
    signing in with the ones that look like addresses lands on this site."""
    import html as html_module
    probe = Probe(app)
    anonymous = app.test_client()
    for name, text in hostile.payloads():
        response = anonymous.get(f"/sign-in?next={encoded(name, text)}")
        probe.check(response, "GET /sign-in ?next=", name, text)
        carried = re.search(r'name="next" value="([^"]*)"', response.get_data(as_text=True))
        if carried:
            problem = location_problem(html_module.unescape(carried.group(1)))
            if problem:
                probe.failures.append(f"GET /sign-in ?next= {name}: the form carries it on: {problem}")
    email = create_staff(app, "adviser")
    for name in ("open-redirect-tab", "open-redirect-protocol-relative", "open-redirect-backslash", "crlf-header",
                 "crlf-encoded", "lf-only", "javascript-url", "data-url-html", "traversal", "absolute-path",
                 "percent-lone-surrogate", "nul"):
        text = hostile.payload(name)
        client = app.test_client()
        form = client.get("/sign-in").get_data(as_text=True)
        body = with_field({"email": email, "password": PASSWORD, "csrf_token": csrf_token(form)}, "next", name, text)
        response = client.post("/sign-in", data=body, content_type="application/x-www-form-urlencoded")
        probe.check(response, "POST /sign-in next=", name, text)
        if response.status_code != 302:
            probe.failures.append(f"POST /sign-in next= {name}: a right password did not sign in ({response.status_code})")
    return probe


def group_sign_in_form(app, known):
    from werkzeug.security import generate_password_hash

    from navigator.store import staff
    probe, client = Probe(app), app.test_client()
    token = token_of(client, "/sign-in")
    counter = iter(range(10_000))
    with pytest.MonkeyPatch.context() as patch:
        # An unknown account is checked against a dummy hash (the same work as a real one:
        # scrypt, a third of a second). A one-round hash here, so every payload in both
        # fields takes seconds; the code the payload goes through is the same.
        patch.setattr(staff, "_DUMMY_HASH", generate_password_hash("x", method="pbkdf2:sha256:1"))
        for field in ("email", "password"):
            for name, text in hostile.payloads():
                # A new account name each time: the same one would be paused after five tries.
                fields = {"email": f"nobody-{next(counter)}@trafford.example", "password": "wrong",
                          "csrf_token": token}
                response = client.post("/sign-in", data=with_field(fields, field, name, text),
                                       content_type="application/x-www-form-urlencoded")
                probe.check(response, f"POST /sign-in {field}=", name, text)
    return probe


def group_journey(app, known):
    """The answer step for each kind of question, the own-words box and its confirmation."""
    probe, client = Probe(app), app.test_client()
    token = token_of(client)

    def back_to_happening(response=None):
        if response is None or response.status_code < 400:  # the payload was taken: undo it
            client.post("/answer", data={"csrf_token": token, "question": "asking_as", "answer": "parent"})
            client.post("/answer", data={"csrf_token": token, "question": "age", "answer": "7"})

    back_to_happening()
    # Now asking "happening" (multi); age (number) and asking_as (single) can be changed.
    for question in ("happening", "age", "asking_as"):
        fields = {"csrf_token": token, "question": question}
        send_form(probe, client, "/answer", fields, "answer", each=back_to_happening)
        send_form(probe, client, "/answer", fields, "answer", each=back_to_happening, only=NASTIEST,
                  headers={"X-Navigator-Chat": "1"})
    send_form(probe, client, "/answer", {"csrf_token": token, "answer": "parent"}, "question", each=back_to_happening)
    words = app.test_client()
    words_token = token_of(words)
    send_form(probe, words, "/understand", {"csrf_token": words_token}, "text")
    send_form(probe, words, "/understand", {"csrf_token": words_token}, "text", headers={"X-Navigator-Chat": "1"},
              only=NASTIEST)

    def understood_again(response=None):
        if response is None or response.status_code < 400:
            words.post("/understand", data={"csrf_token": words_token, "text": "my son is 7 and autistic"})

    understood_again()
    send_form(probe, words, "/understood", {"csrf_token": words_token, "action": "remove"}, "item",
              each=understood_again, only=MARKUP)
    send_form(probe, words, "/understood", {"csrf_token": words_token}, "action", each=understood_again)
    # What the payloads left behind in the session still shows as a page.
    probe.check(words.get("/"), "GET / after /understand", "all", "")
    probe.check(client.get("/"), "GET / after /answer", "all", "")
    return probe


def group_saved_journeys(app, known):
    probe, client = Probe(app), app.test_client()
    token = token_of(client)
    client.post("/answer", data={"csrf_token": token, "question": "asking_as", "answer": "parent"})
    for name, text in hostile.payloads(skip=SKIP_HUGE):
        response = client.post(f"/j/{in_path(name, text)}", data={"csrf_token": token})
        probe.check(response, "POST /j/<code>", name, text)
    send_form(probe, client, "/share", {"csrf_token": token}, "answers", only=NASTIEST)
    send_form(probe, client, "/start-again", {"csrf_token": token}, "keep", only=NASTIEST)
    return probe


def group_adviser(app, known):
    probe, adviser = Probe(app), staff_client(app, "adviser")
    token = token_of(adviser, "/adviser/")
    questions = [q["id"] for q in adviser.get("/api/v1/questions").get_json()["questions"]]
    usual = {"csrf_token": token, "asking_as": "parent", "age": "7", "event": "request", "date": "2026-01-05"}

    def good_answers_again(response):
        if response.status_code < 400:
            adviser.post("/adviser/answers", data=usual)

    send_all_fields(probe, adviser, "/adviser/answers", usual, questions)
    send_all_fields(probe, adviser, "/adviser/answers", usual, questions, extra={"X-Navigator-Call": "1"},
                    only=NASTIEST)
    # Each question is read on its own (above); the key date is read only with a known event.
    send_form(probe, adviser, "/adviser/answers", usual, "date", each=good_answers_again)
    send_form(probe, adviser, "/adviser/answers", usual, "event", each=good_answers_again, only=NASTIEST)
    send_form(probe, adviser, "/adviser/understand", {"csrf_token": token}, "text")
    send_form(probe, adviser, "/adviser/open-code", {"csrf_token": token}, "code")
    send_get(probe, adviser, "/adviser/search", {}, "q", skip=SKIP_HUGE)
    send_get(probe, adviser, "/adviser/", {}, "q", only=NASTIEST)
    # The screen that holds all of it still opens (a year 0000 once left it answering 500).
    probe.check(adviser.get("/adviser/"), "GET /adviser/ after everything", "all", "")
    return probe


def group_api(app, known):
    probe, client = Probe(app), app.test_client()
    send_json(probe, client, "/api/v1/interpret", ["text"])
    send_json(probe, client, "/api/v1/interpret", ["lang"], extra={"text": "my son is autistic"}, skip=SKIP_HUGE)
    for question in ("asking_as", "age", "happening", "needs"):
        send_json(probe, client, "/api/v1/journey", ["answers", question],
                  extra={"answers": {"asking_as": "parent", "age": 7}}, skip=SKIP_HUGE)
    send_json(probe, client, "/api/v1/journey", ["lang"], extra={"answers": {}}, skip=SKIP_HUGE)
    send_json(probe, client, "/api/v1/journey", ["answers"], skip=SKIP_HUGE)
    send_json(probe, client, "/api/v1/journeys", ["answers", "asking_as"], skip=SKIP_HUGE)
    send_json(probe, client, "/api/v1/journeys", ["answers", "age"], extra={"answers": {"asking_as": "parent"}},
              skip=SKIP_HUGE)
    # The payload as the whole body: not JSON, or JSON that is not an object.
    for path in ("/api/v1/interpret", "/api/v1/journey", "/api/v1/journeys"):
        for name, text in hostile.payloads(skip=SKIP_HUGE):
            probe.check(client.post(path, data=text.encode("utf-8", "surrogatepass"), content_type="application/json"),
                        f"POST {path} body=", name, text)
    return probe


def group_editor_forms(app, known):
    """The edit form's fields, the new-page form and the live preview: shown back with a
    preview (which writes nothing), so every payload reaches the page as families see it."""
    probe, editor = Probe(app), staff_client(app, "editor")
    slug = known["slug"]
    usual = form_fields(editor.get(f"/editor/pages/{slug}").get_data(as_text=True), f"/editor/pages/{slug}")
    assert usual.get("csrf_token") and "name" in usual, "the edit form has changed shape"
    usual["preview"] = "1"
    fields = [k for k in usual if k not in ("csrf_token", "preview", "mode", "version")]
    send_all_fields(probe, editor, f"/editor/pages/{slug}", usual, fields)
    send_all_fields(probe, editor, f"/editor/pages/{slug}", usual, ["minimum_age", "maximum_age", "review_by",
                                                                     "assured_date", "version"], only=NUMBERS_AND_DATES)
    # With the other fields valid the body is rendered as families would see it.
    send_form(probe, editor, "/editor/preview", usual, "body")
    raw = {"csrf_token": usual["csrf_token"], "mode": "raw", "version": usual.get("version", ""), "preview": "1"}
    send_form(probe, editor, "/editor/preview", raw, "text")
    send_form(probe, editor, f"/editor/pages/{slug}", raw, "text", only=MARKUP)
    send_form(probe, editor, "/editor/preview", {**usual, "mode": "form"}, "slug", only=NASTIEST)
    new = form_fields(editor.get("/editor/new").get_data(as_text=True), "/editor/new")
    new["preview"] = "1"
    send_form(probe, editor, "/editor/new", {**new, "mode": "raw", "text": "x"}, "slug", only=NASTIEST)
    return probe


NUMBERS_AND_DATES = [(n, t) for n, t in hostile.PAYLOADS if n in {
    "superscript-two", "arabic-indic-digits", "circled-one", "negative", "huge-float", "nan", "infinity",
    "huge-int", "hex", "fraction", "thai-digits", "year-zero", "feb-30", "year-9999", "year-10000",
    "date-with-time", "date-arabic-digits", "date-uk-order", "empty", "nul", "script-tag"}]

# Every save reloads the site (about a second on a busy machine): the nastiest of each kind,
# and the ones that once broke a page on disk.
WRITTEN = NASTIEST + [(n, t) for n, t in hostile.PAYLOADS if n in {
    "json-lone-surrogate-escape", "nul", "control-chars", "10k-chars", "yaml-python-object", "yaml-unclosed-flow",
    "markdown-raw-html"}]


def group_editor_writes(app, known):
    """Saves that succeed, in a copy of the content. Each save reloads the site and rebuilds
    its search index (seconds each), so the payloads go in together: one page created with
    them in its name, description, a contact, a source and the body; then a raw save with a
    lone surrogate escaped in its front matter. Afterwards the page (English, Arabic), its
    edit form, history, a revision, the desk and a search that finds it all still open with
    every payload escaped: a hostile save must not leave a fault that sticks. Then pages
    created (previewed), renamed (a stale version) and deleted (a wrong version) with hostile
    addresses, which write nothing."""
    import yaml

    from navigator.content import files
    from navigator.store import revisions

    probe, editor = Probe(app), staff_client(app, "editor")
    site = app.extensions["navigator.site"]
    slug, path = "hostile-scratch", "/editor/pages/hostile-scratch"
    nasty = [t for _n, t in NASTIEST]
    meta = {
        "name": f"{hostile.payload('script-tag')} {hostile.payload('rtl-override')}"[:120],
        "description": " ".join(nasty[1:4])[:400],
        "needs": ["all"], "assured_date": "2026-11-01", "review_by": "2027-05-01",
        "contacts": [{"id": "hostile", "name": " ".join(nasty), "hours": " ".join(nasty[::-1]),
                      "text": hostile.payload("jinja-config"), "verified": False}],
        "sources": [{"title": " ".join(nasty), "url": "https://www.trafford.gov.uk"}],
    }
    # Raw tags in a body are refused with a message (editor-forms sends them); the rest go in.
    body = "\n\n".join(t for n, t in WRITTEN
                       if "\x00" not in t and not re.search(r"<|script:|\bon\w+\s*=", t, re.IGNORECASE))
    page_file = "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n\n" + body + "\n"
    with hostile.scratch_content(app):
        token = token_of(editor, "/editor/")
        made = editor.post("/editor/new", data={"csrf_token": token, "slug": slug, "mode": "raw", "text": page_file})
        probe.check(made, "POST /editor/new (every payload in one page)", "all", "")
        if made.status_code != 302:
            problems = re.findall(r'<a href="#[^"]*">([^<]*)</a>', made.get_data(as_text=True))
            probe.failures.append(f"POST /editor/new: the hostile page was refused ({made.status_code}): {problems[:5]}")
            return probe
        version = files.read(site.content_dir, slug).version
        broken = page_file.replace("name: ", 'name: "Broken \\ud800 name" #', 1)
        again = editor.post(path, data={"csrf_token": token, "mode": "raw", "version": version, "text": broken})
        probe.check(again, f"POST {path} (name with a lone surrogate escape)", "json-lone-surrogate-escape", "")
        revision = revisions.history(site.database, slug)[0].id
        for after in (f"/pages/{slug}", f"/pages/{slug}?lang=ar", f"/pages/{slug}?lang=ur", path, f"{path}?raw=1",
                      f"{path}/history", f"/editor/revisions/{revision}", "/editor/", "/editor/?show=problems",
                      "/search?q=hostile7", "/api/v1/search?q=hostile7", "/adviser/search?q=hostile7"):
            response = editor.get(after)
            if response.status_code != 200 and after != "/adviser/search?q=hostile7":  # editors are not advisers
                probe.failures.append(f"GET {after} after the hostile save: {response.status_code}")
            probe.check(response, f"GET {after} after the hostile save", "all", "")
            shown = response.get_data(as_text=True)
            for name, text in NASTIEST:
                if "<" in text and text in shown and response.mimetype == "text/html":
                    probe.failures.append(f"GET {after} after the hostile save {name}: the payload appears unescaped")
        found = editor.get("/api/v1/search?q=hostile7").get_json()
        if not any(hit["slug"] == slug for hit in found["results"]):
            probe.failures.append(f"search does not find the hostile page: {found}")
        current = files.read(site.content_dir, slug).version
        previewed = {"csrf_token": token, "mode": "raw", "text": page_file, "preview": "1"}
        send_form(probe, editor, "/editor/new", previewed, "slug", only=NASTIEST + NUMBERS_AND_DATES)
        send_form(probe, editor, f"{path}/rename", {"csrf_token": token, "version": "stale"}, "new_slug",
                  only=NASTIEST + NUMBERS_AND_DATES)
        send_form(probe, editor, f"{path}/delete", {"csrf_token": token}, "version", only=MARKUP)
        if files.read(site.content_dir, slug) is None or files.read(site.content_dir, slug).version != current:
            probe.failures.append("a preview, a stale rename or a wrong-version delete changed the page")
    return probe


GROUPS = {
    "search": group_search,
    "deadlines": group_deadlines,
    "path-variables": group_path_variables,
    "languages-and-codes": group_languages_and_codes,
    "sign-in-next": group_sign_in_next_is_never_carried_off_site,
    "sign-in-form": group_sign_in_form,
    "journey": group_journey,
    "saved-journeys": group_saved_journeys,
    "adviser": group_adviser,
    "api": group_api,
    "editor-forms": group_editor_forms,
    "editor-writes": group_editor_writes,
}


@pytest.mark.parametrize("group", list(GROUPS))
def test_hostile_input_gets_no_5xx_no_unescaped_echo_no_header_and_no_redirect_off_site(app, known, group):
    probe = GROUPS[group](app, known)
    assert probe.sent or probe.failures, "nothing was sent"
    assert not probe.failures, probe.report()


def test_the_checks_themselves_catch_what_they_look_for():
    """The checks can fail: an echo of each kind of injection is caught, escaping is not."""
    assert injections("<p><img src=x onerror=alert(1)></p>")
    assert injections("<a href=' javascript:alert(1)'>x</a>")
    assert injections("<script>alert('hostile7')</script>")
    assert injections("<svg/onload=alert(1)>")
    assert injections("<iframe srcdoc='x'></iframe>")
    assert not injections("<p>&lt;script&gt;alert('hostile7')&lt;/script&gt;</p>"
                          "<input value=\"&quot;&gt;&lt;img src=x onerror=alert('hostile7')&gt;\">")
    assert location_problem("//evil.example") and location_problem("/\t/evil.example")
    assert location_problem("http://evil.example/") and location_problem("/\\evil.example")
    assert location_problem("javascript:alert(1)")
    assert location_problem("/editor/") is None and location_problem("http://localhost/x") is None
