"""Load the rules files and check them completely before anything runs.

navigator/rules/questions.yaml holds the questions and their routing; each file in
navigator/rules/pathways/ holds one pathway and the condition that leads to it. Every
problem is collected (file, field, reason) and raised together as RulesError, so an author
fixes them all in one pass; the app refuses to start on broken rules.
"""

from __future__ import annotations

import itertools
import pathlib
from typing import Any, Iterable

from navigator.flow import conditions
from navigator.flow.engine import Flow
from navigator.flow.model import Branch, LocalFigure, Option, Pathway, Question, Step, Timescale
from navigator.problems import Problem, ProblemError, load_yaml, schema_problems

RULES_DIR = pathlib.Path(__file__).resolve().parent.parent / "rules"
ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
MAX_ROUTES_CHECKED = 500_000


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

_TIMESCALE = {"type": "object", "required": ["text", "statutory"], "additionalProperties": False,
              "properties": {"text": _TEXT, "weeks_max": {"type": ["number", "null"], "minimum": 0},
                             "statutory": {"type": "boolean"}, "source": _TEXT,
                             "as_of": {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}){0,2}$"}}}
_LOCAL = {"type": "object", "required": ["text", "source"], "additionalProperties": False,
          "properties": {"text": _TEXT, "source": _TEXT,
                         "as_of": {"type": "string", "pattern": r"^\d{4}(-\d{2}){0,2}$"}}}
_REFS = {"type": "array", "items": {"type": "string"}}

PATHWAY_SCHEMA = {
    **conditions.SCHEMA,
    "type": "object",
    "required": ["id", "title", "summary", "today", "steps", "if_stuck", "when"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": ID},
        "title": _TEXT,
        "summary": _TEXT,
        "today": {"type": "array", "minItems": 1, "items": _TEXT},
        "priority": {"type": "integer"},
        "urgent": {"type": "boolean"},
        "when": {"$ref": "#/$defs/condition"},
        "if_stuck": _TEXT,
        "contacts": _REFS,
        "pages": _REFS,
        "steps": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["title", "who", "description"], "additionalProperties": False,
            "properties": {"title": _TEXT, "who": _TEXT, "description": _TEXT,
                           "timescale": _TIMESCALE, "local": _LOCAL,
                           "contacts": _REFS, "pages": _REFS}}},
    },
}


def load_rules(rules_dir: pathlib.Path = RULES_DIR, *, page_slugs: Iterable[str] = (),
               contact_ids: Iterable[str] = ()) -> Flow:
    """Read and check every rules file. Raise RulesError listing every problem found.

    page_slugs and contact_ids are what the content offers; a rule that refers to anything
    else is a problem.
    """
    rules_dir = pathlib.Path(rules_dir)
    problems: list[Problem] = []
    questions_file = rules_dir / "questions.yaml"
    questions_doc = _read(questions_file, QUESTIONS_SCHEMA, problems)
    pathway_docs = []
    for path in sorted((rules_dir / "pathways").glob("*.yaml")):
        document = _read(path, PATHWAY_SCHEMA, problems)
        if document is not None:
            pathway_docs.append((path.name, document))
    if questions_doc is None:
        raise RulesError(problems)
    # A pathway file that failed its schema is left out, so the cross-references of all the
    # others are still checked and every problem is reported in one pass.

    flow = _build(questions_doc, pathway_docs)
    question_ids = [q["id"] for q in questions_doc["questions"]]
    for duplicate in sorted({i for i in question_ids if question_ids.count(i) > 1}):
        problems.append(Problem(questions_file.name, f"two questions are called '{duplicate}'", field="questions"))
    problems += _reference_problems(flow, questions_file.name, pathway_docs,
                                    set(page_slugs), set(contact_ids))
    if not problems:  # the route checks assume the references are sound
        problems += _route_problems(flow, questions_file.name)
    if problems:
        raise RulesError(problems)
    return flow


def _read(path: pathlib.Path, schema: dict, problems: list[Problem]) -> dict | None:
    if not path.exists():
        problems.append(Problem(path.name, "the file is missing"))
        return None
    try:
        document = load_yaml(path.read_text(encoding="utf-8"), path.name)
    except ProblemError as error:
        problems.extend(error.problems)
        return None
    except UnicodeDecodeError:
        problems.append(Problem(path.name, "the file is not saved as UTF-8 text"))
        return None
    found = schema_problems(document, schema, path.name)
    problems.extend(found)
    return None if found else document


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
            steps=steps, if_stuck=p["if_stuck"], when=p["when"], priority=p.get("priority", 0),
            urgent=p.get("urgent", False), contacts=tuple(p.get("contacts", [])),
            pages=tuple(p.get("pages", [])))
    return Flow(questions=questions, start=questions_doc["start"], pathways=pathways)


def _reference_problems(flow: Flow, questions_file: str, pathway_docs, page_slugs: set[str],
                        contact_ids: set[str]) -> list[Problem]:
    problems = []
    if flow.start not in flow.questions:
        problems.append(Problem(questions_file, f"the first question '{flow.start}' does not exist", field="start"))
    for question in flow.questions.values():
        where = f"questions.{question.id}"
        if question.type in ("single", "multi") and not question.options:
            problems.append(Problem(questions_file, "needs options to choose from", field=where))
        if question.type == "number" and (question.min is None or question.max is None or question.min > question.max):
            problems.append(Problem(questions_file, "a number question needs min and max, min no more than max", field=where))
        if question.next[-1].when is not None:
            problems.append(Problem(questions_file, "the last branch of next must have no 'when', so "
                                                    "every answer leads somewhere", field=where + ".next"))
        for branch in question.next:
            if branch.goto != "end" and branch.goto not in flow.questions:
                problems.append(Problem(questions_file, f"goes to '{branch.goto}', which is not a question "
                                                        "(or 'end')", field=where + ".next"))
            if branch.when:
                problems += _condition_problems(flow, branch.when, questions_file, where + ".next")
    seen_files: dict[str, str] = {}
    for file, doc in pathway_docs:
        pathway = flow.pathways[doc["id"]]
        if doc["id"] in seen_files:
            problems.append(Problem(file, f"pathway id '{doc['id']}' is also used in {seen_files[doc['id']]}", field="id"))
        seen_files.setdefault(doc["id"], file)
        if file != f"{doc['id']}.yaml":
            problems.append(Problem(file, f"name the file after the pathway id: {doc['id']}.yaml", field="id"))
        problems += _condition_problems(flow, pathway.when, file, "when")
        for field, refs in [("contacts", pathway.contacts), ("pages", pathway.pages)] + [
                (f"steps[{i}].contacts", s.contacts) for i, s in enumerate(pathway.steps)] + [
                (f"steps[{i}].pages", s.pages) for i, s in enumerate(pathway.steps)]:
            known = contact_ids if field.endswith("contacts") else page_slugs
            kind = "contact" if field.endswith("contacts") else "page"
            for ref in refs:
                if ref not in known:
                    problems.append(Problem(file, f"refers to a {kind} '{ref}' that no valid page "
                                                  "in the content provides", field=field))
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


def _route_problems(flow: Flow, questions_file: str) -> list[Problem]:
    """Unreachable questions, cycles, and answers that reach no pathway."""
    problems = []
    graph = {q.id: {b.goto for b in q.next if b.goto != "end"} for q in flow.questions.values()}
    reachable, stack = set(), [flow.start]
    while stack:
        current = stack.pop()
        if current not in reachable:
            reachable.add(current)
            stack.extend(graph[current])
    for question_id in flow.questions:
        if question_id not in reachable:
            problems.append(Problem(questions_file, "no route from the first question leads here",
                                    field=f"questions.{question_id}"))
    cycle = _find_cycle(graph)
    if cycle:
        problems.append(Problem(questions_file, "the questions go round in a circle: " + " → ".join(cycle),
                                field="questions"))
        return problems
    try:
        dead_end = _first_route_without_pathway(flow)
    except OverflowError as error:
        problems.append(Problem(questions_file, str(error), field="questions"))
        return problems
    if dead_end is not None:
        said = ", ".join(f"{k}={v}" for k, v in dead_end.items())
        problems.append(Problem(questions_file, f"these answers reach no pathway: {said}", field="pathways"))
    return problems


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


def candidate_answers(question: Question, flow: Flow) -> list[Any]:
    """Enough answers to a question to try every way the rules can treat it.

    Conditions only compare numbers against `between` bounds, so trying each bound and its
    neighbours covers every case; a multi question is tried with every combination.
    """
    if question.type == "single":
        return [o.value for o in question.options]
    if question.type == "multi":
        values = [o.value for o in question.options]
        return [list(c) for size in range(1, len(values) + 1) for c in itertools.combinations(values, size)]
    if question.type == "number":
        points = {question.min, question.max}
        for condition in _all_conditions(flow):
            for test in conditions.leaves(condition):
                if test.get("question") == question.id and "between" in test:
                    for bound in test["between"]:
                        points |= {bound - 1, bound, bound + 1}
        return sorted(p for p in points if question.min <= p <= question.max)
    return ["some words"]


def _all_conditions(flow: Flow):
    for question in flow.questions.values():
        yield from (b.when for b in question.next if b.when)
    yield from (p.when for p in flow.pathways.values())


def _first_route_without_pathway(flow: Flow) -> dict[str, Any] | None:
    """Walk every route through the questions; return the answers of the first that fits no pathway."""
    stack: list[dict[str, Any]] = [{}]
    routes = 0
    while stack:
        answers = stack.pop()
        outcome = flow.run(answers)
        if outcome.complete:
            routes += 1
            if not outcome.pathways:
                return answers
            if routes > MAX_ROUTES_CHECKED:
                raise OverflowError(f"more than {MAX_ROUTES_CHECKED:,} routes through the questions: "
                                    "too many to check; ask fewer questions on each route")
            continue
        for value in candidate_answers(outcome.question, flow):
            stack.append({**answers, outcome.question.id: value})
    return None
