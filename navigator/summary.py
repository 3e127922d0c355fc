"""A plain-text summary of a call for an adviser's case notes.

Pure: it takes what the call screen already worked out (answers read back, pathways, key
dates, contacts) and a `translate` function, and returns text that pastes cleanly into any
case-management system: no markup, no entities, short lines, ASCII bullets.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Callable, Iterable

from navigator.content import Contact
from navigator.deadlines import Deadline
from navigator.flow import Pathway


@dataclasses.dataclass(frozen=True)
class CallSummary:
    answered: list[tuple[str, str]]          # (question, answer), both already in words
    pathways: list[Pathway]                  # best first
    contacts: list[Contact]
    deadlines: list[Deadline] = dataclasses.field(default_factory=list)
    key_date: tuple[str, datetime.date] | None = None   # (what happened, when), for the deadlines
    code: str | None = None                  # a saved journey's reference code
    expires: datetime.date | None = None


def case_note(summary: CallSummary, today: datetime.date, translate: Callable[[str], str] = str,
              format_date: Callable[[datetime.date], str] = lambda d: d.strftime("%A %d %B %Y")) -> str:
    def _(message: str, **values) -> str:
        # The English is the msgid; placeholders are filled after translating.
        return translate(message) % values if values else translate(message)

    lines = [_("SEND navigator summary, %(date)s", date=format_date(today)), ""]

    lines.append(_("What we know"))
    nothing = _("No answers yet.")
    lines += [f"- {question} {answer}" for question, answer in summary.answered] or [f"- {nothing}"]

    lines += ["", _("Pathways, most useful first")]
    if not summary.pathways:
        unfinished = _("None yet: the questions are not finished.")
        lines.append(f"- {unfinished}")
    for number, pathway in enumerate(summary.pathways, 1):
        lines.append(f"{number}. {translate(pathway.title)}")
        for step in pathway.steps:
            timescale = f" ({translate(step.timescale.text)})" if step.timescale else ""
            lines.append(f"   - {translate(step.title)}{timescale}")

    if summary.deadlines and summary.key_date:
        event, on = summary.key_date
        lines += ["", _("Key dates: %(event)s, %(date)s", event=event, date=format_date(on))]
        for deadline in summary.deadlines:
            lines.append(f"- {format_date(deadline.date)}: {translate(deadline.title)} [{deadline.source}]")

    if summary.contacts:
        lines += ["", _("Contacts")]
        for contact in _unique(summary.contacts):
            details = [d for d in (contact.phone, contact.email, contact.url) if d]
            lines.append(f"- {contact.name}" + (f": {', '.join(details)}" if details else ""))

    if summary.code:
        lines += ["", _("Shared with the family as reference code %(code)s (until %(date)s)", code=summary.code,
                        date=format_date(summary.expires)) if summary.expires
                  else _("Shared with the family as reference code %(code)s", code=summary.code)]
    return "\n".join(lines) + "\n"


def _unique(contacts: Iterable[Contact]) -> list[Contact]:
    return list({c.id: c for c in contacts}.values())
