"""Choose the urgency model's threshold by leaving one set out: for each set in
navigator/rules/urgency/, train on the others, read the one left out as the interpreter does
(the danger rules, then the model), and count what is caught and what is flagged.

    .venv/bin/python scripts/urgent_threshold.py [0.5 0.6 0.7 ...]

The rules were written from the earlier sets, so their figures there flatter the rules; the
sets added last (urgent_blind4.yaml, urgent_blind5.yaml) say most about new wording. The held-out
set in tests/fixtures/ is never read here; the development scenarios there are, last.
"""

from __future__ import annotations

import pathlib
import sys

import yaml

from navigator.interpret import Interpreter, load_lexicon
from navigator.interpret.urgency import URGENCY_DIR, UrgencyModel

FRESHEST = ("urgent_blind7.yaml", "urgent_blind8.yaml")
SCENARIOS = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"


def examples(sets: dict, names) -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for name in names:
        for label, part in ((1, "urgent"), (0, "non_urgent")):
            for example in sets[name].get(part, []):
                texts.append(example["text"])
                labels.append(label)
    return texts, labels


def main(thresholds: list[float]) -> None:
    sets = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(URGENCY_DIR.glob("*.yaml"))}
    rules = Interpreter(load_lexicon())
    scored = []  # (set, is urgent, rules say urgent, model's probability)
    for held in sets:
        model = UrgencyModel(*examples(sets, [n for n in sets if n != held]))
        for is_urgent, part in ((True, "urgent"), (False, "non_urgent")):
            for example in sets[held].get(part, []):
                text = example["text"]
                scored.append((held, is_urgent, rules.read(text).urgent, model.probability(text)))
    print(f"{'threshold':>9}  {'freshest sets: caught':>22}  {'flagged':>9}  {'all sets: caught':>17}  {'flagged':>9}")
    fresh = [r for r in scored if r[0] in FRESHEST]
    for threshold in thresholds:
        (fc, fn), (ff, fm) = _count(fresh, True, threshold), _count(fresh, False, threshold)
        (ac, an), (af, am) = _count(scored, True, threshold), _count(scored, False, threshold)
        print(f"{threshold:>9.2f}  {fc:>13}/{fn:<8} {ff:>5}/{fm:<4}  {ac:>9}/{an:<7} {af:>5}/{am:<4}")
    scenarios(sets, rules, thresholds)


def _count(rows, urgent: bool, threshold: float) -> tuple[int, int]:
    """(flagged urgent, how many) among the rows that are (or are not) urgent."""
    chosen = [r for r in rows if r[1] is urgent]
    return sum(r[2] or r[3] >= threshold for r in chosen), len(chosen)


def scenarios(sets: dict, rules: Interpreter, thresholds: list[float]) -> None:
    """The development scenarios (what families type, from tests/fixtures/), read by a model
    trained on every set: ordinary messages must not look urgent."""
    model = UrgencyModel(*examples(sets, sets))
    cases = []
    for path in sorted(SCENARIOS.glob("*scenarios*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            expected = (case.get("expect") or {}).get("urgent")
            if expected is not None:
                cases.append((expected, rules.read(case["text"]).urgent, model.probability(case["text"])))
    print(f"\n{'threshold':>9}  {'scenarios: urgent caught':>25}  {'ordinary flagged':>17}")
    for threshold in thresholds:
        caught = sum(r or p >= threshold for e, r, p in cases if e)
        flagged = sum(r or p >= threshold for e, r, p in cases if not e)
        urgent, ordinary = sum(1 for c in cases if c[0]), sum(1 for c in cases if not c[0])
        print(f"{threshold:>9.2f}  {caught:>16}/{urgent:<8} {flagged:>9}/{ordinary:<7}")


if __name__ == "__main__":
    main([float(a) for a in sys.argv[1:]] or [0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.85])
