"""Saving and sharing a journey: answers only, a code easy to read aloud, an expiry and a purge."""

import datetime
import urllib.parse

import pytest

from navigator.site import current_site
from navigator.store import journeys
from tests.factories import EHC_JOURNEY as ANSWERS


def test_a_saved_journey_has_a_readable_code_and_opens_the_same_pathways(client):
    saved = client.post("/api/v1/journeys", json={"answers": ANSWERS})
    assert saved.status_code == 201
    body = saved.get_json()
    assert len(body["code"]) == 9 and body["code"][4] == "-"
    assert set(body["code"].replace("-", "")) <= set(journeys.ALPHABET)
    expected = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    assert body["expires"] in (expected, (datetime.date.today() + datetime.timedelta(days=31)).isoformat())
    read = client.get(f"/api/v1/journeys/{body['code']}").get_json()
    assert read["answers"] == ANSWERS and read["pathways"][0]["id"] == "ehc-needs-assessment"


@pytest.mark.parametrize("variant", [str.lower, lambda c: c.replace("-", ""), lambda c: " ".join(c.replace("-", ""))])
def test_codes_are_read_whatever_the_case_spaces_or_dashes(client, variant):
    code = client.post("/api/v1/journeys", json={"answers": ANSWERS}).get_json()["code"]
    assert client.get(f"/api/v1/journeys/{variant(code)}").status_code == 200


@pytest.mark.parametrize("code", ["AAAA-AAAA", "K7QF-3M2", "0000-0000", "not a code"])
def test_an_unknown_or_malformed_code_is_a_clear_404(client, code):
    response = client.get(f"/api/v1/journeys/{code}")
    assert response.status_code == 404 and "Codes look like" in response.get_json()["error"]["message"]


def test_a_shared_link_opens_the_pathways_on_another_phone(app, client):
    url = client.post("/api/v1/journeys", json={"answers": ANSWERS}).get_json()["url"]
    phone = app.test_client()
    phone.get(urllib.parse.urlsplit(url).path)
    assert "Asking for an EHC needs assessment" in phone.get("/").get_data(as_text=True)


def test_only_answers_are_saved_and_bad_answers_are_refused(client):
    assert client.post("/api/v1/journeys", json={"answers": {"name": "Sam"}}).status_code == 400
    assert client.post("/api/v1/journeys", json={"answers": {}}).status_code == 400


def test_expired_journeys_cannot_be_read_and_are_purged(app):
    with app.app_context():
        database = current_site().database
        past = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=31)
        code, _ = journeys.save(database, {"asking_as": "parent"}, days=30, now=past)
        assert journeys.load(database, code) is None
        assert journeys.purge(database) >= 1
        with database.session() as session:
            from navigator.store.models import SavedJourney
            assert session.get(SavedJourney, code) is None


def test_navigator_purge_reports_what_it_deleted(app):
    result = app.test_cli_runner().invoke(args=["purge"])
    assert result.exit_code == 0 and "expired saved journeys" in result.output


def test_a_saved_journey_s_link_uses_the_public_address_never_the_host_header(tmp_path):
    from tests.conftest import csrf_token, make_app
    app = make_app(tmp_path, PUBLIC_URL="https://send.example.gov.uk")
    client = app.test_client()
    saved = client.post("/api/v1/journeys", json={"answers": ANSWERS}, headers={"Host": "evil.example"})
    assert saved.get_json()["url"].startswith("https://send.example.gov.uk/j/")
    client.get(urllib.parse.urlsplit(saved.get_json()["url"]).path)  # this browser now has the answers
    token = csrf_token(client.get("/").get_data(as_text=True))
    page = client.post("/share", data={"csrf_token": token}, follow_redirects=True)
    assert "https://send.example.gov.uk/j/" in page.get_data(as_text=True)
