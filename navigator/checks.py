"""`navigator check`: the strict version of what start-up does leniently.

Start-up skips a broken page and carries on; CI and editors want every problem listed and a
failing exit code. Rules are checked against the valid pages only, so a pathway that names a
broken page is reported too.
"""

from __future__ import annotations

import pathlib

from navigator.content import load_library
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
    return problems
