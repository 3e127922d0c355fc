"""Search the local-offer pages, behind a small interface so the engine can change.

The web layer only uses `SearchIndex.search()` and the result types here; Whoosh lives in
whoosh_index.py (building, healing, searching) and whoosh_build.py (what is written) and nowhere else.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Protocol

from markupsafe import Markup

MAX_QUERY_LENGTH = 200  # characters of a search: longer is not a search but a paste


@dataclasses.dataclass(frozen=True)
class Hit:
    slug: str
    title: str
    snippet: Markup  # escaped text with <mark> around the words that matched


@dataclasses.dataclass(frozen=True)
class Results:
    query: str
    total: int
    hits: tuple[Hit, ...]
    suggestion: str | None = None  # a spelling correction worth offering
    language: str = "en"           # the language of the pages found (English when none in the reader's)
    corrected_from: str | None = None  # the words typed, when they found nothing and these are for `query`


class SearchIndex(Protocol):
    def search(self, query: str, page: int = 1, per_page: int = 10, lang: str = "en",
               related: tuple[str, ...] = (), correct: bool = True) -> Results:
        """Pages matching `query`; `related` words (what the words mean: "ehcp" is an EHC plan)
        widen it at a lower weight; with `correct`, misspelt words that find nothing are
        searched as corrected."""

    def document_count(self) -> int: ...


def open_search(folder, library) -> SearchIndex:
    """The search index for `library`, built in `folder` if it is missing or out of date."""
    from navigator.search.whoosh_index import WhooshSearch

    search = WhooshSearch(folder)
    try:
        search.ensure(library)
    except Exception:  # a disk that cannot hold an index must not stop the site: search reads pages
        logging.getLogger(__name__).exception("search: could not build the index; searching the pages directly")
    return search
