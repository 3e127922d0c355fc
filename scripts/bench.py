"""`make bench`: how fast the interpreter reads a message, as a ratio to baselines measured
in the same run on the same machine (absolute times vary between machines; ratios less so).

Baselines:
- naive scan: the simplest keyword matcher, testing every lexicon phrase as a substring of
  the lower-cased text (what a first attempt would do);
- search: one query of the local-offer search index for the same text.
The issue's target is an absolute median under 5 ms; it is printed too.
"""

from __future__ import annotations

import pathlib
import statistics
import sys
import tempfile
import time

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from navigator.content import load_library  # noqa: E402
from navigator.interpret import Interpreter, load_lexicon  # noqa: E402
from navigator.search import open_search  # noqa: E402

SCENARIOS = ROOT / "tests" / "fixtures" / "public_scenarios.yaml"
ROUNDS = 20


def median_ms(function, texts) -> float:
    timings = []
    for _ in range(ROUNDS):
        for text in texts:
            start = time.perf_counter()
            function(text)
            timings.append(time.perf_counter() - start)
    return statistics.median(timings) * 1000


def _once(function, text) -> float:
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start


def main() -> None:
    texts = [case["text"] for case in yaml.safe_load(SCENARIOS.read_text(encoding="utf-8"))]
    lexicon = load_lexicon()
    reader = Interpreter(lexicon)
    phrases = [" ".join(p.tokens).replace("*", "") for p in lexicon.phrases]

    def naive(text):
        lowered = text.lower()
        return [p for p in phrases if p in lowered]

    with tempfile.TemporaryDirectory() as folder:
        search = open_search(pathlib.Path(folder), load_library(ROOT / "content" / "local_offer"))
        search.search("warm up")
        cold_ms = statistics.median(_once(Interpreter(lexicon).read, text) for text in texts) * 1000
        interpreter_ms = median_ms(reader.read, texts)
        naive_ms = median_ms(naive, texts)
        search_ms = median_ms(search.search, texts)

    print(f"interpreter: median {interpreter_ms:.3f} ms per message over {len(texts)} messages x {ROUNDS} rounds "
          f"(target under 5 ms: {'met' if interpreter_ms < 5 else 'NOT MET'})")
    print(f"  first reading of each message by a new interpreter (no word cache): median {cold_ms:.3f} ms")
    print(f"  ratio to naive substring scan ({naive_ms:.3f} ms): {interpreter_ms / naive_ms:.2f}x")
    print(f"  ratio to one search-index query ({search_ms:.3f} ms): {interpreter_ms / search_ms:.3f}x")
    if max(interpreter_ms, cold_ms) >= 5:
        sys.exit(1)


if __name__ == "__main__":
    main()
