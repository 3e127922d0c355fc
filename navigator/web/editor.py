"""Content editing at /editor/ (role editor): the desk, editing with a live preview, and
history. Nothing an editor writes is lost: a refused save (a problem in the page, a clash
with another editor, a full or read-only disk) shows the form again with their text in it.
"""

from __future__ import annotations

import dataclasses

import yaml
from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from navigator.content import files, frontmatter, load_page
from navigator.content.diff import changes, side_by_side
from navigator.content.form import SPARE_ROWS, field_id, from_form, to_form
from navigator.content.library import MAX_PAGE_BYTES, broken_links, load_translation, page_links
from navigator.content.schema import NEEDS
from navigator.problems import Problem, ProblemError
from navigator.site import current_site
from navigator.store import audit, revisions, search_misses
from navigator.web.editor_desk import FLAGS, desk_rows, sort_and_filter
from navigator.web.roles import require

blueprint = Blueprint("editor", __name__, url_prefix="/editor")
blueprint.before_request(require("editor"))

def _pages() -> files.Pages:
    return files.Pages(current_site().content_dir)


# -- the desk ------------------------------------------------------------------------------

@blueprint.get("/")
def desk():
    site = current_site()
    show = request.args.get("show", "all")
    order = request.args.get("order", "review")
    rows = sort_and_filter(desk_rows(site), show if show in FLAGS + ("attention",) else "all", order)
    return render_template("editor_desk.html", rows=rows, show=show, order=order, flags=FLAGS,
                           misses=search_misses.top(site.database),
                           deleted=revisions.deleted_pages(site.database, {f.stem for f in site.content_dir.glob("*.md")}))


# -- editing -------------------------------------------------------------------------------

def _problems_for(slug: str, text: str) -> tuple[list[Problem], object | None]:
    """What stops `text` being saved as page `slug`, and the page (as families would see it)
    when nothing does. A translation (sendiass.ur) is checked as one, against its English page."""
    file = f"{slug}.md"
    size = len(text.encode("utf-8"))
    if size > MAX_PAGE_BYTES:
        return [Problem(file, _("The page is %(size)d KB. Keep pages under %(max)d KB: split it into "
                                "several pages, or link to a document instead.",
                                size=size // 1024, max=MAX_PAGE_BYTES // 1024), field="body")], None
    try:
        page = _as_families_see_it(slug, text)
    except ProblemError as error:
        return error.problems, None
    existing = set(current_site().library.page_files) | {slug}
    problems = [Problem(file, _("links to /pages/%(slug)s, but there is no such page", slug=target), field="body")
                for target in broken_links(page.html, existing)]
    kept = {c.id for c in page.contacts}
    for contact_id, pathways in _contacts_pathways_use(slug).items():
        if contact_id not in kept:
            problems.append(Problem(file, _("The contact '%(id)s' is used by these pathways, so it must stay (you can "
                                            "change its details): %(pathways)s", id=contact_id, pathways="; ".join(pathways)),
                                    field="contacts"))
    return problems, page


def _contacts_pathways_use(slug: str) -> dict[str, list[str]]:
    """The contacts of page `slug` (as it is now) that pathways name, with those pathways' titles."""
    site = current_site()
    current = site.library.pages.get(slug)
    used: dict[str, list[str]] = {}
    for contact in current.contacts if current else ():
        for pathway in site.flow.pathways.values():
            if contact.id in pathway.all_contacts():
                used.setdefault(contact.id, []).append(_(pathway.title))
    return used


def _form_context(slug: str | None, text: str, version: str, *, problems=(), raw=False, note="", **extra):
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


def _sent_text() -> str:
    """The page file the form describes: raw text as typed, or built from the fields."""
    if request.form.get("mode") == "raw":
        return request.form.get("text", "").replace("\r\n", "\n")
    return from_form(request.form)


@blueprint.get("/pages/<slug>")
def edit(slug: str):
    found = files.read(current_site().content_dir, slug) if files.valid_slug(slug) else None
    translated = files.translation_of(slug)
    if found is None and translated:
        starting = _new_translation(slug) or abort(404)
        return render_template("editor_edit.html", **_form_context(
            slug, starting, "", raw=True, translation=translated, exists=False, preview=_preview(slug, starting)))
    if found is None:
        abort(404)
    problems = _problems_for(slug, found.text)[0]
    return render_template("editor_edit.html", **_form_context(
        slug, found.text, found.version, problems=problems, raw=bool(request.args.get("raw")) or bool(translated),
        translation=translated, exists=True, saved=request.args.get("saved"), preview=_preview(slug, found.text)))


@blueprint.post("/pages/<slug>")
def save(slug: str):
    if not files.valid_slug(slug):
        abort(404)
    return _save(slug, _sent_text(), request.form.get("version") or None,
                 request.form.get("note", "").strip(), action="save")


@blueprint.get("/new")
def new():
    template = "---\nname: \ndescription: \nneeds: [all]\nassured_date: \nreview_by: \nsources: []\n---\n\n"
    return render_template("editor_edit.html", **_form_context(None, template, "", creating=True,
                                                                 preview=None))


@blueprint.post("/new")
def create():
    slug = request.form.get("slug", "").strip().lower()
    text = _sent_text()
    if not files.valid_slug(slug) or files.translation_of(slug):
        return render_template("editor_edit.html", **_form_context(
            None, text, "", creating=True, slug_error=_("Give the page an address of lower case words "
                                                       "joined by dashes, such as parent-carer-forum."),
            new_slug=slug, raw=request.form.get("mode") == "raw", preview=None)), 400
    if files.read(current_site().content_dir, slug) is not None:
        return render_template("editor_edit.html", **_form_context(
            None, text, "", creating=True, slug_error=_("There is already a page at /pages/%(slug)s. "
                                                       "Choose another address.", slug=slug),
            new_slug=slug, raw=request.form.get("mode") == "raw", preview=None)), 400
    return _save(slug, text, None, request.form.get("note", "").strip(), action="create")


def _save(slug: str, text: str, expected: str | None, note: str, action: str):
    site = current_site()
    creating = action == "create"
    raw = request.form.get("mode") == "raw"
    problems, page = _problems_for(slug, text)
    if request.form.get("preview") or problems:
        status = 400 if problems and not request.form.get("preview") else 200
        return render_template("editor_edit.html", **_form_context(
            slug if not creating else None, text, expected or "", problems=problems, raw=raw, note=note,
            creating=creating, new_slug=slug, preview=_preview(slug, text))), status
    before = files.read(site.content_dir, slug)
    if before is not None and before.version == expected:
        revisions.record_outside_change(site.database, slug, before.text)
    try:
        _pages().save(slug, text, expected)
    except files.Conflict as clash:
        theirs = clash.current.text if clash.current else ""
        return render_template("editor_edit.html", **_form_context(
            slug if not creating else None, text, clash.current.version if clash.current else "",
            raw=raw, note=note, creating=creating, new_slug=slug, preview=None,
            conflict=side_by_side(theirs, text), conflict_gone=clash.current is None)), 409
    except files.SaveError as error:
        return render_template("editor_edit.html", **_form_context(
            slug if not creating else None, text, expected or "", raw=raw, note=note, creating=creating,
            new_slug=slug, preview=None, save_error=_save_error_message(error))), 503
    revisions.record(site.database, slug, text, current_user.email, action, note)
    audit.log(site.database, current_user.email, action, slug, note)
    site.refresh(every=0)
    return redirect(url_for(".edit", slug=slug, saved=1))


def _save_error_message(error: files.SaveError) -> str:
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


def _as_families_see_it(slug: str, text: str):
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


def _preview(slug: str, text: str):
    """The page as families will see it, by the same code as the public page, or None."""
    try:
        return _as_families_see_it(slug or "new-page", text)
    except ProblemError:
        return None


def _new_translation(slug: str) -> str | None:
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


@blueprint.post("/preview")
def preview():
    """The preview alone, for static/js/editor.js to swap in as the editor types."""
    slug = request.form.get("slug") or request.form.get("current_slug") or "new-page"
    page = _preview(slug if files.valid_slug(slug) else "new-page", _sent_text())
    return render_template("_editor_preview.html", preview=page)


# -- rename, delete, restore ---------------------------------------------------------------

def _linked_from(slug: str) -> list[str]:
    """What links to a page: pathways (by title) and other pages (by name)."""
    site = current_site()
    pathways = [_(p.title) for p in site.flow.pathways.values() if slug in p.all_pages()]
    pages = [p.name for p in site.library.pages.values() if p.slug != slug and slug in page_links(p.html)]
    contacts = [title for titles in _contacts_pathways_use(slug).values() for title in titles]
    return list(dict.fromkeys(pathways + pages + contacts))


@blueprint.get("/pages/<slug>/delete")
def confirm_delete(slug: str):
    found = files.read(current_site().content_dir, slug) if files.valid_slug(slug) else None
    if found is None:
        abort(404)
    return render_template("editor_delete.html", slug=slug, version=found.version, linked=_linked_from(slug))


@blueprint.post("/pages/<slug>/delete")
def delete(slug: str):
    site = current_site()
    linked = _linked_from(slug)
    if linked or not files.valid_slug(slug):
        return render_template("editor_delete.html", slug=slug, version=request.form.get("version", ""),
                               linked=linked), 400
    try:
        removed = _pages().delete(slug, request.form.get("version", ""))
    except files.Conflict:
        return redirect(url_for(".edit", slug=slug)) if files.read(site.content_dir, slug) else redirect(url_for(".desk"))
    except files.SaveError as error:
        return render_template("editor_delete.html", slug=slug, version=request.form.get("version", ""),
                               linked=[], save_error=_save_error_message(error)), 503
    revisions.record(site.database, slug, removed.text, current_user.email, "delete", request.form.get("note", ""))
    audit.log(site.database, current_user.email, "delete", slug)
    site.refresh(every=0)
    return redirect(url_for(".desk", deleted=slug))


@blueprint.post("/pages/<slug>/rename")
def rename(slug: str):
    site = current_site()
    new_slug = request.form.get("new_slug", "").strip().lower()
    found = files.read(site.content_dir, slug) if files.valid_slug(slug) else None
    if found is None:
        abort(404)
    error = None
    if not files.valid_slug(new_slug) or files.translation_of(new_slug) or files.translation_of(slug):
        error = _("Give the new address as lower case words joined by dashes, such as parent-carer-forum.")
    elif files.read(site.content_dir, new_slug) is not None:
        error = _("There is already a page at /pages/%(slug)s. Choose another address.", slug=new_slug)
    elif _linked_from(slug):
        error = _("These link to this page, so it cannot move yet: %(names)s. Ask for the links to be "
                  "changed first.", names="; ".join(_linked_from(slug)))
    if error is None:
        try:
            _pages().rename(slug, new_slug, request.form.get("version", ""))
        except files.Conflict:
            error = _("The page changed since you opened it. Open it again, then rename it.")
        except files.SaveError as failure:
            error = _save_error_message(failure)
    if error:
        return render_template("editor_edit.html", **_form_context(
            slug, found.text, found.version, rename_error=error, new_slug=new_slug,
            preview=_preview(slug, found.text))), 400
    revisions.record(site.database, new_slug, found.text, current_user.email, "rename",
                     _("moved from /pages/%(slug)s", slug=slug))
    revisions.add_redirect(site.database, slug, new_slug)
    audit.log(site.database, current_user.email, "rename", new_slug, f"from {slug}")
    site.refresh(every=0)
    return redirect(url_for(".edit", slug=new_slug, saved=1))


@blueprint.get("/pages/<slug>/history")
def history(slug: str):
    if not files.valid_slug(slug):
        abort(404)
    return render_template("editor_history.html", slug=slug,
                           revisions=revisions.history(current_site().database, slug),
                           exists=files.read(current_site().content_dir, slug) is not None)


@blueprint.get("/revisions/<int:revision_id>")
def revision(revision_id: int):
    database = current_site().database
    found = revisions.get(database, revision_id) or abort(404)
    earlier = revisions.before(database, found)
    return render_template("editor_revision.html", revision=found, earlier=earlier,
                           lines=changes(earlier.text if earlier else "", found.text))


@blueprint.post("/revisions/<int:revision_id>/restore")
def restore(revision_id: int):
    site = current_site()
    found = revisions.get(site.database, revision_id) or abort(404)
    current = files.read(site.content_dir, found.slug)
    problems, _page = _problems_for(found.slug, found.text)
    if problems:
        # The same checks as a save: an old version may lack a contact a pathway now uses.
        # Show it in the form with what is wrong, so the editor can put it right and save.
        return render_template("editor_edit.html", **_form_context(
            found.slug, found.text, current.version if current else "", problems=problems, raw=True,
            exists=current is not None, restoring=found, preview=_preview(found.slug, found.text))), 400
    if current is not None:
        revisions.record_outside_change(site.database, found.slug, current.text)
    try:
        _pages().save(found.slug, found.text, current.version if current else None)
    except files.Conflict:
        return redirect(url_for(".history", slug=found.slug))
    except files.SaveError as error:
        return render_template("error.html", status=503, message=_save_error_message(error)), 503
    revisions.record(site.database, found.slug, found.text, current_user.email, "restore",
                     _("restored the version of %(when)s", when=found.at.strftime("%Y-%m-%d %H:%M")))
    audit.log(site.database, current_user.email, "restore", found.slug, f"revision {found.id}")
    site.refresh(every=0)
    return redirect(url_for(".edit", slug=found.slug, saved=1))
