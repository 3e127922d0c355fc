"""One journey, whoever looks at it: the family at /, the adviser's call screen, a saved
code, the printable page and the JSON API all turn answers into what they show here.

A journey lives in the session under one key (FAMILY for a family, CALL for an adviser's
call) in one shape, JourneyState: the answers, what was understood from typed words (never
the words), whether anything was urgent, and a code saved from it. Views parse the request,
call these and render, so a change to ranking or to the urgent card is made once: here and
in navigator/web/presenters.py. Blueprints import this module, never one another.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import datetime
import logging
from typing import Any

from flask import current_app, request, url_for
from flask_babel import gettext as _

from navigator.flow import Outcome
from navigator.flow.engine import MAX_TEXT_ANSWER
from navigator.search import MAX_QUERY_LENGTH
from navigator.site import Site, current_site
from navigator.store import journeys, search_misses
from navigator.store.throttle import Limit
from navigator.web.errors import BadInput
from navigator.web.presenters import pathway_contacts, pathway_pages, urgent_contacts, urgent_pages

log = logging.getLogger(__name__)

FAMILY, CALL = "journey", "call"  # the session keys of a family's journey and an adviser's call
MAX_TEXT = 2000   # characters of typed words read at once: a few sentences is enough
MAX_QUERY = MAX_QUERY_LENGTH  # owned by search
# What forms tell the browser (maxlength), from the owners of each limit.
LIMITS = {"text": MAX_TEXT, "query": MAX_QUERY, "answer": MAX_TEXT_ANSWER}
CODE_GUESSES, CODE_WINDOW = "code", datetime.timedelta(hours=1)
SUGGESTION_SECONDS = 1.0  # suggested pages are a nicety: never wait longer for them
_suggesting = concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="suggest")


@dataclasses.dataclass
class JourneyState:
    """What the session holds about one journey; anything unreadable counts as absent."""

    key: str
    answers: dict[str, Any] = dataclasses.field(default_factory=dict)
    understood: dict[str, Any] | None = None   # {"concepts", "age", "pages", "check_danger"}: never the words
    urgent: bool = False                       # something typed was urgent: it stays so
    shared: dict[str, str] | None = None       # {"code", "expires"} saved from these answers
    event: str = ""                            # the call screen's key date: what happened…
    date: str = ""                             # …and when, as typed

    @classmethod
    def load(cls, session, key: str) -> JourneyState:
        stored = session.get(key)
        stored = stored if isinstance(stored, dict) else {}

        def kept(name: str, kind: type, default):
            value = stored.get(name)
            return value if isinstance(value, kind) else default
        return cls(key, answers=kept("answers", dict, {}), understood=kept("understood", dict, None),
                   urgent=kept("urgent", bool, False), shared=kept("shared", dict, None),
                   event=kept("event", str, ""), date=kept("date", str, ""))

    def save(self, session) -> None:
        session[self.key] = {name: value for name, value in dataclasses.asdict(self).items()
                             if name != "key" and value not in (None, "", False, {})}

    def set_answers(self, answers: dict[str, Any]) -> None:
        if answers != self.answers:
            self.shared = None  # a code saved earlier holds the earlier answers
        self.answers = answers


def replay(state: JourneyState, site: Site) -> tuple[Outcome, list[str]]:
    """Run the saved answers; drop (and say so) any the current rules cannot use."""
    outcome, dropped = site.flow.run_leniently(state.answers)
    if dropped:
        state.answers = {k: v for k, v in state.answers.items() if k not in dropped}
    return outcome, [_("One of your earlier answers could no longer be used, so we ask that question again.")] * len(dropped)


def results(outcome: Outcome, site: Site, *, urgent: bool) -> dict[str, Any]:
    """What every screen shows for an outcome: the pathway cards (pathway, contacts, pages),
    best first, and when anything is urgent the urgent card's contacts and pages, which go
    first (the urgent pathway is not shown again as a card)."""
    urgent = urgent or outcome.urgent
    return {
        "urgent": urgent,
        "cards": [(p, pathway_contacts(p, site.library), pathway_pages(p, site.library))
                  for p in outcome.pathways if not (urgent and p.urgent)],
        "urgent_contacts": urgent_contacts(site) if urgent else [],
        "urgent_pages": urgent_pages(site) if urgent else [],
    }


# -- words typed in ---------------------------------------------------------------------------

def text_problem(text: str) -> str | None:
    """Why typed words cannot be read, in words the person can act on; None if they can."""
    if not text.strip():
        return _("Type a few words about what is happening.")
    if len(text) > MAX_TEXT:
        return _("That is %(count)d characters. Keep it under %(max)d: a few sentences is enough.",
                 count=len(text), max=MAX_TEXT)
    return None


def read_words(state: JourneyState, site: Site, text: str, *, suggest: bool = True):
    """Read typed words into the state: what was understood (never the words), pages to
    suggest for it, and urgency, which once set stays for the journey. Returns the reading."""
    reading = site.interpreter.read(text)
    state.understood = {"concepts": list(reading.concepts), "age": reading.age,
                        "pages": [p["slug"] for p in related_pages(reading)] if suggest else [],
                        "check_danger": reading.check_danger}
    state.urgent = state.urgent or reading.urgent
    return reading


def related_pages(reading, limit: int = 3) -> list[dict]:
    """Pages that search finds for what was understood (in any language, searched in English).

    Only a nicety beside what was understood: if search fails or is slow, none (logged),
    so urgent help and the understanding itself never wait on the search index."""
    site = current_site()
    terms = " ".join(site.interpreter.lexicon.concepts[c].search for c in reading.concepts[:4])
    if not terms:
        return []
    try:
        hits = _suggesting.submit(lambda: site.search.search(terms, per_page=limit).hits).result(SUGGESTION_SECONDS)
    except Exception:  # noqa: BLE001 - a broken or slow index loses the suggestions only
        log.exception("suggested pages left out: search failed or took over %s s", SUGGESTION_SECONDS)
        return []
    return [{"slug": h.slug, "title": h.title, "url": url_for("pages.page", slug=h.slug)} for h in hits]


# -- reference codes ------------------------------------------------------------------------

def share(site: Site, answers: dict[str, Any], state: JourneyState | None = None) -> tuple[str, datetime.date]:
    """Save `answers` under a new code, kept for JOURNEY_DAYS, and remember it in `state`
    if given. Returns (the code as shown, its expiry)."""
    code, expires = journeys.save(site.database, answers, current_app.config["JOURNEY_DAYS"])
    if state is not None:
        state.shared = {"code": journeys.display(code), "expires": expires.isoformat()}
    return journeys.display(code), expires


def shared_view(state: JourneyState) -> dict | None:
    """The code saved from this journey ({"code", "expires" as a date}), or None."""
    try:
        return {"code": state.shared["code"], "expires": datetime.date.fromisoformat(state.shared["expires"])}
    except (KeyError, TypeError, ValueError):
        return None


def code_problem(text: str) -> str | None:
    """Why `text` cannot be a reference code, in words a family can act on; None if it can."""
    compact = "".join(c for c in (text or "") if not c.isspace() and c != "-").upper()
    if not compact:
        return _("Enter the reference code, like K7QF-3M2X.")
    wrong = sorted({c for c in compact if c not in journeys.ALPHABET})
    if wrong:
        return _("Codes only use the letters and numbers in K7QF-3M2X style: never O, I, L, U, 0 or 1. "
                 "Check these: %(letters)s", letters=" ".join(wrong[:10]))
    if len(compact) != journeys.LENGTH:
        return _("Codes have %(length)d letters and numbers; that has %(count)d. Check it and try again.",
                 length=journeys.LENGTH, count=len(compact))
    return None


def look_up(text: str) -> tuple[dict, datetime.date] | None:
    """(answers, expiry) for a live code, or None. Raises BadInput (429) once this address
    has tried too many codes that do not exist (so guessing a live one is impractical)."""
    throttle = current_app.extensions["navigator.throttle"]
    keys = {throttle.key(f"address:{request.remote_addr}"): Limit(current_app.config["CODE_ADDRESS_LIMIT"], CODE_WINDOW)}
    if throttle.wait(CODE_GUESSES, keys):
        raise BadInput(_("Too many reference codes have been tried from here. Wait a while (at most an hour), "
                         "then try again, or ask the person who gave you the code."), code="too_many_codes", status=429)
    stored = journeys.normalise(text)
    found = journeys.load(current_site().database, stored) if stored else None
    if found is None:
        throttle.failed(CODE_GUESSES, keys)
    return found


# -- search ------------------------------------------------------------------------------------

def search_arguments() -> tuple[str, int, bool]:
    """The query, page number and whether to correct misspelt words (not after "Search
    instead for …", which sends exact=1) from the address, or BadInput saying what is wrong."""
    query = request.args.get("q", "")
    if len(query) > MAX_QUERY:
        raise BadInput(_("Search for something shorter: at most %(max)d characters.", max=MAX_QUERY),
                       code="query_too_long")
    page_text = request.args.get("page", "1")
    if not page_text.isascii() or not page_text.isdigit() or not 1 <= int(page_text) <= 1000:
        raise BadInput(_("The page number should be a whole number from 1 to 1000."), code="bad_page")
    return query.strip(), int(page_text), request.args.get("exact") != "1"


def note_search(query: str, total: int) -> None:
    """Count a search that found little, for the editors (no link to who searched)."""
    search_misses.note(current_site().database, query, total)
