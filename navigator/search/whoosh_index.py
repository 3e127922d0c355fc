"""The Whoosh index of the local-offer pages.

Layout under the search folder:
    CURRENT            the name of the index directory readers should use (replaced atomically)
    <fingerprint>/     a complete index of one version of the content
    build.lock         held by the one process building

An index is built into a temporary directory (from a copy of the one in use, writing only
changed pages), renamed into place, and only then named in CURRENT, so a reader never sees a
half-built index. The content fingerprint names the directory: a process that finds CURRENT
already naming today's content builds nothing.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pathlib
import shutil
import tempfile
import threading
import time

import filelock
from markupsafe import Markup
from rapidfuzz.distance import OSA
from whoosh import highlight, index, qparser
from whoosh import query as wquery
from whoosh.analysis import STOP_WORDS

from navigator.search import MAX_QUERY_LENGTH, Hit, Results
from navigator.search.scan import scan
from navigator.search.whoosh_build import SCHEMA_VERSION, write_index

log = logging.getLogger(__name__)

RELATED_WEIGHT = 0.5  # what the words mean counts half as much as the words typed

class _MarkFormatter(highlight.HtmlFormatter):
    def __init__(self):
        super().__init__(tagname="mark", between=" … ")

    def format_token(self, text, token, replace=False):
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"


class WhooshSearch:
    """The index, healing itself: a damaged or missing index is found (at start, and when a
    search fails), rebuilt aside and swapped in; meanwhile search reads the loaded pages."""

    def __init__(self, folder):
        self.folder = pathlib.Path(folder)
        self._local = threading.local()
        self._library = None
        self._repairing = threading.Lock()

    # -- building ------------------------------------------------------------------------
    def ensure(self, library) -> None:
        """Make CURRENT name a sound index of exactly this library, building one if needed."""
        self._library = library
        name = f"v{SCHEMA_VERSION}-{library.fingerprint[:32]}"
        if self._current_name() == name and self._sound(name, library):
            return
        self._make_folder()
        with filelock.FileLock(str(self.folder / "build.lock"), timeout=120):
            if self._current_name() == name and self._sound(name, library):
                return  # another process built (or mended) it while we waited
            if not self._sound(name, library):
                self._set_aside(self.folder / name)
                self._build(name, library)
            self._point_at(name)
            self._remove_old(keep={name})

    def _make_folder(self) -> None:
        """The search folder, moving aside whatever is in its place (a file, say)."""
        if self.folder.exists() and not self.folder.is_dir():
            log.warning("search: %s is not a folder; moving it aside and building the index again", self.folder)
            self._set_aside(self.folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        for name in ("CURRENT", "build.lock"):  # files; a folder in their place is moved aside
            if (self.folder / name).is_dir():
                self._set_aside(self.folder / name)

    @staticmethod
    def _set_aside(path: pathlib.Path) -> None:
        if path.exists() or path.is_symlink():
            os.replace(path, path.with_name(f"{path.name}.damaged-{os.getpid()}-{time.time_ns()}"))

    def _sound(self, name: str, library) -> bool:
        """True when the index `name` opens, holds every page and answers a query."""
        expected = len(library.pages) + sum(len(t) for t in library.translations.values())
        try:
            with _open(self.folder / name).searcher() as searcher:
                if searcher.doc_count() != expected:
                    return False
                for field in ("title", "body", "words_en"):
                    list(searcher.lexicon(field))  # reads every term: a damaged segment fails here
                searcher.search(wquery.Every(), limit=1)
            return True
        except Exception:  # any damage at all (Whoosh raises many kinds): build it again
            return False

    def repair_soon(self) -> None:
        """Rebuild the index in the background (once at a time in this process)."""
        if self._library is None or not self._repairing.acquire(blocking=False):
            return

        def repair():
            try:
                self._forget_searcher()
                self.ensure(self._library)
                log.warning("search: the index was damaged and has been rebuilt")
            except Exception:
                log.exception("search: the index could not be rebuilt; search reads the pages directly")
            finally:
                self._repairing.release()

        threading.Thread(target=repair, name="search-repair", daemon=True).start()

    def _build(self, name: str, library) -> None:
        """Build `name` aside, then rename it into place: from a copy of the index in use when
        it can (an editor's save re-indexes one page), afresh when that one is damaged."""
        building = pathlib.Path(tempfile.mkdtemp(prefix="building-", dir=self.folder))
        try:
            try:
                previous = self._current_name()
                write_index(building, library, self.folder / previous if previous and "/" not in previous else None)
            except Exception:  # the index in use is damaged (any of Whoosh's errors): start afresh
                shutil.rmtree(building, ignore_errors=True)
                building.mkdir()
                write_index(building, library, None)
            os.rename(building, self.folder / name)
        finally:
            shutil.rmtree(building, ignore_errors=True)

    def _point_at(self, name: str) -> None:
        temporary = self.folder / f"CURRENT.{os.getpid()}.tmp"
        temporary.write_text(name)
        os.replace(temporary, self.folder / "CURRENT")

    def _remove_old(self, keep: set[str]) -> None:
        # Keep the previous index a while: a reader in another process may still have it open.
        entries = sorted((p for p in self.folder.iterdir() if p.is_dir() and p.name not in keep),
                         key=lambda p: p.stat().st_mtime)
        for stale in entries[:-1]:
            shutil.rmtree(stale, ignore_errors=True)

    def _current_name(self) -> str | None:
        try:
            return (self.folder / "CURRENT").read_text().strip() or None
        except (OSError, ValueError):  # missing, a folder, unreadable or not text: none to use
            return None

    # -- reading -------------------------------------------------------------------------
    def _searcher(self):
        """A searcher on the index CURRENT names, reopened when CURRENT changes."""
        name = self._current_name()
        if name is None:
            raise RuntimeError("the search index has not been built; run: navigator index")
        cached = getattr(self._local, "opened", None)
        # One stat a search. A published index folder never changes (new ones are built
        # aside), so a changed or missing folder means damage: an open searcher would keep
        # answering from the old files while every other worker and the next start fail.
        stamp = _stamp(self.folder / name)
        if cached and cached[0] == (name, stamp):
            return cached[1]
        searcher = _open(self.folder / name).searcher()
        if cached:
            cached[1].close()
        self._local.opened = ((name, stamp), searcher)
        return searcher

    def close(self) -> None:
        """Close this thread's searcher (its files stay open until then)."""
        self._forget_searcher()

    def _forget_searcher(self) -> None:
        cached, self._local.opened = getattr(self._local, "opened", None), None
        if cached:
            try:
                cached[1].close()
            except Exception:  # closing a damaged index may fail too; it is dropped either way
                pass

    def document_count(self) -> int:
        try:
            return self._searcher().doc_count()
        except Exception:
            self._forget_searcher()
            self.repair_soon()
            raise

    def search(self, query: str, page: int = 1, per_page: int = 10, lang: str = "en",
               related: tuple[str, ...] = (), correct: bool = True) -> Results:
        """Pages in `lang` that match; where none do, the English pages that do; where still
        none do and a misspelt word has a correction, the pages for the corrected words."""
        query = " ".join(query.split())[:MAX_QUERY_LENGTH]
        if not query:
            return Results(query="", total=0, hits=(), language=lang)
        try:
            # what the words mean is said in English: it widens the English pages only
            results = self._search(query, page, per_page, lang, related if lang == "en" else ())
            if lang != "en" and results.total == 0:
                results = self._search(query, page, per_page, "en", related)
            if correct and results.suggestion:
                if results.total == 0:
                    corrected = self.search(results.suggestion, page, per_page, lang, related, correct=False)
                    if corrected.total:
                        return dataclasses.replace(corrected, corrected_from=query, suggestion=None)
                else:  # "metal health" finds "health": the corrected words count as much as the typed
                    results = self._search(query, page, per_page, results.language,
                                           related if results.language == "en" else (), results.suggestion)
            return results
        except Exception:  # a damaged index: never an error page; rebuild it, and read the pages
            log.exception("search: the index failed; reading the pages directly while it is rebuilt")
            self._forget_searcher()
            self.repair_soon()
        return scan(self._library, query, page, per_page, lang)

    def _search(self, query: str, page: int, per_page: int, lang: str, related: tuple[str, ...],
                corrected: str | None = None) -> Results:
        searcher = self._searcher()
        parser = qparser.MultifieldParser(["title", "summary", "body"], searcher.schema,
                                          group=qparser.OrGroup.factory(0.9))
        # Families type words, not query syntax: no field:, wildcards or ranges.
        for plugin in (qparser.FieldsPlugin, qparser.WildcardPlugin, qparser.RangePlugin,
                       qparser.BoostPlugin):
            parser.remove_plugin_class(plugin)
        parsed = parser.parse(query) if corrected is None else wquery.Or([parser.parse(query), parser.parse(corrected)])
        if related:  # what the words mean, below the words themselves
            meaning = [parser.parse(words) for words in related]
            parsed = wquery.Or([parsed, wquery.Or(meaning, boost=RELATED_WEIGHT)])
        only = wquery.Term("lang", lang)
        # optimize=False: Whoosh's skipping of low-scoring blocks can loop for ever on a
        # weighted Or inside its coordinated OrGroup ("educational pyschologist" did).
        results = searcher.search_page(parsed, max(page, 1), pagelen=per_page, terms=True, filter=only,
                                       optimize=False)
        # With terms=True and a filter, Whoosh counts matches the filter removed: count apart.
        total = len(searcher.search(parsed, filter=only, limit=1, optimize=False))
        results.results.fragmenter = highlight.ContextFragmenter(maxchars=200, surround=60)
        results.results.formatter = _MarkFormatter()
        hits = []
        for hit in results:
            snippet = hit.highlights("body") or hit.highlights("summary") or _escaped(hit["summary"])
            # Safe markup: _MarkFormatter escapes all the page's text (Whoosh's htmlescape) and adds only <mark>.
            hits.append(Hit(slug=hit["slug"], title=hit["title"], snippet=Markup(snippet)))  # nosec B704
        return Results(query=query, total=total, hits=tuple(hits),
                       suggestion=self._suggestion(searcher, query, lang), language=lang)

    @staticmethod
    def _suggestion(searcher, query: str, lang: str) -> str | None:
        """The query with each unknown word replaced by the nearest known one in the pages of
        its language, if any changed."""
        field = f"words_{lang}"
        corrector = searcher.corrector(field)
        reader = searcher.reader()
        changed, words = False, []
        for word in query.lower().split():
            # a word the dictionary leaves out ("that", "what") is known, not misspelt
            if len(word) >= 4 and word.isalpha() and word not in STOP_WORDS and not reader.frequency(field, word):
                # One slip in a short word, two in a long one ("pyschologist"), a swap counting
                # as one: more than that turns "bullying" into "building".
                allowed = 1 if len(word) < 9 else 2
                better = [c for c in corrector.suggest(word, limit=3, maxdist=2) if OSA.distance(word, c) <= allowed]
                if better:
                    word, changed = better[0], True
            words.append(word)
        return " ".join(words) if changed else None


def _open(folder: pathlib.Path):
    # Whoosh maps segment files into memory. A file cut short in place under a map would end
    # the worker (SIGBUS); nothing here ever does that, and gunicorn starts a new worker,
    # whose start-up check rebuilds the index.
    return index.open_dir(str(folder))


def _stamp(folder: pathlib.Path) -> int | None:
    try:
        return folder.stat().st_mtime_ns
    except OSError:
        return None


def _escaped(text: str) -> str:
    return str(Markup.escape(text))
