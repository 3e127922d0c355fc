"""Reading one message: phrases, negation, age, urgency and ranked pathways."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

from navigator.flow.model import URGENT_PATHWAY
from navigator.interpret.danger import clause_of, in_a_story, only_a_topic, only_if, span_with, told_as_over
from navigator.interpret.lexicon import NUMBER_SLOT, Lexicon, Phrase
from navigator.interpret.text import clause_numbers, question_sentences, sentence_numbers, stem, words

MAX_AGE = 25
NEGATION_REACH = 4      # a "not" up to this many words before a phrase negates it
NEGATION_AFTER_REACH = 2  # where a language negates after the verb, this many words after it
URGENT_SCORE = 100.0
MIN_COUNTED = 3         # "3 of her tablets" or more is an amount to worry about
UNLESS_REACH = 3        # a danger rule's `unless` words count this many words either side of it
# Typos are forgiven in words of 6 letters or more: shorter words are too often another
# real word one letter away ("lunch" is not "punch").
MIN_FUZZY = 6


@dataclasses.dataclass(frozen=True)
class Interpretation:
    concepts: tuple[str, ...]          # understood, in the order first mentioned
    negated: tuple[str, ...]           # mentioned only as "not ..."
    age: int | None
    urgent: bool
    pathways: tuple[tuple[str, float], ...]  # (pathway id, score), best first
    not_now: tuple[str, ...] = ()      # a danger told as over ("she self-harmed years ago, she is
                                       # well now") or only asked about ("training on self-harm")
    check_danger: bool = False         # not urgent, but ask: danger words were set aside (over, a
                                       # story, a what-if, "not"), or the learned opinion is unsure


@dataclasses.dataclass(frozen=True)
class _Match:
    start: int
    end: int
    phrase: Phrase


def _occurrences(keys: list[frozenset[str]], by_first: dict[str, list[Phrase]]) -> list[_Match]:
    """Every place a phrase (indexed by its first word) occurs, overlaps included."""
    found = []
    for start, here in enumerate(keys):
        for key in here:
            for phrase in by_first.get(key, ()):
                end = start + len(phrase.tokens)
                if end <= len(keys) and all(phrase.tokens[i] in keys[start + i] for i in range(1, len(phrase.tokens))):
                    found.append(_Match(start, end, phrase))
    return found


class Interpreter:
    def __init__(self, lexicon: Lexicon, pathway_order: list[str] | None = None, urgency=None):
        """`urgency` (optional, see navigator/interpret/urgency.py) is a second opinion with a
        `probability(text)` method and `threshold` and `unsure` levels: it can make a reading
        urgent (or worth asking about), never less urgent."""
        self.lexicon = lexicon
        self.urgency = urgency
        self.pathway_order = {p: i for i, p in enumerate(pathway_order or [])}
        self._by_first: dict[str, list[Phrase]] = defaultdict(list)
        # Wildcard words by kind, so a token is checked by lookups, not by trying every pattern.
        self._prefixes: set[str] = set()    # "autyzm*"
        self._suffixes: set[str] = set()    # "*قلق"
        self._infixes: set[str] = set()     # "*szkol*"
        vocabulary: set[str] = set()
        self._cues_by_first: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in lexicon.cues:
            self._cues_by_first[phrase.tokens[0]].append(phrase)
        for phrase in lexicon.phrases:
            self._by_first[phrase.tokens[0]].append(phrase)
        for phrase in lexicon.phrases + lexicon.cues:
            for token in phrase.tokens:
                if token.startswith("*") and token.endswith("*"):
                    self._infixes.add(token.strip("*"))
                elif token.endswith("*"):
                    self._prefixes.add(token[:-1])
                elif token.startswith("*"):
                    self._suffixes.add(token[1:])
                elif token.isascii() and token.isalpha():
                    vocabulary.add(token)
        self._key_cache: dict[str, frozenset[str]] = {}
        # Typos are forgiven only towards words the lexicon knows, never towards negations.
        self._fuzzy_vocabulary = sorted(w for w in vocabulary if len(w) >= MIN_FUZZY and w not in lexicon.negations)
        self._known = vocabulary | lexicon.negations

    # -- reading -------------------------------------------------------------------------
    def read(self, text: str) -> Interpretation:
        tokens = words(text)
        stems = [stem(t) for t in tokens]
        keys = [self._keys(s) for s in stems]
        matches = self._matches(keys)
        cues = self._cue_spans(keys)
        cues += self._counted_medicine(tokens, cues)
        # An idiom's words ("this wait is killing me") are nobody's danger.
        idiom_words = {i for m in matches if not m.phrase.concept for i in range(m.start, m.end)}
        cues = [(c, a, b) for c, a, b in cues if not idiom_words.intersection(range(a, b))]
        sentences = sentence_numbers(text)
        clauses = clause_numbers(text)
        questions = question_sentences(text)
        # words that belong to a longer danger expression ("نہیں رک رہا", not stopping) are
        # part of what is said, not a "not" for the words before them
        in_expressions = {i for _c, a, b in cues if b - a > 1 for i in range(a, b)}
        found: list[str] = []
        negated: list[str] = []
        said_now: dict[str, bool] = {}   # urgent concept -> told as still happening somewhere
        named = [(m.phrase.concept, m.start, m.end) for m in matches if m.phrase.concept]
        for concept, start, end in named + self._dangers_described(cues, stems, clauses, sentences, in_expressions):
            # a named phrase's own words are never its "not" ("better off without me")
            own = set(range(start, end)) if (concept, start, end) in named else set()
            target = negated if self._negated(stems, start, clauses, end, in_expressions | own) else found
            if concept not in target:
                target.append(concept)
            if target is found and self.lexicon.concepts[concept].urgent:
                said_now[concept] = said_now.get(concept, False) or not (
                    told_as_over(cues, sentences, start)
                    or only_a_topic(cues, clauses, start, sentences, questions)
                    or in_a_story(cues, sentences, start)
                    or only_if(cues, sentences, start))
        negated = [c for c in negated if c not in found]
        not_now = [c for c, now in said_now.items() if not now]
        found = [c for c in found if c not in not_now]
        age = self._age(tokens, matches)
        urgent = any(self.lexicon.concepts[c].urgent for c in found) or any(
            is_urgent and age is not None and low <= age <= high and required <= set(found)
            for low, high, required, _, is_urgent in self.lexicon.ages)
        unsure = False
        if not urgent and self.urgency is not None:
            probability = self.urgency.probability(text)  # danger worded in a way no rule has words for yet
            urgent, unsure = probability >= self.urgency.threshold, probability >= self.urgency.unsure
        # Setting danger words aside can be wrong ("years ago" about one thing, "tonight" about
        # another): the family is asked, in one tap, rather than told nothing.
        set_aside = bool(not_now) or any(self.lexicon.concepts[c].urgent for c in negated)
        return Interpretation(concepts=tuple(found), negated=tuple(negated), age=age, urgent=urgent,
                              pathways=tuple(self._rank(found, age, urgent)), not_now=tuple(not_now),
                              check_danger=not urgent and (set_aside or unsure))

    # -- danger described, not named ----------------------------------------------------------
    def _cue_spans(self, keys: list[frozenset[str]]) -> list[tuple[str, int, int]]:
        """Every (cue class, start, end) in the text. Unlike phrases, cues may overlap:
        "taken" can be an ingestion word and part of "taken a whole packet"."""
        return [(m.phrase.concept, m.start, m.end) for m in _occurrences(keys, self._cues_by_first)]

    def _counted_medicine(self, tokens: list[str], cues: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
        """A number of a medicine ("8 of my sertraline", "20 paracetamol") is an amount: a
        number just before a medicine word, never an age ("he is 14 and takes his tablets")."""
        medicine_starts = {s for c, s, _ in cues if c == "medicine"}
        amounts = []
        for index, token in enumerate(tokens):
            value = self._number(token)
            if value is not None and value >= MIN_COUNTED and any(index < s <= index + 3 for s in medicine_starts):
                amounts.append(("amount", index, index + 1))
        return amounts

    def _dangers_described(self, cues: list[tuple[str, int, int]], stems: list[str],
                           clauses: list[int], sentences: list[int], in_expressions: set[int]) -> list[tuple[str, int, int]]:
        """Concepts found by danger_rules: a word of every class of a rule close together
        ("took" + "a whole packet" + "paracetamol"), each with the start of its span, so
        negation ("has never taken any tablets") and time ("years ago") are judged there."""
        by_class: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for cue_class, start, end in cues:
            by_class[cue_class].append((start, end))
        found = []
        for rule in self.lexicon.danger_rules:
            if not all(by_class.get(c) for c in rule.classes):
                continue
            first, rest = rule.classes[0], rule.classes[1:]
            for anchor_start, anchor_end in by_class[first]:
                span = span_with(anchor_start, anchor_end, rest, by_class, rule.within)
                if span is None:
                    continue
                low, high = span
                # "kicked out of school" is not "kicked out of home": look a little either side
                if any(low - UNLESS_REACH <= s and e <= high + UNLESS_REACH
                       for c in rule.unless for s, e in by_class.get(c, ())):
                    continue
                if any(clause_of(sentences, s) == clause_of(sentences, low)
                       for c in rule.unless_sentence for s, _e in by_class.get(c, ())):
                    continue
                found.append((rule.concept, low, high))
                if not self._negated(stems, low, clauses, high, in_expressions):
                    break   # one clear instance is enough; a negated one may have a clear twin
        return found

    def _keys(self, token: str) -> frozenset[str]:
        """Every lexicon word this token can stand for: itself, a wildcard, or a near spelling."""
        cached = self._key_cache.get(token)
        if cached is not None:
            return cached
        keys = {token}
        keys.update(token[:i] + "*" for i in range(1, len(token) + 1) if token[:i] in self._prefixes)
        keys.update("*" + token[i:] for i in range(len(token)) if token[i:] in self._suffixes)
        if self._infixes:
            keys.update("*" + token[i:j] + "*" for i in range(len(token)) for j in range(i + 1, len(token) + 1)
                        if token[i:j] in self._infixes)
        if token not in self._known and len(token) >= MIN_FUZZY and token.isascii() and token.isalpha():
            allowed = 1 if len(token) <= 8 else 2
            best = process.extractOne(token, self._fuzzy_vocabulary, scorer=OSA.distance, score_cutoff=allowed)
            if best:
                keys.add(best[0])
        result = frozenset(keys)
        if len(self._key_cache) < 50_000:  # bounded: a flood of new words cannot grow it forever
            self._key_cache[token] = result
        return result

    def _matches(self, keys: list[set[str]]) -> list[_Match]:
        candidates = _occurrences(keys, self._by_first)
        # Longest phrases win, so "not walking" (a worry) beats "walking", and an idiom
        # ("killing me") hides the words inside it.
        candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: set[int] = set()
        chosen = []
        for match in candidates:
            span = range(match.start, match.end)
            if not any(i in taken for i in span):
                taken.update(span)
                chosen.append(match)
        return sorted(chosen, key=lambda m: m.start)

    def _negated(self, stems: list[str], start: int, clauses: list[int] | None = None, end: int | None = None,
                 part_of_danger: set[int] = frozenset()) -> bool:
        clause = clause_of(clauses, start)
        # Languages that negate after the verb (Urdu "بھاگا نہیں"): a word of negations_after
        # just after the words, in the same clause
        # or inside the words, before the verb that ends them ("goliyan nahi khaayi", did not take tablets)
        if end is not None and any(stems[i] in self.lexicon.negations_after and i not in part_of_danger
                                   and clause_of(clauses, i) == clause
                                   for i in range(start + 1, min(end + NEGATION_AFTER_REACH, len(stems)))):
            return True
        # a "not" inside a danger's words, in the clause that ends them ("counted the tablets,
        # she did not take any more"), but never one that is part of a danger's own words
        if end is not None and end - start > 1 and any(
                stems[i] in self.lexicon.negations and i not in part_of_danger
                and clause_of(clauses, i) == clause_of(clauses, i + 1) for i in range(start + 1, end - 1)):
            return True
        reach = NEGATION_REACH + sum(1 for s in stems[max(start - NEGATION_REACH - 2, 0):start] if s in ("or", "nor"))
        for index in range(start - 1, max(start - reach, 0) - 1, -1):
            if clause_of(clauses, index) != clause:
                return False  # "I can't cope, I'm scared I'll hurt him": the comma ends the "not"
            if stems[index] in self.lexicon.negation_breaks:
                return False
            if stems[index] in self.lexicon.negations:
                return True
        return False

    def _age(self, tokens: list[str], matches: list[_Match]) -> int | None:
        """The child's current age, where the text states it ("my 11 yr old", "she is 7")."""
        numbers = [self._number(t) for t in tokens]
        for pattern in sorted(self.lexicon.age_patterns, key=len, reverse=True):
            for start in range(len(tokens) - len(pattern) + 1):
                value = None
                for offset, part in enumerate(pattern):
                    token = tokens[start + offset]
                    if part == NUMBER_SLOT:
                        value = numbers[start + offset]
                        if value is None:
                            break
                    elif token != part:  # exact: "turned 7" is an age now, "turns 18" is not
                        break
                else:
                    end = start + len(pattern)
                    if value is None or not 0 <= value <= MAX_AGE:
                        continue
                    if pattern[-1] == NUMBER_SLOT and end < len(tokens) and tokens[end] in self.lexicon.not_an_age_after:
                        continue  # "is 2 years behind", "waited 3 months"
                    if any(t in self.lexicon.future_age_cues for t in tokens[max(start - 2, 0):start]):
                        continue  # "when he turns 18": an age looked ahead to, not his age now
                    return value
        return None

    def _number(self, token: str) -> int | None:
        if token.isdecimal() and len(token) <= 2:  # not isdigit: "²" is a digit int() cannot read
            return int(token)
        return self.lexicon.numbers.get(token)

    def _rank(self, concepts: list[str], age: int | None, urgent: bool) -> list[tuple[str, float]]:
        scores: dict[str, float] = defaultdict(float)
        for concept in concepts:
            for pathway, weight in self.lexicon.concepts[concept].pathways.items():
                scores[pathway] += weight
        present = set(concepts)
        for required, weights in self.lexicon.combinations:
            if required <= present:
                for pathway, weight in weights.items():
                    scores[pathway] += weight
        if age is not None and concepts:
            for low, high, required, weights, _ in self.lexicon.ages:
                if low <= age <= high and required <= present:
                    for pathway, weight in weights.items():
                        scores[pathway] += weight
        if urgent:
            scores[URGENT_PATHWAY] = URGENT_SCORE
        ranked = [(p, s) for p, s in scores.items() if s > 0]
        return sorted(ranked, key=lambda item: (-item[1], self.pathway_order.get(item[0], 99)))
