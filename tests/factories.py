"""Small builders for flows, pages and rules files, and the answers, rules and edits several
test modules share, so each test states only what matters and no test imports another."""

from __future__ import annotations

import pathlib
import textwrap

import yaml

from navigator.content import load_library
from navigator.flow import Flow, Option, Pathway, Question, Step, load_rules
from navigator.flow.model import Branch, Reason
from tests.conftest import CONTENT_DIR, RULES_DIR, csrf_token


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


def library_of(folder: pathlib.Path, **pages):
    """A library of the given pages (slug=text), written into `folder`."""
    for slug, text in pages.items():
        write(folder, f"{slug}.md", text)
    return load_library(folder)


# -- shared by several test modules --------------------------------------------------------

# A parent of a 9-year-old on SEN Support who wants an EHC plan: the form posts, in order.
EHC_ANSWERS = [("asking_as", "parent"), ("age", "9"), ("happening", ["none"]), ("support_now", "sen_support"),
               ("needs", ["learning"]), ("autism_adhd", "neither"), ("want", "ehc_plan")]
# The same answers as the API takes them.
EHC_JOURNEY = {q: (int(v) if q == "age" else v) for q, v in EHC_ANSWERS}


def answer(client, question, value, *, chat=False, token=None):
    token = token or csrf_token(client.get("/").get_data(as_text=True))
    headers = {"X-Navigator-Chat": "1"} if chat else {}
    values = value if isinstance(value, list) else [value]
    return client.post("/answer", data={"csrf_token": token, "question": question, "answer": values}, headers=headers)


def shipped_rules():
    library = load_library(CONTENT_DIR)
    return load_rules(RULES_DIR, page_slugs=library.pages, contact_ids=library.contacts)


def edit(folder, file, old, new):
    path = folder / file
    text = path.read_text()
    assert old in text, f"fixture text not found in {file}: {old!r}"
    path.write_text(text.replace(old, new, 1))


# Each kind of broken rule: (file, text in it, replaced by, words the problem must say).
BROKEN = {
    "broken YAML names the line": (
        "questions.yaml", "    type: number\n", "    type: [number\n", ["questions.yaml, line", "broken YAML"]),
    "a goto to a missing question": (
        "questions.yaml", "next: happening", "next: hapening", ["hapening", "not a question"]),
    "a condition on a missing question": (
        "pathways/sen-support.yaml", "{question: support_now, one_of:", "{question: support, one_of:",
        ["sen-support.yaml", "'support'", "not a question"]),
    "a condition on an answer a question does not offer": (
        "pathways/ehc-plan-review.yaml", "equals: ehc_plan", "equals: ehcp",
        ["ehc-plan-review.yaml", "'ehcp' is not an answer to 'support_now'"]),
    "urgent help not marked urgent": (
        "pathways/urgent-help.yaml", "\nurgent: true", "\nurgent: false",
        ["urgent-help.yaml [urgent]", "shown first whenever anything is urgent"]),
    "a typo in a field name": (
        "pathways/sen-support.yaml", "\ntitle:", "\ntilte:", ["sen-support.yaml", "tilte"]),
    "a condition in an unknown vocabulary": (
        "pathways/ehc-plan-review.yaml", "{question: support_now, equals: ehc_plan}",
        "{eval: 'support_now == 1'}", ["ehc-plan-review.yaml", "not a condition"]),
    "an unknown contact": (
        "pathways/sen-support.yaml", "contacts: [sendiass, parent-carer-forum]",
        "contacts: [sendiass, parents-forum]", ["contact 'parents-forum'"]),
    "an unknown page": (
        "pathways/sen-support.yaml", "pages: [sen-support-in-school, sendiass]",
        "pages: [sen-support-at-school, sendiass]", ["page 'sen-support-at-school'"]),
    "a pathway id outside the contract, spelt wrongly": (
        "pathways/ehc-plan-review.yaml", "id: ehc-plan-review", "id: ehc-plan-reveiw",
        ["'ehc-plan-reveiw' is not a pathway id of the contract: did you mean 'ehc-plan-review'?"]),
    "a statutory timescale without its source": (
        "pathways/ehc-needs-assessment.yaml", "      source: SEND Regulations 2014, reg 5\n", "",
        ["ehc-needs-assessment.yaml [steps[1].timescale.source]", "a statutory timescale needs a source"]),
    "a statutory flag that is not true or false": (
        "pathways/ehc-needs-assessment.yaml", "statutory: true", "statutory: perhaps", ["statutory", "true or false"]),
}
