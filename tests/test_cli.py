"""`navigator check` passes on the shipped content and fails, naming the problem, on each broken fixture."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

from navigator.cli import check_command
from tests.factories import BROKEN, edit, page_text, write


def run_check(content, rules):
    return CliRunner().invoke(check_command, ["--content", str(content), "--rules", str(rules)])


def test_check_passes_on_the_shipped_rules_and_content():
    result = subprocess.run([sys.executable, "-m", "navigator.cli", "check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_check_fails_naming_each_broken_rule(copied_content, copied_rules, case):
    file, old, new, words = BROKEN[case]
    edit(copied_rules, file, old, new)
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    for word in words:
        assert word in result.output


@pytest.mark.parametrize("name, text, words", [
    ("broken-yaml.md", "---\nname: [oops\n---\nBody\n", ["broken-yaml.md, line", "broken YAML"]),
    ("bad-phone.md", page_text(contacts=[{"id": "bad-phone", "name": "X", "phone": "call us", "verified": False}]),
     ["bad-phone.md [contacts[0].phone]", "UK phone number"]),
    ("unknown-need.md", page_text(needs=["magic"]), ["unknown-need.md [needs[0]]"]),
    ("no-review.md", page_text(review_by=None), ["no-review.md [review_by]: is missing"]),
])
def test_check_fails_naming_each_broken_page(copied_content, copied_rules, name, text, words):
    write(copied_content, name, text)
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    for word in words:
        assert word in result.output


def test_a_pathway_naming_a_broken_page_fails_the_check(copied_content, copied_rules):
    path = copied_content / "sendiass.md"
    path.write_text(path.read_text().replace("review_by:", "review_on:"))
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "sendiass.md [review_on]" in result.output
    assert "page 'sendiass'" in result.output


def test_a_review_date_in_the_past_is_a_warning_not_a_failure(copied_content, copied_rules):
    write(copied_content, "stale-page.md", page_text(review_by="2020-01-01", contacts=[]))
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 0
    assert "warning: stale-page.md [review_by]: the review date 2020-01-01 has passed" in result.output


def test_a_link_to_a_missing_page_fails_the_check(copied_content, copied_rules):
    write(copied_content, "linking-page.md", page_text(contacts=[], body="See [this](/pages/not-a-page).\n"))
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "linking-page.md [body]: links to /pages/not-a-page, but there is no page 'not-a-page'" in result.output


def test_a_catalog_with_a_broken_placeholder_fails_the_check_naming_it(copied_content, copied_rules, tmp_path):
    import shutil

    from navigator.config import PROJECT_ROOT
    catalogs = tmp_path / "translations"
    shutil.copytree(PROJECT_ROOT / "translations", catalogs)
    polish = catalogs / "pl" / "LC_MESSAGES" / "messages.po"
    text = polish.read_text(encoding="utf-8")
    english = 'msgid "Search for something shorter: at most %(max)d characters."\nmsgstr "'
    start = text.index(english) + len(english)
    end = text.index('"', start)
    polish.write_text(text[:start] + text[start:end].replace("%(max)d", "%(maks)d") + text[end:], encoding="utf-8")
    result = CliRunner().invoke(check_command, ["--content", str(copied_content), "--rules", str(copied_rules),
                                                "--translations", str(catalogs)])
    assert result.exit_code == 1
    assert "pl/LC_MESSAGES/messages.po" in result.output and "not in the English: %(maks)" in result.output
    assert "Search for something shorter" in result.output and "1 problem found" in result.output


def test_an_internal_file_name_shown_to_families_fails_the_check(copied_content, copied_rules):
    write(copied_content, "sourced-page.md", page_text(
        contacts=[], body="Inspectors found long waits (000_63fd8a964c75e720.txt).\n"))
    edit(copied_rules, "pathways/urgent-help.yaml", "\nid: urgent-help", "\n# seed 001_48e4b7cb86c625bd.txt\nid: urgent-help")
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "sourced-page.md, line" in result.output and "internal file name '000_63fd8a964c75e720.txt'" in result.output
    assert "001_48e4b7cb86c625bd" not in result.output  # a comment for editors is fine


def test_an_age_that_goes_stale_fails_the_check(copied_content, copied_rules):
    write(copied_content, "dated-page.md", page_text(
        contacts=[], body="Inspectors visited in October 2023. This report is over three years old.\n"))
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "dated-page.md, line" in result.output and "'over three years old', which will be wrong next year" in result.output


def test_a_lexicon_for_a_language_not_in_the_list_fails_the_check_naming_it(copied_content, copied_rules):
    (copied_rules / "lexicon" / "de.yaml").write_text((copied_rules / "lexicon" / "pl.yaml").read_text())
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "lexicon/de.yaml: 'de' is not a language in navigator/languages.py" in result.output


def test_a_language_in_the_list_without_its_lexicon_fails_the_check_naming_it(copied_content, copied_rules):
    (copied_rules / "lexicon" / "ur.yaml").unlink()
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "lexicon/ur.yaml: 'ur' is in navigator/languages.py but has no lexicon" in result.output


@pytest.mark.parametrize("change, said", [
    (("        source: SEND Regulations 2014, reg 5(1)\n", ""),
     "deadlines.yaml [events.request.deadlines[0].source]: is missing: every deadline needs an id, a title, "
     "how it is counted (count) and its legal source"),
    (("        count: {weeks: 6}\n", "        count: {fortnights: 3}\n"),
     "deadlines.yaml [events.request.deadlines[0].count"),
    (("        source: SEND Regulations 2014, reg 5(1)\n", "        source: ' '\n"),
     "deadlines.yaml [events.request.deadlines[0].source]"),
])
def test_a_deadline_period_without_its_source_or_with_an_unknown_count_fails_the_check(
        copied_content, copied_rules, change, said):
    path = copied_rules / "deadlines.yaml"
    text = path.read_text(encoding="utf-8")
    assert change[0] in text
    path.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert said in result.output, result.output


def test_a_pathway_counting_its_deadlines_from_an_event_that_does_not_exist_fails_the_check(copied_content, copied_rules):
    path = copied_rules / "pathways" / "disagreement.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("deadlines_from: decision-letter",
                                                             "deadlines_from: decision-leter"), encoding="utf-8")
    result = run_check(copied_content, copied_rules)
    assert result.exit_code == 1
    assert "pathways/disagreement.yaml [deadlines_from]: counts its deadlines from 'decision-leter', which is not an " \
           "event in deadlines.yaml" in result.output, result.output
