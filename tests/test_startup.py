"""The app creates what it needs on first start, and several processes starting at once
share one secret key, one migrated database and one complete search index."""

import os
import pathlib
import sqlite3
import subprocess
import sys

from navigator.config import PROJECT_ROOT

START = """
import sys
from navigator import create_app
app = create_app()
client = app.test_client()
assert client.get('/healthz').data == b'ok', client.get('/healthz').data
hits = client.get('/api/v1/search?q=tribunal').get_json()['total']
print(app.secret_key, hits)
"""


def start_processes(instance: pathlib.Path, count: int) -> list[str]:
    env = {**os.environ, "NAVIGATOR_INSTANCE_PATH": str(instance)}
    env.pop("NAVIGATOR_SECRET_KEY", None)
    env.pop("DATABASE_URL", None)
    processes = [subprocess.Popen([sys.executable, "-c", START], cwd=PROJECT_ROOT, env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(count)]
    outputs = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        outputs.append(out.strip())
    return outputs


def test_several_processes_starting_at_once_share_one_database_index_and_key(tmp_path):
    instance = tmp_path / "instance"
    outputs = start_processes(instance, 4)
    keys = {line.split()[0] for line in outputs}
    hits = {int(line.split()[1]) for line in outputs}
    assert len(keys) == 1, "every process must read the same secret key"
    assert len(hits) == 1 and hits.pop() >= 1
    assert (instance / "secret_key").stat().st_mode & 0o077 == 0, "the key is readable by its owner only"
    with sqlite3.connect(instance / "navigator.db") as database:
        assert database.execute("select version_num from alembic_version").fetchall() == [(_newest_migration(),)]
        assert database.execute("select count(*) from saved_journeys").fetchone() == (0,)
    current = (instance / "search" / "CURRENT").read_text()
    assert (instance / "search" / current).is_dir()
    assert not list((instance / "search").glob("building-*")), "no half-built index is left behind"


def test_a_second_start_reuses_the_key_and_the_index(tmp_path):
    instance = tmp_path / "instance"
    first = start_processes(instance, 1)[0].split()[0]
    current = (instance / "search" / "CURRENT").read_text()
    built = (instance / "search" / current).stat().st_mtime
    assert start_processes(instance, 1)[0].split()[0] == first
    assert (instance / "search" / current).stat().st_mtime == built


def _newest_migration() -> str:
    from alembic.script import ScriptDirectory

    from navigator.store.database import MIGRATIONS
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()
