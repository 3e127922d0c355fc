"""Markdown to safe HTML, styled with GOV.UK Design System classes.

Every page body passes through nh3 (the Ammonia sanitiser): only the tags below survive,
script and event-handler attributes are removed, links may only be web, mail or phone
links. The same function serves the public page and (later) the editor's preview, so the
two can never differ.
"""

import html as html_lib

import markdown
import nh3

from navigator.content.linkify import LinkifyExtension

ALLOWED_TAGS = {"p", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "br",
                "blockquote", "table", "thead", "tbody", "tr", "th", "td", "code", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "th": {"scope"}}
GOVUK_CLASSES = {
    "p": {"class": "govuk-body"},
    "h2": {"class": "govuk-heading-m"},
    "h3": {"class": "govuk-heading-s"},
    "h4": {"class": "govuk-heading-s"},
    "ul": {"class": "govuk-list govuk-list--bullet"},
    "ol": {"class": "govuk-list govuk-list--number"},
    "a": {"class": "govuk-link"},
    "table": {"class": "govuk-table"},
    "tr": {"class": "govuk-table__row"},
    "th": {"class": "govuk-table__header"},
    "td": {"class": "govuk-table__cell"},
    "blockquote": {"class": "govuk-inset-text"},
    "hr": {"class": "govuk-section-break govuk-section-break--m govuk-section-break--visible"},
}


def render_markdown(text: str) -> str:
    html = markdown.markdown(text, extensions=["sane_lists", "tables", LinkifyExtension()], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        set_tag_attribute_values=GOVUK_CLASSES,
        link_rel="noopener noreferrer",
    )


def plain_text(html: str) -> str:
    """The words of rendered HTML, without markup: what search indexes and snippets show."""
    return " ".join(html_lib.unescape(nh3.clean(html, tags=set())).split())
