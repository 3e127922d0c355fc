"""What the editor's screens share: the checks a page must pass before it is saved (the same
for save, create and restore), the page as families will see it, the edit form's context and
the words for a save that failed. Below the editor's views; the changes themselves are made
by navigator/page_changes.py."""

from __future__ import annotations

import dataclasses

import yaml
from flask import request
from flask_babel import gettext as _

from navigator.content import files, frontmatter, load_page
from navigator.content.form import SPARE_ROWS, field_id, from_form, to_form
from navigator.content.library import MAX_PAGE_BYTES, broken_links, load_translation
from navigator.content.schema import NEEDS
from navigator.page_changes import contacts_pathways_use, referring
from navigator.problems import Problem, ProblemError
from navigator.site import current_site


def problems_for(slug: str, text: str) -> tuple[list[Problem], object | None]:
    """What stops `text` being saved as page `slug`, and the page (as families would see it)
    when nothing does. A translation (sendiass.ur) is checked as one, against its English page."""
    file = f"{slug}.md"
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        return [Problem(file, _("The page is %(size)d KB. Keep pages under %(max)d KB: split it into "
                                "several pages, or link to a document instead.",
                                size=size // 1024, max=MAX_PAGE_BYTES // 1024), field="body")], None
    try:
        page = as_families_see_it(slug, text)
    except ProblemError as error:
        return error.problems, None
    existing = set(current_site().library.page_files) | {slug}
    problems = [Problem(file, _("links to /pages/%(slug)s, but there is no such page", slug=target), field="body")
                for target in broken_links(page.html, existing)]
    kept = {c.id for c in page.contacts}
    for contact_id, pathways in contacts_pathways_use(current_site(), slug).items():
        if contact_id not in kept:
            names = "; ".join(_(p.title) for p in pathways)
            problems.append(Problem(file, _("The contact '%(id)s' is used by these pathways, so it must stay (you can "
                                            "change its details): %(pathways)s", id=contact_id, pathways=names),
                                    field="contacts"))
    return problems, page


def linked_from(slug: str) -> list[str]:
    """What refers to a page, by name: pathways (by title), other pages, and pathways that
    name one of its contacts."""
    pathways, pages, by_contact = referring(current_site(), slug)
    return list(dict.fromkeys([_(p.title) for p in pathways] + [p.name for p in pages]
                              + [_(p.title) for p in by_contact]))


def form_context(slug: str | None, text: str, version: str, *, problems=(), raw=False, note="", **extra):
    """What the edit template needs to show `text` in the form (or as raw text)."""
    parsed = None if raw or (slug and files.translation_of(slug)) else to_form(text)
    field_errors: dict[str, list[str]] = {}
    for problem in problems:
        target = "text" if parsed is None else field_id(problem.field)
        where = " (" + _("line %(line)d", line=problem.line) + ")" if problem.line and parsed is None else ""
        field_errors.setdefault(target, []).append(
            # Name the field where its place does not: in the whole-file view, or a group's field.
            (f"{problem.field}: " if problem.field and (parsed is None or "-" in target) else "") + problem.message + where)
    summary = [{"text": message, "href": f"#{target}"} for target, messages in field_errors.items() for message in messages]
    extra.setdefault("translation", files.translation_of(slug) if slug else None)
    extra.setdefault("exists", bool(version))
    return dict(slug=slug, text=text, version=version, raw=parsed is None, note=note,
                fields=parsed[0] if parsed else None, body=parsed[1] if parsed else None,
                field_errors=field_errors, error_summary=summary, needs=NEEDS,
                spare=SPARE_ROWS, **extra)


def sent_text() -> str:
    """The page file the form describes: raw text as typed, or built from the fields."""
    if request.form.get("mode") == "raw":
        return request.form.get("text", "").replace("\r\n", "\n")
    return from_form(request.form)


def save_error_message(error: files.SaveError) -> str:
    return {
        "disk_full": _("The page could not be saved: the server's disk is full. Nothing was changed, "
                       "and your text is still below. Copy it somewhere safe and tell the service's "
                       "administrator."),
        "read_only": _("The page could not be saved: the content folder cannot be written to (it is "
                       "read-only). Nothing was changed, and your text is still below. Copy it somewhere "
                       "safe and tell the service's administrator."),
        "busy": _("Another save is taking a long time. Nothing was changed; your text is still below. "
                  "Try again in a minute."),
    }.get(error.reason, _("The page could not be saved. Nothing was changed, and your text is still "
                          "below. Copy it somewhere safe, then try again."))


def as_families_see_it(slug: str, text: str):
    """The page `text` makes, by the public page's own code; ProblemError if it cannot."""
    translated = files.translation_of(slug)
    if translated is None:
        return load_page(slug, text, f"{slug}.md")
    english_slug, lang = translated
    library = current_site().library
    english = library.pages.get(english_slug)
    words = load_translation(f"{slug}.md", text, english, library.versions.get(english_slug))
    contacts = tuple(dataclasses.replace(c, **words.contacts[c.id]) if c.id in words.contacts else c
                     for c in english.contacts)
    return dataclasses.replace(english, name=words.name, description=words.description, html=words.html,
                               contacts=contacts)


def preview(slug: str, text: str):
    """The page as families will see it, by the same code as the public page, or None."""
    try:
        return as_families_see_it(slug or "new-page", text)
    except ProblemError:
        return None


def new_translation(slug: str) -> str | None:
    """A translation file to start from: the English words, marked with the English version."""
    english_slug, _lang = files.translation_of(slug)
    site = current_site()
    page = site.library.pages.get(english_slug)
    english = files.read(site.content_dir, english_slug)
    if page is None or english is None:
        return None
    _meta, body, _line = frontmatter.split(english.text, english_slug)
    head = yaml.safe_dump({"translation_of": english.version[:12], "name": page.name,
                           "description": page.description}, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{head}---\n\n{body.strip()}\n"
