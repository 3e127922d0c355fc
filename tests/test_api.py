"""The JSON API of shared/CONTRACT.md section 3: shapes, and a clear 4xx for bad input."""

import pytest

from tests.factories import EHC_ANSWERS


def test_questions_lists_every_question_with_options_or_limits(client):
    questions = {q["id"]: q for q in client.get("/api/v1/questions").get_json()["questions"]}
    assert questions["asking_as"]["type"] == "single"
    assert {"value": "parent", "label": "I am a parent or carer"} in questions["asking_as"]["options"]
    assert (questions["age"]["min"], questions["age"]["max"]) == (0, 25)


def test_journey_asks_the_next_question_until_complete(client):
    response = client.post("/api/v1/journey", json={"answers": {"asking_as": "parent"}, "lang": "en"})
    assert response.status_code == 200
    assert response.get_json()["question"]["id"] == "age"
    assert response.get_json()["pathways"] == []


def test_a_complete_journey_returns_ranked_pathways_in_the_contract_shape(client):
    answers = {q: (int(v) if q == "age" else v) for q, v in EHC_ANSWERS}
    assert [p["id"] for p in client.post("/api/v1/journey", json={"answers": answers}).get_json()["pathways"]] \
        == ["ehc-needs-assessment", "sen-support"]
    body = client.post("/api/v1/journey", json={"answers": answers}).get_json()
    assert body["question"] is None and body["urgent"] is False
    first = body["pathways"][0]
    assert first["id"] == "ehc-needs-assessment" and first["url"] == "/pathways/ehc-needs-assessment"
    final = first["steps"][-1]["timescale"]
    assert final == {"text": "Within 20 weeks of the request. A few set exceptions can make it later, for example exceptional personal circumstances.", "weeks_max": 20, "statutory": True,
                     "source": "SEND Regulations 2014, reg 13(2), with exceptions in reg 13(3); appeal: Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20, and SEND Regulations 2014, reg 33", "as_of": None}
    assert {"id", "name", "phone", "email", "url", "hours"} <= set(first["contacts"][0])
    assert {"slug", "title", "url"} == set(first["pages"][0])


def test_one_pathway_by_id_and_404_for_an_unknown_one(client):
    assert client.get("/api/v1/pathways/sen-support").get_json()["id"] == "sen-support"
    response = client.get("/api/v1/pathways/nope")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("kwargs, status, code", [
    ({"json": [1, 2]}, 400, "not_an_object"),
    ({"json": "text"}, 400, "not_an_object"),
    ({"data": b"{not json", "content_type": "application/json"}, 400, "invalid_json"),
    ({"data": b'{"answers": {"asking_as": "\xff"}}', "content_type": "application/json"}, 400, "invalid_json"),
    ({"data": "answers=1", "content_type": "application/x-www-form-urlencoded"}, 415, "not_json"),
    ({"json": {"answers": []}}, 400, "bad_answers"),
    ({"json": {"answers": {"asking_as": "wizard"}}}, 400, "bad_answer"),
    ({"json": {"answers": {"favourite_colour": "blue"}}}, 400, "bad_answer"),
    ({"json": {"answers": {"asking_as": "parent", "age": 9, "happening": ["crisis"], "support_now": "none"}}},
     400, "question_not_asked"),
    ({"data": b'{"answers": {}, "pad": "' + b"x" * 100_000 + b'"}', "content_type": "application/json"}, 413, "too_large"),
])
def test_bad_input_gets_a_clear_json_error_never_a_500(client, kwargs, status, code):
    response = client.post("/api/v1/journey", **kwargs)
    assert response.status_code == status
    error = response.get_json()["error"]
    assert error["code"] == code and error["message"]


def test_search_answers_in_the_contract_shape_with_a_suggestion(client):
    body = client.get("/api/v1/search?q=tribunal&lang=en&page=1").get_json()
    assert body["query"] == "tribunal" and body["total"] >= 1
    assert set(body["results"][0]) == {"slug", "title", "url", "snippet"}
    assert client.get("/api/v1/search?q=tribnal").get_json()["suggestion"] == "tribunal"
    # A misspelling that finds nothing is searched as corrected, and says so; exact=1 does not.
    corrected = client.get("/api/v1/search?q=paediatricain").get_json()
    assert corrected["query"] == "paediatrician" and corrected["corrected_from"] == "paediatricain" and corrected["total"]
    exact = client.get("/api/v1/search?q=paediatricain&exact=1").get_json()
    assert exact["total"] == 0 and exact["suggestion"] == "paediatrician" and exact["corrected_from"] is None


@pytest.mark.parametrize("query", ["page=0", "page=abc", "page=%D9%A1", "q=" + "a" * 201])
def test_bad_search_arguments_get_a_json_400(client, query):
    response = client.get("/api/v1/search?" + query)
    assert response.status_code == 400 and response.get_json()["error"]["message"]


def test_an_unknown_api_address_answers_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"


def test_healthz_says_ok_when_database_and_index_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_data(as_text=True) == "ok"


def test_deadlines_from_a_request_as_dates(client):
    body = client.get("/api/v1/deadlines?from=request&date=2026-01-05").get_json()
    assert body["from"] == "request" and body["date"] == "2026-01-05"
    dates = {d["id"]: d["date"] for d in body["deadlines"]}
    assert dates["final-plan"] == "2026-05-25"
    assert all(d["source"] and d["rule"] and d["title"] for d in body["deadlines"])


def test_an_appeal_deadline_with_a_certificate(client):
    body = client.get("/api/v1/deadlines?from=decision-letter&date=2026-03-10&certificate=2026-04-20").get_json()
    assert body["deadlines"][0]["id"] == "appeal" and body["deadlines"][0]["date"] == "2026-05-20"


@pytest.mark.parametrize("query, code", [
    ("from=request&date=2013-01-01", "date_too_early"),
    ("from=request&date=2099-01-01", "date_too_late"),
    ("from=request&date=31/01/2026", "bad_date"),
    ("from=request", "bad_date"),
    ("from=party&date=2026-01-01", "unknown_event"),
])
def test_bad_deadline_questions_get_a_clear_400(client, query, code):
    response = client.get("/api/v1/deadlines?" + query)
    assert response.status_code == 400 and response.get_json()["error"]["code"] == code


def test_half_a_character_in_json_is_replaced_so_urgent_words_still_reach_urgent_help(client):
    response = client.post("/api/v1/interpret", data='{"text": "my son \\ud800 says he wants to die"}',
                           content_type="application/json")
    assert response.status_code == 200
    assert response.get_json()["urgent"] is True


@pytest.mark.parametrize("body", ['{"answers": {"asking_as": "\\ud800"}}', '{"answers": {"\\udfff": "parent"}}'])
def test_half_a_character_in_answers_gets_the_ordinary_message(client, body):
    response = client.post("/api/v1/journey", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "bad_answer"
