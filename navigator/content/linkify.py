"""Phone numbers and email addresses in a page's words become tel: and mailto: links, so a
parent on a phone taps them instead of copying digits. A Markdown tree processor: it sees
the text after Markdown has made its own links, and never touches the words of a link,
code or a heading."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # nosec B405  # builds elements only; parses nothing

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# A UK number as pages write it: 0161 912 5125, 0800 953 0285, 0800 1111, +44 161 912 5125,
# and the short national ones. Not part of a longer number, a date or a word.
PHONE = r"(?:\+44\s?\d{2,4}|0\d{2,4})(?:[ -]?\d{3,4}){1,2}|\b999\b|\b111\b|\b116 ?123\b"
EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
_FOUND = re.compile(rf"(?<![\w+/.@-])(?:(?P<email>{EMAIL})|(?P<phone>{PHONE}))(?![\w@-])")
_LEAVE_ALONE = {"a", "code", "pre", "h1", "h2", "h3", "h4"}


def _link(match: re.Match) -> etree.Element:
    link = etree.Element("a")
    text = match.group(0)
    if match.group("email"):
        link.set("href", f"mailto:{text}")
    else:
        link.set("href", "tel:" + re.sub(r"[^\d+]", "", text))
    link.text = text
    return link


def _split(text: str | None) -> tuple[str | None, list[etree.Element]]:
    """The text before the first number or address, and the links with the text after each."""
    if not text or not _FOUND.search(text):
        return text, []
    pieces, links, last = [], [], 0
    for match in _FOUND.finditer(text):
        pieces.append(text[last:match.start()])
        links.append(_link(match))
        last = match.end()
    for link, after in zip(links, pieces[1:] + [text[last:]], strict=True):
        link.tail = after
    return pieces[0], links


class _Linkify(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in _LEAVE_ALONE:
            return
        children = list(element)
        element.text, links = _split(element.text)
        for position, link in enumerate(links):
            element.insert(position, link)
        for child in children:
            self._walk(child)
            child.tail, links = _split(child.tail)
            at = list(element).index(child) + 1
            for offset, link in enumerate(links):
                element.insert(at + offset, link)


class LinkifyExtension(Extension):
    def extendMarkdown(self, md) -> None:  # noqa: N802  # Markdown's own name
        md.treeprocessors.register(_Linkify(md), "linkify_contacts", 0)
