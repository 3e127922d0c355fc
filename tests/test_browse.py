"""Browsing the local offer by area of need and by age (/browse): a GET form that works
without JavaScript, in every language, with bad filters named beside their field."""

import re

from navigator.content.browse import browse
from tests.conftest import check_page_shape
from tests.factories import library_of, page_text


def test_a_page_is_browsed_under_its_needs_and_ages_and_an_every_need_page_under_each(tmp_path):
    library = library_of(tmp_path / "content",
                         sight=page_text(name="Sight", needs=["sensory-physical"], minimum_age=0, maximum_age=18),
                         reading=page_text(name="Reading", needs=["cognition-learning"], minimum_age=5, maximum_age=16),
                         advice=page_text(name="Advice", needs=["all"]))
    names = lambda pages: [p.name for p in pages]  # noqa: E731  # a one-line reader
    assert names(browse(library)) == ["Advice", "Reading", "Sight"]
    assert names(browse(library, need="sensory-physical")) == ["Advice", "Sight"]
    assert names(browse(library, age=3)) == ["Advice", "Sight"]
    assert names(browse(library, need="cognition-learning", age=17)) == ["Advice"]


def test_the_browse_page_filters_without_javascript_and_counts_what_it_shows(client):
    every = client.get("/browse").get_data(as_text=True)
    check_page_shape(every)
    sensory = client.get("/browse?need=sensory-physical&age=3").get_data(as_text=True)
    count = lambda html: int(re.search(r'id="browse-count">(\d+)', html).group(1))  # noqa: E731
    assert 0 < count(sensory) < count(every)
    assert re.search(r'<input[^>]*value="sensory-physical"[^>]*checked', sensory), "the choice is kept"
    assert re.search(r'<input[^>]*id="age"[^>]*value="3"', sensory), "the age is kept"
    assert "/pages/sensory-support-service" in sensory
    assert "/pages/42nd-street" not in sensory and "/pages/care-leavers-after-care" not in sensory, "13+ and 16+"
    assert count(every) == every.count("nav-browse-list__item")


def test_a_filter_that_cannot_be_used_is_named_beside_its_field_and_the_pages_still_show(client):
    response = client.get("/browse?need=magic&age=99")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="age-error"' in html and "Enter an age from 0 to 25" in html
    assert 'id="need-error"' in html and "Choose one of the areas of need listed." in html
    assert "nav-browse-list__item" in html, "the pages are shown unfiltered, nothing is lost"


def test_browsing_reads_in_the_readers_language(client):
    html = client.get("/browse?lang=pl&need=cognition-learning").get_data(as_text=True)
    assert "Przeglądaj ofertę lokalną" in html and "Myślenie i uczenie się" in html
    assert 'href="/browse"' in client.get("/?lang=en").get_data(as_text=True), "every page's menu links to it"
