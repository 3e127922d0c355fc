"""Pages a person reads: one local-offer page, one pathway, and search."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from navigator.languages import language
from navigator.site import current_site
from navigator.web.errors import BadInput
from navigator.web.i18n import reader_language
from navigator.web.presenters import pathway_contacts, pathway_pages, urgent_contacts, urgent_pages

blueprint = Blueprint("pages", __name__)

MAX_QUERY = 200


@blueprint.get("/pages/<slug>")
def page(slug: str):
    site = current_site()
    found = site.library.pages.get(slug)
    if found is None:
        from navigator.store import revisions
        moved = revisions.redirect_for(site.database, slug)
        if moved and moved in site.library.pages:
            return redirect(url_for(".page", slug=moved), code=301)
        abort(404)
    lang = reader_language()
    shown, translation = site.library.translated(found, lang)
    return render_template("page.html", page=shown, translation=translation,
                           untranslated=lang != "en" and translation is None,
                           language_name=language(lang).name)


@blueprint.get("/pathways/<pathway_id>")
def pathway(pathway_id: str):
    site = current_site()
    found = site.flow.pathways.get(pathway_id)
    if found is None:
        abort(404)
    answers = session.get("answers")  # a young person on their own journey reads "you"
    audience = answers.get("asking_as") if isinstance(answers, dict) else None
    return render_template("pathway.html", pathway=found, audience=audience,
                           contacts=pathway_contacts(found, site.library),
                           pages=pathway_pages(found, site.library))


@blueprint.get("/help-now")
def help_now():
    """"Get help now", linked from every page's header: the urgent card on its own page."""
    site = current_site()
    return render_template("help_now.html", contacts=urgent_contacts(site), pages=urgent_pages(site))


def note_search(query: str, total: int) -> None:
    """Count a search that found little, for the editors (no link to who searched)."""
    from navigator.store import search_misses
    search_misses.note(current_site().database, query, total)


def search_arguments() -> tuple[str, int]:
    """The query and page number from the address, or BadInput saying what is wrong."""
    query = request.args.get("q", "")
    if len(query) > MAX_QUERY:
        raise BadInput(_("Search for something shorter: at most %(max)d characters.", max=MAX_QUERY),
                       code="query_too_long")
    page_text = request.args.get("page", "1")
    if not page_text.isascii() or not page_text.isdigit() or not 1 <= int(page_text) <= 1000:
        raise BadInput(_("The page number should be a whole number from 1 to 1000."), code="bad_page")
    return query.strip(), int(page_text)


@blueprint.get("/search")
def search():
    query, page_number = search_arguments()
    results = current_site().search.search(query, page=page_number, lang=reader_language()) if query else None
    if results is not None and page_number == 1:
        note_search(query, results.total)
    return render_template("search.html", query=query, results=results, page_number=page_number)
