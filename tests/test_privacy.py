"""What a family tells the navigator stays theirs: the cookie cannot be read, logs hold no
search words or codes, family data is never cached, and a link from elsewhere cannot
replace their answers."""

from __future__ import annotations

import base64
import logging
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zlib

from navigator.config import PROJECT_ROOT
from navigator.web.security import EncryptedSerializer
from tests.conftest import csrf_token, seed_search_index


def answer(client, question, value):
    token = csrf_token(client.get("/").get_data(as_text=True))
    return client.post("/answer", data={"csrf_token": token, "question": question, "answer": value})


def _every_decoding(cookie: str) -> str:
    """What someone holding the phone could read from the cookie with no key: each dot-
    separated part, base64-decoded and inflated where that works (Flask's signed cookie
    is exactly that)."""
    readable = [cookie]
    for part in cookie.lstrip(".").split("."):
        for pad in ("", "=", "=="):
            try:
                raw = base64.urlsafe_b64decode(part + pad)
            except ValueError:
                continue
            readable.append(raw.decode("latin-1"))
            try:
                readable.append(zlib.decompress(raw).decode("latin-1"))
            except zlib.error:
                pass
    return "\n".join(readable)


def test_the_session_cookie_shows_no_answers_or_concepts_when_decoded(client):
    answer(client, "asking_as", "parent")
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/understand", data={"csrf_token": token, "text": "my son is 14 and autistic and says he wants to die"})
    cookie = client.get_cookie("session").value
    decoded = _every_decoding(cookie)
    # Only words of three letters or more: a two-character secret such as the age "14"
    # turns up by chance in random ciphertext read as text (it did, once in CI), so the
    # age is looked for as the JSON or form text would hold it.
    for secret in ("parent", "asking_as", "self_harm", "autism", "answers", "understood",
                   "wants to die", ": 14", ":14", '"14"', "=14"):
        assert secret not in decoded, f"{secret!r} can be read from the cookie"
    # and the service itself still reads it: the answer is kept
    assert "/change/asking_as" in client.get("/").get_data(as_text=True)


def test_a_cookie_made_with_another_key_or_changed_is_refused():
    ours, theirs = EncryptedSerializer("one secret"), EncryptedSerializer("another secret")
    token = ours.dumps({"answers": {"asking_as": "parent"}})
    assert ours.loads(token) == {"answers": {"asking_as": "parent"}}
    for forged in (theirs.dumps({"answers": {}}), token[:-4] + "AAAA", "not a token"):
        try:
            ours.loads(forged)
        except Exception as error:  # noqa: BLE001 - the type is the point of the next line
            assert type(error).__name__ == "BadSignature"
        else:
            raise AssertionError(f"{forged[:20]}… was accepted")


def test_a_cookie_older_than_twelve_hours_is_not_read(app, client):
    serializer = app.session_interface.get_signing_serializer(app)
    body = serializer._json.dumps({"answers": {"asking_as": "parent"}}).encode()
    thirteen_hours_ago = int(time.time()) - 13 * 3600
    client.set_cookie("session", serializer._fernet.encrypt_at_time(body, thirteen_hours_ago).decode())
    html = client.get("/").get_data(as_text=True)
    assert "/change/asking_as" not in html
    assert "could not read the answers saved in your browser" in html


def test_logs_name_the_kind_of_page_never_the_search_words_or_the_code(client, caplog):
    with caplog.at_level(logging.INFO, logger="navigator.requests"):
        client.get("/search?q=myson+harrisonsmith")
        client.get("/j/ABCD2345")
        client.get("/pages/no-such-page-harrisonsmith")
    lines = [r.getMessage() for r in caplog.records if r.name == "navigator.requests"]
    assert any(line.startswith("GET /search 200") for line in lines), lines
    assert any(line.startswith("GET /j/<code> ") for line in lines), lines
    assert any(line.startswith("GET /pages/<slug> 404") for line in lines), lines
    assert not [line for line in lines if "harrisonsmith" in line or "ABCD2345" in line]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_under_gunicorn_no_log_holds_a_search_word_a_code_or_an_address(tmp_path):
    """gunicorn with its access log on, reading the repository's gunicorn.conf.py."""
    env = {**os.environ, "NAVIGATOR_INSTANCE_PATH": str(tmp_path / "instance"), "NAVIGATOR_SECRET_KEY": "log-test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'navigator.db'}"}
    seed_search_index(tmp_path / "instance")  # the test is about the logs, not the first build
    port, access, errors = _free_port(), tmp_path / "access.log", tmp_path / "error.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "1", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(access), "--error-logfile", str(errors), "wsgi:app"],
        env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        for address in ("/search?q=harrisonsmith", "/j/ABCD2345", "/deadlines?from=request&date=2026-01-05"):
            try:
                urllib.request.urlopen(base + address, timeout=10).read()
            except urllib.error.HTTPError:
                pass
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=20)
    logged = access.read_text() + errors.read_text() + stderr
    assert "GET /search 200" in logged and "GET /j/<code>" in logged, logged[-2000:]
    for private in ("harrisonsmith", "ABCD2345", "2026-01-05", "127.0.0.1 -"):
        assert private not in logged, f"{private!r} was logged"


def test_nothing_that_can_hold_a_familys_situation_is_cached(client):
    for address in ("/", "/deadlines.ics?from=request&date=2026-01-05", "/deadlines?from=request&date=2026-01-05",
                    "/api/v1/pathways", "/pages/sendiass", "/j/ABCD2345", "/no-such-page", "/healthz"):
        response = client.get(address)
        assert response.headers.get("Cache-Control") == "no-store", address
    assert client.get("/deadlines.ics?from=request&date=2026-01-05").mimetype == "text/calendar"


SAVED_ANSWERS = {"asking_as": "parent", "age": 9, "happening": ["none"], "support_now": "sen_support",
                 "needs": ["learning"], "autism_adhd": "neither", "want": "ehc_plan"}


def _saved_code(client) -> str:
    return client.post("/api/v1/journeys", json={"answers": SAVED_ANSWERS}).get_json()["code"]


def test_a_shared_link_opens_at_once_in_a_browser_with_no_answers(app):
    family = app.test_client()
    response = family.get(f"/j/{_saved_code(app.test_client())}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/#result")
    assert "/change/want" in family.get("/").get_data(as_text=True)


def test_a_link_from_elsewhere_asks_before_replacing_a_familys_own_answers(app):
    family = app.test_client()
    answer(family, "asking_as", "young_person")
    code = _saved_code(app.test_client())
    asked = family.get(f"/j/{code}")
    html = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Replace your answers?" in html and "EHC needs assessment" in html
    start = family.get("/").get_data(as_text=True)
    assert "/change/asking_as" in start and "/change/want" not in start, "nothing replaced yet"
    # a page elsewhere cannot post the confirmation for them: it has no CSRF token
    assert family.post(f"/j/{code}").status_code == 400
    replaced = family.post(f"/j/{code}", data={"csrf_token": csrf_token(html)})
    assert replaced.status_code == 302
    assert "/change/want" in family.get("/").get_data(as_text=True)
