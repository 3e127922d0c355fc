"""Page files on disk, changed safely: atomic writes, and no change over someone else's.

Every change names the version (sha256 of the file's bytes) the editor started from; under
a lock in the content folder, a file that has changed since is refused with a Conflict
carrying what is there now. Writes go to a temporary file in the same folder, flushed and
synced, then renamed over the page, so a page file is always either the old text or the
new, never half of each, even if the disk fills or the power goes.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import os
import pathlib
import re
import tempfile

import filelock

from navigator import languages
from navigator.content import schema

LOCK_NAME = ".navigator-edit.lock"
_rename = os.replace  # the one step that makes a save visible (tests make it fail)


@dataclasses.dataclass(frozen=True)
class PageFile:
    slug: str
    text: str
    version: str


class Conflict(Exception):
    """The file is not what the editor started from. `current` is what is there now (None:
    there is no such file)."""

    def __init__(self, current: PageFile | None):
        super().__init__("the page changed since it was opened")
        self.current = current


class SaveError(Exception):
    """The disk would not take the change; `reason` is disk_full, read_only, busy or failed."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


def version_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# sendiass.ur: a page's translation, in any translated language of navigator/languages.py
TRANSLATED = re.compile(rf"^([a-z0-9]+(?:-[a-z0-9]+)*)\.({'|'.join(map(re.escape, languages.TRANSLATED))})$")


def valid_slug(slug: str) -> bool:
    """A page's name (sendiass), or its translation's (sendiass.ur)."""
    return (bool(re.fullmatch(schema.SLUG, slug or "")) or bool(TRANSLATED.match(slug or ""))) and len(slug) <= 80


def translation_of(slug: str) -> tuple[str, str] | None:
    """(English page, language) for a translation's name, or None for a page's own."""
    found = TRANSLATED.match(slug or "")
    return (found.group(1), found.group(2)) if found else None


def path_of(folder: pathlib.Path, slug: str) -> pathlib.Path:
    if not valid_slug(slug):
        raise ValueError(f"not a page name: {slug!r}")
    return pathlib.Path(folder) / f"{slug}.md"


def read(folder: pathlib.Path, slug: str) -> PageFile | None:
    try:
        data = path_of(folder, slug).read_bytes()
    except FileNotFoundError:
        return None
    text = data.decode("utf-8", errors="replace")
    return PageFile(slug=slug, text=text, version=hashlib.sha256(data).hexdigest())


class Pages:
    """Changes to the page files of one content folder."""

    def __init__(self, folder: pathlib.Path):
        self.folder = pathlib.Path(folder)

    @contextlib.contextmanager
    def _changing(self):
        """Hold the folder's lock; a disk that refuses becomes a SaveError saying why."""
        try:
            with filelock.FileLock(str(self.folder / LOCK_NAME), timeout=30):
                yield
        except filelock.Timeout:
            raise SaveError("busy", "another save held the lock for 30 seconds") from None
        except OSError as error:
            raise _save_error(error) from None

    def _guarded(self, slug: str, expected: str | None) -> PageFile | None:
        current = read(self.folder, slug)
        if (current is None) != (expected is None) or (current and current.version != expected):
            raise Conflict(current)
        return current

    def save(self, slug: str, text: str, expected: str | None) -> PageFile:
        """Write `text` as the page; `expected` None means the page must not exist yet."""
        with self._changing():
            self._guarded(slug, expected)
            _atomic_write(path_of(self.folder, slug), text)
        return PageFile(slug=slug, text=text, version=version_of(text))

    def delete(self, slug: str, expected: str) -> PageFile:
        with self._changing():
            current = self._guarded(slug, expected)
            os.remove(path_of(self.folder, slug))
            _sync_folder(self.folder)
        return current

    def rename(self, slug: str, new_slug: str, expected: str) -> PageFile:
        """Move a page to a new name (which must be free); returns the moved file."""
        with self._changing():
            current = self._guarded(slug, expected)
            self._guarded(new_slug, None)
            _atomic_write(path_of(self.folder, new_slug), current.text)
            os.remove(path_of(self.folder, slug))
            _sync_folder(self.folder)
        return PageFile(slug=new_slug, text=current.text, version=current.version)


def _atomic_write(path: pathlib.Path, text: str) -> None:
    data = text.encode("utf-8")
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        _rename(temporary, path)
    except BaseException:
        try:
            os.remove(temporary)
        except FileNotFoundError:
            pass
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: pathlib.Path) -> None:
    """Make the rename itself durable (the folder's entry), where the system allows it."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _save_error(error: OSError) -> SaveError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return SaveError("disk_full", str(error))
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return SaveError("read_only", str(error))
    return SaveError("failed", str(error))
