"""The languages the navigator speaks: the one list that config, the web layer, the API, the
content library, the translation check and the Makefile read.

Adding a language is a line here, then its catalog (translations/<code>/), its lexicon
(navigator/rules/lexicon/<code>.yaml) and its page translations; `navigator check` names
whatever is still missing.

    python -m navigator.languages        # the translated codes, for the Makefile: "ur pl ar"
"""

from __future__ import annotations

import dataclasses
import pathlib
import sys


@dataclasses.dataclass(frozen=True)
class Language:
    code: str            # as in addresses (?lang=ur), catalogs and page files (x.ur.md)
    name: str            # in itself, as the language switcher shows it
    direction: str       # "ltr" or "rtl"
    locale: str          # for Babel's dates and numbers
    html_lang: str       # the page's lang attribute


SOURCE = Language("en", "English", "ltr", "en_GB", "en-GB")  # British English: "Monday 25 May 2026"
LANGUAGES: tuple[Language, ...] = (
    SOURCE,
    Language("ur", "اردو", "rtl", "ur", "ur"),
    Language("pl", "Polski", "ltr", "pl", "pl"),
    Language("ar", "العربية", "rtl", "ar", "ar"),
)

CODES: tuple[str, ...] = tuple(language.code for language in LANGUAGES)
TRANSLATED: tuple[str, ...] = tuple(code for code in CODES if code != SOURCE.code)
_BY_CODE = {language.code: language for language in LANGUAGES}


def language(code: str) -> Language:
    """The language with this code; English for a code we do not speak."""
    return _BY_CODE.get(code, SOURCE)


def known(code: object) -> bool:
    return isinstance(code, str) and code in _BY_CODE


def coverage_problems(lexicon_dir: pathlib.Path, translations_dir: pathlib.Path) -> list:
    """A language in the list without its lexicon or catalog, or one of those for a language
    not in the list: named, so a language is never half added or half removed."""
    from navigator.problems import Problem

    problems = []
    lexicons = {path.stem for path in pathlib.Path(lexicon_dir).glob("*.yaml")} - {"concepts"}
    catalogs = {path.name for path in pathlib.Path(translations_dir).iterdir() if path.is_dir()} \
        if pathlib.Path(translations_dir).is_dir() else set()
    for code in CODES:
        if code not in lexicons:
            problems.append(Problem(f"lexicon/{code}.yaml", f"'{code}' is in navigator/languages.py but has no lexicon: "
                                    "the interpreter would not read it"))
    for code in sorted(lexicons - set(CODES)):
        problems.append(Problem(f"lexicon/{code}.yaml", f"'{code}' is not a language in navigator/languages.py: "
                                "add it there, or remove this file"))
    for code in sorted(catalogs - set(TRANSLATED)):
        problems.append(Problem(f"translations/{code}", f"'{code}' is not a language in navigator/languages.py: "
                                "add it there, or remove this folder"))
    return problems


if __name__ == "__main__":
    sys.stdout.write(" ".join(TRANSLATED) + "\n")
