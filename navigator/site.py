"""What the running app knows: the content library, the flow and the search index.

Built once at start-up under a lock (several processes may start together); the web layer
reaches it through `current_site()`.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pathlib
import threading
import time

from flask import Flask, current_app

from navigator.content import Library, load_library
from navigator.deadlines import EVENTS, unknown_events
from navigator.flow import Flow, RulesError, load_rules
from navigator.interpret import Interpreter, load_lexicon, load_urgency_model
from navigator.interpret.checks import lexicon_problems
from navigator.search import Results, SearchIndex, open_search
from navigator.store import Database

log = logging.getLogger(__name__)


@dataclasses.dataclass
class Site:
    library: Library
    flow: Flow
    search: SearchIndex
    database: Database
    interpreter: Interpreter
    content_dir: pathlib.Path = pathlib.Path(".")
    _seen: tuple = ()
    _checked_at: float = 0.0
    _lock: threading.Lock = dataclasses.field(default_factory=threading.Lock)

    def find(self, query: str, page: int = 1, per_page: int = 10, lang: str = "en", correct: bool = True) -> Results:
        """Search with the family's words understood: what the interpreter reads in them
        ("ehcp" an EHC plan, "salt" speech and language therapy, "respit" short breaks)
        widens the search with each concept's search words, below the words typed."""
        concepts = self.interpreter.lexicon.concepts
        meaning = tuple(dict.fromkeys(concepts[c].search for c in self.interpreter.read(query).concepts
                                      if concepts[c].search)) if query.strip() else ()
        return self.search.search(query, page=page, per_page=per_page, lang=lang, related=meaning, correct=correct)

    def refresh(self, every: float = 1.0) -> bool:
        """Pick up pages changed by an editor in any process, or outside the app (git).

        At most once a second per process, the content folder's file names, sizes and
        modification times are compared with what was last seen; only when they differ are
        the pages read again, and the search index rebuilt (under its lock, once for all
        processes; the others find it current). Returns True when the pages changed.
        """
        now = time.monotonic()
        if now - self._checked_at < every:
            return False
        with self._lock:
            if now - self._checked_at < every:
                return False
            self._checked_at = now
            seen = content_signature(self.content_dir)
            if seen == self._seen:
                return False
            library = load_library(self.content_dir)
            if library.fingerprint != self.library.fingerprint:
                for problem in library.problems:
                    log.warning("content: %s", problem)
                self.search.ensure(library)  # if this fails, the next check tries again
                self.library = library
            self._seen = seen
            return self.library is library


def content_signature(folder: pathlib.Path) -> tuple:
    """What changes when any page file is added, removed, renamed or rewritten."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return ()
    return tuple((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries if e.name.endswith(".md"))


def build_site(app: Flask) -> Site:
    config = app.config
    seen = content_signature(pathlib.Path(config["CONTENT_DIR"]))
    library = load_library(config["CONTENT_DIR"])
    for problem in library.problems:
        log.warning("content: %s", problem)
    # Rules may only refer to pages and contacts that exist; a page skipped above as broken
    # still counts as existing here (its file is present), so one bad edit cannot stop the
    # app, and the pathway simply shows without it until it is fixed.
    flow = load_rules(config["RULES_DIR"], page_slugs=library.page_files,
                      contact_ids=library.declared_contact_ids)
    lexicon = load_lexicon(pathlib.Path(config["RULES_DIR"]) / "lexicon")
    problems = lexicon_problems(lexicon, flow) + unknown_events(flow.pathways, EVENTS)
    if problems:
        raise RulesError(problems)
    interpreter = Interpreter(lexicon, pathway_order=list(flow.pathways),
                              urgency=load_urgency_model(pathlib.Path(config["RULES_DIR"]) / "urgency"))
    database = Database(config["DATABASE_URL"])
    database.migrate(pathlib.Path(app.instance_path) / "migrate.lock")
    search = open_search(config["SEARCH_DIR"], library)
    return Site(library=library, flow=flow, search=search, database=database, interpreter=interpreter,
                content_dir=pathlib.Path(config["CONTENT_DIR"]), _seen=seen, _checked_at=time.monotonic())


def current_site() -> Site:
    return current_app.extensions["navigator.site"]
