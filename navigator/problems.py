"""Problems found in content and rule files, worded for the people who fix them.

Shared by the content model and the rules loader, so `navigator check`, the app's start-up
log and (later) the editor's desk all report a problem the same way: which file, which
field, which line where known, and a plain-English reason.
"""

from __future__ import annotations

import dataclasses

import jsonschema
import yaml


@dataclasses.dataclass(frozen=True)
class Problem:
    file: str
    message: str
    field: str = ""
    line: int | None = None
    warning: bool = False  # worth an editor's attention, but nothing is broken

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        what = f" [{self.field}]" if self.field else ""
        return f"{'warning: ' if self.warning else ''}{where}{what}: {self.message}"


class _TextConstruction:
    """YAML loading that keeps dates as the text the editor typed.

    PyYAML would turn 2026-05-31 into a date object and an impossible 2026-02-30 into an
    exception with no field name; as text, the schema checks both and names the field.
    A field given twice is refused: PyYAML would quietly keep the second and lose the first.
    """

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, float, bool)) and key is not None:  # `? [a]` or `? {a: b}`
                raise yaml.constructor.ConstructorError(
                    None, None, "a field name must be a plain word, not a list or a group", key_node.start_mark)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"'{key}' appears twice here: keep one", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


class TextLoader(_TextConstruction, yaml.SafeLoader):
    """The pure-Python parser: its messages are the ones editors see for broken YAML."""


# libyaml's parser (in PyYAML's wheels) reads the 8,000-line lexicon about ten times faster.
# It is tried first; a file it refuses is read again by TextLoader, so a broken file gets the
# same message (and a "\uD800" escape, which libyaml refuses outright, the field's name).
class FastTextLoader(_TextConstruction, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's parser where PyYAML has it, with the same construction."""


def load_yaml(text: str, file: str, first_line: int = 1):
    """Parse YAML text; raise ProblemError naming the file and line of a syntax error, or the
    field holding text that is not real Unicode (a "\\uD800" escape makes half a character,
    which no page can show)."""
    try:
        document = yaml.load(text, Loader=FastTextLoader)  # nosec B506  # a safe loader (no objects)
    except yaml.YAMLError:
        document = _read_slowly(text, file, first_line)
    broken = half_characters(document)
    if broken is not None:
        raise ProblemError([Problem(file, "holds an escape (such as \\uD800) that is half of a character, not "
                                          "real text: remove it or type the character itself", field=broken)])
    return document


def _read_slowly(text: str, file: str, first_line: int):
    """The document by the pure-Python parser, or ProblemError naming the file and line."""
    try:
        return yaml.load(text, Loader=TextLoader)  # nosec B506  # TextLoader is a yaml.SafeLoader (no objects)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + mark.line if mark else None
        reason = error.problem or "the YAML could not be read"
        raise ProblemError([Problem(file, f"broken YAML: {reason}", line=line)]) from None
    except yaml.YAMLError as error:
        raise ProblemError([Problem(file, f"broken YAML: {error}")]) from None


def has_half_character(text: str) -> bool:
    """True when `text` holds a lone surrogate: a string Python can hold but no page can show."""
    return any("\ud800" <= ch <= "\udfff" for ch in text)


def whole_characters(document):
    """`document` with every lone surrogate, in keys and values, replaced by U+FFFD (�)."""
    if isinstance(document, str):
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in document) \
            if has_half_character(document) else document
    if isinstance(document, dict):
        return {whole_characters(key): whole_characters(value) for key, value in document.items()}
    if isinstance(document, list):
        return [whole_characters(value) for value in document]
    return document


def half_characters(document, path=()) -> str | None:
    """The field (as an editor writes it) of the first text in `document` with a lone
    surrogate, in a key or a value; None when all its text is real Unicode."""
    if isinstance(document, str):
        return field_name(path) or "text" if has_half_character(document) else None
    if isinstance(document, dict):
        for key, value in document.items():
            if isinstance(key, str) and has_half_character(key):
                return field_name(path) or "field name"
            found = half_characters(value, (*path, key))
            if found is not None:
                return found
    if isinstance(document, list):
        for index, value in enumerate(document):
            found = half_characters(value, (*path, index))
            if found is not None:
                return found
    return None


class ProblemError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_checked_yaml(path, schema: dict, problems: list[Problem]):
    """A YAML file's document if it reads and fits `schema`; otherwise None, with every
    problem added to `problems` (missing file, not UTF-8, broken YAML, schema breaks)."""
    try:
        document = load_yaml(path.read_text(encoding="utf-8"), path.name)
    except ProblemError as error:
        problems.extend(error.problems)
        return None
    except FileNotFoundError:
        problems.append(Problem(path.name, "the file is missing"))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(path.name, "the file is not saved as UTF-8 text"))
        return None
    found = schema_problems(document, schema, path.name)
    problems.extend(found)
    return None if found else document


def field_name(path) -> str:
    """jsonschema's path as an editor would write it: contacts[0].phone."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def schema_problems(document, schema: dict, file: str) -> list[Problem]:
    """Every way `document` breaks `schema`, each as a plain-English Problem."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(map(str, e.absolute_path))):
        path = list(error.absolute_path)
        if error.validator == "required":  # name the missing field itself
            custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
            for missing in [n for n in error.validator_value if n not in (error.instance or {})]:
                problems.append(Problem(file, custom or "is missing: add it", field=field_name(path + [missing])))
            continue
        if error.validator == "additionalProperties":  # name each unknown field itself
            allowed = ", ".join(sorted(error.schema.get("properties", {})))
            for extra in sorted(set(error.instance) - set(error.schema.get("properties", {}))):
                problems.append(Problem(file, f"is not a field this file uses: check the spelling "
                                              f"(the fields are: {allowed})", field=field_name(path + [extra])))
            continue
        problems.append(Problem(file, plain_message(error), field=field_name(path)))
    return problems


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a set of named fields",
    "boolean": "true or false",
    "null": "empty",
}


def plain_message(error: jsonschema.ValidationError) -> str:
    """Say what jsonschema found in words an editor understands.

    A schema may give its own wording for a field with `errorMessage`, which wins.
    """
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    if custom:
        return custom
    kind, expected = error.validator, error.validator_value
    if kind == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        return "should be " + " or ".join(_TYPE_WORDS.get(w, w) for w in wanted) + f", not {error.instance!r}"
    if kind == "enum":
        return f"'{error.instance}' is not one of the allowed values: {', '.join(map(str, expected))}"
    if kind == "minimum":
        return f"should be {expected} or more"
    if kind == "maximum":
        return f"should be {expected} or less"
    if kind == "minLength":
        return "should not be empty"
    if kind == "maxLength":
        return f"is too long: at most {expected} characters"
    if kind == "minItems":
        return f"needs at least {expected} item{'s' if expected != 1 else ''}"
    if kind == "pattern":
        return f"'{error.instance}' is not in the expected form"
    if kind == "format":
        return f"'{error.instance}' is not a valid {expected}"
    return error.message
