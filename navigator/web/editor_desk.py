"""What the editor's desk shows about each page: what needs attention, and why.

Computed from what the running site already knows (the pages, their problems, the
pathways), so the desk and `navigator check` never disagree.
"""

from __future__ import annotations

import dataclasses
import datetime

from navigator.content.library import broken_links
from navigator.languages import TRANSLATED

REVIEW_SOON = datetime.timedelta(days=30)
VERIFY_EVERY = datetime.timedelta(days=365)
FLAGS = ("review_passed", "review_soon", "unverified", "problems", "broken_links", "unlinked", "untranslated")


@dataclasses.dataclass
class DeskRow:
    slug: str
    name: str
    review_by: datetime.date | None
    flags: set[str]
    problems: list[str]
    unverified: int = 0
    translations: dict[str, str] = dataclasses.field(default_factory=dict)  # lang -> missing|older|current

    @property
    def attention(self) -> bool:
        return bool(self.flags)


def desk_rows(site, today: datetime.date | None = None) -> list[DeskRow]:
    today = today or datetime.date.today()
    library, flow = site.library, site.flow
    linked = {slug for pathway in flow.pathways.values() for slug in pathway.all_pages()}
    problems_by_file: dict[str, list[str]] = {}
    for problem in library.problems:
        if not problem.warning:
            problems_by_file.setdefault(problem.file, []).append(
                (f"{problem.field}: " if problem.field else "") + problem.message
                + (f" (line {problem.line})" if problem.line else ""))
    rows = []
    for page in library.pages.values():
        flags = set()
        if page.review_by < today:
            flags.add("review_passed")
        elif page.review_by - today <= REVIEW_SOON:
            flags.add("review_soon")
        unverified = sum(1 for c in page.contacts if not _verified_lately(c.verified, today))
        if unverified:
            flags.add("unverified")
        problems = problems_by_file.get(f"{page.slug}.md", [])
        if broken_links(page.html, library.page_files):
            flags.add("broken_links")
        if problems:
            flags.add("problems")
        if page.slug not in linked:
            flags.add("unlinked")
        translations = _translations(library, page.slug)
        if any(state != "current" for state in translations.values()):
            flags.add("untranslated")
        rows.append(DeskRow(page.slug, page.name, page.review_by, flags, problems, unverified, translations))
    for slug in sorted(library.page_files - set(library.pages)):  # files that could not be read
        rows.append(DeskRow(slug, slug, None, {"problems"}, problems_by_file.get(f"{slug}.md", [])))
    return rows


def _verified_lately(verified, today: datetime.date) -> bool:
    if not verified:
        return False
    try:
        return today - datetime.date.fromisoformat(str(verified)) <= VERIFY_EVERY
    except ValueError:
        return False


def _translations(library, slug: str) -> dict[str, str]:
    """Each language's translation of a page: missing, older than the English, or current."""
    found = library.translations.get(slug, {})
    return {lang: ("missing" if lang not in found else "current" if found[lang].current else "older")
            for lang in TRANSLATED}


def sort_and_filter(rows: list[DeskRow], show: str, order: str) -> list[DeskRow]:
    if show == "attention":
        rows = [r for r in rows if r.attention]
    elif show in FLAGS:
        rows = [r for r in rows if show in r.flags]
    if order == "name":
        return sorted(rows, key=lambda r: r.name.lower())
    if order == "problems":
        return sorted(rows, key=lambda r: (-len(r.flags), r.name.lower()))
    return sorted(rows, key=lambda r: (r.review_by or datetime.date.min, r.name.lower()))
