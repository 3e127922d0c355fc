"""Load the rules files and check them completely before anything runs.

navigator/rules/questions.yaml holds the questions and their routing; each file in
navigator/rules/pathways/ holds one pathway and the situations that lead to it
(`reached_by`); pathway_ids.yaml lists the stable ids of the contract. Every problem is
collected (file, field, reason) and raised together as RulesError, so an author fixes them
all in one pass; the app refuses to start on broken rules.
"""

from __future__ import annotations

import pathlib
from collections.abc import Iterable

from rapidfuzz import process

from navigator.flow import conditions
from navigator.flow.engine import Flow
from navigator.flow.model import (
    URGENT_PATHWAY,
    Branch,
    LocalFigure,
    Option,
    Pathway,
    Question,
    Reason,
    Step,
    Timescale,
    Words,
)
from navigator.flow.routes import route_problems
from navigator.flow.schemas import IDS_SCHEMA, PATHWAY_SCHEMA, QUESTIONS_SCHEMA
from navigator.problems import Problem, ProblemError, read_checked_yaml
from navigator.read_once import ReadOnce, files_key

RULES_DIR = pathlib.Path(__file__).resolve().parent.parent / "rules"
class RulesError(ProblemError):
    pass


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
        problems += route_problems(flow, questions_file.name)
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
    urgent = flow.pathways.get(URGENT_PATHWAY)
    if pathway_docs and (urgent is None or not urgent.urgent):
        problems.append(Problem(f"{URGENT_PATHWAY}.yaml", f"the pathway '{URGENT_PATHWAY}' is shown first whenever "
                                "anything is urgent: it must exist and say urgent: true", field="urgent"))
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
