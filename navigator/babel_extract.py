"""The Babel extraction method for the text of the rules, which is not in gettext calls.

`extract_rules` reads the rules (questions.yaml, pathways/*.yaml, the concepts' labels and
deadlines.yaml) and yields every string shown to people, the English text being the msgid
the web layer looks up at run time. It is registered under `babel.extractors` in
pyproject.toml and mapped in babel.cfg.

Pure: yaml only. Each yields (lineno, funcname, message, comments)
with a comment saying where the text is used, since translators see no code.
"""

from __future__ import annotations

import yaml

_STR = "tag:yaml.org,2002:str"


def extract_rules(fileobj, keywords, comment_tags, options):
    """Questions, pathways and the concepts' labels; any other YAML (the lexicon's phrases,
    pathway ids) yields nothing."""
    root = yaml.compose(fileobj.read(), Loader=yaml.SafeLoader)
    document = _fields(root)
    if "questions" in document:
        yield from _questions(document)
    elif "steps" in document:
        yield from _pathway(document)
    elif "concepts" in document:  # lexicon/concepts.yaml: the labels of "I understood: ..."
        concepts = document["concepts"]
        for key, node in concepts.value if isinstance(concepts, yaml.MappingNode) else []:
            yield from _text(_fields(node).get("label"), f"what the reader's words were understood as ({key.value})")
    elif "events" in document:  # deadlines.yaml
        yield from _deadlines(document["events"])


def _fields(node) -> dict:
    """A mapping node's values by key (scalar keys only), or {} for anything else."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _items(node) -> list:
    return node.value if isinstance(node, yaml.SequenceNode) else []


def _text(node, comment: str):
    # Only text: a value YAML reads as a number or a date is no message (the schema says so).
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR and node.value.strip():
        yield node.start_mark.line + 1, None, node.value, [comment]


def _questions(document: dict):
    for question_node in _items(document["questions"]):
        question = _fields(question_node)
        name = f"question {_plain(question.get('id'))}"
        yield from _text(question.get("text"), f"{name}, the question")
        yield from _text(question.get("hint"), f"{name}, hint")
        for option_node in _items(question.get("options")):
            option = _fields(option_node)
            where = f"{name}, answer {_plain(option.get('value'))}"
            yield from _text(option.get("label"), where)
            yield from _text(option.get("hint"), f"{where}, hint")


def _pathway(document: dict):
    name = f"pathway {_plain(document.get('id'))}"
    yield from _text(document.get("title"), f"{name}, title")
    yield from _text(document.get("summary"), f"{name}, summary")
    for number, item in enumerate(_items(document.get("today")), 1):
        yield from _text(item, f"{name}, what you can do today, item {number}")
    for number, step_node in enumerate(_items(document.get("steps")), 1):
        step, where = _fields(step_node), f"{name}, step {number}"
        for field in ("title", "who", "description"):
            yield from _text(step.get(field), f"{where} {field}")
        yield from _text(_fields(step.get("timescale")).get("text"), f"{where} timescale (the law)")
        yield from _text(_fields(step.get("local")).get("text"), f"{where} figure in Trafford")
    yield from _text(document.get("if_stuck"), f"{name}, if this is taking too long")
    young = _fields(document.get("for_young_person"))
    yield from _text(young.get("summary"), f"{name}, summary, for a young person asking for themselves")
    for number, item in enumerate(_items(young.get("today")), 1):
        yield from _text(item, f"{name}, what you can do today, item {number}, for a young person asking for themselves")


def _plain(node) -> str:
    return node.value if isinstance(node, yaml.ScalarNode) else "?"


def _deadlines(events):
    for key, event_node in events.value if isinstance(events, yaml.MappingNode) else []:
        event = _fields(event_node)
        yield from _text(event.get("label"), f"deadline event {key.value}: what happened")
        for deadline_node in _items(event.get("deadlines")):
            deadline = _fields(deadline_node)
            name = f"deadline {_plain(deadline.get('id'))}"
            yield from _text(deadline.get("title"), f"{name}, title")
            yield from _text(deadline.get("rule"), f"{name}, how it is counted")
            for case, node in _fields(deadline.get("rules")).items():
                yield from _text(node, f"{name}, how it is counted ({case})")
