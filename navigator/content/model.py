"""What the content is made of: pages, their contacts and sources, translations, and the
library of every valid page. Plain frozen data; navigator/content/library.py builds it."""

from __future__ import annotations

import dataclasses
import datetime

from navigator.content.render import plain_text
from navigator.problems import Problem


@dataclasses.dataclass(frozen=True)
class Contact:
    id: str
    name: str
    phone: str | None = None
    text: str | None = None
    email: str | None = None
    url: str | None = None
    hours: str | None = None
    verified: str | bool = False
    missing: str | None = None
    source: str | None = None  # where it was checked, shown with the date
    page_slug: str = ""

    @property
    def tel_href(self) -> str | None:
        """A tap-to-call link: digits only, as phones expect."""
        return "tel:" + self.phone.replace(" ", "") if self.phone else None


@dataclasses.dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    as_of: str | None = None


@dataclasses.dataclass(frozen=True)
class Page:
    slug: str
    name: str
    description: str
    body: str
    html: str
    needs: tuple[str, ...]
    assured_date: datetime.date
    review_by: datetime.date
    contacts: tuple[Contact, ...]
    sources: tuple[Source, ...]
    status: str = "active"
    url: str | None = None
    email: str | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    sensitive: bool = False

    @property
    def text(self) -> str:
        """The body's words without markup, for search."""
        return plain_text(self.html)

    @property
    def title(self) -> str:  # the word families and the JSON API use
        return self.name

    @property
    def summary(self) -> str:
        return self.description


@dataclasses.dataclass(frozen=True)
class Translation:
    """A page's words in another language; everything else comes from the English page."""
    lang: str
    name: str
    description: str
    html: str
    made_from: str      # the English version it was translated from (12 characters)
    current: bool       # False when the English page has changed since
    contacts: dict[str, dict[str, str]] = dataclasses.field(default_factory=dict)  # id -> words

    @property
    def text(self) -> str:
        return plain_text(self.html)


@dataclasses.dataclass(frozen=True)
class Library:
    """Every valid page, by slug, plus the problems of those that were skipped."""
    pages: dict[str, Page]
    problems: tuple[Problem, ...]
    fingerprint: str
    page_files: frozenset[str]  # slugs of every page file present, valid or not
    declared_contact_ids: frozenset[str] = frozenset()  # including those on skipped pages
    translations: dict[str, dict[str, Translation]] = dataclasses.field(default_factory=dict)
    versions: dict[str, str] = dataclasses.field(default_factory=dict)  # slug -> sha256 of its file

    def translated(self, page: Page, lang: str) -> tuple[Page, Translation | None]:
        """The page in `lang` where a translation exists (its words, the English details)."""
        translation = self.translations.get(page.slug, {}).get(lang)
        if translation is None:
            return page, None
        return dataclasses.replace(page, name=translation.name, description=translation.description,
                                   html=translation.html, contacts=tuple(self._contact_in(c, lang) for c in page.contacts)
                                   ), translation

    def contacts_in(self, lang: str) -> dict[str, Contact]:
        """Every contact, with its words (name, hours, what is not known) in `lang` where a
        translation gives them; numbers and addresses are always the English page's."""
        if lang == "en":
            return self.contacts
        return {c.id: self._contact_in(c, lang) for page in self.pages.values() for c in page.contacts}

    def _contact_in(self, contact: Contact, lang: str) -> Contact:
        words = self.translations.get(contact.page_slug, {}).get(lang)
        override = words.contacts.get(contact.id) if words else None
        return dataclasses.replace(contact, **override) if override else contact

    @property
    def contacts(self) -> dict[str, Contact]:
        return {c.id: c for page in self.pages.values() for c in page.contacts}
