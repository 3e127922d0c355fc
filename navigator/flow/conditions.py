"""The small, safe condition language of the rules files (never eval).

    {question: age, between: [0, 4]}            the number answer is in a range (inclusive)
    {question: need, equals: autism}            the answer is this value (a multi answer includes it)
    {question: need, one_of: [autism, adhd]}    the answer is one of these (a multi answer includes one)
    {question: who, answered: true}             the question has an answer
    {all: [...]}, {any: [...]}, {not: {...}}    combine conditions
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Condition = dict[str, Any]
TESTS = ("equals", "one_of", "between", "answered")


def holds(condition: Condition, answers: dict[str, Any]) -> bool:
    if "all" in condition:
        return all(holds(c, answers) for c in condition["all"])
    if "any" in condition:
        return any(holds(c, answers) for c in condition["any"])
    if "not" in condition:
        return not holds(condition["not"], answers)
    answer = answers.get(condition["question"])
    if "answered" in condition:
        return (answer is not None) == bool(condition["answered"])
    if answer is None:
        return False
    chosen = set(answer) if isinstance(answer, list) else {answer}
    if "equals" in condition:
        return condition["equals"] in chosen
    if "one_of" in condition:
        return bool(chosen & set(condition["one_of"]))
    low, high = condition["between"]
    return isinstance(answer, int) and low <= answer <= high


def holds_yet(condition: Condition, answers: dict[str, Any], open_questions: set[str]) -> bool | None:
    """Three-valued: True or False if the answers so far settle it, None if later answers could.

    `open_questions` may still be asked (or left unasked). The rules check uses this to stop
    walking a route as soon as its outcome is settled, which keeps the check exhaustive and fast.
    """
    if "all" in condition:
        results = [holds_yet(c, answers, open_questions) for c in condition["all"]]
        return False if False in results else (None if None in results else True)
    if "any" in condition:
        results = [holds_yet(c, answers, open_questions) for c in condition["any"]]
        return True if True in results else (None if None in results else False)
    if "not" in condition:
        result = holds_yet(condition["not"], answers, open_questions)
        return None if result is None else not result
    if condition["question"] not in answers and condition["question"] in open_questions:
        return None
    return holds(condition, answers)


def leaves(condition: Condition) -> Iterator[Condition]:
    """Every single-question test inside a condition, for the load-time checks."""
    for combinator in ("all", "any"):
        if combinator in condition:
            for part in condition[combinator]:
                yield from leaves(part)
            return
    if "not" in condition:
        yield from leaves(condition["not"])
        return
    yield condition


SCHEMA = {
    "$defs": {
        "condition": {
            "type": "object",
            "errorMessage": "is not a condition this navigator understands: use question with "
                            "equals, one_of, between or answered, or combine with all, any, not",
            "oneOf": [
                {"required": ["all"], "additionalProperties": False,
                 "properties": {"all": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}}},
                {"required": ["any"], "additionalProperties": False,
                 "properties": {"any": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}}}},
                {"required": ["not"], "additionalProperties": False,
                 "properties": {"not": {"$ref": "#/$defs/condition"}}},
                {"required": ["question"], "additionalProperties": False,
                 "minProperties": 2, "maxProperties": 2,
                 "properties": {
                     "question": {"type": "string"},
                     "equals": {"type": ["string", "integer"]},
                     "one_of": {"type": "array", "minItems": 1, "items": {"type": ["string", "integer"]}},
                     "between": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "integer"}},
                     "answered": {"type": "boolean"},
                 }},
            ],
        }
    }
}
