"""Load every page in the content folder: valid pages are kept, broken ones reported and skipped."""

from __future__ import annotations

import datetime
import hashlib
import pathlib
import re

from navigator.content import frontmatter, schema
from navigator.content.model import Contact, Library, Page, Source, Translation
from navigator.content.render import render_markdown
from navigator.languages import TRANSLATED
from navigator.problems import Problem, ProblemError, schema_problems

MAX_PAGE_BYTES = 512 * 1024
_LEVEL_ONE_HEADING = re.compile(r"^#(?!#)\s", re.MULTILINE)


def load_page(slug: str, text: str, file: str) -> Page:
    """Parse, validate and render one page; raise ProblemError listing everything wrong."""
    meta, body, body_line = frontmatter.split(text, file)
    problems = schema_problems(meta, schema.PAGE, file)
    problems += _consistency_problems(meta, body, body_line, file)
    if problems:
        raise ProblemError(problems)
    return Page(
        slug=slug,
        name=meta["name"].strip(),
        description=meta["description"].strip(),
        body=body,
        html=render_markdown(body),
        needs=tuple(meta["needs"]),
        assured_date=datetime.date.fromisoformat(meta["assured_date"]),
        review_by=datetime.date.fromisoformat(meta["review_by"]),
        contacts=tuple(Contact(page_slug=slug, **c) for c in meta.get("contacts", [])),
        sources=tuple(Source(**s) for s in meta["sources"]),
        status=meta.get("status", "active"),
        url=meta.get("url"),
        email=meta.get("email"),
        minimum_age=meta.get("minimum_age"),
        maximum_age=meta.get("maximum_age"),
        sensitive=meta.get("sensitive", False),
    )


def _consistency_problems(meta: dict, body: str, body_line: int, file: str) -> list[Problem]:
    problems = []
    low, high = meta.get("minimum_age"), meta.get("maximum_age")
    if isinstance(low, int) and isinstance(high, int) and low > high:
        problems.append(Problem(file, "minimum_age is more than maximum_age", field="minimum_age"))
    heading = _LEVEL_ONE_HEADING.search(body)
    if heading:
        line = body_line + body.count("\n", 0, heading.start())
        problems.append(Problem(file, "the page name is its only main heading: start section "
                                      "headings with ## instead of #", line=line))
    if not body.strip():
        problems.append(Problem(file, "the page has no text below its details", line=body_line))
    for match in _UNSAFE.finditer(body):
        line = body_line + body.count("\n", 0, match.start())
        problems.append(Problem(file, f"'{match.group(0).strip()}' is not allowed: pages cannot run scripts, "
                                      "embed other sites or style themselves. Remove it; use markdown "
                                      "for headings, lists and links", field="body", line=line))
    return problems


# Script, embedded content, styles, event handlers and javascript: links. The sanitiser
# removes them anyway; refusing them tells the editor, rather than silently dropping text.
_UNSAFE = re.compile(r"<\s*/?\s*(?:script|style|iframe|object|embed|form|input|svg|math)\b[^>]*>?"
                     r"|\son[a-z]+\s*=|javascript\s*:", re.IGNORECASE)


def is_translation(file_name: str) -> bool:
    parts = file_name.split(".")
    return len(parts) == 3 and parts[1] in TRANSLATED and parts[2] == "md"


_PAGE_LINK = re.compile(r'href="/pages/([^"#?/]+)')


def load_library(folder: pathlib.Path, today: datetime.date | None = None) -> Library:
    """Every page in `folder`. Broken pages are skipped with their problems; valid pages can
    still carry warnings (a review date passed) and link problems (a link to no page)."""
    folder = pathlib.Path(folder)
    today = today or datetime.date.today()
    pages: dict[str, Page] = {}
    problems: list[Problem] = []
    digest = hashlib.sha256()
    # slug.ur.md and the like are a page's translations, not pages of their own.
    files = sorted(p for p in folder.glob("*.md") if not is_translation(p.name)) if folder.is_dir() else []
    if not folder.is_dir():
        problems.append(Problem(str(folder), "the content folder does not exist"))
    declared: set[str] = set()
    versions: dict[str, str] = {}
    for path in files:
        data = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        versions[path.stem] = hashlib.sha256(data).hexdigest()
        try:
            pages[path.stem] = _read(path, data)
        except ProblemError as error:
            problems.extend(error.problems)
            declared |= _legible_contact_ids(data)
    translations: dict[str, dict[str, Translation]] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        if not is_translation(path.name):
            continue
        data = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + data + b"\0")
        slug, lang, _md = path.name.split(".")
        try:
            translation = _read_translation(path, data, lang, versions.get(slug))
        except ProblemError as error:
            problems.extend(error.problems)
            continue
        problems += _unknown_contacts(path.name, translation, pages.get(slug))
        translations.setdefault(slug, {})[lang] = translation
    contact_owners: dict[str, str] = {}
    for page in pages.values():
        for contact in page.contacts:
            if contact.id in contact_owners:
                problems.append(Problem(f"{page.slug}.md", f"contact id '{contact.id}' is also used "
                                        f"in {contact_owners[contact.id]}.md: give each contact its own id",
                                        field="contacts"))
            contact_owners.setdefault(contact.id, page.slug)
    declared |= set(contact_owners)
    page_files = frozenset(p.stem for p in files)
    for page in pages.values():
        problems += _page_warnings(page, today, page_files)
    return Library(pages=pages, problems=tuple(problems), fingerprint=digest.hexdigest(),
                   page_files=page_files, declared_contact_ids=frozenset(declared),
                   translations=translations, versions=versions)


def _page_warnings(page: Page, today: datetime.date, page_files: frozenset[str]) -> list[Problem]:
    file = f"{page.slug}.md"
    problems = []
    if page.review_by < today:
        problems.append(Problem(file, f"the review date {page.review_by.isoformat()} has passed: "
                                      "check the page and set a new review_by", field="review_by", warning=True))
    for target in broken_links(page.html, page_files):
        problems.append(Problem(file, f"links to /pages/{target}, but there is no page '{target}'", field="body"))
    return problems


def page_links(html: str) -> set[str]:
    """The slugs of the /pages/ links in `html`."""
    return set(_PAGE_LINK.findall(html))


def broken_links(html: str, page_files) -> list[str]:
    """The slugs of /pages/ links in `html` that name no page file."""
    return sorted(page_links(html) - set(page_files))


def _legible_contact_ids(data: bytes) -> set[str]:
    """Contact ids a broken page still declares clearly, so rules naming them stay valid."""
    try:
        meta, _, _ = frontmatter.split(data.decode("utf-8"), "")
    except (ProblemError, UnicodeDecodeError):
        return set()
    contacts = meta.get("contacts")
    return {c["id"] for c in contacts if isinstance(c, dict) and isinstance(c.get("id"), str)} \
        if isinstance(contacts, list) else set()


def load_translation(file_name: str, text: str, english: Page | None, english_version: str | None) -> Translation:
    """Check one translation file (as the editor saves it); ProblemError lists what is wrong."""
    lang = file_name.split(".")[1]
    translation = _read_translation(pathlib.Path(file_name), text.encode("utf-8"), lang, english_version)
    problems = _unknown_contacts(file_name, translation, english)
    if problems:
        raise ProblemError(problems)
    return translation


def _unknown_contacts(file_name: str, translation: Translation, english: Page | None) -> list[Problem]:
    known = {c.id for c in english.contacts} if english else set()
    slug = file_name.split(".")[0]
    return [Problem(file_name, f"there is no contact '{contact_id}' on {slug}.md to translate", field=f"contacts.{contact_id}")
            for contact_id in sorted(set(translation.contacts) - known)]


def _read_translation(path: pathlib.Path, data: bytes, lang: str, english_version: str | None) -> Translation:
    file = path.name
    if english_version is None:
        raise ProblemError([Problem(file, f"there is no English page {path.name.split('.')[0]}.md for "
                                          "this to be a translation of")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise ProblemError([Problem(file, "the file is not saved as UTF-8 text; save it again as UTF-8")]) from None
    meta, body, body_line = frontmatter.split(text, file)
    problems = schema_problems(meta, schema.TRANSLATION, file)
    problems += [p for p in _consistency_problems({}, body, body_line, file)]
    if problems:
        raise ProblemError(problems)
    return Translation(lang=lang, name=meta["name"].strip(), description=meta["description"].strip(),
                       html=render_markdown(body), made_from=meta["translation_of"],
                       current=english_version.startswith(meta["translation_of"]),
                       contacts=meta.get("contacts") or {})


def _read(path: pathlib.Path, data: bytes) -> Page:
    file = path.name
    if not re.fullmatch(schema.SLUG, path.stem):
        raise ProblemError([Problem(file, "the file name should be lower case words joined by "
                                          "dashes, ending .md, such as parent-carer-forum.md")])
    if len(data) > MAX_PAGE_BYTES:
        raise ProblemError([Problem(file, f"the page is too large ({len(data) // 1024} KB); "
                                          f"keep pages under {MAX_PAGE_BYTES // 1024} KB")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise ProblemError([Problem(file, "the file is not saved as UTF-8 text; save it again "
                                          "as UTF-8", line=line)]) from None
    return load_page(path.stem, text, file)
