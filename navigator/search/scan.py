"""Search by reading every loaded page: slow and plain, but it cannot be damaged.

Used while the search index is missing or broken and being rebuilt, so a family searching
gets pages rather than an error. Scores as the index does, roughly: a word in the title
counts most, then the summary, then the body; a word matches where a page's word starts
with it ("assess" finds "assessment").
"""

from __future__ import annotations

import re

from markupsafe import Markup

from navigator.search import Hit, Results

WEIGHTS = (("name", 3.0), ("description", 2.0), ("text", 1.0))
SNIPPET = 200
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _score(terms: list[str], fields: dict[str, str]) -> float:
    score = 0.0
    for field, weight in WEIGHTS:
        words = _words(fields[field])
        score += weight * sum(1 for term in terms for word in words if word.startswith(term))
    return score


def _documents(library, lang: str):
    """(slug, words in `lang`) for every page with text in that language."""
    for page in library.pages.values():
        if lang == "en":
            yield page.slug, {"name": page.name, "description": page.description, "text": page.text}
            continue
        words = library.translations.get(page.slug, {}).get(lang)
        if words is not None:
            yield page.slug, {"name": words.name, "description": words.description, "text": words.text}


def scan(library, query: str, page: int = 1, per_page: int = 10, lang: str = "en") -> Results:
    """Pages in `lang` whose words start with the query's words, best first; where none in
    `lang` match, the English pages that do (as the index search does)."""
    terms = [t for t in _words(query) if len(t) >= 2]
    if not terms or library is None:
        return Results(query=query, total=0, hits=(), language=lang)
    scored = sorted(((score, slug, fields) for slug, fields in _documents(library, lang)
                     if (score := _score(terms, fields)) > 0), key=lambda found: (-found[0], found[1]))
    if not scored and lang != "en":
        return scan(library, query, page, per_page, "en")
    start = (max(page, 1) - 1) * per_page
    hits = tuple(Hit(slug=slug, title=fields["name"], snippet=Markup.escape(fields["description"][:SNIPPET]))
                 for _score_, slug, fields in scored[start:start + per_page])
    return Results(query=query, total=len(scored), hits=hits, language=lang)
