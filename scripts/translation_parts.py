"""Split a language's catalog into parts for several translators, check a part, merge back.

    python scripts/translation_parts.py split ur 2     # translations/ur/LC_MESSAGES/part-1.po, part-2.po
    python scripts/translation_parts.py check translations/ur/LC_MESSAGES/part-1.po
    python scripts/translation_parts.py merge ur       # parts' translations into messages.po

Parts are working files (gitignored): only messages.po is kept. Messages are dealt out
longest first to the part with the fewest characters so far, so parts take similar effort.
"""

from __future__ import annotations

import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from babel.messages.catalog import Catalog  # noqa: E402
from babel.messages.pofile import read_po, write_po  # noqa: E402

from navigator.translation_check import catalog_problems  # noqa: E402


def _folder(lang: str) -> pathlib.Path:
    return ROOT / "translations" / lang / "LC_MESSAGES"


def _read(path: pathlib.Path, locale=None) -> Catalog:
    with open(path, "rb") as handle:
        return read_po(handle, locale=locale)


def _write(catalog: Catalog, path: pathlib.Path) -> None:
    with open(path, "wb") as handle:
        write_po(handle, catalog, width=100, include_previous=False)


def split(lang: str, count: int) -> None:
    main = _read(_folder(lang) / "messages.po", locale=lang)
    parts = [Catalog(locale=lang, project="navigator", fuzzy=False) for _ in range(count)]
    sizes = [0] * count
    for message in sorted((m for m in main if m.id), key=lambda m: -len(str(m.id))):
        smallest = sizes.index(min(sizes))
        parts[smallest][message.id] = message
        sizes[smallest] += len(str(message.id))
    for number, part in enumerate(parts, 1):
        _write(part, _folder(lang) / f"part-{number}.po")
        print(f"part-{number}.po: {len(part)} messages, {sizes[number - 1]} characters of English")


def check(path: pathlib.Path) -> int:
    lang = path.parent.parent.name
    part = _read(path, locale=lang)
    with tempfile.TemporaryDirectory() as folder:
        target = pathlib.Path(folder) / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        _write(part, target / "messages.po")
        template = Catalog(project="navigator")
        for message in part:
            if message.id:
                template[message.id] = type(message)(message.id, locations=message.locations,
                                                     flags=message.flags, auto_comments=message.auto_comments)
        problems = catalog_problems(pathlib.Path(folder), template=template, languages=(lang,))
    for problem in problems:
        print(problem)
    done = sum(1 for m in part if m.id and (all(m.string) if isinstance(m.string, (list, tuple)) else m.string))
    print(f"{done} of {sum(1 for m in part if m.id)} translated; {len(problems)} problems")
    return 1 if problems else 0


def merge(lang: str) -> None:
    main_path = _folder(lang) / "messages.po"
    main = _read(main_path, locale=lang)
    merged = 0
    for part_path in sorted(_folder(lang).glob("part-*.po")):
        for message in _read(part_path, locale=lang):
            target = main.get(message.id) if message.id else None
            if target is not None and message.string and (not isinstance(message.string, (list, tuple)) or all(message.string)):
                target.string = message.string
                target.flags.discard("fuzzy")
                merged += 1
    _write(main, main_path)
    print(f"{lang}: {merged} translations merged into {main_path.relative_to(ROOT)}")


if __name__ == "__main__":
    command, argument = sys.argv[1], sys.argv[2]
    if command == "split":
        split(argument, int(sys.argv[3]))
    elif command == "check":
        sys.exit(check(pathlib.Path(argument).resolve()))
    elif command == "merge":
        merge(argument)
