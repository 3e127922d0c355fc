"""Babel extraction methods for the text that is not in gettext calls.

`extract_rules` reads the rules (questions.yaml and pathways/*.yaml) and yields every string
shown to people, the English text being the msgid the web layer looks up at run time.
`extract_deadlines` reads navigator/deadlines.py, whose titles, rules (APPEAL_RULES too),
event labels and error messages are plain literals in calls and tables, translated with _() at the web edge.
Both are registered under `babel.extractors` in pyproject.toml and mapped in babel.cfg.

Pure: yaml and the standard library only. Each yields (lineno, funcname, message, comments)
with a comment saying where the text is used, since translators see no code.
"""

from __future__ import annotations

import ast
import sys

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


# -- navigator/deadlines.py ---------------------------------------------------------------

def extract_deadlines(fileobj, keywords, comment_tags, options):
    """Deadline(id, title, date, rule, source) titles and rules, strings assigned to `rule`,
    the EVENTS labels and DeadlineError messages. Text built at run time (f-strings, joined
    strings) has no fixed msgid: it is reported on stderr, as Babel does for f-strings."""
    source = fileobj.read()
    filename = getattr(fileobj, "name", "navigator/deadlines.py")
    for function in ast.walk(ast.parse(source)):
        if isinstance(function, ast.FunctionDef):
            yield from _deadline_texts(function, filename)
        elif isinstance(function, ast.Assign) and _names(function.targets) == ["EVENTS"] \
                and isinstance(function.value, ast.Dict):
            for key, value in zip(function.value.keys, function.value.values, strict=True):
                if isinstance(value, ast.Tuple) and value.elts:
                    yield from _literal(value.elts[0], f"deadline event {_constant(key)}: what happened", filename)
        elif isinstance(function, ast.Assign) and _names(function.targets) == ["APPEAL_RULES"] \
                and isinstance(function.value, ast.Dict):
            for value in function.value.values:
                yield from _literal(value, "the appeal deadline's rule", filename)


def _deadline_texts(function: ast.FunctionDef, filename: str):
    for node in ast.walk(function):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = node.args
            if node.func.id == "Deadline" and len(args) >= 4:
                which = f"deadline {_constant(args[0])}"
                yield from _literal(args[1], f"{which}, title", filename)
                # a variable's assignments are read below; APPEAL_RULES[...] is read above
                if not isinstance(args[3], (ast.Name, ast.Subscript)):
                    yield from _literal(args[3], f"{which}, the rule", filename)
            elif node.func.id == "DeadlineError" and len(args) >= 2:
                yield from _literal(args[1], f"error about deadlines ({_constant(args[0])})", filename)
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                pairs = zip(target.elts, node.value.elts, strict=False) \
                    if isinstance(target, ast.Tuple) and isinstance(node.value, ast.Tuple) else [(target, node.value)]
                for name, value in pairs:
                    if isinstance(name, ast.Name) and name.id == "rule":
                        yield from _literal(value, f"a deadline's rule, in {function.name}()", filename)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == "rule":
            _skipped(filename, node.lineno, "a rule joined from pieces at run time")


def _literal(node, comment: str, filename: str):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.lineno, None, node.value, [comment]
    else:
        _skipped(filename, node.lineno, "text built at run time (an f-string or joined strings)")


def _skipped(filename: str, lineno: int, what: str) -> None:
    sys.stderr.write(f"{filename}:{lineno}: warning: {what} has no fixed English text to translate\n")


def _names(targets) -> list[str]:
    return [t.id for t in targets if isinstance(t, ast.Name)]


def _constant(node) -> str:
    return str(node.value) if isinstance(node, ast.Constant) else "?"
