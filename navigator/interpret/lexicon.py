"""The interpreter's knowledge, read from navigator/rules/lexicon/.

concepts.yaml says what each concept means for the pathways (weights, urgency, which guided
answers it fills); one file per language (en.yaml, pl.yaml, ...) lists the phrases that
express each concept, the words that negate, idioms to ignore, number words and the shapes
of a stated age. A phrase word may end or start with * to match any ending or beginning
(for languages whose words change form: "autyzm*" matches autyzmem, autyzmu).
"""

from __future__ import annotations

import dataclasses
import pathlib
from typing import Any

from navigator.interpret.text import stem, words
from navigator.problems import Problem, ProblemError, read_checked_yaml
from navigator.read_once import ReadOnce, files_key

NUMBER_SLOT = "qqnqq"  # stands for the number in an age pattern
LEXICON_DIR = pathlib.Path(__file__).resolve().parent.parent / "rules" / "lexicon"

_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
CONCEPTS_SCHEMA = {
    "type": "object", "required": ["concepts"], "additionalProperties": False,
    "properties": {
        "concepts": {"type": "object", "additionalProperties": {
            "type": "object", "required": ["label", "pathways"], "additionalProperties": False,
            "properties": {
                "label": {"type": "string"},
                "urgent": {"type": "boolean"},
                "pathways": {"type": "object", "additionalProperties": {"type": "number"}},
                "answers": {"type": "object"},
                "search": {"type": "string"},
            }}},
        "combinations": {"type": "array", "items": {
            "type": "object", "required": ["all", "pathways"], "additionalProperties": False,
            "properties": {"all": _LIST, "pathways": {"type": "object", "additionalProperties": {"type": "number"}}}}},
        "ages": {"type": "array", "items": {
            "type": "object", "required": ["between", "pathways"], "additionalProperties": False,
            "properties": {"between": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
                           "with": _LIST,
                           "urgent": {"type": "boolean"},
                           "pathways": {"type": "object", "additionalProperties": {"type": "number"}}}}},
        # Danger described rather than named: a concept is found when a word of each named
        # cue class (see the languages' `cues`) appears within `within` words, and none of
        # `unless` in that span. Classes, not sentences, so new wordings are caught too.
        "danger_rules": {"type": "array", "items": {
            "type": "object", "required": ["concept", "all", "within"], "additionalProperties": False,
            "properties": {"concept": {"type": "string"}, "all": {**_LIST, "minItems": 1},
                           "within": {"type": "integer", "minimum": 1, "maximum": 30},
                           "unless": _LIST, "unless_sentence": _LIST}}},
    },
}
LANGUAGE_SCHEMA = {
    "type": "object", "required": ["language", "phrases"], "additionalProperties": False,
    "properties": {
        "language": {"type": "string"},
        "negations": _LIST,
        "negation_breaks": _LIST,
        "negations_after": _LIST,   # words that negate what comes just before them (Urdu "نہیں")
        "idioms": _LIST,
        "future_age_cues": _LIST,
        "numbers": {"type": "object", "additionalProperties": {"type": "integer"}},
        "age_patterns": _LIST,
        "not_an_age_after": _LIST,
        "phrases": {"type": "object", "additionalProperties": _LIST},
        # Word classes for concepts.yaml's danger_rules, and three the interpreter itself
        # reads: `over` and `recovered` (a danger in the past: "years ago", "doing well
        # now") and `present` (it is still happening: "again", "tonight", "still").
        "cues": {"type": "object", "additionalProperties": _LIST},
    },
}


@dataclasses.dataclass(frozen=True)
class Concept:
    id: str
    label: str
    pathways: dict[str, float]
    urgent: bool = False
    answers: dict[str, Any] = dataclasses.field(default_factory=dict)
    search: str = ""


@dataclasses.dataclass(frozen=True)
class Phrase:
    concept: str                 # a concept id, or "" for an idiom (matched only to be ignored)
    tokens: tuple[str, ...]      # stemmed words, possibly with * wildcards


@dataclasses.dataclass(frozen=True)
class DangerRule:
    concept: str
    classes: tuple[str, ...]     # cue classes that must all appear ...
    within: int                  # ... inside a span of this many words
    unless: tuple[str, ...] = ()  # and none of these classes inside that span (or just beside it)
    unless_sentence: tuple[str, ...] = ()  # nor these anywhere in its sentence ("in Fortnite")


@dataclasses.dataclass
class Lexicon:
    concepts: dict[str, Concept]
    combinations: list[tuple[frozenset[str], dict[str, float]]]
    ages: list[tuple[int, int, frozenset[str], dict[str, float], bool]]
    phrases: list[Phrase]
    negations: set[str]
    negation_breaks: set[str]
    future_age_cues: set[str]
    numbers: dict[str, int]
    age_patterns: list[tuple[str, ...]]
    not_an_age_after: set[str]
    negations_after: set[str] = dataclasses.field(default_factory=set)
    cues: list[Phrase] = dataclasses.field(default_factory=list)   # Phrase.concept is the class
    danger_rules: list[DangerRule] = dataclasses.field(default_factory=list)


def phrase_tokens(text: str) -> tuple[str, ...]:
    """A phrase as stemmed words; a * at either end of a word is kept as a wildcard."""
    tokens = []
    for raw in text.split():
        head, tail = raw.startswith("*"), raw.endswith("*")
        core = words(raw.strip("*"))
        for index, word in enumerate(core):
            token = word if (head or tail) else stem(word)
            if head and index == 0:
                token = "*" + token
            if tail and index == len(core) - 1:
                token = token + "*"
            tokens.append(token)
    return tuple(tokens)


def load_lexicon(folder: pathlib.Path = LEXICON_DIR) -> Lexicon:
    """The lexicon in `folder`, or ProblemError naming every problem in it. Read once per
    process for the same files (compared by content): every app a process builds, and every
    test, shares it. The Lexicon is never changed once built."""
    folder = pathlib.Path(folder)
    return _read_lexicon(folder, files_key(folder, sorted(folder.glob("*.yaml"))))


def _build_lexicon(folder: pathlib.Path) -> Lexicon:
    problems: list[Problem] = []
    concepts_doc = read_checked_yaml(folder / "concepts.yaml", CONCEPTS_SCHEMA, problems) or {"concepts": {}}
    languages = [d for d in (read_checked_yaml(p, LANGUAGE_SCHEMA, problems) for p in sorted(folder.glob("*.yaml"))
                             if p.name != "concepts.yaml") if d]
    concepts = {cid: Concept(id=cid, label=c["label"], pathways=c["pathways"], urgent=c.get("urgent", False),
                             answers=c.get("answers", {}), search=c.get("search", c["label"]))
                for cid, c in concepts_doc["concepts"].items()}
    lexicon = Lexicon(concepts=concepts, combinations=[], ages=[], phrases=[], negations=set(),
                      negation_breaks=set(), future_age_cues=set(), numbers={}, age_patterns=[],
                      not_an_age_after=set())
    for combination in concepts_doc.get("combinations", []):
        unknown = [c for c in combination["all"] if c not in concepts]
        if unknown:
            problems.append(Problem("concepts.yaml", f"combination names unknown concepts: {unknown}"))
        lexicon.combinations.append((frozenset(combination["all"]), combination["pathways"]))
    for age in concepts_doc.get("ages", []):
        lexicon.ages.append((age["between"][0], age["between"][1], frozenset(age.get("with", [])),
                             age["pathways"], age.get("urgent", False)))
    for rule in concepts_doc.get("danger_rules", []):
        if rule["concept"] not in concepts:
            problems.append(Problem("concepts.yaml", f"a danger rule names an unknown concept '{rule['concept']}'",
                                    field="danger_rules"))
        lexicon.danger_rules.append(DangerRule(rule["concept"], tuple(rule["all"]), rule["within"],
                                               tuple(rule.get("unless", [])), tuple(rule.get("unless_sentence", []))))
    for doc in languages:
        file = f"{doc['language']}.yaml"
        for concept_id, texts in doc["phrases"].items():
            if concept_id not in concepts:
                problems.append(Problem(file, f"phrases for an unknown concept '{concept_id}'", field="phrases"))
            lexicon.phrases += [Phrase(concept_id, phrase_tokens(t)) for t in texts if phrase_tokens(t)]
        lexicon.phrases += [Phrase("", phrase_tokens(t)) for t in doc.get("idioms", [])]
        for negation in doc.get("negations", []):
            if len(words(negation)) != 1:  # "no one" would make every "one" a "not"
                problems.append(Problem(file, f"a negation must be one word, not '{negation}'", field="negations"))
        lexicon.negations |= {w for t in doc.get("negations", []) for w in words(t)[:1]}
        lexicon.negation_breaks |= {w for t in doc.get("negation_breaks", []) for w in words(t)}
        lexicon.negations_after |= {w for t in doc.get("negations_after", []) for w in words(t)[:1]}
        lexicon.future_age_cues |= {w for t in doc.get("future_age_cues", []) for w in words(t)}
        lexicon.numbers |= {words(k)[0]: v for k, v in doc.get("numbers", {}).items() if words(k)}
        lexicon.age_patterns += [tuple(words(p.replace("{n}", f" {NUMBER_SLOT} "))) for p in doc.get("age_patterns", [])]
        lexicon.not_an_age_after |= {w for t in doc.get("not_an_age_after", []) for w in words(t)}
        for cue_class, texts in doc.get("cues", {}).items():
            lexicon.cues += [Phrase(cue_class, phrase_tokens(t)) for t in texts if phrase_tokens(t)]
    known_classes = {c.concept for c in lexicon.cues}
    for rule in lexicon.danger_rules:
        for cue_class in set(rule.classes + rule.unless + rule.unless_sentence) - known_classes:
            problems.append(Problem("concepts.yaml", f"a danger rule for '{rule.concept}' names a cue class "
                                    f"'{cue_class}' that no language lists", field="danger_rules"))
    if problems:
        raise ProblemError(problems)
    return lexicon


_read_lexicon = ReadOnce(_build_lexicon)
