"""The shapes the rules files must have, as JSON Schema: questions.yaml, each pathway file,
and pathway_ids.yaml. jsonschema checks them; navigator/problems.py words what it finds."""

from __future__ import annotations

from navigator.flow import conditions

ID = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"


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
        # the event a family can count this pathway's legal deadlines from: one of
        # navigator/rules/deadlines.yaml (checked against it where both are loaded)
        "deadlines_from": {"type": "string", "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"},
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
