"""Small builders for flows, pages and rules files, so each test states only what matters."""

from __future__ import annotations

import pathlib
import textwrap

import yaml

from navigator.flow import Flow, Option, Pathway, Question, Step
from navigator.flow.model import Branch, Reason


def question(id, type="single", options=("yes", "no"), next="end", **extra) -> Question:
    branches = (Branch(goto=next),) if isinstance(next, str) else tuple(
        Branch(goto=goto, when=when) for when, goto in next)
    opts = tuple(Option(value=o, label=o.title()) for o in options) if type in ("single", "multi") else ()
    return Question(id=id, text=f"{id}?", type=type, next=branches, options=opts, **extra)


def pathway(id, when, priority=0, urgent=False, *more_reasons) -> Pathway:
    """A pathway reached when `when` holds (at `priority`), plus any (when, priority) pairs."""
    reasons = (Reason(when=when, priority=priority),) + tuple(Reason(w, p) for w, p in more_reasons)
    return Pathway(id=id, title=id.title(), summary="A summary.", today=("Do this.",),
                   steps=(Step(title="Step", who="Someone", description="Does something."),),
                   if_stuck="Ask for help.", reached_by=reasons, urgent=urgent)


def flow(questions, pathways, start=None) -> Flow:
    return Flow(questions={q.id: q for q in questions}, start=start or questions[0].id,
                pathways={p.id: p for p in pathways})


def page_text(**overrides) -> str:
    """A valid page file; overrides replace front-matter fields (None removes one)."""
    meta = {
        "name": "Example service",
        "description": "What the example service does.",
        "needs": ["all"],
        "assured_date": "2026-11-01",
        "review_by": "2027-05-01",
        "contacts": [{"id": "example", "name": "Example helpline", "phone": "0161 912 1053",
                      "verified": False}],
        "sources": [{"title": "Example source", "url": "https://www.trafford.gov.uk"}],
    }
    body = overrides.pop("body", "## What it does\n\nIt helps families.\n")
    for key, value in overrides.items():
        if value is None:
            meta.pop(key, None)
        else:
            meta[key] = value
    return "---\n" + yaml.safe_dump(meta, sort_keys=False, allow_unicode=True) + "---\n" + body


def write(folder: pathlib.Path, name: str, text: str) -> pathlib.Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
    return path
