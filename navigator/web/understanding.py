"""Between the interpreter and the guided flow: what was understood, shown as items a family
can confirm or remove, and turned into answers so the flow asks only what is still needed."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from navigator.flow import AnswerError


def understood_items(understood: dict, site) -> list[dict[str, str]]:
    """[{value, label}] for each concept (and the age) still in what was understood."""
    concepts = site.interpreter.lexicon.concepts
    items = [{"value": c, "label": _(concepts[c].label)} for c in understood.get("concepts", []) if c in concepts]
    if isinstance(understood.get("age"), int):
        items.append({"value": "age", "label": _("age %(age)d", age=understood["age"])})
    return items


def merge_understood(answers: dict[str, Any], understood: dict, site) -> dict[str, Any]:
    """Answers filled in from what was understood. Answers already given are kept; lists
    (things happening, needs) are combined."""
    flow = site.flow
    concepts = site.interpreter.lexicon.concepts
    merged = dict(answers)
    if isinstance(understood.get("age"), int) and "age" not in merged:
        merged["age"] = understood["age"]
    for concept_id in understood.get("concepts", []):
        concept = concepts.get(concept_id)
        if concept is None:
            continue
        for question_id, value in concept.answers.items():
            question = flow.questions.get(question_id)
            if question is None:
                continue
            if question.type == "multi":
                merged[question_id] = list(dict.fromkeys(list(merged.get(question_id, [])) + list(value)))
            else:
                merged.setdefault(question_id, value)
    # Keep only what the flow accepts (the lexicon check makes this a formality).
    clean = {}
    for question_id, value in merged.items():
        try:
            clean[question_id] = flow.clean(flow.questions[question_id], value)
        except (AnswerError, KeyError):
            continue
    return clean
