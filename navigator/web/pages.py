"""Pages a person reads: one local-offer page, one pathway, and search."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from navigator.content.browse import browse as pages_for
from navigator.content.schema import NEEDS, OLDEST
from navigator.languages import language
from navigator.site import current_site
from navigator.store import revisions
from navigator.web.i18n import reader_language
from navigator.web.journeys import FAMILY, JourneyState, note_search, search_arguments
from navigator.web.presenters import pathway_contacts, pathway_pages, urgent_contacts, urgent_pages

blueprint = Blueprint("pages", __name__)

@blueprint.get("/pages/<slug>")
def page(slug: str):
    site = current_site()
    found = site.library.pages.get(slug)
    if found is None:
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
    # a young person on their own journey reads "you"
    audience = JourneyState.load(session, FAMILY).answers.get("asking_as")
    return render_template("pathway.html", pathway=found, audience=audience,
                           contacts=pathway_contacts(found, site.library),
                           pages=pathway_pages(found, site.library))


@blueprint.get("/help-now")
def help_now():
    """"Get help now", linked from every page's header: the urgent card on its own page."""
    site = current_site()
    return render_template("help_now.html", contacts=urgent_contacts(site), pages=urgent_pages(site))


@blueprint.get("/search")
def search():
    query, page_number, correct = search_arguments()
    results = current_site().find(query, page=page_number, lang=reader_language(), correct=correct) if query else None
    if results is not None and page_number == 1:
        note_search(query, results.total)
    return render_template("search.html", query=query, results=results, page_number=page_number)


def need_labels() -> dict[str, str]:
    """The areas of need in the reader's language, from the content schema."""
    return {value: _(label) for value, label in NEEDS.items() if value != "all"}


@blueprint.get("/browse")
def browse():
    """The local offer by need and by age: a GET form, so it works without JavaScript."""
    site, lang = current_site(), reader_language()
    need, age_text, errors = request.args.get("need", ""), request.args.get("age", "").strip(), {}
    if need and need not in NEEDS:
        errors["need"], need = _("Choose one of the areas of need listed."), ""
    age = int(age_text) if age_text.isascii() and age_text.isdigit() and int(age_text) <= OLDEST else None
    if age_text and age is None:
        errors["age"] = _("Enter an age from 0 to %(max)d, in years.", max=OLDEST)
    found = [site.library.translated(p, lang)[0] for p in pages_for(site.library, need or None, age)]
    return render_template("browse.html", pages=found, need=need, age_text=age_text, errors=errors,
                           needs=need_labels()), 400 if errors else 200
