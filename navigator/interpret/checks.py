"""Cross-checks between the lexicon and the rules: every pathway and answer a concept names
must exist, so the interpreter can never point a family somewhere the flow does not know."""

from __future__ import annotations

from navigator.flow import AnswerError, Flow
from navigator.interpret.lexicon import Lexicon
from navigator.problems import Problem


def lexicon_problems(lexicon: Lexicon, flow: Flow) -> list[Problem]:
    problems = []
    weights = [(f"concepts.{c.id}", c.pathways) for c in lexicon.concepts.values()]
    weights += [(f"combinations {sorted(required)}", w) for required, w in lexicon.combinations]
    weights += [(f"ages {low}-{high}", w) for low, high, _, w, _ in lexicon.ages]
    for where, pathways in weights:
        for pathway_id in pathways:
            if pathway_id not in flow.pathways:
                problems.append(Problem("concepts.yaml", f"names a pathway '{pathway_id}' that does not exist", field=where))
    for concept in lexicon.concepts.values():
        for question_id, value in concept.answers.items():
            question = flow.questions.get(question_id)
            if question is None:
                problems.append(Problem("concepts.yaml", f"fills in '{question_id}', which is not a question",
                                        field=f"concepts.{concept.id}.answers"))
                continue
            try:
                flow.clean(question, value)
            except AnswerError as error:
                problems.append(Problem("concepts.yaml", f"'{value}' is not an answer to '{question_id}': {error}",
                                        field=f"concepts.{concept.id}.answers"))
    used = {p.concept for p in lexicon.phrases if p.concept} | {r.concept for r in lexicon.danger_rules}
    for concept_id in sorted(set(lexicon.concepts) - used):
        problems.append(Problem("concepts.yaml", "no phrase or danger rule in any language expresses this concept",
                                field=f"concepts.{concept_id}"))
    return problems
