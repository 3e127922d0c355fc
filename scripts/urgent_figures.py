"""Print the safety net's figures: urgent recall and false alarms, per language, on each set.

    .venv/bin/python scripts/urgent_figures.py [--misses] [--held-out]

The sets in navigator/rules/urgency/ were each written blind, measured once on arrival and
then learned from (the lexicon's words and the urgency model); tests/fixtures/urgent_blind6.yaml
and urgent_blind9.yaml are never learned from: their figures are the honest ones. A set that is
missing is skipped.
"""

from __future__ import annotations

import argparse
import collections
import pathlib

import yaml

from navigator.interpret import Interpreter, load_lexicon, load_urgency_model

ROOT = pathlib.Path(__file__).resolve().parent.parent
SETS = [ROOT / "navigator" / "rules" / "urgency" / name
        for name in ("urgent_set.yaml", "urgent_holdout.yaml", "urgent_final.yaml", "urgent_blind3.yaml",
                     "urgent_blind4.yaml", "urgent_blind5.yaml", "urgent_blind7.yaml", "urgent_blind8.yaml",
                     "urgent_ordinary.yaml", "urgent_ordinary_short.yaml")]
HELD_OUT = [ROOT / "tests" / "fixtures" / name for name in ("urgent_blind6.yaml", "urgent_blind9.yaml")]


def figures(interpreter: Interpreter, messages: dict) -> tuple[dict, list, list]:
    """Per language: [urgent caught, urgent total, non-urgent flagged, non-urgent total]."""
    table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    missed, flagged = [], []
    for message in messages.get("urgent", []):
        row = table[message["lang"]]
        row[1] += 1
        if interpreter.read(message["text"]).urgent:
            row[0] += 1
        else:
            missed.append(message)
    for message in messages.get("non_urgent", []):
        row = table[message["lang"]]
        row[3] += 1
        if interpreter.read(message["text"]).urgent:
            row[2] += 1
            flagged.append(message)
    return table, missed, flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="also list what was missed or flagged")
    parser.add_argument("--held-out", action="store_true",
                        help="also measure the held-out set; --misses never lists its messages")
    arguments = parser.parse_args()
    interpreter = Interpreter(load_lexicon(), urgency=load_urgency_model())
    for path in SETS + (HELD_OUT if arguments.held_out else []):
        name = path.name
        if not path.exists():
            continue
        table, missed, flagged = figures(interpreter, yaml.safe_load(path.read_text(encoding="utf-8")))
        print(f"\n{name}")
        print(f"  {'lang':<5} {'urgent caught':>15} {'false alarms':>15}")
        totals = [0, 0, 0, 0]
        for lang, row in sorted(table.items()):
            totals = [t + r for t, r in zip(totals, row)]
            print(f"  {lang:<5} {row[0]:>7}/{row[1]:<7} {row[2]:>7}/{row[3]:<7}")
        print(f"  {'all':<5} {totals[0]:>7}/{totals[1]:<7} {totals[2]:>7}/{totals[3]:<7}"
              f"  recall {totals[0] / max(totals[1], 1):.1%}, false alarms {totals[2] / max(totals[3], 1):.1%}")
        if arguments.misses and path not in HELD_OUT:
            for message in missed:
                print(f"    missed  {message['id']}: {message['text'][-100:]}")
            for message in flagged:
                print(f"    flagged {message['id']}: {message['text'][:100]}")


if __name__ == "__main__":
    main()
