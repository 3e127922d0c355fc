"""Changing a page, whoever asks: every save, create, rename, delete and restore writes the
file, records the revision, logs who did it and brings every worker's pages up to date, in
that order and in one place; and what refers to a page (pathways, other pages, contacts
pathways name) is found here, so the editor's views only parse, call and render.

No Flask: `site` is the running Site (its content folder, database, flow and library).
files.Conflict and files.SaveError pass through to the caller, which keeps the editor's text.
"""

from __future__ import annotations

from navigator.content import files
from navigator.content.library import page_links
from navigator.store import audit, revisions


class PageChanges:
    def __init__(self, site, editor: str):
        self.site, self.editor = site, editor
        self._pages = files.Pages(site.content_dir)

    def save(self, slug: str, text: str, expected: str | None, action: str, note: str = "") -> None:
        """Write `text` as page `slug` if the file is still version `expected` (None: new)."""
        before = files.read(self.site.content_dir, slug)
        if before is not None and before.version == expected:
            # a change made outside the navigator (git, a text editor) is kept in history first
            revisions.record_outside_change(self.site.database, slug, before.text)
        self._pages.save(slug, text, expected)
        self._done(slug, text, action, note, note)

    def restore(self, revision, note: str) -> None:
        """Put an earlier version back, over whatever the file holds now."""
        current = files.read(self.site.content_dir, revision.slug)
        if current is not None:
            revisions.record_outside_change(self.site.database, revision.slug, current.text)
        self._pages.save(revision.slug, revision.text, current.version if current else None)
        self._done(revision.slug, revision.text, "restore", note, f"revision {revision.id}")

    def delete(self, slug: str, version: str, note: str = "") -> None:
        removed = self._pages.delete(slug, version)
        self._done(slug, removed.text, "delete", note, "")

    def rename(self, slug: str, new_slug: str, version: str, note: str) -> None:
        moved = self._pages.rename(slug, new_slug, version)
        revisions.add_redirect(self.site.database, slug, new_slug)
        self._done(new_slug, moved.text, "rename", note, f"from {slug}")

    def _done(self, slug: str, text: str, action: str, revision_note: str, audit_note: str) -> None:
        revisions.record(self.site.database, slug, text, self.editor, action, revision_note)
        audit.log(self.site.database, self.editor, action, slug, audit_note)
        self.site.refresh(every=0)


def contacts_pathways_use(site, slug: str) -> dict[str, list]:
    """The contacts of page `slug` (as it is now) that pathways name, with those pathways."""
    current = site.library.pages.get(slug)
    used: dict[str, list] = {}
    for contact in current.contacts if current else ():
        for pathway in site.flow.pathways.values():
            if contact.id in pathway.all_contacts():
                used.setdefault(contact.id, []).append(pathway)
    return used


def referring(site, slug: str) -> tuple[list, list, list]:
    """What refers to page `slug`: (pathways that list it, other pages that link to it,
    pathways that name one of its contacts)."""
    pathways = [p for p in site.flow.pathways.values() if slug in p.all_pages()]
    pages = [p for p in site.library.pages.values() if p.slug != slug and slug in page_links(p.html)]
    by_contact = [p for ps in contacts_pathways_use(site, slug).values() for p in ps]
    return pathways, pages, by_contact
