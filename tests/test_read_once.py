"""Rule files are read once per process and shared, but never stale: a changed file is read
again, a broken one is reported every time, and the fast YAML parser reads exactly what the
pure-Python one does (whose messages editors see)."""

from __future__ import annotations

import pathlib
import shutil
import time

import pytest
import yaml

from navigator.content import load_library
from navigator.flow import RulesError, load_rules
from navigator.interpret import load_lexicon
from navigator.problems import ProblemError, TextLoader, load_yaml
from tests.conftest import CONTENT_DIR, RULES_DIR, make_app


def test_the_same_files_anywhere_give_the_same_lexicon_and_a_changed_file_a_new_one(tmp_path):
    copy = tmp_path / "lexicon"
    shutil.copytree(RULES_DIR / "lexicon", copy)
    shipped = load_lexicon(RULES_DIR / "lexicon")
    assert load_lexicon(copy) is shipped  # same names and bytes: built once
    english = copy / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "negations: [not,", "negations: [nae, not,"), encoding="utf-8")
    changed = load_lexicon(copy)
    assert changed is not shipped and "nae" in changed.negations and "nae" not in shipped.negations


def test_a_broken_rules_file_is_reported_every_time_even_after_a_good_read(copied_rules):
    library = load_library(CONTENT_DIR)
    offered = {"page_slugs": library.page_files, "contact_ids": library.declared_contact_ids}
    assert load_rules(copied_rules, **offered).questions
    questions = copied_rules / "questions.yaml"
    questions.write_text(questions.read_text(encoding="utf-8") + "\n  - id: [broken\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(RulesError) as error:
            load_rules(copied_rules, **offered)
        assert "questions.yaml, line" in str(error.value)


def test_the_fast_parser_reads_every_shipped_rules_file_as_the_pure_one_does():
    files = sorted(RULES_DIR.rglob("*.yaml"))
    assert len(files) > 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text, path.name) == yaml.load(text, Loader=TextLoader), path.name  # nosec B506


@pytest.mark.parametrize("text, words", [
    ("a: [1\nb: 2\n", "x.yaml, line 2: broken YAML: expected ',' or ']'"),
    ('s: "\\ud800"\n', "x.yaml [s]: holds an escape"),
    ("a: 1\na: 2\n", "'a' appears twice here"),
])
def test_what_the_fast_parser_refuses_gets_the_editors_message(text, words):
    with pytest.raises(ProblemError) as error:
        load_yaml(text, "x.yaml")
    assert words in str(error.value)


def test_a_second_app_in_a_process_starts_in_about_a_second(app, tmp_path: pathlib.Path):
    """The suite builds many apps; each after the first reuses the rules, lexicon, model and a
    copy of the search index (measured 0.5 s; the limit leaves room for a busy machine)."""
    started = time.perf_counter()
    second = make_app(tmp_path)
    assert time.perf_counter() - started < 2.5
    assert second.test_client().get("/search?q=autism").status_code == 200
