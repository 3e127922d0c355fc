"""One engine per app, the schema migrated to the newest version on start.

A SQLite file deleted or replaced under a running app would go on taking writes through the
connections already open, into a file no one can see, lost at the next restart. So the file's
identity is checked (one stat a request): when it changes, the connections are dropped, the
schema is made again in the new file, and the instance reports itself unhealthy until it is
restarted, so someone looks at what was lost.
"""

from __future__ import annotations

import datetime
import logging
import os
import pathlib
import secrets

import filelock
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, make_url, text
from sqlalchemy.orm import sessionmaker

MIGRATIONS = pathlib.Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


class Database:
    def __init__(self, url: str):
        self.url = url
        options = {"pool_pre_ping": True}
        if url.startswith("sqlite"):
            options["connect_args"] = {"timeout": 30}  # wait for another process's write lock
        self.engine = create_engine(url, **options)
        if url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.session = sessionmaker(self.engine, expire_on_commit=False)
        self.file = _sqlite_file(url)
        self._identity = None
        self._lock_path = None
        self.lost_at: datetime.datetime | None = None  # when the file was found gone or replaced

    def migrate(self, lock_path: pathlib.Path) -> None:
        """Bring the schema up to date; processes starting together take turns.

        The file lock serialises processes on one machine; on PostgreSQL the migration also
        takes an advisory lock (see migrations/env.py), which covers several machines.
        """
        with filelock.FileLock(str(lock_path), timeout=120):
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            with self.engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        self._lock_path = lock_path
        self._identity = _identity(self.file)

    def notice_lost_file(self) -> bool:
        """True (once) when the SQLite file has gone or been replaced since it was opened:
        then the old connections are dropped and the schema made again, so saves from now on
        reach a file that exists."""
        if self.file is None or self._lock_path is None or _identity(self.file) == self._identity:
            return False
        log.error("database: %s disappeared or was replaced while the app ran; making a new one. "
                  "Anything saved before now is not in it.", self.file)
        self.lost_at = datetime.datetime.now(datetime.timezone.utc)
        self.engine.dispose()
        self.migrate(self._lock_path)
        return True

    def ping(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT 1")).scalar() == 1

    def check_write_and_read(self) -> None:
        """Write a row and read it back, then undo it; raises if the database cannot do both
        (read-only, locked, gone). Leaves nothing behind."""
        key = "healthz-" + secrets.token_hex(8)
        with self.engine.connect() as connection, connection.begin() as transaction:
            connection.execute(text("INSERT INTO attempts (kind, key, at) VALUES ('healthz', :key, :at)"),
                               {"key": key, "at": datetime.datetime.now(datetime.timezone.utc).isoformat()})
            found = connection.execute(text("SELECT COUNT(*) FROM attempts WHERE key = :key"), {"key": key}).scalar()
            transaction.rollback()
        if found != 1:
            raise RuntimeError("a row written was not read back")


def _sqlite_file(url: str) -> pathlib.Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return pathlib.Path(parsed.database).resolve()


def _identity(file: pathlib.Path | None):
    if file is None:
        return None
    try:
        found = os.stat(file)
    except OSError:
        return "missing"
    return found.st_dev, found.st_ino


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
