"""What each language's catalog still owes the English, and turning catalogs into .mo files.

`catalog_problems` compares translations/<lang>/LC_MESSAGES/messages.po with the template
(every message babel.cfg extracts, extracted here in-process so a stale .pot cannot hide a
new string): messages missing from a catalog, untranslated or fuzzy, and translations
whose placeholders (%(name)s, GOV.UK's %{count}) differ from the English.

Babel flags any msgid that looks like %-formatting ("59% of plans" has "% o") as
python-format, re-deriving the flag whenever it reads a file, and `pybabel compile` then
rejects a correct translation without the "% o". Rules and deadline text is never
%-formatted, so `mark_plain_text` marks it no-python-format (the flag GNU gettext, Poedit
and Weblate honour) and `compile_catalogs` honours that mark where `pybabel compile` cannot.

    python -m navigator.translation_check             # every problem; exit 1 if any
    python -m navigator.translation_check --summary   # "N of M translated" per language
    python -m navigator.translation_check --mark FILE.po...     # (make translations-update)
    python -m navigator.translation_check --compile FILE.po...  # .po -> .mo (make translations)
"""

from __future__ import annotations

import os
import pathlib
import re
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.util import pathmatch

from navigator.languages import TRANSLATED
from navigator.problems import Problem

ROOT = pathlib.Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
LANGUAGES = TRANSLATED
PLAIN_TEXT_METHODS = {"navigator_rules", "navigator_deadlines"}  # babel.cfg methods never %-formatted
_NAMED = re.compile(r"%\((\w+)\)[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrs]")
_GOVUK = re.compile(r"%\{(\w+)\}")
_COUNTS = {"%(num)", "%{count}"}  # Flask-Babel's ngettext number; GOV.UK Frontend's count


def _mapping(root: pathlib.Path = ROOT):
    with open(root / "babel.cfg", encoding="utf-8") as config:
        return parse_mapping_cfg(config, str(root / "babel.cfg"))


_extracted: dict[pathlib.Path, tuple[tuple, Catalog]] = {}


def _sources(root: pathlib.Path, method_map) -> tuple:
    """What extraction would read (name, size and time of each file), walked as Babel walks."""
    seen = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(d for d in folders if not d.startswith((".", "_")))
        for name in sorted(files):
            relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
            if any(pathmatch(pattern, relative) for pattern, _method in method_map):
                info = os.stat(os.path.join(folder, name))
                seen.append((relative, info.st_size, info.st_mtime_ns))
    return tuple(seen)


def template_catalog(root: pathlib.Path = ROOT) -> Catalog:
    """Every message babel.cfg extracts from the code, templates and rules, as `pybabel
    extract -F babel.cfg .` would write it, with rules text marked as plain text. Extracting
    takes seconds: within one process it is done again only when a file it reads changed.
    The catalog returned is shared: read it, do not change it."""
    method_map, options_map = _mapping(root)
    sources = _sources(root, method_map)
    if root in _extracted and _extracted[root][0] == sources:
        return _extracted[root][1]
    catalog = _extract(root, method_map, options_map)
    _extracted[root] = (sources, catalog)
    return catalog


def _extract(root: pathlib.Path, method_map, options_map) -> Catalog:
    catalog = Catalog(project="navigator", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            root, method_map, options_map, keywords=DEFAULT_KEYWORDS, comment_tags=("Translators:",)):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return mark_plain_text(catalog, method_map)


def mark_plain_text(catalog: Catalog, method_map=None) -> Catalog:
    """Swap python-format for no-python-format on text only ever shown as written: messages
    already marked so, or whose every location babel.cfg maps to a plain-text method."""
    method_map = _mapping()[0] if method_map is None else method_map

    def plain(path: str) -> bool:
        method = next((m for pattern, m in method_map if pathmatch(pattern, path)), None)
        return method in PLAIN_TEXT_METHODS

    for message in catalog:
        if message.id and "python-format" in message.flags and ("no-python-format" in message.flags or (
                message.locations and all(plain(path) for path, _line in message.locations))):
            message.flags.discard("python-format")
            message.flags.add("no-python-format")
    return catalog


def placeholders(text: str) -> set[str]:
    return {f"%({name})" for name in _NAMED.findall(text)} | {f"%{{{name}}}" for name in _GOVUK.findall(text)}


def _short(message_id) -> str:
    text = " ".join((message_id[0] if isinstance(message_id, (list, tuple)) else message_id).split())
    return f'"{text}"' if len(text) <= 50 else f'"{text[:49]}…"'


def _forms(message, count: int) -> list[str]:
    forms = list(message.string) if isinstance(message.string, (list, tuple)) else [message.string]
    return forms + [""] * (count - len(forms))


def _placeholder_problem(english, forms: list[str]) -> str | None:
    """Why the translation's placeholders do not fit the English, or None if they do."""
    if isinstance(english, (list, tuple)):  # each form answers the plural; a form may leave out
        expected = placeholders(english[1])  # the number only when the English singular does too
        optional = {p for p in expected & _COUNTS if p not in placeholders(english[0])}
    else:
        expected, optional = placeholders(english), set()
    for form in forms:
        found = placeholders(form)
        missing, unknown = expected - found - optional, found - expected
        if missing or unknown:
            said = [f"missing {', '.join(sorted(missing))}"] * bool(missing) + \
                   [f"not in the English: {', '.join(sorted(unknown))}"] * bool(unknown)
            return "has placeholders that differ from the English (" + "; ".join(said) + ")"
    return None


def _read(path: pathlib.Path, locale: str | None = None) -> Catalog:
    with open(path, "rb") as file:
        return read_po(file, locale=locale)


def catalog_problems(translations_dir=TRANSLATIONS, template=None, languages=LANGUAGES) -> list[Problem]:
    """Every problem of each language's catalog against `template` (a Catalog, a .pot path,
    or None to extract the template now)."""
    translations_dir = pathlib.Path(translations_dir)
    if template is None:
        template = template_catalog()
    elif not isinstance(template, Catalog):
        template = _read(pathlib.Path(template))
    problems = []
    for language in languages:
        path = translations_dir / language / "LC_MESSAGES" / "messages.po"
        file = f"{translations_dir.name}/{language}/LC_MESSAGES/messages.po"
        if not path.exists():
            problems.append(Problem(file, "the catalog is missing: run make translations-update"))
            continue
        catalog = _read(path, language)
        if catalog.fuzzy:
            problems.append(Problem(file, 'the header is marked fuzzy, so nothing in it is used: remove "#, fuzzy"'))
        for english in template:
            if not english.id:
                continue
            found = catalog.get(english.id, english.context)
            where = {"line": found.lineno} if found is not None else {}
            forms = _forms(found, catalog.num_plurals if found is not None and found.pluralizable else 1) \
                if found is not None else []
            if found is None:
                reason = "is missing from the catalog: run make translations-update"
            elif found.fuzzy:
                reason = "is marked fuzzy: check the translation, then remove the fuzzy mark"
            elif not all(forms):
                reason = "has no translation yet" if not any(forms) else "has a plural form left empty"
            else:
                reason = _placeholder_problem(english.id, forms)
            if reason:
                problems.append(Problem(file, f"{_short(english.id)} {reason}", **where))
    return problems


def summary(translations_dir=TRANSLATIONS, template=None, languages=LANGUAGES) -> list[str]:
    """Per language, "N of M translated": complete, not fuzzy, whatever the placeholders."""
    template = template_catalog() if template is None else template
    total = [m for m in template if m.id]
    lines = []
    for language in languages:
        path = pathlib.Path(translations_dir) / language / "LC_MESSAGES" / "messages.po"
        catalog = _read(path, language) if path.exists() else Catalog(locale=language)
        done = 0
        for english in total:
            found = catalog.get(english.id, english.context)
            if found is not None and not found.fuzzy and all(_forms(found, catalog.num_plurals if found.pluralizable else 1)):
                done += 1
        lines.append(f"{language}: {done} of {len(total)} translated")
    return lines


def compile_catalogs(paths) -> list[Problem]:
    """Write each .po's .mo beside it, as `pybabel compile` without --use-fuzzy does:
    untranslated and fuzzy messages are left out (gettext then shows the English), a
    catalog whose header is fuzzy is skipped; Babel's checks run, except python-format on
    messages marked no-python-format, and a message failing them is left out too (unlike
    pybabel, which compiles it in). Returns the checks' errors."""
    problems = []
    for path in map(pathlib.Path, paths):
        catalog = _read(path, path.parent.parent.name)
        if catalog.fuzzy:
            problems.append(Problem(str(path), 'not compiled: the header is marked fuzzy'))
            continue
        for message in catalog:
            if "no-python-format" in message.flags:  # read_po has just re-added python-format
                message.flags.discard("python-format")
        for message, errors in list(catalog.check()):
            problems += [Problem(str(path), f"{_short(message.id)}: {error}", line=message.lineno) for error in errors]
            # Left out, so the page shows the English rather than failing on a bad placeholder
            # (make will not recompile an unchanged .po to remind anyone).
            catalog.delete(message.id, message.context)
        with open(path.with_suffix(".mo"), "wb") as out:
            write_mo(out, catalog, use_fuzzy=False)
    return problems


def mark_files(paths) -> None:
    """Rewrite .pot/.po files with rules text marked no-python-format (after pybabel
    extract and pybabel update, which both re-add python-format)."""
    method_map = _mapping()[0]
    for path in map(pathlib.Path, paths):
        catalog = mark_plain_text(_read(path), method_map)
        with open(path, "wb") as out:
            write_po(out, catalog, width=76)


def main(argv: list[str]) -> int:
    if argv[:1] == ["--mark"]:
        mark_files(argv[1:])
        return 0
    if argv[:1] == ["--compile"]:
        problems = compile_catalogs(argv[1:])
    elif argv == ["--summary"]:
        print("\n".join(summary()))
        return 0
    elif not argv:
        problems = catalog_problems()
    else:
        print("usage:\n" + "\n".join(__doc__.strip().splitlines()[-4:]), file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
