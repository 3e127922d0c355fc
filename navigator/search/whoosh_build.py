"""Writing the Whoosh index: its schema, one document per page and translation, and an
update that writes only what changed since the index it starts from."""

from __future__ import annotations

import hashlib
import pathlib
import shutil

from whoosh import index
from whoosh.analysis import StandardAnalyzer, StemmingAnalyzer
from whoosh.fields import ID, KEYWORD, TEXT, Schema

from navigator.languages import CODES

SCHEMA_VERSION = "5"  # change when the schema changes, so old indexes are rebuilt


def _documents(library):
    """One document per page and per translation, with a version that changes with its words."""
    for page in library.pages.values():
        versions = [("en", page.name, page.description, page.text)] + [
            (lang, words.name, words.description, words.text)
            for lang, words in library.translations.get(page.slug, {}).items()]
        for lang, title, summary, body in versions:
            needs = ",".join(page.needs)
            version = hashlib.sha256("\0".join([title, summary, body, needs]).encode()).hexdigest()
            yield {"key": f"{page.slug}:{lang}", "version": version, "slug": page.slug, "lang": lang,
                   "title": title, "summary": summary, "body": body, "needs": needs,
                   f"words_{lang}": " ".join([title, summary, body])}


def _schema() -> Schema:
    analyzer = StemmingAnalyzer()
    return Schema(
        key=ID(unique=True, stored=True),  # slug:lang
        version=ID(stored=True),       # a hash of what was indexed: only a changed page is written again
        slug=ID(stored=True),
        lang=ID(stored=True),          # en, or the language of a page's translation
        title=TEXT(stored=True, analyzer=analyzer, field_boost=3.0),
        summary=TEXT(stored=True, analyzer=analyzer, field_boost=2.0),
        body=TEXT(stored=True, analyzer=analyzer),
        needs=KEYWORD(commas=True),
        # Every word as written (not stemmed), one dictionary per language for "did you
        # mean": an English word is never corrected to a Polish one ("blue badge", "lub age").
        **{f"words_{code}": TEXT(analyzer=StandardAnalyzer(minsize=3), spelling=True) for code in CODES},
    )


def write_index(building: pathlib.Path, library, start_from: pathlib.Path | None) -> None:
    """Write into the empty folder `building` an index of `library`: a copy of the index in
    `start_from` (when it is one of this schema) with only the pages whose words changed
    written again, so an editor's save re-indexes one page; otherwise every page."""
    if start_from is not None and start_from.name.startswith(f"v{SCHEMA_VERSION}-") and start_from.is_dir():
        shutil.copytree(start_from, building, dirs_exist_ok=True)
        ix = index.open_dir(str(building))
    else:
        ix = index.create_in(str(building), _schema())
    with ix.searcher() as searcher:
        indexed = {fields["key"]: fields["version"] for fields in searcher.all_stored_fields()}
    documents = {doc["key"]: doc for doc in _documents(library)}
    with ix.writer() as writer:
        for key in indexed.keys() - documents.keys():
            writer.delete_by_term("key", key)
        for key, doc in documents.items():
            if indexed.get(key) != doc["version"]:
                writer.update_document(**doc)
