"""Rule files read once per process: what is built from the same files (by name and
content, wherever the folder is) is shared, however many apps, checks or tests ask for it.

Building the flow walks every route and the lexicon tokenises 40,000 phrases: seconds each,
while hashing the files takes milliseconds. What is built must never be changed afterwards.
"""

from __future__ import annotations

import collections
import hashlib
import pathlib
from collections.abc import Callable, Iterable
from typing import Any

KEPT = 8  # different sets of files remembered at once (tests make a few broken copies)


def files_key(folder: pathlib.Path, paths: Iterable[pathlib.Path]) -> tuple[tuple[str, str], ...]:
    """(name inside the folder, SHA-256 of the bytes) for each file that exists."""
    return tuple((p.relative_to(folder).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest())
                 for p in paths if p.is_file())


class ReadOnce:
    """`build(folder, *extra)` remembered by (files_key, *extra). An exception (a broken file)
    is never remembered: the next call reads the files again and reports it again."""

    def __init__(self, build: Callable[..., Any]):
        self._build = build
        self._built: collections.OrderedDict[tuple, Any] = collections.OrderedDict()

    def __call__(self, folder: pathlib.Path, key: tuple, *extra) -> Any:
        full_key = (key, *extra)
        if full_key in self._built:
            self._built.move_to_end(full_key)
            return self._built[full_key]
        built = self._build(folder, *extra)
        self._built[full_key] = built
        if len(self._built) > KEPT:
            self._built.popitem(last=False)
        return built
