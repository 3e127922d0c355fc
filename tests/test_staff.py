"""Staff sign-in: roles, rate limiting, CSRF, sessions that really end, and the users command."""

import datetime

import pytest

from navigator.store import staff
from tests.conftest import PASSWORD, create_staff, csrf_token, make_app, sign_in


def test_a_parent_reaches_neither_the_call_screen_nor_the_editor(client):
    for address in ("/adviser/", "/editor/"):
        response = client.get(address)
        assert response.status_code == 302 and response.headers["Location"].startswith("/sign-in?next=")


def test_an_adviser_reaches_the_call_screen_but_not_the_editor(app, adviser):
    assert adviser.get("/adviser/").status_code == 200
    refused = adviser.get("/editor/")
    assert refused.status_code == 403 and "Your account cannot use this page" in refused.get_data(as_text=True)


def test_an_editor_reaches_the_editor_but_not_the_call_screen(app):
    client = app.test_client()
    response = sign_in(client, create_staff(app, "editor"))
    assert response.headers["Location"] == "/editor/"
    assert "Editor's desk" in client.get("/editor/").get_data(as_text=True)
    assert client.get("/adviser/").status_code == 403


def test_an_admin_reaches_both(app):
    client = app.test_client()
    sign_in(client, create_staff(app, "admin"))
    assert client.get("/adviser/").status_code == 200 and client.get("/editor/").status_code == 200


def test_signing_in_returns_to_the_page_asked_for_but_never_another_site(app):
    email = create_staff(app, "adviser")
    client = app.test_client()
    form = client.get("/sign-in?next=/adviser/?q=autism").get_data(as_text=True)
    ok = client.post("/sign-in", data={"email": email, "password": PASSWORD, "next": "/adviser/",
                                       "csrf_token": csrf_token(form)})
    assert ok.headers["Location"] == "/adviser/"
    other = app.test_client()
    form = other.get("/sign-in").get_data(as_text=True)
    evil = other.post("/sign-in", data={"email": email, "password": PASSWORD, "next": "//evil.example/",
                                        "csrf_token": csrf_token(form)})
    assert evil.headers["Location"] == "/adviser/"


@pytest.mark.parametrize("target", ["/\t/evil.example", "/%09/evil.example", "/\n/evil.example", "/\r\nSet-Cookie: x=1",
                                    "/\\evil.example", "https://evil.example/", "/\x00/evil.example",
                                    "/\u3000/evil.example", "//evil.example", "javascript:alert(1)"])
def test_sign_in_never_sends_staff_to_another_site_or_breaks(app, target):
    email = create_staff(app, "adviser")
    client = app.test_client()
    form = client.get("/sign-in", query_string={"next": target})
    assert form.status_code == 200
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD, "next": target,
                                             "csrf_token": csrf_token(form.get_data(as_text=True))})
    assert response.status_code == 302
    assert response.headers["Location"] == "/adviser/"


def test_a_wrong_password_gets_a_clear_message_and_no_session(app, client):
    email = create_staff(app, "adviser")
    response = sign_in(client, email, "not the password")
    assert response.status_code == 401
    assert "The email address or password is not right" in response.get_data(as_text=True)
    assert client.get("/adviser/").status_code == 302


def test_empty_fields_are_named(client):
    form = client.get("/sign-in").get_data(as_text=True)
    response = client.post("/sign-in", data={"email": "", "password": "", "csrf_token": csrf_token(form)})
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "Enter your email address" in text and "Enter your password" in text


def test_a_sign_in_without_its_csrf_token_is_refused(app, client):
    email = create_staff(app, "adviser")
    response = client.post("/sign-in", data={"email": email, "password": PASSWORD})
    assert response.status_code == 400 and "could not be accepted" in response.get_data(as_text=True)
    assert client.get("/adviser/").status_code == 302


def test_every_staff_form_refuses_a_post_without_its_token(adviser):
    for address in ("/adviser/answers", "/adviser/share", "/adviser/new-call", "/adviser/understand", "/adviser/open-code",
                    "/sign-out", "/sign-out-everywhere"):
        assert adviser.post(address, data={"age": "7"}).status_code == 400, address
    assert adviser.get("/adviser/").status_code == 200, "a refused post must not sign the adviser out"


def test_passwords_are_stored_only_as_hashes(app):
    email = create_staff(app, "adviser")
    with app.extensions["navigator.site"].database.session() as session:
        from sqlalchemy import select

        from navigator.store.models import StaffUser
        stored = session.scalar(select(StaffUser).where(StaffUser.email == email)).password_hash
    assert PASSWORD not in stored and stored.startswith("scrypt:")


@pytest.fixture(scope="module")
def strict_app(tmp_path_factory):
    """An app with the real, low limits."""
    return make_app(tmp_path_factory.mktemp("strict"), SIGN_IN_ACCOUNT_LIMIT=5, SIGN_IN_ADDRESS_LIMIT=20,
                    CODE_ADDRESS_LIMIT=20)


def test_after_five_wrong_passwords_that_address_waits_even_with_the_right_one(strict_app):
    email = create_staff(strict_app, "adviser")
    client = strict_app.test_client()
    for _ in range(5):
        assert sign_in(client, email, "wrong password!", REMOTE_ADDR="10.0.0.5").status_code == 401
    blocked = sign_in(client, email, PASSWORD, REMOTE_ADDR="10.0.0.5")
    assert blocked.status_code == 429
    assert "too many attempts to sign in from here. Wait 1 minute" in blocked.get_data(as_text=True)
    assert 0 < int(blocked.headers["Retry-After"]) <= 30
    # Another account from elsewhere is not affected.
    assert sign_in(strict_app.test_client(), create_staff(strict_app, "adviser"), REMOTE_ADDR="10.0.0.6").status_code == 302


def test_wrong_passwords_from_one_place_never_lock_the_owner_out_from_theirs(strict_app):
    email = create_staff(strict_app, "adviser")
    attacker = strict_app.test_client()
    for _ in range(12):
        sign_in(attacker, email, "wrong password!", REMOTE_ADDR="203.0.113.9")
    assert sign_in(attacker, email, PASSWORD, REMOTE_ADDR="203.0.113.9").status_code == 429
    assert sign_in(strict_app.test_client(), email, PASSWORD, REMOTE_ADDR="10.0.0.60").status_code == 302


def test_the_wait_doubles_with_each_further_failure_and_never_passes_the_window():
    from navigator.store.throttle import FIRST_WAIT, Limit, wait_after
    limit = Limit(5, datetime.timedelta(minutes=15))
    waits = [wait_after(n, limit) for n in range(4, 12)]
    assert waits[:3] == [datetime.timedelta(0), FIRST_WAIT, FIRST_WAIT * 2]
    assert all(later >= earlier for earlier, later in zip(waits, waits[1:]))
    assert max(waits) == wait_after(1000, limit) == datetime.timedelta(minutes=15)


def test_a_wait_ends_and_the_next_failure_waits_longer(strict_app):
    from navigator.store.models import Attempt
    from navigator.store.throttle import Limit
    email = create_staff(strict_app, "adviser")
    throttle = strict_app.extensions["navigator.throttle"]
    pair = throttle.pair_key(f"account:{email}", "address:10.0.0.61")
    limit = {pair: Limit(5, datetime.timedelta(minutes=15))}
    long_ago = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(minutes=2)
    with strict_app.extensions["navigator.site"].database.session.begin() as session:
        session.add_all(Attempt(kind="sign-in", key=pair, at=long_ago) for _ in range(5))
    assert not throttle.wait("sign-in", limit)  # the 30 s wait after five failures is over
    assert sign_in(strict_app.test_client(), email, "wrong password!", REMOTE_ADDR="10.0.0.61").status_code == 401
    assert datetime.timedelta(seconds=50) < throttle.wait("sign-in", limit) <= datetime.timedelta(seconds=60)


def test_an_administrator_can_unlock_an_account_from_every_address(strict_app):
    email = create_staff(strict_app, "adviser")
    for address in ("10.0.0.70", "10.0.0.71"):
        for _ in range(5):
            sign_in(strict_app.test_client(), email, "wrong password!", REMOTE_ADDR=address)
        assert sign_in(strict_app.test_client(), email, PASSWORD, REMOTE_ADDR=address).status_code == 429
    result = strict_app.test_cli_runner().invoke(args=["users", "unlock", email.upper()])
    assert result.exit_code == 0 and "cleared 10 failed sign-in attempt(s)" in result.output
    for address in ("10.0.0.70", "10.0.0.71"):
        assert sign_in(strict_app.test_client(), email, PASSWORD, REMOTE_ADDR=address).status_code == 302


def test_one_address_trying_many_accounts_is_slowed_too(strict_app):
    client = strict_app.test_client()
    for number in range(20):
        sign_in(client, f"guess{number}@trafford.example", "wrong password!", REMOTE_ADDR="10.0.0.7")
    real = create_staff(strict_app, "adviser")
    assert sign_in(client, real, PASSWORD, REMOTE_ADDR="10.0.0.7").status_code == 429


def test_guessing_reference_codes_is_rate_limited_per_address(strict_app):
    client = strict_app.test_client()
    for _ in range(20):
        assert client.get("/j/AAAA-AAAA", environ_base={"REMOTE_ADDR": "10.0.0.8"}).status_code == 404
    blocked = client.get("/api/v1/journeys/K7QF-3M2X", environ_base={"REMOTE_ADDR": "10.0.0.8"})
    assert blocked.status_code == 429 and blocked.get_json()["error"]["code"] == "too_many_codes"
    assert client.get("/api/v1/journeys/K7QF-3M2X", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code == 404


def test_signing_out_ends_the_session_even_for_a_copied_cookie(app):
    client = app.test_client()
    sign_in(client, create_staff(app, "adviser"))
    page = client.get("/adviser/").get_data(as_text=True)
    cookie = client.get_cookie("session").value
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/adviser/").status_code == 200, "the copy works while the session lives"
    assert client.post("/sign-out", data={"csrf_token": csrf_token(page)}).headers["Location"] == "/sign-in?signed_out=1"
    assert thief.get("/adviser/").status_code == 302, "the copied cookie must stop working"


def test_signing_out_everywhere_ends_every_device(app):
    email = create_staff(app, "adviser")
    desk, laptop = app.test_client(), app.test_client()
    sign_in(desk, email)
    sign_in(laptop, email)
    page = desk.get("/adviser/").get_data(as_text=True)
    desk.post("/sign-out-everywhere", data={"csrf_token": csrf_token(page)})
    assert laptop.get("/adviser/").status_code == 302


def test_disabling_an_account_ends_its_sessions_and_refuses_sign_in(app):
    email = create_staff(app, "adviser")
    client = app.test_client()
    sign_in(client, email)
    result = app.test_cli_runner().invoke(args=["users", "disable", email])
    assert result.exit_code == 0, result.output
    assert client.get("/adviser/").status_code == 302
    assert sign_in(app.test_client(), email).status_code == 401


def test_an_expired_or_idle_session_ends(app):
    database = app.extensions["navigator.site"].database
    create_staff(app, "adviser", "idle@trafford.example")
    user = staff.authenticate(database, "idle@trafford.example", PASSWORD)
    token = staff.start_session(database, user, hours=10)
    assert staff.find_session(database, token, idle_minutes=120) is not None
    with database.session.begin() as session:
        from navigator.store.models import StaffSession
        row = session.get(StaffSession, staff._hash(token))
        row.last_seen_at -= datetime.timedelta(minutes=121)
    assert staff.find_session(database, token, idle_minutes=120) is None
    expired = staff.start_session(database, user, hours=-1)
    assert staff.find_session(database, expired, idle_minutes=120) is None


def test_the_csrf_token_outlives_a_long_call(adviser, monkeypatch):
    import time
    page = adviser.get("/adviser/").get_data(as_text=True)
    later = time.time() + 5 * 3600  # a call screen left open all afternoon
    monkeypatch.setattr(time, "time", lambda: later)
    response = adviser.post("/adviser/answers", data={"csrf_token": csrf_token(page), "asking_as": "parent"})
    assert response.status_code == 302


def test_users_create_reads_the_password_from_stdin_and_refuses_bad_input(app):
    runner = app.test_cli_runner()
    made = runner.invoke(args=["users", "create", "New.Adviser@Trafford.example", "--role", "adviser"],
                         input="a long enough password\n")
    assert made.exit_code == 0 and "new.adviser@trafford.example" in made.output
    assert sign_in(app.test_client(), "new.adviser@trafford.example", "a long enough password").status_code == 302
    again = runner.invoke(args=["users", "create", "new.adviser@trafford.example", "--role", "adviser"],
                          input="a long enough password\n")
    assert again.exit_code != 0 and "already an account" in again.output
    short = runner.invoke(args=["users", "create", "x@trafford.example", "--role", "editor"], input="short\n")
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    role = runner.invoke(args=["users", "create", "y@trafford.example", "--role", "boss"], input="a long enough password\n")
    assert role.exit_code != 0
    listed = runner.invoke(args=["users", "list"])
    assert "new.adviser@trafford.example\tadviser" in listed.output


@pytest.fixture(scope="module")
def proxied_app(tmp_path_factory):
    """Behind one reverse proxy: every request comes from the proxy's address."""
    return make_app(tmp_path_factory.mktemp("proxied"), TRUSTED_PROXIES=1, SIGN_IN_ACCOUNT_LIMIT=5,
                    SIGN_IN_ADDRESS_LIMIT=20)


def _via_proxy(client_address, scheme="http"):
    return {"REMOTE_ADDR": "10.1.1.1", "HTTP_X_FORWARDED_FOR": client_address, "HTTP_X_FORWARDED_PROTO": scheme}


def test_behind_a_trusted_proxy_each_visitor_keeps_their_own_address(proxied_app):
    email = create_staff(proxied_app, "adviser")
    for _ in range(25):
        sign_in(proxied_app.test_client(), email, "wrong password!", **_via_proxy("198.51.100.1"))
    assert sign_in(proxied_app.test_client(), email, PASSWORD, **_via_proxy("198.51.100.1")).status_code == 429
    assert sign_in(proxied_app.test_client(), email, PASSWORD, **_via_proxy("198.51.100.2")).status_code == 302


def test_without_trusted_proxies_a_forwarded_address_is_not_believed(strict_app):
    email = create_staff(strict_app, "adviser")
    for number in range(5):
        sign_in(strict_app.test_client(), email, "wrong password!",
                REMOTE_ADDR="10.0.0.80", HTTP_X_FORWARDED_FOR=f"198.51.100.{number}")
    assert sign_in(strict_app.test_client(), email, PASSWORD, REMOTE_ADDR="10.0.0.80").status_code == 429


def test_hsts_is_sent_over_https_only(proxied_app):
    client = proxied_app.test_client()
    secure = client.get("/", environ_base=_via_proxy("198.51.100.3", "https"))
    assert secure.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get("/", environ_base=_via_proxy("198.51.100.3")).headers
