"""The routes through the questions, checked before anything runs: every question reachable,
no circles, no route too long, no answers that reach no pathway, no pathway no answers reach.

Walking the routes tries the answers that matter (those the conditions mention, and one
that none does) for each question in turn; MAX_ROUTES_CHECKED keeps a mistaken rule set
from walking for ever.
"""

from __future__ import annotations

import functools
import itertools
from typing import Any

from navigator.flow import conditions
from navigator.flow.engine import Flow
from navigator.flow.model import Pathway, Question
from navigator.problems import Problem

MAX_QUESTIONS_ON_A_ROUTE = 10
MAX_ROUTES_CHECKED = 200_000


def route_problems(flow: Flow, file: str) -> list[Problem]:
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
