"""Answers in; the next question, or the pathways that fit (best first), out.

The state of a journey is its answers and nothing else. Every call replays them from the
first question, so changing an earlier answer re-routes everything after it, and an answer
the new route no longer reaches is simply not used.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from typing import Any

from navigator.flow.conditions import holds, holds_yet
from navigator.flow.model import Pathway, Question

MAX_TEXT_ANSWER = 500


class AnswerError(ValueError):
    """An answer that cannot be used, with a message a person can act on.

    `template` is fixed English text (a gettext msgid) with %(name)s placeholders filled
    from `params`, so the web layer can translate it; str() gives the English.
    """

    def __init__(self, question_id: str, template: str, **params):
        self.question_id, self.template, self.params = question_id, template, params
        super().__init__(template % params if params else template)


@dataclasses.dataclass(frozen=True)
class Outcome:
    answers: dict[str, Any]            # the answers on the route, cleaned, in asking order
    asked: tuple[Question, ...]        # the questions answered, in order
    question: Question | None          # what to ask next; None when the journey is complete
    pathways: tuple[Pathway, ...]      # best first; empty until the journey is complete
    unused: tuple[str, ...] = ()       # answers given to questions this route does not ask
    danger: bool = False               # an answer given already settles an urgent pathway

    @property
    def complete(self) -> bool:
        return self.question is None

    @property
    def audience(self) -> str | None:
        """Who is asking (the answer to "Who is asking?"), for Pathway.words_for."""
        value = self.answers.get("asking_as")
        return value if isinstance(value, str) else None

    @property
    def urgent(self) -> bool:
        """Urgent help comes first: when the result holds it, and as soon as any answer given
        (even one out of order, or filled in from a family's words) makes it certain."""
        return self.danger or any(p.urgent for p in self.pathways)


@dataclasses.dataclass(frozen=True)
class Flow:
    questions: dict[str, Question]
    start: str
    pathways: dict[str, Pathway]

    def run(self, answers: dict[str, Any]) -> Outcome:
        """Replay `answers` from the start.

        Raises AnswerError for an unknown question or an answer a question cannot take.
        """
        for question_id in answers:
            if question_id not in self.questions:
                raise AnswerError(question_id, "There is no question called '%(id)s'.", id=question_id)
        kept: dict[str, Any] = {}
        asked: list[Question] = []
        current: str | None = self.start
        while current is not None and current != "end":
            question = self.questions[current]
            if question.id not in answers:
                break
            kept[question.id] = self.clean(question, answers[question.id])
            asked.append(question)
            current = self.next_after(question, kept)
        complete = current == "end"
        unused = tuple(q for q in answers if q not in kept)
        return Outcome(
            answers=kept,
            asked=tuple(asked),
            question=None if complete else self.questions[current],
            pathways=tuple(self.ranked_pathways(kept)) if complete else (),
            unused=unused,
            danger=self.danger_in(answers),
        )

    def danger_in(self, answers: dict[str, Any]) -> bool:
        """Whether the answers given so far already settle an urgent pathway, whatever is
        still unanswered: "someone is in danger" needs no "Who is asking?" first. Every
        usable answer counts, on the route or not; an unusable one is left out."""
        given = {}
        for question_id, value in answers.items():
            if question_id not in self.questions:
                continue
            try:
                given[question_id] = self.clean(self.questions[question_id], value)
            except AnswerError:
                continue
        still_open = set(self.questions) - set(given)
        return any(holds_yet(reached.when, given, still_open) is True
                   for pathway in self.pathways.values() if pathway.urgent for reached in pathway.reached_by)

    def run_leniently(self, answers: dict[str, Any]) -> tuple[Outcome, tuple[str, ...]]:
        """Like run(), but an answer the rules cannot use is dropped rather than refused.

        For answers kept between requests (a cookie), where the rules may have changed since:
        returns the outcome and the ids of the questions whose answers were dropped.
        """
        dropped: list[str] = []
        while True:
            try:
                return self.run(answers), tuple(dropped)
            except AnswerError as error:
                dropped.append(error.question_id)
                answers = {k: v for k, v in answers.items() if k != error.question_id}

    def next_after(self, question: Question, answers: dict[str, Any]) -> str:
        for branch in question.next:
            if branch.when is None or holds(branch.when, answers):
                return branch.goto
        raise AssertionError(f"question {question.id} has no branch that always applies")  # checked at load

    def ranked_pathways(self, answers: dict[str, Any]) -> list[Pathway]:
        scored = []
        for pathway in self.pathways.values():
            priorities = [r.priority for r in pathway.reached_by if holds(r.when, answers)]
            if priorities:
                scored.append((pathway, max(priorities)))
        # Urgent help always comes first; then the highest priority that applies; then file order.
        return [p for p, _ in sorted(scored, key=lambda item: (not item[0].urgent, -item[1]))]

    @staticmethod
    def clean(question: Question, value: Any) -> Any:
        """The answer in its canonical form, or AnswerError saying what is wrong."""
        if question.type == "single":
            if not isinstance(value, str) or question.option(value) is None:
                raise AnswerError(question.id, "Choose one of the answers offered.")
            return value
        if question.type == "multi":
            values = value if isinstance(value, list) else [value]
            if not values:
                raise AnswerError(question.id, "Choose at least one answer.")
            if any(not isinstance(v, str) or question.option(v) is None for v in values):
                raise AnswerError(question.id, "Choose from the answers offered.")
            order = [o.value for o in question.options]
            return sorted(set(values), key=order.index)
        if question.type == "number":
            number = _whole_number(value)
            if number is None:
                raise AnswerError(question.id, "Enter a whole number, like 7.")
            if question.min is not None and number < question.min or question.max is not None and number > question.max:
                raise AnswerError(question.id, "Enter a number from %(min)d to %(max)d.", min=question.min, max=question.max)
            return number
        if not isinstance(value, str) or not value.strip():
            raise AnswerError(question.id, "Enter an answer.")
        if len(value) > MAX_TEXT_ANSWER:
            raise AnswerError(question.id, "Keep the answer under %(max)d characters.", max=MAX_TEXT_ANSWER)
        return value.strip()


def _whole_number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = value.strip() if isinstance(value, str) else ""
    # Decimal digits only: ASCII, or a script's own (Arabic-Indic ١٢ is twelve to its reader).
    # Not str.isdigit(), which also admits "²" and "①", and int() cannot read those.
    if text and len(text) <= 3 and all(unicodedata.category(ch) == "Nd" for ch in text):
        return int(text)
    return None
