"""The things the rules describe, as plain immutable values."""

from __future__ import annotations

import dataclasses
from typing import Any


@dataclasses.dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str | None = None


@dataclasses.dataclass(frozen=True)
class Branch:
    goto: str                      # a question id, or "end"
    when: dict[str, Any] | None = None


@dataclasses.dataclass(frozen=True)
class Question:
    id: str
    text: str
    type: str                      # single | multi | number | text
    next: tuple[Branch, ...]
    hint: str | None = None
    options: tuple[Option, ...] = ()
    min: int | None = None
    max: int | None = None
    sensitive: bool = False        # its answer must never appear in a URL or a log

    def option(self, value) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclasses.dataclass(frozen=True)
class Timescale:
    text: str
    weeks_max: float | None = None
    statutory: bool = False
    source: str | None = None
    as_of: str | None = None


@dataclasses.dataclass(frozen=True)
class LocalFigure:
    """What actually happens locally, beside the law: a figure from a named document."""
    text: str
    source: str
    as_of: str | None = None


@dataclasses.dataclass(frozen=True)
class Step:
    title: str
    who: str
    description: str
    timescale: Timescale | None = None
    local: LocalFigure | None = None
    contacts: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class Reason:
    """One situation that leads to a pathway, and how high it then ranks (higher first)."""
    when: dict[str, Any]
    priority: int


@dataclasses.dataclass(frozen=True)
class Words:
    """A pathway's summary and "what you can do today", addressed to one audience."""
    summary: str
    today: tuple[str, ...]


YOUNG_PERSON = "young_person"     # the audience of a young person asking for themselves

# The pathway that is urgent help: first whenever anything a family says or answers is
# urgent. Named here, once; the rules loader checks it exists and is marked urgent.
URGENT_PATHWAY = "urgent-help"


@dataclasses.dataclass(frozen=True)
class Pathway:
    id: str
    title: str
    summary: str
    today: tuple[str, ...]
    steps: tuple[Step, ...]
    if_stuck: str
    reached_by: tuple[Reason, ...]
    urgent: bool = False
    sensitive: bool = False        # shows "Exit this page": abuse, crisis, mental health
    deadlines_from: str | None = None  # an event of navigator/rules/deadlines.yaml to count dates from
    contacts: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()
    for_young_person: Words | None = None  # the same words addressed to a young person ("you")

    def words_for(self, audience: str | None) -> Words:
        """The summary and today list to show: the young person's own words when they are
        the one asking and the pathway has them, otherwise the usual words."""
        if audience == YOUNG_PERSON and self.for_young_person is not None:
            return self.for_young_person
        return Words(summary=self.summary, today=self.today)

    def all_contacts(self) -> list[str]:
        """Contacts of the pathway, then of its steps, each once, in order."""
        ids = list(self.contacts) + [c for step in self.steps for c in step.contacts]
        return list(dict.fromkeys(ids))

    def all_pages(self) -> list[str]:
        slugs = list(self.pages) + [p for step in self.steps for p in step.pages]
        return list(dict.fromkeys(slugs))
