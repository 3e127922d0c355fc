"""The shapes the JSON API and the templates share, in the reader's language.

Rules and page text is translated here, at the edge, with gettext: the cores stay in
English and never import Flask.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import url_for
from flask_babel import gettext as _

from navigator.content import Contact, Library, Page
from navigator.flow import URGENT_PATHWAY, Pathway, Question
from navigator.web.i18n import reader_language

log = logging.getLogger(__name__)


def explain(error) -> str:
    """An AnswerError or DeadlineError in the reader's language: its English template is
    the msgid, filled in after translation."""
    return _(error.template, **error.params)


def question_json(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id, "text": _(question.text), "type": question.type}
    if question.hint:
        data["hint"] = _(question.hint)
    if question.type in ("single", "multi"):
        data["options"] = [{"value": o.value, "label": _(o.label)} for o in question.options]
    if question.type == "number":
        data["min"], data["max"] = question.min, question.max
    return data


def contact_json(contact: Contact) -> dict[str, Any]:
    return {"id": contact.id, "name": contact.name, "phone": contact.phone, "email": contact.email,
            "url": contact.url, "hours": contact.hours, "text": contact.text,
            "missing": contact.missing, "verified": contact.verified, "source": contact.source}


def page_link_json(page: Page) -> dict[str, str]:
    return {"slug": page.slug, "title": page.name, "url": url_for("pages.page", slug=page.slug)}


def pathway_json(pathway: Pathway, library: Library, audience: str | None = None) -> dict[str, Any]:
    words = pathway.words_for(audience)
    steps = []
    for step in pathway.steps:
        timescale = None
        if step.timescale:
            t = step.timescale
            timescale = {"text": _(t.text), "weeks_max": t.weeks_max, "statutory": t.statutory,
                         "source": t.source, "as_of": t.as_of}
        local = {"text": _(step.local.text), "source": step.local.source, "as_of": step.local.as_of} \
            if step.local else None
        steps.append({"title": _(step.title), "description": _(step.description), "who": _(step.who),
                      "timescale": timescale, "local": local})
    return {
        "id": pathway.id,
        "title": _(pathway.title),
        "summary": _(words.summary),
        "url": url_for("pages.pathway", pathway_id=pathway.id),
        "urgent": pathway.urgent,
        "today": [_(item) for item in words.today],
        "steps": steps,
        "if_stuck": _(pathway.if_stuck),
        "contacts": [contact_json(c) for c in pathway_contacts(pathway, library)],
        "pages": [page_link_json(p) for p in pathway_pages(pathway, library)],
    }


def pathway_contacts(pathway: Pathway, library: Library) -> list[Contact]:
    """The pathway's contacts that the content offers now (a skipped page's are left out),
    in the reader's language where a page's translation gives their words. If the page
    library cannot give them, none (logged): the pathway itself still shows."""
    try:
        contacts = library.contacts_in(reader_language())
    except Exception:  # noqa: BLE001 - a broken library must not take the pathway with it
        log.exception("contacts for %s could not be read", pathway.id)
        return []
    return [contacts[i] for i in pathway.all_contacts() if i in contacts]


def urgent_contacts(site) -> list[Contact]:
    """The urgent-help contacts, or none if they cannot be had (pathway_contacts never
    raises): the urgent card's own fixed lines (999, A&E, 111 option 2) still show."""
    urgent = site.flow.pathways.get(URGENT_PATHWAY)
    return pathway_contacts(urgent, site.library) if urgent else []


def urgent_pages(site) -> list[Page]:
    """The urgent-help pathway's pages (exploitation, the duty team…), or none if they cannot be had."""
    urgent = site.flow.pathways.get(URGENT_PATHWAY)
    return pathway_pages(urgent, site.library) if urgent else []


def pathway_pages(pathway: Pathway, library: Library) -> list[Page]:
    return translated_pages(library, pathway.all_pages())


def translated_pages(library: Library, slugs) -> list[Page]:
    """The pages with these slugs that exist, in the reader's language where translated;
    none (logged) if the library cannot give them: pages are never in urgent help's way."""
    lang = reader_language()
    try:
        return [library.translated(library.pages[s], lang)[0] for s in slugs if s in library.pages]
    except Exception:  # noqa: BLE001 - as for contacts
        log.exception("pages %s could not be read", list(slugs)[:5])
        return []


def answer_label(question: Question, value: Any) -> str:
    """An answer as the person would read it back."""
    if question.type == "single":
        option = question.option(value)
        return _(option.label) if option else str(value)
    if question.type == "multi":
        return ", ".join(_(question.option(v).label) for v in value if question.option(v))
    return str(value)
