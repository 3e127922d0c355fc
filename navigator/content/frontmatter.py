"""Split a page file into its front matter (YAML between --- lines) and its markdown body."""

from __future__ import annotations

from navigator.problems import Problem, ProblemError, load_yaml

FENCE = "---"


def split(text: str, file: str) -> tuple[dict, str, int]:
    """Return (front matter, body, line number where the body starts).

    Raises ProblemError when the fences are missing or the YAML is broken, naming the line.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != FENCE:
        raise ProblemError([Problem(file, "the page must start with a line of three dashes (---), "
                                          "then its details, then another --- line", line=1)])
    for index in range(1, len(lines)):
        if lines[index].strip() == FENCE:
            meta = load_yaml("".join(lines[1:index]), file, first_line=2)
            if not isinstance(meta, dict):
                raise ProblemError([Problem(file, "the details between the --- lines must be "
                                                  "'field: value' lines", line=2)])
            return meta, "".join(lines[index + 1:]), index + 2
    raise ProblemError([Problem(file, "the details at the top are not closed: add a line of "
                                      "three dashes (---) after them", line=1)])
