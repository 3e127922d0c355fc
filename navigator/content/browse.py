"""Browsing the local offer by area of need and by age, as council Local Offer directories
let families do: a pure filter over the pages' own `needs`, `minimum_age` and `maximum_age`."""

from __future__ import annotations

from navigator.content.model import Library, Page

SHOWN = {"active", "temporarily closed"}  # a page for a service that has ended is not browsed


def browse(library: Library, need: str | None = None, age: int | None = None) -> list[Page]:
    """The pages for `need` (a page for every area of need counts for each) and for a child
    or young person of `age` (a page with no age limits counts for every age), by name."""
    def fits(page: Page) -> bool:
        if page.status not in SHOWN:
            return False
        if need and need not in page.needs and "all" not in page.needs:
            return False
        if age is not None and ((page.minimum_age is not None and age < page.minimum_age)
                                or (page.maximum_age is not None and age > page.maximum_age)):
            return False
        return True

    return sorted((p for p in library.pages.values() if fits(p)), key=lambda p: p.name.casefold())
