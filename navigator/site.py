"""What the running app knows: the content library, the flow and the search index.

Built once at start-up under a lock (several processes may start together); the web layer
reaches it through `current_site()`.
"""

from __future__ import annotations

import dataclasses
import logging
import pathlib

from flask import Flask, current_app

from navigator.content import Library, load_library
from navigator.flow import Flow, RulesError, load_rules
from navigator.interpret import Interpreter, load_lexicon
from navigator.interpret.checks import lexicon_problems
from navigator.search import SearchIndex, open_search
from navigator.store import Database

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Site:
    library: Library
    flow: Flow
    search: SearchIndex
    database: Database
    interpreter: Interpreter


def build_site(app: Flask) -> Site:
    config = app.config
    library = load_library(config["CONTENT_DIR"])
    for problem in library.problems:
        log.warning("content: %s", problem)
    # Rules may only refer to pages and contacts that exist; a page skipped above as broken
    # still counts as existing here (its file is present), so one bad edit cannot stop the
    # app, and the pathway simply shows without it until it is fixed.
    flow = load_rules(config["RULES_DIR"], page_slugs=library.page_files,
                      contact_ids=library.declared_contact_ids)
    lexicon = load_lexicon(pathlib.Path(config["RULES_DIR"]) / "lexicon")
    problems = lexicon_problems(lexicon, flow)
    if problems:
        raise RulesError(problems)
    interpreter = Interpreter(lexicon, pathway_order=list(flow.pathways))
    database = Database(config["DATABASE_URL"])
    database.migrate(pathlib.Path(app.instance_path) / "migrate.lock")
    search = open_search(config["SEARCH_DIR"], library)
    return Site(library=library, flow=flow, search=search, database=database, interpreter=interpreter)


def current_site() -> Site:
    return current_app.extensions["navigator.site"]
