"""The gettext infrastructure: what is extracted for translators (rules, deadlines, Python,
templates), what a catalog still owes the English, and compiling rules text that Babel
mistakes for %-formatting ("59% of plans")."""

from __future__ import annotations

import gettext
import io
import pathlib
import re

import pytest
import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from navigator.babel_extract import extract_rules
from navigator.translation_check import ROOT, catalog_problems, compile_catalogs, main, template_catalog

RULES = ROOT / "navigator" / "rules"
TEMPLATES = ROOT / "navigator" / "templates"


@pytest.fixture(scope="module")
def template():
    return template_catalog()


def _line_of(path: pathlib.Path, fragment: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if fragment in line)


def _rules(path: pathlib.Path) -> dict[str, tuple[int, list[str]]]:
    with open(path, "rb") as file:
        return {message: (line, comments) for line, _func, message, comments in extract_rules(file, [], [], {})}


# -- extraction -------------------------------------------------------------------------

def test_the_rules_extractor_yields_questions_and_answers_where_they_are_written():
    found = _rules(RULES / "questions.yaml")
    path = RULES / "questions.yaml"
    assert found["Who is asking?"] == (_line_of(path, "text: Who is asking?"), ["question asking_as, the question"])
    assert found["I am a parent or carer"] == (_line_of(path, "label: I am a parent or carer"),
                                               ["question asking_as, answer parent"])
    assert found["In years. If you are asking for yourself, put your own age."][1] == ["question age, hint"]


def test_the_rules_extractor_yields_every_field_of_a_pathway_shown_to_people():
    path = RULES / "pathways" / "ehc-needs-assessment.yaml"
    found = _rules(path)
    timescale = "No set time to send it. The 20-week clock starts when the council receives the request."
    assert found[timescale] == (_line_of(path, "text: No set time to send it"),
                                ["pathway ehc-needs-assessment, step 1 timescale (the law)"])
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    shown = [document["title"], document["summary"], document["if_stuck"], *document["today"]]
    for step in document["steps"]:
        shown += [step["title"], step["who"], step["description"], step["timescale"]["text"]]
        shown += [step["local"]["text"]] if "local" in step else []
    young = document.get("for_young_person")  # the same words addressed to a young person
    shown += [young["summary"], *young["today"]] if young else []
    assert set(shown) == set(found), "exactly the people-facing text, not sources or ids"
    assert found[document["summary"]][0] == _line_of(path, "summary:")


def test_the_rules_extractor_ignores_other_yaml_and_values_that_are_not_text():
    for other in (RULES / "lexicon" / "en.yaml", RULES / "pathway_ids.yaml"):
        assert _rules(other) == {}
    source = b"id: x\ntitle: 2026-01-01\nsummary: 7\ntoday: [Ring them]\nsteps: []\nif_stuck: Ask\n"
    found = {m: line for line, _f, m, _c in extract_rules(io.BytesIO(source), [], [], {})}
    assert found == {"Ring them": 4, "Ask": 6}


def test_the_deadlines_words_are_extracted_from_the_rules_file_and_reach_the_template(template):
    """Every label, title and rule (each appeal case too) of navigator/rules/deadlines.yaml
    is a msgid, with a comment saying where it is used; the sources are not (law's names)."""
    path = RULES / "deadlines.yaml"
    found = _rules(path)
    events = yaml.safe_load(path.read_text(encoding="utf-8"))["events"]
    shown = [event["label"] for event in events.values()]
    for event in events.values():
        for deadline in event["deadlines"]:
            shown += [deadline["title"], *([deadline["rule"]] if "rule" in deadline else deadline["rules"].values())]
    assert set(shown) == set(found)
    assert found["Last day to appeal to the SEND Tribunal"][1] == ["deadline appeal, title"]
    assert [text for text in shown if text not in template] == []


def test_the_deadline_calculators_errors_are_extracted_as_python_gettext(template):
    """DeadlineError's message is its second argument (babel.cfg keywords DeadlineError:2)."""
    assert "The mediation certificate cannot come before the decision letter." in template
    assert "Check the year: it should be between %(first)d and %(last)d." in template


def test_every_string_of_the_questions_api_is_in_the_template(client, template):
    questions = client.get("/api/v1/questions").get_json()["questions"]
    shown = [q["text"] for q in questions] + [q["hint"] for q in questions if q.get("hint")]
    shown += [o["label"] for q in questions for o in q.get("options", [])]
    assert len(shown) > 20
    assert [text for text in shown if text not in template] == []


def test_every_string_of_every_pathway_is_in_the_template(client, template):
    shown = []
    for pathway_id in yaml.safe_load((RULES / "pathway_ids.yaml").read_text(encoding="utf-8")):
        pathway = client.get(f"/api/v1/pathways/{pathway_id}").get_json()
        shown += [pathway["title"], pathway["summary"], pathway["if_stuck"], *pathway["today"]]
        for step in pathway["steps"]:
            shown += [step["title"], step["who"], step["description"]]
            shown += [step["timescale"]["text"]] if step["timescale"] else []
            shown += [step["local"]["text"]] if step.get("local") else []
    assert [text for text in shown if text not in template] == []


def test_the_templates_gettext_and_t_strings_are_extracted(template):
    literal = re.compile(r"""\b(?:_|t|gettext)\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*[,)]""")
    written = {a or b for path in TEMPLATES.glob("**/*.html")
               for a, b in literal.findall(path.read_text(encoding="utf-8"))}
    assert {"Skip to main content", "You have %{count} characters remaining"} <= written
    assert sorted(written - {m.id for m in template if isinstance(m.id, str)}) == []
    plural = template.get(("%(num)d result", "%(num)d results"))
    assert plural is not None and plural.id == ("%(num)d result", "%(num)d results"), "ngettext keeps its plural"


def test_python_deadline_and_answer_error_strings_are_extracted(template):
    for text in ("Choose one of the answers offered.", "The body is not valid JSON in UTF-8.",
                 "Last day to appeal to the SEND Tribunal", "An EHC needs assessment was asked for",
                 "At most 20 weeks after the request"):
        assert text in template, text
    lexicon_phrases = [path for message in template for path, _line in message.locations
                       if (path.startswith("navigator/rules/lexicon") and not path.endswith("concepts.yaml"))
                       or path.endswith("pathway_ids.yaml")]
    assert not lexicon_phrases, "phrases are matched, not shown: never messages"
    assert "thoughts of suicide" in template, "a concept's label is shown: 'I understood: ...'"
    assert "2 months from the decision letter, moved past the Christmas or August break" in template
    assert "%(year)d is not a leap year, so it has no 29 February. Check the date." in template
    assert "Enter a number from %(min)d to %(max)d." in template


# -- python-format -----------------------------------------------------------------------

def _plans(catalog):
    return next(m for m in catalog if isinstance(m.id, str) and m.id.startswith("In Trafford, 59% of plans"))


def test_rules_text_with_a_percent_is_not_flagged_python_format(template):
    message = _plans(template)
    assert Message(message.id).python_format, "Babel itself would take it for a format string"
    assert "python-format" not in message.flags and "no-python-format" in message.flags
    assert "python-format" in template.get("your answer to: %(question)s").flags, "real ones keep it"


def test_the_committed_catalogs_have_their_plural_forms_and_mark_rules_text(template):
    for language, forms in (("ur", 2), ("pl", 3), ("ar", 6)):
        path = ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"
        text = path.read_text(encoding="utf-8")
        assert f'"Language: {language}\\n"' in text and f"nplurals={forms};" in text
        assert "no-python-format, python-format" not in text
        with open(path, "rb") as file:
            assert "no-python-format" in _plans(read_po(file)).flags


def _mo(po_path: pathlib.Path) -> gettext.GNUTranslations:
    with open(po_path.with_suffix(".mo"), "rb") as file:
        return gettext.GNUTranslations(file)


# -- catalog problems --------------------------------------------------------------------

ENGLISH = {
    "Who is asking?": "Kto pyta?",
    "That is %(count)d characters.": "To %(count)d znaków.",
    ("%(num)d result", "%(num)d results"): ("%(num)d wynik", "%(num)d wyniki", "%(num)d wyników"),
    ("One page", "%(num)d pages"): ("Jedna strona", "%(num)d strony", "%(num)d stron"),
    "You have %{count} characters remaining": "Pozostało %{count} znaków",
}


def _template() -> Catalog:
    catalog = Catalog(fuzzy=False)
    for english in ENGLISH:
        catalog.add(english)
    return catalog


def _write(folder: pathlib.Path, entries: dict, fuzzy=(), plain=(), language="pl") -> pathlib.Path:
    catalog = Catalog(locale=language, fuzzy=False)
    for english, translated in entries.items():
        flags = ["fuzzy"] * (english in fuzzy) + ["no-python-format"] * (english in plain)
        catalog.add(english, translated, flags=flags)
    path = folder / language / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as file:
        write_po(file, catalog)
    return path


def _problems(folder):
    return catalog_problems(folder, _template(), languages=("pl",))


def test_a_complete_catalog_has_no_problems(tmp_path):
    _write(tmp_path, ENGLISH)
    assert _problems(tmp_path) == []


def test_a_missing_message_is_reported(tmp_path):
    _write(tmp_path, {k: v for k, v in ENGLISH.items() if k != "Who is asking?"})
    [problem] = _problems(tmp_path)
    assert problem.file == f"{tmp_path.name}/pl/LC_MESSAGES/messages.po"
    assert '"Who is asking?"' in problem.message and "missing" in problem.message and problem.line is None


def test_a_fuzzy_message_is_reported_with_its_line(tmp_path):
    path = _write(tmp_path, ENGLISH, fuzzy=["Who is asking?"])
    [problem] = _problems(tmp_path)
    assert '"Who is asking?"' in problem.message and "fuzzy" in problem.message
    assert problem.line == _line_of(path, 'msgid "Who is asking?"')


def test_a_broken_placeholder_is_reported(tmp_path):
    _write(tmp_path, {**ENGLISH, "That is %(count)d characters.": "To %(cont)d znaków."})
    [problem] = _problems(tmp_path)
    assert '"That is %(count)d characters."' in problem.message
    assert "%(count)" in problem.message and "%(cont)" in problem.message


@pytest.mark.parametrize("english, translated, fine", [
    ("You have %{count} characters remaining", "Pozostało znaków", False),
    (("%(num)d result", "%(num)d results"), ("wynik", "%(num)d wyniki", "%(num)d wyników"), False),
    (("%(num)d result", "%(num)d results"), ("%(num)d wynik", "", "%(num)d wyników"), False),
    (("One page", "%(num)d pages"), ("Jedna strona", "%(num)d strony", "%(num)d stron"), True),
    (("One page", "%(num)d pages"), ("Jedna strona", "%(num)d strony", "%(nm)d stron"), False),
    ("Who is asking?", "", False),
])
def test_plural_forms_and_govuk_counts_are_checked(tmp_path, english, translated, fine):
    _write(tmp_path, {**ENGLISH, english: translated})
    problems = _problems(tmp_path)
    assert (problems == []) is fine, problems
    if not fine:
        assert (english if isinstance(english, str) else english[0])[:20] in problems[0].message


def test_a_catalog_not_yet_started_is_reported(tmp_path):
    [problem] = _problems(tmp_path)
    assert "missing" in problem.message and problem.file.endswith("pl/LC_MESSAGES/messages.po")


# -- compiling -------------------------------------------------------------------------

def test_compiling_leaves_out_untranslated_fuzzy_and_broken_messages_and_keeps_percent_text(tmp_path):
    plans = "In Trafford, 59% of plans were issued within 20 weeks."
    path = _write(tmp_path, {"Who is asking?": "Kto pyta?", "Continue": "Dalej", "Send": "",
                             plans: "W Trafford 59% planów wydano w ciągu 20 tygodni.",
                             "That is %(count)d characters.": "To %(cont)d znaków."},
                  fuzzy=["Continue"], plain=[plans])
    with open(path, "rb") as file:
        errors = [str(e) for m, found in read_po(file).check() if m.id == plans for e in found]
    assert errors == ["placeholders are incompatible"], "pybabel compile would reject the correct translation"
    [problem] = compile_catalogs([path])
    assert "That is %(count)d" in problem.message and "cont" in problem.message
    translations = _mo(path)
    assert translations.gettext("Who is asking?") == "Kto pyta?"
    assert translations.gettext(plans).startswith("W Trafford 59%")
    for english in ("Continue", "Send", "That is %(count)d characters."):
        assert translations.gettext(english) == english
    assert main(["--compile", str(path)]) == 1


def test_an_incomplete_catalog_compiles(tmp_path):
    path = _write(tmp_path, {"Who is asking?": "", "Send": ""}, language="ar")
    assert main(["--compile", str(path)]) == 0
    translations = _mo(path)
    assert translations.ngettext("page", "pages", 11) == "pages" and translations.plural(11) == 4
