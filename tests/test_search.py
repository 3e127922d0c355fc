"""Search over the pages: titles and summaries count most, words are stemmed, the index is
rebuilt when the content changes and swapped in whole."""

from navigator.search import open_search
from tests.factories import library_of, page_text


def test_a_word_in_the_title_ranks_above_the_same_word_in_a_body(tmp_path):
    library = library_of(tmp_path / "content",
                         **{"body-only": page_text(name="Clubs", description="Things to do.", contacts=[],
                                                   body="We also talk about mediation here.\n")},
                         titled=page_text(name="Mediation", description="Help to agree.", contacts=[]))
    search = open_search(tmp_path / "search", library)
    results = search.search("mediation")
    assert [h.slug for h in results.hits] == ["titled", "body-only"]


def test_words_are_stemmed_and_matches_are_marked_safely(tmp_path):
    library = library_of(tmp_path / "content",
                         one=page_text(contacts=[], body="Assessments of <b>needs</b> take time.\n"))
    results = open_search(tmp_path / "search", library).search("assessment")
    assert results.total == 1
    assert "<mark>Assessments</mark>" in results.hits[0].snippet
    assert "<b>" not in results.hits[0].snippet


def test_query_syntax_typed_by_a_family_is_treated_as_words(tmp_path):
    library = library_of(tmp_path / "content", one=page_text(contacts=[]))
    search = open_search(tmp_path / "search", library)
    for query in ["title:*", "help AND (", "\"unclosed", "body:[a TO z]", "*"]:
        assert search.search(query).total >= 0  # answered, not an exception


def test_a_misspelt_word_that_finds_nothing_is_searched_as_corrected_unless_asked_not_to(tmp_path):
    library = library_of(tmp_path / "content", one=page_text(contacts=[], body="Occupational therapy.\n"))
    search = open_search(tmp_path / "search", library)
    corrected = search.search("ocupational")
    assert corrected.query == "occupational" and corrected.corrected_from == "ocupational" and corrected.total == 1
    exact = search.search("ocupational", correct=False)
    assert exact.total == 0 and exact.suggestion == "occupational" and exact.corrected_from is None


def test_a_correction_is_a_word_of_the_pages_in_the_readers_language_and_close_enough(tmp_path):
    """"blue badge" once became "lub age": "lub" is Polish for "or", and two letters away
    from "blue". Corrections come from the pages of the language searched, one slip in a
    short word and two in a long one."""
    content = tmp_path / "content"
    library_of(content, one=page_text(contacts=[], body="Help with building work, at any age.\n"))
    (content / "one.pl.md").write_text('---\ntranslation_of: "0000"\nname: "Pomoc"\ndescription: "Pomoc lub porada."\n'
                                       '---\nPomoc lub porada, lub badanie.\n', encoding="utf-8")
    search = open_search(tmp_path / "search", library_of(content))
    assert search.search("blue badge").total == 0 and search.search("blue badge").suggestion is None
    assert search.search("bullying").suggestion is None, "two slips in an 8-letter word is another word"
    assert search.search("bulding").query == "building"


def test_what_the_words_mean_widens_the_search(tmp_path):
    """"ehcp" is not written on the page about EHC plans: what the word means finds it."""
    library = library_of(tmp_path / "content",
                         plans=page_text(name="EHC plans", description="Education, health and care plans.", contacts=[]),
                         typed=page_text(name="Clubs", description="Our ehcp drop-in club.", contacts=[]))
    search = open_search(tmp_path / "search", library)
    assert [h.slug for h in search.search("ehcp").hits] == ["typed"]
    assert {h.slug for h in search.search("ehcp", related=("EHC plan",)).hits} == {"typed", "plans"}


def test_changed_content_gets_a_new_index_and_readers_switch_to_it(tmp_path):
    content = tmp_path / "content"
    search = open_search(tmp_path / "search", library_of(content, one=page_text(contacts=[])))
    assert search.search("physiotherapy").total == 0
    changed = library_of(content, two=page_text(name="Physiotherapy", contacts=[]))
    open_search(tmp_path / "search", changed)  # as another process would, after an edit
    assert search.search("physiotherapy").total == 1
    directories = [p for p in (tmp_path / "search").iterdir() if p.is_dir()]
    assert len(directories) <= 2, "old indexes are cleared away"


def _top_3_figures(app, name):
    import pathlib

    import yaml
    cases = yaml.safe_load((pathlib.Path(__file__).parent / "fixtures" / name).read_text(encoding="utf-8"))
    site = app.extensions["navigator.site"]
    found, empty = [], []
    for case in cases:
        results = site.find(case["q"])
        if {h.slug for h in results.hits[:3]} & set(case["any_of"]):
            found.append(case["q"])
        if not results.hits:
            empty.append(case["q"])
    return found, empty


def test_the_blind_search_set_does_not_fall_below_its_figure_on_arrival(app):
    """tests/fixtures/search_blind.yaml, 40 queries written blind after the search was
    built: 39 of 40 in the top 3 on arrival, one empty. A floor, never a target to tune to."""
    found, empty = _top_3_figures(app, "search_blind.yaml")
    assert len(found) >= 39 and len(empty) <= 1, (len(found), empty)


def test_a_common_word_is_never_taken_for_a_misspelling(tmp_path):
    library = library_of(tmp_path / "content", one=page_text(contacts=[], body="What to do about a plan.\n"))
    assert open_search(tmp_path / "search", library).search("complain that the plan is late").suggestion is None


def test_the_public_search_sample_finds_a_right_page_in_the_top_3_and_never_nothing(app):
    """../shared/scenarios/search_public.yaml (copied into tests/fixtures/): abbreviations,
    misspellings, everyday words, official terms and questions, as families type them.
    Target: a right page in the top 3 for at least 14 of 15, and no query with no results.
    Measured on 2026-12-04: 8 of 15 and 5 empty before the words were understood; 15 of 15
    and none empty after. A held-out set of the same shape judges it too: nothing here is
    special-cased."""
    found, empty = _top_3_figures(app, "search_public.yaml")
    assert len(found) >= 14 and empty == [], (found, empty)


def test_the_search_page_says_what_it_searched_instead_and_offers_the_words_typed(client):
    html = client.get("/search?q=paediatricain").get_data(as_text=True)
    assert "Showing results for" in html and "<strong>paediatrician</strong>" in html
    assert 'href="/search?q=paediatricain&amp;exact=1"' in html
    exact = client.get("/search?q=paediatricain&exact=1").get_data(as_text=True)
    assert "Showing results for" not in exact and "Did you mean" in exact and "0 results" in exact
