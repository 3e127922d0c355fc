"""A page file as the fields of the editor's form, and back again.

Pure: the form shows the front matter as fields (contacts and sources as repeating groups)
and the markdown body as text; saving turns the fields back into the same file format,
fields in a fixed order, empty optional fields left out. Validation is the content model's
own (load_page), so the editor is told exactly what `navigator check` would say, and each
problem's field is mapped to the form field it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import yaml

from navigator.content import frontmatter
from navigator.problems import ProblemError

ORDER = ["name", "description", "status", "url", "email", "minimum_age", "maximum_age", "needs",
         "assured_date", "review_by", "sensitive", "contacts", "sources"]
CONTACT_FIELDS = ["id", "name", "phone", "text", "email", "url", "hours", "verified", "source", "missing"]
SOURCE_FIELDS = ["title", "url", "as_of"]
SPARE_ROWS = 1  # empty contact and source rows for adding one more


def to_form(text: str) -> tuple[dict, str] | None:
    """(fields, body) for the form, or None when the front matter cannot be read (the editor
    then edits the whole file as text)."""
    try:
        meta, body, _line = frontmatter.split(text, "")
    except ProblemError:
        return None
    fields = {key: meta.get(key) for key in ORDER}
    fields["contacts"] = [c for c in meta.get("contacts") or [] if isinstance(c, dict)]
    fields["sources"] = [s for s in meta.get("sources") or [] if isinstance(s, dict)]
    fields["needs"] = [n for n in meta.get("needs") or [] if isinstance(n, str)]
    return fields, body.lstrip("\n")


def from_form(form: Mapping) -> str:
    """The page file for what the form sent (a werkzeug MultiDict or a plain dict)."""
    meta: dict = {}
    for key in ("name", "description", "status", "url", "email", "assured_date", "review_by"):
        value = (form.get(key) or "").strip()
        if value:
            meta[key] = value
    for key in ("minimum_age", "maximum_age"):
        value = (form.get(key) or "").strip()
        if value:
            meta[key] = int(value) if value.isdecimal() else value  # the schema explains "²" or a word (isdigit admits ², which int cannot read)
    needs = form.getlist("needs") if hasattr(form, "getlist") else form.get("needs", [])
    if needs:
        meta["needs"] = list(needs)
    if form.get("sensitive"):
        meta["sensitive"] = True
    contacts = _rows(form, "contacts", CONTACT_FIELDS)
    for contact in contacts:
        verified = contact.get("verified", "")
        contact["verified"] = False if verified in ("", "false", "no") else verified
    if contacts:
        meta["contacts"] = contacts
    sources = _rows(form, "sources", SOURCE_FIELDS)
    if sources:
        meta["sources"] = sources
    ordered = {key: meta[key] for key in ORDER if key in meta}
    body = (form.get("body") or "").replace("\r\n", "\n")
    front = yaml.safe_dump(ordered, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{front}---\n\n{body.strip()}\n"


def _rows(form: Mapping, group: str, names: list[str]) -> list[dict]:
    """contacts-0-name, contacts-0-phone, ... as a list of dicts; blank or removed rows dropped."""
    numbers = sorted({int(m.group(1)) for key in form.keys()
                      if (m := re.fullmatch(rf"{group}-(\d+)-\w+", key)) and int(m.group(1)) < 100})
    rows = []
    for number in numbers:
        if form.get(f"{group}-{number}-remove"):
            continue
        row = {name: (form.get(f"{group}-{number}-{name}") or "").strip() for name in names}
        row = {name: value for name, value in row.items() if value}
        if row:
            rows.append(row)
    return rows


def field_id(problem_field: str) -> str:
    """A problem's field (contacts[0].phone) as the form field's id (contacts-0-phone)."""
    if not problem_field:
        return "body"
    if problem_field.startswith("needs"):  # needs[2]: the checkboxes are one group
        return "needs"
    return re.sub(r"\[(\d+)\]\.?", r"-\1-", problem_field).replace(".", "-").rstrip("-")
