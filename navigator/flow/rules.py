"""Load the rules files and check them completely before anything runs.

navigator/rules/questions.yaml holds the questions and their routing; each file in
navigator/rules/pathways/ holds one pathway and the situations that lead to it
(`reached_by`); pathway_ids.yaml lists the stable ids of the contract. Every problem is
collected (file, field, reason) and raised together as RulesError, so an author fixes them
all in one pass; the app refuses to start on broken rules.
"""

from __future__ import annotations

import functools
import itertools
import pathlib
from collections.abc import Iterable
from typing import Any

from rapidfuzz import process

from navigator.flow import conditions
from navigator.flow.engine import Flow
from navigator.flow.model import Branch, LocalFigure, Option, Pathway, Question, Reason, Step, Timescale, Words
from navigator.problems import Problem, ProblemError, read_checked_yaml
from navigator.read_once import ReadOnce, files_key

RULES_DIR = pathlib.Path(__file__).resolve().parent.parent / "rules"
ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
MAX_QUESTIONS_ON_A_ROUTE = 10
MAX_ROUTES_CHECKED = 200_000


class RulesError(ProblemError):
    pass


_TEXT = {"type": "string", "minLength": 1}
_BRANCHES = {"type": "array", "minItems": 1, "items": {
    "type": "object", "required": ["goto"], "additionalProperties": False,
    "properties": {"goto": {"type": "string"}, "when": {"$ref": "#/$defs/condition"}}}}

QUESTIONS_SCHEMA = {
    **conditions.SCHEMA,
    "type": "object",
    "required": ["start", "questions"],
    "additionalProperties": False,
    "properties": {
        "start": {"type": "string"},
        "questions": {"type": "array", "minItems": 1, "items": {
            "type": "object",
            "required": ["id", "text", "type", "next"],
            "additionalProperties": False,
            "properties": {
                "id": {"type": "string", "pattern": ID},
                "text": _TEXT,
                "hint": _TEXT,
                "type": {"enum": ["single", "multi", "number", "text"]},
                "sensitive": {"type": "boolean"},
                "options": {"type": "array", "minItems": 2, "items": {
                    "type": "object", "required": ["value", "label"], "additionalProperties": False,
                    "properties": {"value": {"type": "string", "pattern": ID}, "label": _TEXT, "hint": _TEXT}}},
                "min": {"type": "integer"},
                "max": {"type": "integer"},
                "next": {"oneOf": [{"type": "string"}, _BRANCHES],
                         "errorMessage": "should name the next question (or end), or list branches "
                                         "each with goto and an optional when"},
            },
        }},
    },
}

_TIMESCALE = {
    "type": "object", "required": ["text", "statutory"], "additionalProperties": False,
    "properties": {"text": _TEXT, "weeks_max": {"type": ["number", "null"], "minimum": 0},
                   "statutory": {"type": "boolean"}, "source": _TEXT,
                   "as_of": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}){0,2}$"}},
    # A legal deadline must say which law sets it.
    "if": {"properties": {"statutory": {"const": True}}, "required": ["statutory"]},
    "then": {"required": ["source"], "errorMessage": "a statutory timescale needs a source: the law that sets it"},
}
_LOCAL = {"type": "object", "required": ["text", "source"], "additionalProperties": False,
          "properties": {"text": _TEXT, "source": _TEXT,
                         "as_of": {"type": "string", "pattern": r"^\d{4}(-\d{2}){0,2}$"}}}
_REFS = {"type": "array", "items": {"type": "string"}}

PATHWAY_SCHEMA = {
    **conditions.SCHEMA,
    "type": "object",
    "required": ["id", "title", "summary", "today", "steps", "if_stuck", "reached_by"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": ID},
        "title": _TEXT,
        "summary": _TEXT,
        "today": {"type": "array", "minItems": 1, "items": _TEXT},
        "urgent": {"type": "boolean"},
        "sensitive": {"type": "boolean"},
        # the event a family can count this pathway's legal deadlines from (navigator/deadlines.py)
        "deadlines_from": {"enum": ["request", "draft-plan", "review-meeting", "proposed-amendments",
                                    "decision-letter", "mediation-contact", "mediation-ended",
                                    "phase-transfer", "post-16-transfer"]},
        "reached_by": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["when", "priority"], "additionalProperties": False,
            "properties": {"when": {"$ref": "#/$defs/condition"}, "priority": {"type": "integer"}}}},
        "if_stuck": _TEXT,
        # the summary and today list in words for a young person asking for themselves
        "for_young_person": {"type": "object", "required": ["summary", "today"], "additionalProperties": False,
                             "properties": {"summary": _TEXT,
                                            "today": {"type": "array", "minItems": 1, "items": _TEXT}}},
        "contacts": _REFS,
        "pages": _REFS,
        "steps": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["title", "who", "description"], "additionalProperties": False,
            "properties": {"title": _TEXT, "who": _TEXT, "description": _TEXT,
                           "timescale": _TIMESCALE, "local": _LOCAL,
                           "contacts": _REFS, "pages": _REFS}}},
    },
}
IDS_SCHEMA = {"type": "array", "minItems": 1, "items": {"type": "string", "pattern": ID}}


def load_rules(rules_dir: pathlib.Path = RULES_DIR, *, page_slugs: Iterable[str] = (),
               contact_ids: Iterable[str] = ()) -> Flow:
    """Read and check every rules file. Raise RulesError listing every problem found.

    page_slugs and contact_ids are what the content offers; a rule that refers to anything
    else is a problem. Walking every route takes seconds, so a process does it once for the
    same files (compared by content) and content: the Flow is never changed once built.
    """
    rules_dir = pathlib.Path(rules_dir)
    files = files_key(rules_dir, [rules_dir / "questions.yaml", rules_dir / "pathway_ids.yaml",
                                  *sorted((rules_dir / "pathways").glob("*.yaml"))])
    return _read_rules(rules_dir, files, frozenset(page_slugs), frozenset(contact_ids))


def _build_flow(rules_dir: pathlib.Path, page_slugs: frozenset, contact_ids: frozenset) -> Flow:
    problems: list[Problem] = []
    questions_file = rules_dir / "questions.yaml"
    questions_doc = read_checked_yaml(questions_file, QUESTIONS_SCHEMA, problems)
    known_ids = read_checked_yaml(rules_dir / "pathway_ids.yaml", IDS_SCHEMA, problems) or []
    pathway_docs = []
    pathway_files = sorted((rules_dir / "pathways").glob("*.yaml"))
    for path in pathway_files:
        document = read_checked_yaml(path, PATHWAY_SCHEMA, problems)
        if document is not None:
            pathway_docs.append((path.name, document))
    if questions_doc is None:
        raise RulesError(problems)
    # A pathway file that failed its schema is left out, so the cross-references of all the
    # others are still checked and every problem is reported in one pass.
    question_ids = [q["id"] for q in questions_doc["questions"]]
    for duplicate in sorted({i for i in question_ids if question_ids.count(i) > 1}):
        problems.append(Problem(questions_file.name, f"two questions are called '{duplicate}'", field="questions"))
    flow = _build(questions_doc, pathway_docs)
    problems += _question_problems(flow, questions_file.name)
    problems += _pathway_problems(flow, pathway_docs, known_ids, set(page_slugs), set(contact_ids),
                                  {path.stem for path in pathway_files})
    if not problems:  # the route checks assume the references are sound
        problems += _route_problems(flow, questions_file.name)
    if problems:
        raise RulesError(problems)
    return flow


_read_rules = ReadOnce(_build_flow)


def _build(questions_doc: dict, pathway_docs: list[tuple[str, dict]]) -> Flow:
    questions = {}
    for q in questions_doc["questions"]:
        branches = [{"goto": q["next"]}] if isinstance(q["next"], str) else q["next"]
        questions[q["id"]] = Question(
            id=q["id"], text=q["text"], type=q["type"], hint=q.get("hint"),
            options=tuple(Option(**o) for o in q.get("options", [])),
            min=q.get("min"), max=q.get("max"), sensitive=q.get("sensitive", False),
            next=tuple(Branch(goto=b["goto"], when=b.get("when")) for b in branches))
    pathways = {}
    for _, p in pathway_docs:
        steps = tuple(Step(
            title=s["title"], who=s["who"], description=s["description"],
            timescale=Timescale(**s["timescale"]) if "timescale" in s else None,
            local=LocalFigure(**s["local"]) if "local" in s else None,
            contacts=tuple(s.get("contacts", [])), pages=tuple(s.get("pages", [])))
            for s in p["steps"])
        pathways[p["id"]] = Pathway(
            id=p["id"], title=p["title"], summary=p["summary"], today=tuple(p["today"]),
            steps=steps, if_stuck=p["if_stuck"], urgent=p.get("urgent", False),
            sensitive=p.get("sensitive", p.get("urgent", False)), deadlines_from=p.get("deadlines_from"),
            reached_by=tuple(Reason(when=r["when"], priority=r["priority"]) for r in p["reached_by"]),
            contacts=tuple(p.get("contacts", [])), pages=tuple(p.get("pages", [])),
            for_young_person=Words(summary=p["for_young_person"]["summary"],
                                   today=tuple(p["for_young_person"]["today"])) if "for_young_person" in p else None)
    return Flow(questions=questions, start=questions_doc["start"], pathways=pathways)


def _question_problems(flow: Flow, file: str) -> list[Problem]:
    problems = []
    if flow.start not in flow.questions:
        problems.append(Problem(file, f"the first question '{flow.start}' does not exist", field="start"))
    for question in flow.questions.values():
        where = f"questions.{question.id}"
        if question.type in ("single", "multi") and not question.options:
            problems.append(Problem(file, "needs options to choose from", field=where))
        if question.type == "number" and (question.min is None or question.max is None or question.min > question.max):
            problems.append(Problem(file, "a number question needs min and max, min no more than max", field=where))
        if question.next[-1].when is not None:
            problems.append(Problem(file, "the last branch of next must have no 'when', so "
                                          "every answer leads somewhere", field=where + ".next"))
        for branch in question.next:
            if branch.goto != "end" and branch.goto not in flow.questions:
                problems.append(Problem(file, f"goes to '{branch.goto}', which is not a question "
                                              "(or 'end')", field=where + ".next"))
            if branch.when:
                problems += _condition_problems(flow, branch.when, file, where + ".next")
    return problems


def _pathway_problems(flow: Flow, pathway_docs, known_ids: list[str], page_slugs: set[str],
                      contact_ids: set[str], file_stems: set[str]) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    for file, doc in pathway_docs:
        pathway = flow.pathways[doc["id"]]
        if doc["id"] in seen:
            problems.append(Problem(file, f"pathway id '{doc['id']}' is also used in {seen[doc['id']]}", field="id"))
        seen.setdefault(doc["id"], file)
        if known_ids and doc["id"] not in known_ids:
            closest = process.extractOne(doc["id"], known_ids)
            hint = f": did you mean '{closest[0]}'?" if closest and closest[1] >= 80 else \
                " (add new ids to pathway_ids.yaml and the contract first)"
            problems.append(Problem(file, f"'{doc['id']}' is not a pathway id of the contract{hint}", field="id"))
        if file != f"{doc['id']}.yaml":
            problems.append(Problem(file, f"name the file after the pathway id: {doc['id']}.yaml", field="id"))
        for index, reason in enumerate(pathway.reached_by):
            problems += _condition_problems(flow, reason.when, file, f"reached_by[{index}].when")
        references = [("contacts", pathway.contacts), ("pages", pathway.pages)]
        for index, step in enumerate(pathway.steps):
            references += [(f"steps[{index}].contacts", step.contacts), (f"steps[{index}].pages", step.pages)]
        for field, refs in references:
            kind, known = ("contact", contact_ids) if field.endswith("contacts") else ("page", page_slugs)
            for ref in refs:
                if ref not in known:
                    problems.append(Problem(file, f"refers to a {kind} '{ref}' that no valid page "
                                                  "in the content provides", field=field))
    for missing in [i for i in known_ids if i not in seen and i not in file_stems]:
        problems.append(Problem("pathway_ids.yaml", f"the contract's pathway '{missing}' has no file "
                                                    f"pathways/{missing}.yaml"))
    return problems


def _condition_problems(flow: Flow, condition: dict, file: str, field: str) -> list[Problem]:
    problems = []
    for test in conditions.leaves(condition):
        question = flow.questions.get(test["question"])
        if question is None:
            problems.append(Problem(file, f"the condition asks about '{test['question']}', which is not a question", field=field))
            continue
        values = [test["equals"]] if "equals" in test else test.get("one_of", [])
        if values and question.type not in ("single", "multi"):
            problems.append(Problem(file, f"'{question.id}' is a {question.type} question: use between, not equals or one_of", field=field))
        for value in values:
            if question.type in ("single", "multi") and question.option(value) is None:
                problems.append(Problem(file, f"'{value}' is not an answer to '{question.id}'", field=field))
        if "between" in test and question.type != "number":
            problems.append(Problem(file, f"between only works with number questions; '{question.id}' is {question.type}", field=field))
    return problems


# -- routes ------------------------------------------------------------------------------

def _route_problems(flow: Flow, file: str) -> list[Problem]:
    """Unreachable questions, cycles, over-long routes, answers that reach no pathway, and
    pathways no answers reach."""
    problems = []
    graph = {q.id: {b.goto for b in q.next if b.goto != "end"} for q in flow.questions.values()}
    reachable = _reachable(graph, flow.start)
    for question_id in flow.questions:
        if question_id not in reachable:
            problems.append(Problem(file, "no route from the first question leads here", field=f"questions.{question_id}"))
    cycle = _find_cycle(graph)
    if cycle:
        problems.append(Problem(file, "the questions go round in a circle: " + " → ".join(cycle), field="questions"))
        return problems
    longest = _longest_route(graph, flow.start)
    if longest > MAX_QUESTIONS_ON_A_ROUTE:
        problems.append(Problem(file, f"a route can ask {longest} questions; ask at most "
                                      f"{MAX_QUESTIONS_ON_A_ROUTE}", field="questions"))
    try:
        dead_end = _answers_reaching_no_pathway(flow)
        unreached = [p for p in flow.pathways.values() if not _can_reach(flow, p)]
    except OverflowError as error:
        problems.append(Problem(file, str(error), field="questions"))
        return problems
    if dead_end is not None:
        said = ", ".join(f"{k}={v}" for k, v in dead_end.items())
        problems.append(Problem(file, f"these answers reach no pathway: {said}", field="pathways"))
    for pathway in unreached:
        problems.append(Problem(f"{pathway.id}.yaml", "no answers lead to this pathway", field="reached_by"))
    return problems


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, stack = set(), [start]
    while stack:
        current = stack.pop()
        if current not in seen:
            seen.add(current)
            stack.extend(graph[current])
    return seen


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for successor in sorted(graph[node]):
            if state.get(successor) == 1:
                return path[path.index(successor):] + [node, successor] if successor in path else [node, successor]
            if successor not in state:
                found = visit(successor, path + [node])
                if found:
                    return found
        state[node] = 2
        return None

    for node in graph:
        if node not in state:
            found = visit(node, [])
            if found:
                return found
    return None


def _longest_route(graph: dict[str, set[str]], start: str) -> int:
    @functools.cache
    def length(node: str) -> int:
        return 1 + max((length(n) for n in graph[node]), default=0)
    return length(start)


def candidate_answers(question: Question, flow: Flow) -> list[Any]:
    """Enough answers to a question to try every way the rules can treat it.

    Conditions only compare numbers against `between` bounds, so trying each bound and its
    neighbours covers every case. Options no condition mentions behave alike, so one of them
    stands for all; a multi question is tried with every combination of the rest.
    """
    mentioned = _mentioned_values(flow).get(question.id, set())
    if question.type in ("single", "multi"):
        values = [o.value for o in question.options if o.value in mentioned]
        unmentioned = [o.value for o in question.options if o.value not in mentioned]
        values += unmentioned[:1]
        if question.type == "single":
            return values
        return [list(c) for size in range(1, len(values) + 1) for c in itertools.combinations(values, size)]
    if question.type == "number":
        points = {question.min, question.max} | {b + d for b in mentioned for d in (-1, 0, 1)}
        return sorted(p for p in points if question.min <= p <= question.max)
    return ["some words"]


def _mentioned_values(flow: Flow) -> dict[str, set]:
    mentioned: dict[str, set] = {}
    for condition in _all_conditions(flow):
        for test in conditions.leaves(condition):
            values = mentioned.setdefault(test["question"], set())
            values.update([test["equals"]] if "equals" in test else test.get("one_of", []) or test.get("between", []))
    return mentioned


def _all_conditions(flow: Flow):
    for question in flow.questions.values():
        yield from (b.when for b in question.next if b.when)
    for pathway in flow.pathways.values():
        yield from (r.when for r in pathway.reached_by)


def _walk(flow: Flow, settled):
    """Depth-first over every route, skipping the rest of a route once `settled` says so.

    settled(answers, open_questions) -> True to stop below this point (and report it),
    False to stop silently, None to go on.
    """
    open_questions = set(flow.questions)
    stack: list[dict[str, Any]] = [{}]
    visited = 0
    while stack:
        answers = stack.pop()
        visited += 1
        if visited > MAX_ROUTES_CHECKED:
            raise OverflowError(f"more than {MAX_ROUTES_CHECKED:,} partial routes to check: give "
                                "the early questions pathways that always apply, so routes settle sooner")
        outcome = flow.run(answers)
        remaining = set() if outcome.complete else open_questions - set(answers)
        verdict = settled(answers, remaining)
        if verdict is True:
            return answers
        if verdict is False or outcome.complete:
            continue
        for value in candidate_answers(outcome.question, flow):
            stack.append({**answers, outcome.question.id: value})
    return None


def _answers_reaching_no_pathway(flow: Flow) -> dict[str, Any] | None:
    def settled(answers, remaining):
        verdicts = [conditions.holds_yet(r.when, answers, remaining)
                    for p in flow.pathways.values() for r in p.reached_by]
        if True in verdicts:
            return False      # some pathway is certain, whatever comes next
        if not remaining:
            return True       # the route is complete and nothing fits
        return None
    return _walk(flow, settled)


def _can_reach(flow: Flow, pathway: Pathway) -> bool:
    return example_answers(flow, pathway) is not None


def example_answers(flow: Flow, pathway: Pathway) -> dict[str, Any] | None:
    """A complete set of answers that leads to `pathway`, or None if no answers do."""
    def settled(answers, remaining):
        verdicts = [conditions.holds_yet(r.when, answers, remaining) for r in pathway.reached_by]
        if True in verdicts:
            return True
        if all(v is False for v in verdicts):
            return False
        return None
    answers = _walk(flow, settled)
    if answers is None:
        return None
    outcome = flow.run(answers)
    while not outcome.complete:  # settled early: any answers to the rest will do
        answers = {**answers, outcome.question.id: candidate_answers(outcome.question, flow)[0]}
        outcome = flow.run(answers)
    return answers
