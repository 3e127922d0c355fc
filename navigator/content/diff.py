"""Line-by-line differences between two versions of a page, for people to read.

Pure difflib: `changes` gives the changed lines with a little context (history), and
`side_by_side` pairs the two versions line by line (a save that clashed with another).
"""

from __future__ import annotations

import dataclasses
import difflib


@dataclasses.dataclass(frozen=True)
class Line:
    kind: str          # same, added, removed, gap
    text: str
    number: int | None = None   # line number in the newer version (or older, for removed)


@dataclasses.dataclass(frozen=True)
class Pair:
    kind: str          # same, changed, removed, added
    left: str | None
    right: str | None


def changes(older: str, newer: str, context: int = 2) -> list[Line]:
    a, b = older.splitlines(), newer.splitlines()
    lines: list[Line] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if lines:
            lines.append(Line("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                lines += [Line("same", b[j], j + 1) for j in range(j1, j2)]
                continue
            lines += [Line("removed", a[i], i + 1) for i in range(i1, i2)]
            lines += [Line("added", b[j], j + 1) for j in range(j1, j2)]
    return lines


def side_by_side(left: str, right: str) -> list[Pair]:
    a, b = left.splitlines(), right.splitlines()
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pairs += [Pair("same", a[i], b[j]) for i, j in zip(range(i1, i2), range(j1, j2), strict=True)]
        elif tag == "replace":
            olds, news = a[i1:i2], b[j1:j2]
            for k in range(max(len(olds), len(news))):
                pairs.append(Pair("changed", olds[k] if k < len(olds) else None, news[k] if k < len(news) else None))
        elif tag == "delete":
            pairs += [Pair("removed", a[i], None) for i in range(i1, i2)]
        else:
            pairs += [Pair("added", None, b[j]) for j in range(j1, j2)]
    return pairs
