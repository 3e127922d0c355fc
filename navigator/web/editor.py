"""Content editing at /editor/ (role editor): the desk, editing with a live preview, and
history. Nothing an editor writes is lost: a refused save (a problem in the page, a clash
with another editor, a full or read-only disk) shows the form again with their text in it.
The checks and the form live in web/editor_forms.py; the change itself in page_changes.py.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from navigator.content import files
from navigator.content.diff import changes, side_by_side
from navigator.page_changes import PageChanges
from navigator.site import current_site
from navigator.store import revisions, search_misses
from navigator.web.editor_desk import FLAGS, desk_rows, sort_and_filter
from navigator.web.editor_forms import (
    form_context,
    linked_from,
    new_translation,
    problems_for,
    save_error_message,
    sent_text,
)
from navigator.web.editor_forms import (
    preview as preview_of,
)
from navigator.web.roles import require

blueprint = Blueprint("editor", __name__, url_prefix="/editor")
blueprint.before_request(require("editor"))

NEW_PAGE = "---\nname: \ndescription: \nneeds: [all]\nassured_date: \nreview_by: \nsources: []\n---\n\n"


def _changes() -> PageChanges:
    return PageChanges(current_site(), current_user.email)


def _form(slug, text, version, status=200, **context):
    return render_template("editor_edit.html", **form_context(slug, text, version, **context)), status


def _read(slug: str):
    return files.read(current_site().content_dir, slug) if files.valid_slug(slug) else None


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

@blueprint.get("/pages/<slug>")
def edit(slug: str):
    found, translated = _read(slug), files.translation_of(slug)
    if found is None and translated:
        starting = new_translation(slug) or abort(404)
        return _form(slug, starting, "", raw=True, translation=translated, exists=False,
                     preview=preview_of(slug, starting))
    if found is None:
        abort(404)
    return _form(slug, found.text, found.version, problems=problems_for(slug, found.text)[0],
                 raw=bool(request.args.get("raw")) or bool(translated), translation=translated, exists=True,
                 saved=request.args.get("saved"), preview=preview_of(slug, found.text))


@blueprint.post("/pages/<slug>")
def save(slug: str):
    if not files.valid_slug(slug):
        abort(404)
    return _save(slug, sent_text(), request.form.get("version") or None, action="save")


@blueprint.get("/new")
def new():
    return _form(None, NEW_PAGE, "", creating=True, preview=None)


@blueprint.post("/new")
def create():
    slug = request.form.get("slug", "").strip().lower()
    error = None
    if not files.valid_slug(slug) or files.translation_of(slug):
        error = _("Give the page an address of lower case words joined by dashes, such as parent-carer-forum.")
    elif _read(slug) is not None:
        error = _("There is already a page at /pages/%(slug)s. Choose another address.", slug=slug)
    if error:
        return _form(None, sent_text(), "", 400, creating=True, slug_error=error, new_slug=slug,
                     raw=request.form.get("mode") == "raw", preview=None)
    return _save(slug, sent_text(), None, action="create")


def _save(slug: str, text: str, expected: str | None, action: str):
    """Check, then save; or the form again with the editor's text and what is wrong."""
    note, creating = request.form.get("note", "").strip(), action == "create"
    shown = dict(raw=request.form.get("mode") == "raw", note=note, creating=creating, new_slug=slug)
    problems, _page = problems_for(slug, text)
    if request.form.get("preview") or problems:
        status = 400 if problems and not request.form.get("preview") else 200
        return _form(None if creating else slug, text, expected or "", status, problems=problems,
                     preview=preview_of(slug, text), **shown)
    try:
        _changes().save(slug, text, expected, action, note)
    except files.Conflict as clash:
        theirs = clash.current.text if clash.current else ""
        return _form(None if creating else slug, text, clash.current.version if clash.current else "", 409,
                     preview=None, conflict=side_by_side(theirs, text), conflict_gone=clash.current is None, **shown)
    except files.SaveError as error:
        return _form(None if creating else slug, text, expected or "", 503, preview=None,
                     save_error=save_error_message(error), **shown)
    return redirect(url_for(".edit", slug=slug, saved=1))


@blueprint.post("/preview")
def preview():
    """The preview alone, for static/js/editor.js to swap in as the editor types."""
    slug = request.form.get("slug") or request.form.get("current_slug") or "new-page"
    page = preview_of(slug if files.valid_slug(slug) else "new-page", sent_text())
    return render_template("_editor_preview.html", preview=page)


# -- rename, delete, restore ---------------------------------------------------------------

@blueprint.get("/pages/<slug>/delete")
def confirm_delete(slug: str):
    found = _read(slug) or abort(404)
    return render_template("editor_delete.html", slug=slug, version=found.version, linked=linked_from(slug))


@blueprint.post("/pages/<slug>/delete")
def delete(slug: str):
    linked, version = linked_from(slug), request.form.get("version", "")
    if linked or not files.valid_slug(slug):
        return render_template("editor_delete.html", slug=slug, version=version, linked=linked), 400
    try:
        _changes().delete(slug, version, request.form.get("note", ""))
    except files.Conflict:
        return redirect(url_for(".edit", slug=slug) if _read(slug) else url_for(".desk"))
    except files.SaveError as error:
        return render_template("editor_delete.html", slug=slug, version=version, linked=[],
                               save_error=save_error_message(error)), 503
    return redirect(url_for(".desk", deleted=slug))


@blueprint.post("/pages/<slug>/rename")
def rename(slug: str):
    new_slug = request.form.get("new_slug", "").strip().lower()
    found = _read(slug) or abort(404)
    error = _rename_problem(slug, new_slug)
    if error is None:
        try:
            _changes().rename(slug, new_slug, request.form.get("version", ""),
                              _("moved from /pages/%(slug)s", slug=slug))
        except files.Conflict:
            error = _("The page changed since you opened it. Open it again, then rename it.")
        except files.SaveError as failure:
            error = save_error_message(failure)
    if error:
        return _form(slug, found.text, found.version, 400, rename_error=error, new_slug=new_slug,
                     preview=preview_of(slug, found.text))
    return redirect(url_for(".edit", slug=new_slug, saved=1))


def _rename_problem(slug: str, new_slug: str) -> str | None:
    if not files.valid_slug(new_slug) or files.translation_of(new_slug) or files.translation_of(slug):
        return _("Give the new address as lower case words joined by dashes, such as parent-carer-forum.")
    if _read(new_slug) is not None:
        return _("There is already a page at /pages/%(slug)s. Choose another address.", slug=new_slug)
    if linked_from(slug):
        return _("These link to this page, so it cannot move yet: %(names)s. Ask for the links to be "
                 "changed first.", names="; ".join(linked_from(slug)))
    return None


@blueprint.get("/pages/<slug>/history")
def history(slug: str):
    if not files.valid_slug(slug):
        abort(404)
    return render_template("editor_history.html", slug=slug,
                           revisions=revisions.history(current_site().database, slug),
                           exists=_read(slug) is not None)


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
    problems, _page = problems_for(found.slug, found.text)
    if problems:
        # The same checks as a save: an old version may lack a contact a pathway now uses.
        # Show it in the form with what is wrong, so the editor can put it right and save.
        return _form(found.slug, found.text, current.version if current else "", 400, problems=problems, raw=True,
                     exists=current is not None, restoring=found, preview=preview_of(found.slug, found.text))
    try:
        _changes().restore(found, _("restored the version of %(when)s", when=found.at.strftime("%Y-%m-%d %H:%M")))
    except files.Conflict:
        return redirect(url_for(".history", slug=found.slug))
    except files.SaveError as error:
        return render_template("error.html", status=503, message=save_error_message(error)), 503
    return redirect(url_for(".edit", slug=found.slug, saved=1))
