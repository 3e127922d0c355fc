"""Every route in the app, who may reach it, and proof of it for each role.

The inventory below is the one place that says who may use what. A route added to the app
without a line here fails the first test, so a new staff screen cannot ship open by
mistake. Each line is then tried as a family (anonymous), an adviser, an editor and an
administrator: those it names get past the door (neither sent to sign in nor refused);
everyone else is sent to sign in (anonymous) or refused with a 403 (staff). Every POST
is refused without its CSRF token, for every role that may use it.
"""

from __future__ import annotations

import pytest

from tests.conftest import create_staff, csrf_token, sign_in

FAMILY, ADVISER, EDITOR, ADMIN = "anonymous", "adviser", "editor", "admin"
ROLES = (FAMILY, ADVISER, EDITOR, ADMIN)
EVERYONE = frozenset(ROLES)
ADVISERS = frozenset({ADVISER, ADMIN})
EDITORS = frozenset({EDITOR, ADMIN})
ADMINS = frozenset({ADMIN})

# (method, endpoint): (an address that reaches it, who may use it)
INVENTORY: dict[tuple[str, str], tuple[str, frozenset[str]]] = {
    # the family's journey, pages and tools: open to all, staff included (an adviser may look)
    ("GET", "journey.start"): ("/", EVERYONE),
    ("POST", "journey.answer"): ("/answer", EVERYONE),
    ("GET", "journey.change"): ("/change/age", EVERYONE),
    ("POST", "journey.start_again"): ("/start-again", EVERYONE),
    ("POST", "journey.understand"): ("/understand", EVERYONE),
    ("POST", "journey.understood"): ("/understood", EVERYONE),
    ("GET", "pages.help_now"): ("/help-now", EVERYONE),
    ("GET", "pages.page"): ("/pages/sendiass", EVERYONE),
    ("GET", "pages.pathway"): ("/pathways/ehc-needs-assessment", EVERYONE),
    ("GET", "pages.search"): ("/search?q=autism", EVERYONE),
    ("GET", "pages.browse"): ("/browse?need=cognition-learning&age=9", EVERYONE),
    ("GET", "deadlines.calculator"): ("/deadlines", EVERYONE),
    ("GET", "deadlines.calendar_file"): ("/deadlines.ics?from=decision-letter&date=2026-01-05", EVERYONE),
    ("GET", "saved.enter_code"): ("/j", EVERYONE),
    ("GET", "saved.open_code"): ("/j/AAAA-AAAA", EVERYONE),
    ("POST", "saved.replace_answers"): ("/j/AAAA-AAAA", EVERYONE),
    ("GET", "saved.printable"): ("/j/AAAA-AAAA/print", EVERYONE),
    ("POST", "saved.share"): ("/share", EVERYONE),
    ("GET", "about.privacy"): ("/privacy", EVERYONE),
    ("GET", "about.accessibility"): ("/accessibility", EVERYONE),
    ("GET", "health.healthz"): ("/healthz", EVERYONE),
    ("GET", "static"): ("/static/css/navigator.css", EVERYONE),
    # the JSON API (CONTRACT.md): open, as the contract says
    ("GET", "api.questions"): ("/api/v1/questions", EVERYONE),
    ("POST", "api.journey"): ("/api/v1/journey", EVERYONE),
    ("POST", "api.interpret"): ("/api/v1/interpret", EVERYONE),
    ("POST", "api.save_journey"): ("/api/v1/journeys", EVERYONE),
    ("GET", "api.read_journey"): ("/api/v1/journeys/AAAA-AAAA", EVERYONE),
    ("GET", "api.pathway"): ("/api/v1/pathways/ehc-needs-assessment", EVERYONE),
    ("GET", "api.search"): ("/api/v1/search?q=autism", EVERYONE),
    ("GET", "api.deadlines"): ("/api/v1/deadlines?from=decision-letter&date=2026-01-05", EVERYONE),
    # signing in and out
    ("GET", "auth.sign_in"): ("/sign-in", EVERYONE),
    ("POST", "auth.sign_in"): ("/sign-in", EVERYONE),
    ("POST", "auth.sign_out"): ("/sign-out", EVERYONE),
    ("POST", "auth.sign_out_everywhere"): ("/sign-out-everywhere", EVERYONE),
    # the call screen: advisers (and administrators)
    ("GET", "adviser.call"): ("/adviser/", ADVISERS),
    ("POST", "adviser.answers"): ("/adviser/answers", ADVISERS),
    ("POST", "adviser.new_call"): ("/adviser/new-call", ADVISERS),
    ("POST", "adviser.open_code"): ("/adviser/open-code", ADVISERS),
    ("GET", "adviser.search"): ("/adviser/search?q=autism", ADVISERS),
    ("POST", "adviser.share"): ("/adviser/share", ADVISERS),
    ("POST", "adviser.understand"): ("/adviser/understand", ADVISERS),
    # the editor's desk: editors (and administrators). Addresses name no real page or
    # revision, so a test that gets past the door changes nothing.
    ("GET", "editor.desk"): ("/editor/", EDITORS),
    ("GET", "editor.new"): ("/editor/new", EDITORS),
    ("POST", "editor.create"): ("/editor/new", EDITORS),
    ("GET", "editor.edit"): ("/editor/pages/sendiass", EDITORS),
    ("POST", "editor.save"): ("/editor/pages/no-such-page", EDITORS),
    ("GET", "editor.confirm_delete"): ("/editor/pages/sendiass/delete", EDITORS),
    ("POST", "editor.delete"): ("/editor/pages/no-such-page/delete", EDITORS),
    ("GET", "editor.history"): ("/editor/pages/sendiass/history", EDITORS),
    ("POST", "editor.rename"): ("/editor/pages/no-such-page/rename", EDITORS),
    ("POST", "editor.preview"): ("/editor/preview", EDITORS),
    ("GET", "editor.revision"): ("/editor/revisions/999999", EDITORS),
    ("POST", "editor.restore"): ("/editor/revisions/999999/restore", EDITORS),
    # administration
    ("GET", "admin.audit_log"): ("/admin/audit", ADMINS),
}

# POSTs that end the session they are sent from: each gets a client of its own.
ENDS_THE_SESSION = {"auth.sign_out", "auth.sign_out_everywhere"}
POST_ROUTES = sorted(key for key in INVENTORY if key[0] == "POST")


def routes_in(app) -> set[tuple[str, str]]:
    return {(method, rule.endpoint) for rule in app.url_map.iter_rules()
            for method in rule.methods - {"HEAD", "OPTIONS"}}


@pytest.fixture(scope="module")
def site(app):
    """The run's app: the addresses above name no real page, revision or code, so getting
    past the door changes nothing but a saved journey and sessions of this module's own."""
    return app


@pytest.fixture(scope="module")
def accounts(site):
    return {role: create_staff(site, role) for role in ROLES if role != FAMILY}


def client_as(site, accounts, role):
    client = site.test_client()
    if role != FAMILY:
        assert sign_in(client, accounts[role]).status_code == 302, f"{role} could not sign in"
    return client


@pytest.fixture(scope="module")
def clients(site, accounts):
    return {role: client_as(site, accounts, role) for role in ROLES}


def token_for(client) -> str:
    """The CSRF token of this client's session, from a form every role can reach."""
    return csrf_token(client.get("/sign-in").get_data(as_text=True))


def send(client, method, address, token=None):
    if method == "GET":
        response = client.get(address)
    elif address.startswith("/api/"):
        response = client.post(address, json={})
    else:
        response = client.post(address, data={"csrf_token": token} if token else {})
    response.close()  # a static file is streamed from an open file
    return response


def door(response) -> str:
    """What the door did: sent to sign in, refused, or let through."""
    location = response.headers.get("Location", "")
    if response.status_code == 302 and location.startswith("/sign-in?next="):
        return "sent to sign in"
    if response.status_code in (401, 403):
        return "refused"
    return "let through"


def test_every_route_in_the_app_is_in_the_inventory_and_nothing_else_is(site):
    in_app = routes_in(site)
    assert in_app - INVENTORY.keys() == set(), "routes with no line saying who may reach them"
    assert INVENTORY.keys() - in_app == set(), "inventory lines for routes that no longer exist"


def test_each_address_in_the_inventory_reaches_its_own_route(site):
    adapter = site.url_map.bind("localhost")
    wrong = {}
    for (method, endpoint), (address, _) in INVENTORY.items():
        reached, _ = adapter.match(address.split("?")[0], method=method)
        if reached != endpoint:
            wrong[(method, endpoint)] = reached
    assert wrong == {}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_reaches_what_it_may_and_nothing_else(site, accounts, clients, role):
    client = clients[role]
    expected, found = {}, {}
    for (method, endpoint), (address, allowed) in sorted(INVENTORY.items()):
        if endpoint in ENDS_THE_SESSION:
            continue
        response = send(client, method, address, token_for(client) if method == "POST" else None)
        assert response.status_code < 500, f"{method} {address} as {role}: {response.status_code}"
        if role in allowed:
            expected[(method, address)] = "let through"
        else:
            expected[(method, address)] = "sent to sign in" if role == FAMILY else "refused"
        found[(method, address)] = door(response)
    assert found == expected
    if role != FAMILY:
        assert door(client.get("/adviser/" if ADVISER in (role, ADMIN) else "/editor/")) == "let through", \
            "trying every route must not have signed this role out"


@pytest.mark.parametrize("endpoint", sorted(ENDS_THE_SESSION))
@pytest.mark.parametrize("role", ROLES)
def test_signing_out_is_open_to_everyone_and_ends_a_staff_session(site, role, endpoint):
    # an account of its own: signing out everywhere would end the other tests' sessions too
    client = client_as(site, {role: create_staff(site, role)} if role != FAMILY else {}, role)
    address, _ = INVENTORY[("POST", endpoint)]
    response = send(client, "POST", address, token_for(client))
    assert door(response) == "let through" and response.status_code == 302
    if role != FAMILY:
        assert door(client.get("/adviser/" if role != EDITOR else "/editor/")) == "sent to sign in"


@pytest.mark.parametrize("role", ROLES)
def test_every_post_is_refused_without_its_csrf_token(site, accounts, role):
    client = client_as(site, accounts, role)
    taken = {}
    for method, endpoint in POST_ROUTES:
        address, allowed = INVENTORY[(method, endpoint)]
        if address.startswith("/api/"):
            continue  # the JSON API is for other programs; it uses no cookie and holds no session
        taken[address] = client.post(address, data={"age": "7"}).status_code
    assert taken and set(taken.values()) == {400}, taken
    if role != FAMILY:
        assert door(client.get("/adviser/" if role != EDITOR else "/editor/")) == "let through", \
            "a refused post must not sign anyone out"


def test_the_checker_can_tell_a_door_left_open(site, clients):
    """The proofs above can fail: an editor's route marked as for families is caught."""
    response = send(clients[FAMILY], "GET", "/editor/")
    assert door(response) == "sent to sign in" != "let through"
    response = send(clients[ADVISER], "GET", "/editor/")
    assert door(response) == "refused"
