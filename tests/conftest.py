"""Shared fixtures: an app on a fresh instance folder, its client, and a page checker."""

from __future__ import annotations

import atexit
import html.parser
import pathlib
import re
import shutil
import tempfile

import pytest

from navigator import create_app
from navigator.config import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "content" / "local_offer"
RULES_DIR = PROJECT_ROOT / "navigator" / "rules"


_prebuilt_index: list[pathlib.Path] = []


def _copy_prebuilt_index(search_dir: pathlib.Path) -> None:
    """A search index of the shipped pages, built once per test process and copied into each
    new app's folder: building one costs seconds, copying it a few milliseconds. The app
    still checks the copy is sound and current (as it would any index it finds)."""
    if not _prebuilt_index:
        from navigator.content import load_library
        from navigator.search.whoosh_index import WhooshSearch
        folder = pathlib.Path(tempfile.mkdtemp(prefix="navigator-index-")) / "search"
        WhooshSearch(folder).ensure(load_library(CONTENT_DIR))
        atexit.register(shutil.rmtree, folder.parent, ignore_errors=True)
        _prebuilt_index.append(folder)
    shutil.copytree(_prebuilt_index[0], search_dir, ignore=shutil.ignore_patterns("build.lock"))


def seed_search_index(instance: pathlib.Path) -> None:
    """Give a server started by a test (gunicorn, the CLI) the prebuilt index of the shipped
    pages in its instance folder, for tests about something other than building one."""
    _copy_prebuilt_index(instance / "search")


def make_app(tmp_path: pathlib.Path, **settings):
    # Also for a copy of the pages: the index is named by what the pages say, so a copy that
    # was changed is brought up to date from it, page by page, as the app would.
    if "SEARCH_DIR" not in settings and not (tmp_path / "instance").exists():
        _copy_prebuilt_index(tmp_path / "instance" / "search")
    return create_app({
        "TESTING": True,
        "INSTANCE_PATH": tmp_path / "instance",
        "SEARCH_DIR": tmp_path / "instance" / "search",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'instance' / 'test.db'}",
        "SECRET_KEY": "test-secret-key-not-for-production",
        # Every test comes from 127.0.0.1: limits high enough not to trip each other;
        # tests of the limits themselves set their own.
        "SIGN_IN_ADDRESS_LIMIT": 10_000,
        "CODE_ADDRESS_LIMIT": 10_000,
        **settings,
    })


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    """One app for the whole run: starting one checks every route through the rules and
    builds a search index, which is worth doing once. Each test gets its own client, so
    sessions never leak between tests; tests that change content or rules make their own."""
    return make_app(tmp_path_factory.mktemp("app"))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def copied_content(tmp_path):
    """A writable copy of the shipped pages, for tests that break one."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT_DIR, folder)
    return folder


@pytest.fixture
def copied_rules(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(RULES_DIR, folder)
    return folder


class _PageShape(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.h1_count, self.ids, self.in_h1, self.in_title = 0, [], False, False
        self.h1_text, self.title = "", ""
        self.inline_scripts, self.style_attributes, self.event_handlers = 0, 0, []
        self.unlabelled_controls, self.labels_for, self.controls = [], set(), []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids.append(attributes["id"])
        if tag == "h1":
            self.h1_count += 1
            self.in_h1 = True
        if tag == "title":
            self.in_title = True
        if tag == "script" and "src" not in attributes:
            self.inline_scripts += 1
        if "style" in attributes:
            self.style_attributes += 1
        self.event_handlers += [name for name in attributes if name.startswith("on")]
        if tag == "label" and "for" in attributes:
            self.labels_for.add(attributes["for"])
        if tag in ("input", "textarea", "select") and attributes.get("type") not in ("hidden", "submit"):
            self.controls.append(attributes.get("id"))

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
        if tag == "title":
            self.in_title = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1_text += data
        if self.in_title:
            self.title += data


def check_page_shape(html_text: str) -> _PageShape:
    """What every page must be: one h1, the title starting with it, unique ids, labelled
    controls, and nothing a strict Content-Security-Policy would block."""
    shape = _PageShape()
    shape.feed(html_text)
    assert shape.h1_count == 1, f"expected one h1, found {shape.h1_count}"
    h1 = " ".join(shape.h1_text.split())
    assert " ".join(shape.title.split()).startswith(h1), f"title {shape.title!r} should start with {h1!r}"
    duplicates = {i for i in shape.ids if shape.ids.count(i) > 1}
    assert not duplicates, f"duplicate ids: {duplicates}"
    assert shape.inline_scripts == 0, "inline <script> found"
    assert shape.style_attributes == 0, "style= attribute found"
    assert not shape.event_handlers, f"event handler attributes: {shape.event_handlers}"
    unlabelled = [c for c in shape.controls if c not in shape.labels_for]
    assert not unlabelled, f"controls without a label: {unlabelled}"
    return shape


@pytest.fixture
def get_page(client):
    """GET a page, check its status and shape, and return its HTML."""
    def get(url: str, status: int = 200) -> str:
        response = client.get(url)
        assert response.status_code == status, response.data[:500]
        text = response.get_data(as_text=True)
        check_page_shape(text)
        return text
    return get


def csrf_token(html_text: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html_text).group(1)


PASSWORD = "correct horse battery staple"


def create_staff(app, role: str, email: str | None = None) -> str:
    """A staff account with PASSWORD; returns its (unique) email address."""
    import secrets

    from navigator.store.staff import create_user
    email = email or f"{role}-{secrets.token_hex(4)}@trafford.example"
    create_user(app.extensions["navigator.site"].database, email, PASSWORD, role)
    return email


def sign_in(client, email: str, password: str = PASSWORD, **environ):
    """Sign in through the form, as a person would; returns the response."""
    form = client.get("/sign-in", environ_base=environ).get_data(as_text=True)
    return client.post("/sign-in", data={"email": email, "password": password, "csrf_token": csrf_token(form)},
                       environ_base=environ)


@pytest.fixture
def adviser(app):
    """A client signed in as a new adviser."""
    client = app.test_client()
    assert sign_in(client, create_staff(app, "adviser")).status_code == 302
    return client
