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


def test_a_misspelt_word_gets_a_suggestion(tmp_path):
    library = library_of(tmp_path / "content", one=page_text(contacts=[], body="Occupational therapy.\n"))
    assert open_search(tmp_path / "search", library).search("ocupational").suggestion == "occupational"


def test_changed_content_gets_a_new_index_and_readers_switch_to_it(tmp_path):
    content = tmp_path / "content"
    search = open_search(tmp_path / "search", library_of(content, one=page_text(contacts=[])))
    assert search.search("physiotherapy").total == 0
    changed = library_of(content, two=page_text(name="Physiotherapy", contacts=[]))
    open_search(tmp_path / "search", changed)  # as another process would, after an edit
    assert search.search("physiotherapy").total == 1
    directories = [p for p in (tmp_path / "search").iterdir() if p.is_dir()]
    assert len(directories) <= 2, "old indexes are cleared away"
