"""One engine per app, the schema migrated to the newest version on start."""

from __future__ import annotations

import pathlib

import filelock
from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.orm import sessionmaker

MIGRATIONS = pathlib.Path(__file__).resolve().parent / "migrations"


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

    def ping(self) -> bool:
        with self.engine.connect() as connection:
            return connection.execute(text("SELECT 1")).scalar() == 1


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never wait for a writer
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
