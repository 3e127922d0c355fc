"""The interpreter on its own: phrases, typos, negation, idioms, ages and urgency; and the
public scenarios through the JSON API, to the figures the issue sets."""

import pathlib
import statistics

import pytest
import yaml

from navigator.interpret import Interpreter, load_lexicon

SCENARIOS = pathlib.Path(__file__).resolve().parent / "fixtures" / "public_scenarios.yaml"
READER = Interpreter(load_lexicon())


def read(text):
    return READER.read(text)


@pytest.mark.parametrize("text, concept", [
    ("he is on the spectrum", "autism"),
    ("my daughter is a school refuser", "not_attending"),
    ("what is an EHCP", "ehc_plan"),
    ("how do we get an EHCP", "ehc_request"),
    ("asking for a statutory assessment", "ehc_request"),
    ("we are going to SENDIST", "appeal"),
    ("he has been sofa surfing", "homeless"),
    ("autsim assesment", "autism"),
    ("AUTISM ASSESSMENT!!!", "assessment"),
    ("she stammers", "speech"),
    ("they assessed him last year", "assessment"),
])
def test_phrases_typos_case_and_word_forms_are_understood(text, concept):
    assert concept in read(text).concepts


def test_a_negated_mention_is_set_aside():
    reading = read("my child is not autistic but has severe anxiety")
    assert "autism" not in reading.concepts and "autism" in reading.negated
    assert "anxiety" in reading.concepts


@pytest.mark.parametrize("text, age", [
    ("my 11 yr old is anxious", 11),
    ("she is 7 and cannot read", 7),
    ("my son is six years old", 6),
    ("my 14-year-old has stopped going to school", 14),
    ("Mój syn ma 7 lat", 7),
    ("ابني عمره ١٥ سنة", 15),
])
def test_the_current_age_is_found(text, age):
    assert read(text).age == age


@pytest.mark.parametrize("text", [
    "what happens when he turns 18",
    "we have waited 2 years for a diagnosis",
    "caring for him 24/7 is exhausting",
    "she is 2 years behind in reading",
    "my son",
])
def test_no_age_is_invented(text):
    assert read(text).age is None


@pytest.mark.parametrize("text", [
    "she is self harming",
    "he says he wants to die",
    "my daughter took an overdose",
    "my stepdad hits me",
    "I don't feel safe at home",
    "he has nowhere to sleep tonight",
    "she is sucidal",
])
def test_crisis_words_raise_urgent_help(text):
    reading = read(text)
    assert reading.urgent and reading.pathways[0][0] == "urgent-help"


@pytest.mark.parametrize("text", [
    "I killed it at the school play",
    "I'm dying to know when the panel meets",
    "this wait is killing me",
    "he was bored to death at the review",
    "what is the deadline for the tribunal",
])
def test_ordinary_idioms_raise_no_alarm(text):
    assert not read(text).urgent


def test_nothing_understood_gives_no_pathway():
    reading = read("hello")
    assert reading.concepts == () and reading.pathways == ()


def scenarios():
    return yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))


def test_the_public_scenarios_reach_the_figures_through_the_api(client):
    cases = scenarios()
    top3_hits, urgent_expected, urgent_found, false_alarms, wrong_ages = 0, 0, 0, [], []
    for case in cases:
        body = {"text": case["text"]} | ({"lang": case["lang"]} if "lang" in case else {})
        answer = client.post("/api/v1/interpret", json=body).get_json()
        expect = case["expect"]
        top3 = [p["id"] for p in answer["pathways"][:3]]
        if (not expect["pathways_any"] and not top3) or set(expect["pathways_any"]) & set(top3):
            top3_hits += 1
        if expect.get("urgent") is True:
            urgent_expected += 1
            urgent_found += answer["urgent"] and top3[:1] == ["urgent-help"]
        if expect.get("urgent") is False and answer["urgent"]:
            false_alarms.append(case["id"])
        if answer["age"] != expect.get("age"):
            wrong_ages.append((case["id"], answer["age"], expect.get("age")))
    assert top3_hits / len(cases) >= 0.95, f"top-3 {top3_hits}/{len(cases)}"
    assert urgent_found == urgent_expected, "urgent recall must be 100%"
    assert false_alarms == []
    assert wrong_ages == []


@pytest.mark.parametrize("body, code", [
    ({"text": ""}, "empty_text"),
    ({"text": "   \n\t "}, "empty_text"),
    ({"text": "a" * 2001}, "text_too_long"),
    ({}, "missing_text"),
    ({"text": 42}, "missing_text"),
])
def test_bad_text_gets_a_clear_message(client, body, code):
    response = client.post("/api/v1/interpret", json=body)
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == code


@pytest.mark.parametrize("text", ["😢😢😢", "?!?!...", "<script>alert(1)</script>", "autism مرحبا szkoła",
                                  "‏ابني لا يذهب إلى المدرسة‏"])
def test_odd_text_gets_an_answer_not_an_error(client, text):
    for lang in (None, "en", "xx", "pl"):
        body = {"text": text} | ({"lang": lang} if lang else {})
        response = client.post("/api/v1/interpret", json=body)
        assert response.status_code == 200
        assert "<script>" not in response.get_data(as_text=True)


def test_the_median_reading_takes_under_5_ms():
    import time
    texts = [c["text"] for c in scenarios()]
    timings = []
    for _ in range(5):
        for text in texts:
            start = time.perf_counter()
            READER.read(text)
            timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.005


@pytest.mark.parametrize("name", ["own_scenarios.yaml", "own_scenarios_pl.yaml", "own_scenarios_ur.yaml",
                                  "own_scenarios_ar.yaml"])
def test_our_own_differently_worded_messages_are_understood_too(name):
    """More development sets, worded unlike the public one, guard against tuning to it."""
    own = yaml.safe_load((pathlib.Path(__file__).parent / "fixtures" / name).read_text(encoding="utf-8"))
    hits = 0
    for case in own:
        reading = read(case["text"])
        top3 = [p for p, _ in reading.pathways[:3]]
        expect = case["expect"]
        hits += bool((not expect["pathways_any"] and not top3) or set(expect["pathways_any"]) & set(top3))
        if "urgent" in expect:
            assert reading.urgent == expect["urgent"], case["id"]
        assert reading.age == expect.get("age"), case["id"]
    assert hits / len(own) >= 0.9


def test_polish_typed_without_its_letters_marks_reads_the_same():
    with_marks, without = read("Córka pocięła sobie ręce, leje się krew"), read("Corka pociela sobie rece, leje sie krew")
    assert with_marks.urgent and without.urgent and with_marks.concepts == without.concepts


def test_a_number_of_a_medicine_is_an_amount_but_an_age_is_not():
    assert read("he has eaten what I think is about 8 of my sertraline").urgent
    assert not read("my son is 14 and has had his medication this morning, can school give the lunchtime dose?").urgent
