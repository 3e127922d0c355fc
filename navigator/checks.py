"""`navigator check`: the strict version of what start-up does leniently.

Start-up skips a broken page and carries on; CI and editors want every problem listed and a
failing exit code. Rules are checked against the valid pages only, so a pathway that names a
broken page is reported too.
"""

from __future__ import annotations

import pathlib
import re

from navigator.content import load_library
from navigator.deadlines import load_events, unknown_events
from navigator.flow import RulesError, load_rules
from navigator.interpret import load_lexicon
from navigator.interpret.checks import lexicon_problems
from navigator.problems import Problem, ProblemError


def check_all(content_dir: pathlib.Path, rules_dir: pathlib.Path) -> list[Problem]:
    library = load_library(content_dir)
    problems = list(library.problems)
    flow = None
    try:
        flow = load_rules(rules_dir, page_slugs=library.pages, contact_ids=library.contacts)
    except RulesError as error:
        problems += error.problems
    try:
        lexicon = load_lexicon(pathlib.Path(rules_dir) / "lexicon")
        if flow is not None:
            problems += lexicon_problems(lexicon, flow)
    except ProblemError as error:
        problems += error.problems
    try:
        events = load_events(pathlib.Path(rules_dir) / "deadlines.yaml")
        if flow is not None:
            problems += unknown_events(flow.pathways, events)
    except ProblemError as error:
        problems += error.problems
    problems += shown_text_problems(content_dir, rules_dir)
    return problems


# The seed documents' file names ("001_48e4b7cb86c625bd.txt") mean nothing to a family:
# what they see names a source by its public title and date.
_INTERNAL_NAME = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b")


# "This report is over three years old" is true for a year, then wrong: say the date.
_STALE_AGE = re.compile(r"\b(?:over|nearly|almost|just over|more than|about) (?:one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|\d+) years? (?:ago|old)\b", re.IGNORECASE)


def shown_text_problems(content_dir: pathlib.Path, rules_dir: pathlib.Path) -> list[Problem]:
    """Internal file names and ages that go stale, in text families see: page files, and
    pathway rules outside their comments (a comment may name a file for editors)."""
    problems = []
    files = sorted(pathlib.Path(content_dir).glob("*.md")) + sorted((pathlib.Path(rules_dir) / "pathways").glob("*.yaml"))
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            if path.suffix == ".yaml" and line.lstrip().startswith("#"):
                continue
            problems += [Problem(path.name, f"shows families the internal file name '{name}': "
                                 "name the document by its public title and date instead", line=number)
                         for name in _INTERNAL_NAME.findall(line)]
            problems += [Problem(path.name, f"says '{age}', which will be wrong next year: give the date instead",
                                 line=number) for age in _STALE_AGE.findall(line)]
    return problems
