"""Urgent help never depends on anything else: with the search index, the page library or
the database broken or slow, a message about danger is still understood as urgent and the
urgent-help card is still shown; only the suggested pages are left out (and logged)."""

import logging
import time

import pytest

from tests.conftest import csrf_token

DANGER = "my son says he wants to kill himself tonight"


class Broken:
    """Stands for a part that has failed: every use of it raises."""

    def __init__(self, what: str, delay: float = 0.0):
        self._what, self._delay = what, delay

    def __getattr__(self, name):
        if self._delay:
            time.sleep(self._delay)
        raise RuntimeError(f"the {self._what} is broken ({name})")


class SlowSearch:
    def __init__(self, real, delay: float):
        self._real, self._delay = real, delay

    def search(self, *args, **kwargs):
        time.sleep(self._delay)
        return self._real.search(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._real, name)


def _site(app):
    return app.extensions["navigator.site"]


BREAKAGES = {
    "search index raises": lambda site: ("search", Broken("search index")),
    "search index slow": lambda site: ("search", SlowSearch(site.search, 3.0)),
    "page library raises": lambda site: ("library", Broken("page library")),
    "database raises": lambda site: ("database", Broken("database")),
}


@pytest.fixture(params=sorted(BREAKAGES))
def broken(request, app, monkeypatch):
    site = _site(app)
    part, stand_in = BREAKAGES[request.param](site)
    monkeypatch.setattr(site, part, stand_in)
    monkeypatch.setattr(site, "refresh", lambda every=1.0: False)  # no reload repairs it mid-test
    return request.param


def test_the_api_still_says_urgent_with_a_part_broken(app, broken, caplog):
    client = app.test_client()
    started = time.monotonic()
    with caplog.at_level(logging.WARNING):
        response = client.post("/api/v1/interpret", json={"text": DANGER})
    took = time.monotonic() - started
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    answer = response.get_json()
    assert answer["urgent"] is True
    assert answer["pathways"][0]["id"] == "urgent-help"
    assert took < 2.5, f"urgent help waited {took:.1f} s on a {broken}"
    if broken.startswith("search"):
        assert answer["pages"] == []
        assert any("suggested pages left out" in r.getMessage() for r in caplog.records)


def test_the_family_page_still_shows_urgent_help_first_with_a_part_broken(app, broken):
    client = app.test_client()
    token = csrf_token(client.get("/").get_data(as_text=True)) if broken != "page library raises" else None
    if token is None:  # the start page itself must work with the library broken
        first = client.get("/")
        assert first.status_code == 200
        token = csrf_token(first.get_data(as_text=True))
    response = client.post("/understand", data={"csrf_token": token, "text": DANGER})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("#urgent-help")
    page = client.get("/")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    main = html[html.index("<main"):]
    assert main.index('id="urgent-help"') < main.index("<h1")
    assert 'href="tel:999"' in html and ("A&E" in html or "A&amp;E" in html)


def test_without_any_breakage_suggested_pages_are_given(app):
    """The control: the same message on a healthy app also suggests pages."""
    answer = app.test_client().post("/api/v1/interpret", json={"text": DANGER}).get_json()
    assert answer["urgent"] is True and answer["pages"]


def test_urgent_help_links_the_pages_for_exploitation_and_the_duty_team(app):
    """A worry about exploitation shows urgent help at once; its card links the SHINE page."""
    client = app.test_client()
    html = client.get("/help-now").get_data(as_text=True)
    assert 'href="/pages/shine-child-exploitation"' in html and 'href="/pages/emergency-duty-team"' in html
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/understand", data={"csrf_token": token, "text": "older lads are making my son carry drugs for them"})
    page = client.get("/").get_data(as_text=True)
    card = page[page.index('id="urgent-help"'):page.index("</section>", page.index('id="urgent-help"'))]
    assert 'href="/pages/shine-child-exploitation"' in card
