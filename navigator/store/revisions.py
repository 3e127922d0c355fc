"""Every version of every page, who made it and why; redirects left by renames.

A revision holds the whole file, so history shows a readable diff between any two and any
can be restored. A change made outside the navigator (a git pull) is recorded as "outside"
the next time the page is saved, so it is never lost either.
"""

from __future__ import annotations

import datetime

from sqlalchemy import delete, select

from navigator.content.files import version_of
from navigator.store.models import PageRedirect, PageRevision


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def record(database, slug: str, text: str, author: str, action: str, note: str = "") -> int:
    with database.session.begin() as session:
        revision = PageRevision(slug=slug, at=_now(), author=author, action=action, note=note[:500],
                                text=text, version=version_of(text))
        session.add(revision)
        session.flush()
        return revision.id


def record_outside_change(database, slug: str, text_on_disk: str) -> None:
    """If the file on disk is not the newest revision, keep it as a revision first."""
    latest = newest(database, slug)
    if latest is None or latest.version != version_of(text_on_disk):
        record(database, slug, text_on_disk, "outside the navigator", "outside",
               "the file as found on disk before this change")


def history(database, slug: str) -> list[PageRevision]:
    with database.session() as session:
        return list(session.scalars(select(PageRevision).where(PageRevision.slug == slug)
                                    .order_by(PageRevision.id.desc())))


def newest(database, slug: str) -> PageRevision | None:
    with database.session() as session:
        return session.scalar(select(PageRevision).where(PageRevision.slug == slug)
                              .order_by(PageRevision.id.desc()).limit(1))


MAX_ID = 2**63 - 1  # the largest id SQLite and PostgreSQL can hold; /editor/revisions/9999… is none


def get(database, revision_id: int) -> PageRevision | None:
    if not 0 < revision_id <= MAX_ID:
        return None
    with database.session() as session:
        return session.get(PageRevision, revision_id)


def before(database, revision: PageRevision) -> PageRevision | None:
    """The revision of the same page just before this one."""
    with database.session() as session:
        return session.scalar(select(PageRevision).where(PageRevision.slug == revision.slug,
                                                         PageRevision.id < revision.id)
                              .order_by(PageRevision.id.desc()).limit(1))


def deleted_pages(database, existing: set[str]) -> list[PageRevision]:
    """The last revision of each page whose newest action is a delete and has no file now."""
    with database.session() as session:
        rows = session.scalars(select(PageRevision).order_by(PageRevision.id.desc())).all()
    newest_by_slug: dict[str, PageRevision] = {}
    for row in rows:
        newest_by_slug.setdefault(row.slug, row)
    return [r for r in newest_by_slug.values() if r.action == "delete" and r.slug not in existing]


def add_redirect(database, old_slug: str, new_slug: str) -> None:
    with database.session.begin() as session:
        # Earlier addresses that led to the old one now lead to the new one.
        for earlier in session.scalars(select(PageRedirect).where(PageRedirect.new_slug == old_slug)):
            earlier.new_slug = new_slug
        session.execute(delete(PageRedirect).where(PageRedirect.old_slug.in_([old_slug, new_slug])))
        session.add(PageRedirect(old_slug=old_slug, new_slug=new_slug))


def redirect_for(database, slug: str) -> str | None:
    with database.session() as session:
        found = session.get(PageRedirect, slug)
        return found.new_slug if found else None
