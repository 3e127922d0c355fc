"""The privacy notice and the accessibility statement (issue 12): reachable from every footer,
true to the settings that enforce what they say, and free of invented contact details."""

from __future__ import annotations

import datetime
import html
import re

import pytest

from navigator.config import PROJECT_ROOT
from navigator.languages import CODES
from navigator.store import search_misses
from tests.conftest import check_page_shape

PAGES = ["/privacy", "/accessibility"]
LANGUAGES = list(CODES)
FACTS = "\n".join(path.read_text() for path in sorted((PROJECT_ROOT.parent / "shared" / "facts").glob("*.md")))

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK numbers: 01/02/03/05/07/08 plus 9 or 10 more digits, spaced or not, or +44 …
PHONE = re.compile(r"(?<![\d\w])(?:\+44\s?\(?0?\)?\s?|0)[1-9](?:[\s-]?\d){8,9}(?!\d)")


def digits(text: str) -> str:
    return re.sub(r"\D", "", text.replace("+44", "0"))


def visible_text(page: str) -> str:
    """The page as a reader sees it (tags dropped), plus every link's address."""
    links = " ".join(re.findall(r'href="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", page)) + " " + html.unescape(links)


def main_text(page: str) -> str:
    main = page.split('id="main-content"', 1)[1].split("</main>", 1)[0]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.data[:300]
    return response.get_data(as_text=True)


@pytest.mark.parametrize("url", PAGES)
def test_each_page_opens_with_one_heading_and_nothing_a_strict_csp_would_block(client, url):
    shape = check_page_shape(get(client, url))
    assert shape.h1_count == 1


@pytest.mark.parametrize("url", PAGES)
def test_the_pages_are_read_only(client, url):
    assert client.post(url).status_code == 405


def test_the_start_page_footer_links_to_both_pages(client):
    page = get(client, "/")
    footer = page.split("<footer", 1)[1]
    links = dict((text.strip(), href) for href, text in re.findall(r'<a class="govuk-footer__link" href="([^"]+)">([^<]+)</a>', footer))
    assert links.get("Privacy") == "/privacy"
    assert links.get("Accessibility statement") == "/accessibility"
    for href in links.values():  # and the links work
        assert client.get(href).status_code == 200


def test_every_footer_links_to_both_pages_even_on_an_error_page(client):
    page = client.get("/pages/no-such-page").get_data(as_text=True)
    footer = page.split("<footer", 1)[1]
    assert 'href="/privacy"' in footer and 'href="/accessibility"' in footer


def test_the_privacy_notice_states_how_long_things_are_kept_as_the_settings_do(app, client):
    text = main_text(get(client, "/privacy"))
    hours = round(app.config["PERMANENT_SESSION_LIFETIME"].total_seconds() / 3600)
    assert hours == 12 and f"{hours} hours at most" in text
    days = app.config["JOURNEY_DAYS"]
    assert days == 30 and f"Saved answers are kept for {days} days" in text
    assert search_misses.KEEP_DAYS == 90 and f"They are kept for {search_misses.KEEP_DAYS} days" in text
    assert "It uses no analytics" in text
    assert "never keeps the words you typed" in text
    assert "never keeps a name or contact details" in text
    assert "Anyone with the code can open those answers" in text
    assert "A search that looks like an email address or a phone number is not kept" in text
    assert "The logs hold no search words, no reference codes and no answers" in text
    assert f"after {round(app.config['STAFF_SESSION_HOURS'])} hours" in text


def test_the_privacy_notice_follows_the_settings_when_they_change(app, client, monkeypatch):
    """The numbers come from the settings, not from the template: change one, the page follows."""
    monkeypatch.setitem(app.config, "JOURNEY_DAYS", 45)
    monkeypatch.setitem(app.config, "PERMANENT_SESSION_LIFETIME", datetime.timedelta(hours=6))
    monkeypatch.setattr(search_misses, "KEEP_DAYS", 61)
    text = main_text(get(client, "/privacy"))
    assert "Saved answers are kept for 45 days" in text
    assert "6 hours at most" in text and "12 hours at most" not in text
    assert "They are kept for 61 days" in text and "90 days" not in text


def test_the_privacy_notice_says_plainly_what_the_council_still_has_to_fill_in(client):
    page = get(client, "/privacy")
    notice = page.split('class="govuk-inset-text nav-missing"', 1)[1].split("</div>", 1)[0]
    assert "the council has to fill this in" in notice
    assert "data controller" in notice and "data protection officer" in notice
    assert 'href="https://ico.org.uk"' in page
    assert 'href="https://www.trafford.gov.uk"' in page


def test_the_accessibility_statement_follows_the_gov_uk_form(client):
    page = get(client, "/accessibility")
    headings = [" ".join(h.split()) for h in re.findall(r"<h2 class=\"govuk-heading-m\">([^<]+)</h2>", page)]
    for heading in ("How accessible this service is", "Reporting accessibility problems with this service",
                    "Enforcement procedure", "Compliance status", "Preparation of this accessibility statement"):
        assert heading in headings
    text = main_text(page)
    assert "Accessibility statement for the Trafford SEND pathway navigator" in text
    assert "WCAG) version 2.2 at level AA" in text
    assert "400%" in text and "keyboard only" in text and "JavaScript turned off" in text
    assert "not yet been tested by disabled people" in text
    assert "JAWS, NVDA or VoiceOver" in text
    assert "Equality and Human Rights Commission (EHRC)" in text
    assert "Equality Advisory and Support Service (EASS)" in text
    assert "This statement was prepared on 3 December 2026." in text
    assert "the council has to fill this in" in text


def test_the_phone_and_email_patterns_find_the_numbers_in_the_facts():
    """So the next test can fail: the patterns do catch real UK numbers and addresses."""
    assert "01619125125" in {digits(found) for found in PHONE.findall(FACTS)}
    assert "firstresponse@trafford.gov.uk" in EMAIL.findall(FACTS)
    assert PHONE.findall("call 07700 900123 now") and EMAIL.findall("write to a.b@example.org")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("url", PAGES)
def test_no_phone_number_or_email_appears_that_the_facts_do_not_hold(client, url, lang):
    page = get(client, f"{url}?lang={lang}")
    text = visible_text(page)
    known_numbers = {digits(found) for found in PHONE.findall(FACTS)}
    known_emails = {found.lower() for found in EMAIL.findall(FACTS)}
    invented_numbers = [found for found in PHONE.findall(text) if digits(found) not in known_numbers]
    invented_emails = [found for found in EMAIL.findall(text) if found.lower() not in known_emails]
    tel_links = [href for href in re.findall(r'href="tel:([^"]+)"', page) if digits(href) not in known_numbers | {"999", "111"}]
    assert not invented_numbers and not invented_emails and not tel_links, (invented_numbers, invented_emails, tel_links)


@pytest.mark.parametrize("url", PAGES)
def test_the_pages_read_right_to_left_in_arabic_and_keep_the_language_in_the_footer(client, url):
    page = get(client, f"{url}?lang=ar")
    check_page_shape(page)
    assert re.search(r'<html lang="ar" dir="rtl"', page)
    footer = page.split("<footer", 1)[1]
    assert 'href="/privacy?lang=ar"' in footer and 'href="/accessibility?lang=ar"' in footer
