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
from navigator.flow import Flow, load_rules
from navigator.search import SearchIndex, open_search
from navigator.store import Database

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Site:
    library: Library
    flow: Flow
    search: SearchIndex
    database: Database


def build_site(app: Flask) -> Site:
    config = app.config
    library = load_library(config["CONTENT_DIR"])
    for problem in library.problems:
        log.warning("content problem, page skipped: %s", problem)
    # Rules may only refer to pages and contacts that exist; a page skipped above as broken
    # still counts as existing here (its file is present), so one bad edit cannot stop the
    # app, and the pathway simply shows without it until it is fixed.
    flow = load_rules(config["RULES_DIR"], page_slugs=library.page_files,
                      contact_ids=library.declared_contact_ids)
    database = Database(config["DATABASE_URL"])
    database.migrate(pathlib.Path(app.instance_path) / "migrate.lock")
    search = open_search(config["SEARCH_DIR"], library)
    return Site(library=library, flow=flow, search=search, database=database)


def current_site() -> Site:
    return current_app.extensions["navigator.site"]
