"""Every family's language: the journey, a pathway, search and urgent help in Urdu, Polish
and Arabic; the choice kept in the session and in links; unknown languages say so."""

import re

import pytest
from flask_babel import gettext

from navigator.languages import TRANSLATED
from tests.conftest import check_page_shape, csrf_token
from tests.factories import EHC_ANSWERS

LANGUAGES = list(TRANSLATED)


def translated(app, lang, text):
    with app.test_request_context(f"/?lang={lang}"):
        words = gettext(text)
    assert words != text, f"'{text}' is not translated into {lang}"
    return words


def h1(html):
    return " ".join(re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_journey_starts_in_the_chosen_language_and_direction(app, client, lang):
    html = client.get(f"/?lang={lang}").get_data(as_text=True)
    check_page_shape(html)
    direction = "rtl" if lang in ("ur", "ar") else "ltr"
    assert f'<html lang="{lang}" dir="{direction}"' in html
    assert h1(html) == translated(app, lang, "Find the right help for a child or young person with SEND")
    assert translated(app, lang, "Who is asking?") in html
    assert ("govuk-frontend.rtl.min.css" in html) == (direction == "rtl")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_journey_ends_with_pathways_in_that_language(app, client, lang):
    client.get(f"/?lang={lang}")
    for question, value in EHC_ANSWERS:
        token = csrf_token(client.get("/").get_data(as_text=True))
        values = value if isinstance(value, list) else [value]
        assert client.post("/answer", data={"csrf_token": token, "question": question, "answer": values}).status_code == 302
    html = client.get("/").get_data(as_text=True)
    assert translated(app, lang, "Asking for an EHC needs assessment") in html
    assert translated(app, lang, "Within 20 weeks of the request. A few set exceptions can make it later, for example exceptional personal circumstances.") in html
    assert "SEND Regulations 2014, reg 13(2)" in html, "legal sources stay as they are"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_pathway_page_in_each_language(app, client, lang):
    html = client.get(f"/pathways/autism-assessment?lang={lang}").get_data(as_text=True)
    check_page_shape(html)
    assert h1(html) == translated(app, lang, "Autism and social communication")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_urgent_help_comes_first_in_each_language(app, client, lang):
    client.get(f"/?lang={lang}")
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/understand", data={"csrf_token": token, "text": "my son is self harming"})
    html = client.get("/").get_data(as_text=True)
    assert translated(app, lang, "Get help now") in html
    assert html.index('id="urgent-help"') < html.index('id="free-text"')
    card = html[html.index('id="urgent-help"'):html.index('id="free-text"')]
    assert 'href="tel:999"' in card and 'href="tel:08009530285"' in card, "numbers as they are"
    assert "Emergency services" not in card, "contact names in the reader's language"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_pages_in_the_language_or_falls_back_to_english(app, client, lang):
    library = app.extensions["navigator.site"].library
    translated_pages = [(slug, by_lang[lang]) for slug, by_lang in library.translations.items() if lang in by_lang]
    if translated_pages:
        slug, words = translated_pages[0]
        body = client.get(f"/api/v1/search?q={words.name}&lang={lang}").get_json()
        assert body["results"][0]["title"] == words.name
    # No page in this language mentions internships: the English pages are found instead.
    english = client.get(f"/search?q=internships&lang={lang}").get_data(as_text=True)
    assert "/pages/supported-internships" in english and "nav-language-notice" in english


def test_the_choice_is_kept_for_the_session_and_in_links(client):
    html = client.get("/?lang=ur").get_data(as_text=True)
    assert 'href="/search?lang=ur"' in html
    assert '<html lang="ur"' in client.get("/").get_data(as_text=True), "the session keeps it"
    assert '<html lang="en-GB"' in client.get("/?lang=en").get_data(as_text=True)


def test_the_browser_language_is_the_first_guess(app):
    client = app.test_client()
    html = client.get("/", headers={"Accept-Language": "pl-PL,pl;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="pl"' in html


def test_every_language_is_named_in_itself_on_every_page(get_page):
    html = get_page("/pathways/ehc-needs-assessment")
    for code, name in {"en": "English", "ur": "اردو", "pl": "Polski", "ar": "العربية"}.items():
        assert re.search(rf'lang="{code}" hreflang="{code}" dir="(ltr|rtl)"[^>]*>{name}</a>', html)


@pytest.mark.parametrize("ask", [{"query_string": "lang=xx"}, {"headers": {"Accept-Language": "fr-FR,fr;q=0.9"}}])
def test_an_unknown_language_gets_english_and_says_so(app, ask):
    response = app.test_client().get("/", **ask)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and '<html lang="en-GB"' in html
    assert "shown in English" in html
    # the other languages, named from navigator/languages.py, joined as English lists them
    assert "It is also in اردو, Polski and العربية: choose above." in html


def test_the_api_answers_in_the_language_asked_and_explains_an_unknown_one(app, client):
    polish = client.post("/api/v1/journey", json={"answers": {}, "lang": "pl"}).get_json()
    assert polish["question"]["text"] == translated(app, "pl", "Who is asking?")
    urdu = client.get("/api/v1/questions?lang=ur").get_json()
    assert urdu["questions"][0]["text"] == translated(app, "ur", "Who is asking?")
    unknown = client.post("/api/v1/journey", json={"answers": {}, "lang": "klingon"}).get_json()
    assert unknown["question"]["text"] == "Who is asking?" and "not a language we know" in unknown["notice"]


def test_a_page_without_a_translation_shows_the_english_with_a_notice(app, client):
    library = app.extensions["navigator.site"].library
    untranslated = next(slug for slug in sorted(library.pages) if "pl" not in library.translations.get(slug, {}))
    html = client.get(f"/pages/{untranslated}?lang=pl").get_data(as_text=True)
    assert '<div lang="en" dir="ltr">' in html
    assert "nav-language-notice" in html
