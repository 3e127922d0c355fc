"""Reading one message: phrases, negation, age, urgency and ranked pathways."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA

from navigator.interpret.lexicon import NUMBER_SLOT, Lexicon, Phrase
from navigator.interpret.text import stem, words

MAX_AGE = 25
NEGATION_REACH = 3      # a "not" up to this many words before a phrase negates it
URGENT_SCORE = 100.0
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


@dataclasses.dataclass(frozen=True)
class _Match:
    start: int
    end: int
    phrase: Phrase


class Interpreter:
    def __init__(self, lexicon: Lexicon, pathway_order: list[str] | None = None):
        self.lexicon = lexicon
        self.pathway_order = {p: i for i, p in enumerate(pathway_order or [])}
        self._by_first: dict[str, list[Phrase]] = defaultdict(list)
        # Wildcard words by kind, so a token is checked by lookups, not by trying every pattern.
        self._prefixes: set[str] = set()    # "autyzm*"
        self._suffixes: set[str] = set()    # "*قلق"
        self._infixes: set[str] = set()     # "*szkol*"
        vocabulary: set[str] = set()
        for phrase in lexicon.phrases:
            self._by_first[phrase.tokens[0]].append(phrase)
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
        found: list[str] = []
        negated: list[str] = []
        for match in matches:
            concept = match.phrase.concept
            if not concept:
                continue  # an idiom: "I killed it at the school play"
            target = negated if self._negated(stems, match.start) else found
            if concept not in target:
                target.append(concept)
        negated = [c for c in negated if c not in found]
        age = self._age(tokens, matches)
        urgent = any(self.lexicon.concepts[c].urgent for c in found) or any(
            is_urgent and age is not None and low <= age <= high and required <= set(found)
            for low, high, required, _, is_urgent in self.lexicon.ages)
        return Interpretation(concepts=tuple(found), negated=tuple(negated), age=age, urgent=urgent,
                              pathways=tuple(self._rank(found, age, urgent)))

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
        candidates = []
        for start, here in enumerate(keys):
            for key in here:
                for phrase in self._by_first.get(key, ()):
                    end = start + len(phrase.tokens)
                    if end <= len(keys) and all(phrase.tokens[i] in keys[start + i] for i in range(1, len(phrase.tokens))):
                        candidates.append(_Match(start, end, phrase))
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

    def _negated(self, stems: list[str], start: int) -> bool:
        for index in range(start - 1, max(start - NEGATION_REACH, 0) - 1, -1):
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
        if token.isdigit() and len(token) <= 2:
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
            scores["urgent-help"] = URGENT_SCORE
        ranked = [(p, s) for p, s in scores.items() if s > 0]
        return sorted(ranked, key=lambda item: (-item[1], self.pathway_order.get(item[0], 99)))
