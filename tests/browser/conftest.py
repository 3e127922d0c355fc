"""A real server and Debian's Chromium, driven by Playwright, at a phone's size."""

from __future__ import annotations

import pathlib
import shutil
import threading

import pytest
from werkzeug.serving import make_server

from tests.conftest import make_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PHONE = {"width": 360, "height": 740}
ARTIFACTS = pathlib.Path(__file__).resolve().parents[2] / "test-artifacts"
# Without these, Chromium tries to reach Google's services, which this machine cannot.
QUIET = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def server_app(tmp_path_factory):
    return make_app(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="session")
def server(server_app):
    http = make_server("127.0.0.1", 0, server_app, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}"
    http.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not pathlib.Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `make browser` (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=QUIET)
        yield browser
        browser.close()


@pytest.fixture(params=[False, True], ids=["javascript-off", "javascript-on"])
def phone(request, browser, server):
    """A phone-sized page; records every request that leaves this server and every CSP report."""
    context = browser.new_context(viewport=PHONE, java_script_enabled=request.param, base_url=server)
    page = context.new_page()
    page.javascript = request.param
    page.foreign_requests, page.console_errors = [], []
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:")
            else page.foreign_requests.append(r.url))
    page.on("console", lambda m: page.console_errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
