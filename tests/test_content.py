"""Pages: parsed, validated with plain-English problems, rendered safely; broken pages are
skipped with a report and never stop the rest."""

import pytest

from navigator.content import load_library, load_page, render_markdown
from navigator.problems import ProblemError
from tests.conftest import CONTENT_DIR
from tests.factories import page_text, write


def problems_of(text):
    with pytest.raises(ProblemError) as caught:
        load_page("example", text, "example.md")
    return [str(p) for p in caught.value.problems]


def test_every_shipped_page_is_valid():
    library = load_library(CONTENT_DIR)
    assert library.problems == ()
    assert {"sendiass", "parent-carer-forum", "ehc-needs-assessment-request"} <= set(library.pages)


def test_a_valid_page_has_its_fields_and_rendered_body():
    page = load_page("example", page_text(minimum_age=0, maximum_age=25), "example.md")
    assert page.title == "Example service"
    assert page.contacts[0].tel_href == "tel:01619121053"
    assert '<h2 class="govuk-heading-m">What it does</h2>' in page.html


@pytest.mark.parametrize("overrides, expected", [
    ({"name": None}, "[name]"),
    ({"needs": ["autism-ish"]}, "[needs[0]]: is not a known area of need"),
    ({"review_by": "31/05/2027"}, "[review_by]: should be a date written as YYYY-MM-DD"),
    ({"review_by": "2027-02-30"}, "[review_by]: should be a date written as YYYY-MM-DD"),
    ({"contacts": [{"id": "x", "name": "X", "phone": "12345678901234", "verified": False}]},
     "[contacts[0].phone]: should be a UK phone number"),
    ({"contacts": [{"id": "x", "name": "X", "verified": "yes"}]}, "[contacts[0].verified]"),
    ({"contacts": [{"id": "x", "name": "X", "email": "not-an-email", "verified": False}]},
     "[contacts[0].email]: should be an email address"),
    ({"url": "http://insecure.example"}, "[url]: should be a full web address starting https://"),
    ({"summary": "typo for description"}, "[summary]: is not a field this file uses"),
    ({"minimum_age": 19, "maximum_age": 5}, "minimum_age is more than maximum_age"),
    ({"sources": []}, "[sources]: needs at least 1 item"),
])
def test_a_broken_field_is_named_with_a_plain_reason(overrides, expected):
    problems = problems_of(page_text(**overrides))
    assert any(expected in p for p in problems), problems
    assert all(p.startswith("example.md") for p in problems)


def test_broken_yaml_is_reported_with_its_line():
    text = "---\nname: Example\ndescription: [unclosed\nneeds: [all]\n---\nBody\n"
    assert any("example.md, line" in p and "broken YAML" in p for p in problems_of(text))


def test_a_page_without_front_matter_says_how_to_start():
    assert any("three dashes" in p for p in problems_of("Just some text\n"))


def test_a_level_one_heading_in_the_body_is_reported_with_its_line():
    problems = problems_of(page_text(body="\nIntro\n\n# Big heading\n"))
    assert any("start section headings with ##" in p and "line" in p for p in problems)


def test_every_problem_in_a_page_is_listed_at_once():
    problems = problems_of(page_text(name=None, review_by="soon", needs=["bogus"]))
    assert len(problems) >= 3


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    '<a href="https://ok.example" onclick="steal()">link</a>',
    "<iframe src=https://evil.example></iframe>",
    '<p style="position:fixed">cover</p>',
])
def test_markdown_cannot_inject_script_or_styles(hostile):
    html = render_markdown(hostile).lower()
    for danger in ("<script", "onerror", "javascript:", "onclick", "<iframe", "style="):
        assert danger not in html


def test_links_keep_their_address_and_open_safely():
    html = render_markdown("[Trafford](https://www.trafford.gov.uk)")
    assert 'href="https://www.trafford.gov.uk"' in html and 'rel="noopener noreferrer"' in html


def test_a_broken_page_is_skipped_and_reported_while_the_others_load(tmp_path):
    write(tmp_path, "good.md", page_text())
    write(tmp_path, "bad.md", page_text(review_by="next year", contacts=[]))
    write(tmp_path, "latin1.md", "---\nname: caf\xe9\n---\n".encode("latin-1").decode("latin-1"))
    (tmp_path / "latin1.md").write_bytes("---\nname: café\n---\n".encode("latin-1"))
    write(tmp_path, "Bad Name.md", page_text())
    library = load_library(tmp_path)
    assert set(library.pages) == {"good"}
    text = "\n".join(map(str, library.problems))
    assert "bad.md [review_by]" in text
    assert "latin1.md, line 2: the file is not saved as UTF-8" in text
    assert "Bad Name.md: the file name should be lower case" in text


def test_two_pages_may_not_declare_the_same_contact(tmp_path):
    write(tmp_path, "one.md", page_text())
    write(tmp_path, "two.md", page_text())
    library = load_library(tmp_path)
    assert any("contact id 'example' is also used in one.md" in str(p) for p in library.problems)


def test_the_fingerprint_changes_when_a_page_changes(tmp_path):
    write(tmp_path, "one.md", page_text())
    before = load_library(tmp_path).fingerprint
    write(tmp_path, "one.md", page_text(name="Renamed service"))
    assert load_library(tmp_path).fingerprint != before


def test_a_review_date_in_the_past_is_a_warning_and_the_page_stays(tmp_path):
    import datetime
    write(tmp_path, "old.md", page_text(review_by="2026-01-01"))
    library = load_library(tmp_path, today=datetime.date(2026, 11, 23))
    assert "old" in library.pages
    [problem] = library.problems
    assert problem.warning and "review date 2026-01-01 has passed" in str(problem)


def test_a_link_to_a_missing_page_is_reported(tmp_path):
    write(tmp_path, "one.md", page_text(body="See [the other page](/pages/nowhere) and [self](/pages/one).\n"))
    library = load_library(tmp_path)
    assert [str(p) for p in library.problems] == ["one.md [body]: links to /pages/nowhere, but there is no page 'nowhere'"]


def _translation(english_path, **extra):
    import hashlib

    import yaml
    meta = {"translation_of": hashlib.sha256(english_path.read_bytes()).hexdigest()[:12],
            "name": "Przykładowa usługa", "description": "Co robi usługa.", **extra}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n## Co robi\n\nPomaga rodzinom.\n"


def test_a_translation_gives_the_words_and_the_english_page_the_numbers(tmp_path):
    english = write(tmp_path, "service.md", page_text())
    write(tmp_path, "service.pl.md", _translation(english, contacts={"example": {"name": "Przykładowa infolinia"}}))
    library = load_library(tmp_path)
    assert not library.problems and set(library.pages) == {"service"}, "a translation is not a page of its own"
    page, words = library.translated(library.pages["service"], "pl")
    assert page.name == "Przykładowa usługa" and "Pomaga rodzinom" in page.html and words.current
    assert page.contacts[0].name == "Przykładowa infolinia" and page.contacts[0].phone == "0161 912 1053"
    assert library.contacts_in("pl")["example"].name == "Przykładowa infolinia"
    assert library.contacts_in("ur")["example"].name == "Example helpline", "no Urdu: the English words"


def test_a_translation_of_an_older_english_page_says_so(tmp_path):
    english = write(tmp_path, "service.md", page_text())
    write(tmp_path, "service.pl.md", _translation(english))
    english.write_text(page_text(description="Changed since."))
    assert load_library(tmp_path).translations["service"]["pl"].current is False


@pytest.mark.parametrize("text, words", [
    ("---\nname: Bez wersji\ndescription: Opis.\n---\n\nTekst.\n", "translation_of"),
    (None, "there is no contact 'nobody'"),
    ("---\ntranslation_of: abcdefabcdef\nname: X\ndescription: Y\ncontacts:\n  example: {phone: '0800 000 000'}\n---\n\nTekst.\n", "contacts"),
])
def test_a_broken_translation_is_reported_and_the_english_page_still_shown(tmp_path, text, words):
    english = write(tmp_path, "service.md", page_text())
    write(tmp_path, "service.pl.md", text or _translation(english, contacts={"nobody": {"name": "Nikt"}}))
    library = load_library(tmp_path)
    assert "service" in library.pages
    assert any(p.file == "service.pl.md" and words in str(p) for p in library.problems), library.problems


def test_a_translation_without_its_english_page_is_reported(tmp_path):
    write(tmp_path, "orphan.ur.md", "---\ntranslation_of: abcdefabcdef\nname: X\ndescription: Y\n---\n\nText.\n")
    assert "there is no English page orphan.md" in str(load_library(tmp_path).problems)


def test_a_field_given_twice_is_refused_not_quietly_dropped(tmp_path):
    text = page_text().replace("description:", "name: A second name\ndescription:", 1)
    write(tmp_path, "twice.md", text)
    problems = [str(p) for p in load_library(tmp_path).problems]
    assert any("'name' appears twice" in p and "line" in p for p in problems), problems


def test_phone_numbers_and_emails_in_a_page_are_links_a_phone_can_tap():
    html = render_markdown("Call 0161 912 5125 or +44 161 912 5125, email first.response@trafford.gov.uk, "
                           "or in danger 999. Childline 0800 1111.\n\n"
                           "## Ring 0161 912 5125\n\n[Our number](tel:01619122592), `0800 953 0285`, on 2026-12-04, "
                           "in 2019, within 15 days, see https://example.org/a@b.com\n")
    for href in ('href="tel:01619125125"', 'href="tel:+441619125125"', 'href="mailto:first.response@trafford.gov.uk"',
                 'href="tel:999"', 'href="tel:08001111"'):
        assert href in html, href
    assert "<h2" in html and "Ring 0161 912 5125</h2>" in html, "a heading is left as it is"
    assert html.count("tel:01619122592") == 1 and "<code>0800 953 0285</code>" in html
    assert "tel:2026" not in html and "tel:2019" not in html and "tel:15" not in html and "mailto:b.com" not in html
