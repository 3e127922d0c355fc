"""The interpreter's safety net, measured on our own development set
(navigator/rules/urgency/urgent_set.yaml: messages in four languages and many voices, written from
how people describe danger, not from the lexicon). Urgent recall matters more than anything
else the interpreter does: every urgent message must be urgent; at most 2% of the hard
non-urgent ones ("this wait is killing me", a danger over years ago) may be flagged."""

import json
import pathlib

import pytest
import yaml

from navigator.interpret import URGENCY_DIR, Interpreter, load_lexicon, load_urgency_model
from navigator.languages import CODES

SET = yaml.safe_load((URGENCY_DIR / "urgent_set.yaml").read_text(encoding="utf-8"))
BLIND = yaml.safe_load((pathlib.Path(__file__).parent / "fixtures" / "urgent_blind6.yaml").read_text(encoding="utf-8"))
BLIND9 = yaml.safe_load((pathlib.Path(__file__).parent / "fixtures" / "urgent_blind9.yaml").read_text(encoding="utf-8"))
FALSE_ALARM_LIMIT = 0.02


@pytest.fixture(scope="module")
def interpreter():
    return Interpreter(load_lexicon(), urgency=load_urgency_model())


def test_the_set_is_big_enough_and_covers_every_language():
    assert len(SET["urgent"]) >= 150 and len(SET["non_urgent"]) >= 150
    for part in ("urgent", "non_urgent"):
        languages = {m["lang"] for m in SET[part]}
        assert languages == set(CODES), part


LANGUAGES = CODES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_urgent_messages_are_urgent(interpreter, lang):
    messages = [m for m in SET["urgent"] if m["lang"] == lang]
    missed = [(m["id"], m["text"][-120:]) for m in messages if not interpreter.read(m["text"]).urgent]
    assert missed == [], \
        f"{lang}: {len(missed)} of {len(messages)} urgent messages missed:\n" + "\n".join(map(str, missed))


def test_hardly_any_non_urgent_message_is_flagged(interpreter):
    flagged = [(m["id"], m["text"][:120]) for m in SET["non_urgent"] if interpreter.read(m["text"]).urgent]
    assert len(flagged) <= FALSE_ALARM_LIMIT * len(SET["non_urgent"]), \
        f"{len(flagged)} of {len(SET['non_urgent'])} flagged:\n" + "\n".join(map(str, flagged))


LONG_BACKGROUND = ("My son is 11 and autistic. We asked for an EHC needs assessment in March and the "
                   "council said no, so we went to mediation. School have him on a part-time timetable "
                   "and the SENCO is kind but stretched. ") * 11


@pytest.mark.parametrize("ending", [
    "Tonight he told me he has taken a whole strip of my sleeping tablets.",
    "I have just found a rope hidden under his bed.",
])
def test_danger_in_the_last_sentence_of_a_long_message_is_still_urgent(interpreter, ending):
    text = (LONG_BACKGROUND + ending)[-2000:]
    assert len(text) == 2000
    assert interpreter.read(text).urgent


def test_danger_inside_hostile_markup_and_mixed_scripts_is_urgent(interpreter):
    assert interpreter.read('<script>alert(1)</script><b onmouseover="x">she took a whole packet of paracetamol</b>').urgent
    assert interpreter.read("my son کہتا ہے وہ مرنا چاہتا ہے").urgent


def test_hostile_urgent_words_are_urgent_and_escaped_on_the_page(client):
    from tests.conftest import csrf_token
    token = csrf_token(client.get("/").get_data(as_text=True))
    hostile = '<img src=x onerror=alert(1)>he has swallowed a washing capsule'
    response = client.post("/understand", data={"csrf_token": token, "text": hostile})
    assert response.headers["Location"].endswith("#urgent-help")
    html = client.get("/").get_data(as_text=True)
    assert "<img src=x" not in html and 'id="urgent-help"' in html
    answer = client.post("/api/v1/interpret", json={"text": hostile}).get_json()
    assert answer["urgent"] is True
    assert "<img" not in json.dumps(answer)


def test_a_danger_told_as_over_is_not_urgent_but_one_that_is_back_is(interpreter):
    over = interpreter.read("She self-harmed in 2019 but is doing really well now. Can we get help with her EHCP?")
    assert not over.urgent and "self_harm" in over.not_now
    back = interpreter.read("She self-harmed in 2019 and now she is cutting her arms again.")
    assert back.urgent


def test_the_never_seen_blind_set_does_not_fall_below_its_measured_figure(interpreter):
    """urgent_blind6.yaml was written blind and is never learned from: the honest figure.
    Measured on arrival 82/100 caught, 8/100 false alarms; with words beside letters and the
    threshold chosen by leaving one set out (scripts/urgent_threshold.py), 93/100 and 8/100;
    with danger in a story, a what-if and a "not" inside the words read, and two more blind
    sets learned from (blind7, short ordinary messages), 95/100 caught and 6/100 false
    alarms; with questions about how a danger is judged, "if ... ever" and blind8 learned
    from, 96/100 caught and 6/100 false alarms (target 100 and at most 2): the gap is open
    work (issue 11); this only stops it getting worse. The 4 missed are all asked "Is anyone
    in danger right now?" with one tap to urgent help (check_danger)."""
    urgent = [interpreter.read(m["text"]) for m in BLIND["urgent"]]
    caught = sum(reading.urgent for reading in urgent)
    asked = sum(reading.check_danger for reading in urgent if not reading.urgent)
    flagged = sum(interpreter.read(m["text"]).urgent for m in BLIND["non_urgent"])
    assert caught >= 96 and caught + asked >= 100 and flagged <= 6, (caught, asked, flagged)


def test_the_second_never_seen_blind_set_does_not_fall_below_its_figure_on_arrival(interpreter):
    """urgent_blind9.yaml was written blind after everything above and is never learned
    from or read for words. On arrival: 91/100 caught, 8 of the 9 missed asked, 12/100 false
    alarms (target 100 and at most 2). This stops the figure getting worse; it is reported,
    never tuned to."""
    urgent = [interpreter.read(m["text"]) for m in BLIND9["urgent"]]
    caught = sum(reading.urgent for reading in urgent)
    asked = sum(reading.check_danger for reading in urgent if not reading.urgent)
    flagged = sum(interpreter.read(m["text"]).urgent for m in BLIND9["non_urgent"])
    assert caught >= 91 and caught + asked >= 99 and flagged <= 12, (caught, asked, flagged)


def test_the_learned_opinion_only_ever_adds_urgency():
    rules_only = Interpreter(load_lexicon())
    both = Interpreter(load_lexicon(), urgency=load_urgency_model())
    for message in SET["urgent"][:40]:
        assert both.read(message["text"]).urgent or not rules_only.read(message["text"]).urgent


def test_the_held_out_set_is_never_among_what_the_model_learns_from():
    """A copy of a held-out message in navigator/rules/urgency/ would quietly make its
    figure flatter: none of its texts may be there."""
    held_out = {m["text"] for blind in (BLIND, BLIND9) for part in ("urgent", "non_urgent") for m in blind[part]}
    for path in URGENCY_DIR.glob("*.yaml"):
        learned = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        texts = {m["text"] for part in ("urgent", "non_urgent") for m in learned.get(part) or []}
        assert not held_out & texts, f"{path.name} holds messages from the held-out set"


@pytest.mark.parametrize("story, at_home", [
    ("Watched a documentary last night about a hospital where autistic adults were abused by staff. "
     "How do I check her respite place is inspected?",
     "We watched a documentary about abuse last night and my son told me his uncle touches him."),
    ("In English they're reading a novel where one of the characters self harms and then takes an overdose.",
     "She read a novel about self harm and now she has cuts all over her arms."),
    ("بتي بتقرا رواية في المدرسة فيها شخصية بتنتحر، كيف اشرح ليها الموضوع؟",
     "بتي قرت رواية عن الانتحار وهي الحين تقول بدها تنتحر الليلة"),
    ("خبروں میں دیکھا کہ ایک لڑکے کو چاقو مارا گیا، میرا بیٹا پریشان ہے۔",
     "خبروں میں دیکھا اور میرا بیٹا کہتا ہے وہ خودکشی کرے گا"),
])
def test_danger_in_a_story_is_not_urgent_but_a_story_that_comes_home_is(interpreter, story, at_home):
    """A news item, a novel or a documentary tells of someone else's danger; a word for the
    family or the child between the story and the danger brings it home."""
    assert not interpreter.read(story).urgent
    assert interpreter.read(at_home).urgent


@pytest.mark.parametrize("negated, urgent", [
    ("usne koi extra goliyan nahi khaayi, maine gin li hain. melatonin ki repeat prescription kaise mangwaun",
     "usne bohat saari goliyan kha li hain pata nahi kitni, melatonin ki"),
    ("هو ما بيأذي حالو أبداً، بس بيعض كمه لما يتوتر. هاد جزء من الـ autism؟",
     "هو عم يأذي حالو هلق وما عم يوقف"),
])
def test_negation_inside_or_after_the_danger_words_is_read_in_urdu_and_arabic(interpreter, negated, urgent):
    """Urdu puts its "not" before the verb at the end ("goliyan nahi khaayi": took no
    tablets); Arabic dialects often say "never" last ("ما بيأذي حالو أبداً")."""
    assert not interpreter.read(negated).urgent
    assert interpreter.read(urgent).urgent


@pytest.mark.parametrize("a_topic, a_danger", [
    ("How do CAMHS assess self harm risk in autistic teenagers? Is it a questionnaire?",
     "She took 20 paracetamol, what are the signs?"),
    ("Jak CAMHS ocenia ryzyko samookaleczenia u dzieci z autyzmem?",
     "Jak CAMHS ocenia ryzyko samookaleczenia, skoro ona znowu sie tnie dzisiaj?"),
    ("CAMHS self harm ka risk kaise assess karte hain? pehli appointment mein kya poochte hain?",
     "beti ne abhi khud ko cut kiya hai, khoon nahi ruk raha"),
    ("كيف يقيم فريق CAMHS خطر ايذاء النفس عند المراهقين؟",
     "بنتي عم تأذي حالها هلق وما عم توقف"),
])
def test_a_question_about_how_a_danger_is_judged_is_a_topic_but_a_question_after_one_is_not(
        interpreter, a_topic, a_danger):
    """"How do they assess", "what are the signs" before the danger words in a question make
    them a topic (Urdu says it after them, in the same clause); the same words after a danger
    told ("she took 20 paracetamol, what are the signs?") or a question that says "again
    today" leave it urgent. A topic is still asked about, never ignored."""
    topic = interpreter.read(a_topic)
    assert not topic.urgent and topic.check_danger
    assert interpreter.read(a_danger).urgent


@pytest.mark.parametrize("what_if, happening", [
    ("if my mum ever kicked me out would i get housing at 16 or get put in care?",
     "my mum kicked me out tonight and i have nowhere to sleep"),
    ("agar mera beta kabhi ghar se bhaag jaye to police kya karti hai?",
     "mera beta ghar se bhaag gaya hai aur raat ho gayi hai, phone band hai"),
    ("jesli corka kiedys ucieknie z domu to co zrobi policja?",
     "corka uciekla z domu trzy godziny temu i nie odbiera telefonu"),
])
def test_an_if_with_an_ever_is_a_what_if_but_the_danger_itself_is_urgent(interpreter, what_if, happening):
    """"If my mum ever …": an "if" and an "ever" a few words apart make a what-if in every
    language, whoever comes between them; the same danger told as happening is urgent."""
    assert not interpreter.read(what_if).urgent
    assert interpreter.read(happening).urgent


def test_the_words_of_a_named_danger_are_never_its_own_not(interpreter):
    """"Better off without me" holds a "without", which negates what follows it elsewhere;
    inside the named phrase it is part of what was said."""
    assert interpreter.read("dd texted 'you'll all be better off without me' no reply").urgent
    assert not interpreter.read("he has never said he wants to die, he is just stressed about school").urgent
