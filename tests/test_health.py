"""/healthz tells a monitor the truth: the database must take a write and give it back, and a
database file deleted under the running app is noticed, made again and reported, never left
silently swallowing saves."""

from __future__ import annotations

import sqlite3

from tests.conftest import make_app
from tests.factories import EHC_JOURNEY as ANSWERS


def _database_file(app):
    return app.extensions["navigator.site"].database.file


def test_healthz_is_ok_and_leaves_nothing_behind(tmp_path):
    app = make_app(tmp_path)
    client = app.test_client()
    response = client.get("/healthz")
    assert response.status_code == 200 and response.data == b"ok"
    with sqlite3.connect(_database_file(app)) as connection:
        assert connection.execute("SELECT COUNT(*) FROM attempts WHERE kind = 'healthz'").fetchone() == (0,)


def test_a_database_that_cannot_be_written_is_unhealthy(tmp_path):
    app = make_app(tmp_path)
    client = app.test_client()
    assert client.get("/healthz").status_code == 200
    with sqlite3.connect(_database_file(app)) as connection:  # writes now fail, reads still work
        connection.execute("ALTER TABLE attempts RENAME TO attempts_gone")
        connection.execute("CREATE VIEW attempts AS SELECT * FROM attempts_gone")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.data.startswith(b"unavailable: database")


def test_a_deleted_database_is_made_again_reported_and_later_saves_survive_a_restart(tmp_path):
    app = make_app(tmp_path)
    client = app.test_client()
    before = client.post("/api/v1/journeys", json={"answers": ANSWERS}).get_json()["code"]
    database_file = _database_file(app)
    for leftover in database_file.parent.glob(database_file.name + "*"):
        leftover.unlink()  # the file and its WAL, as `rm` or a lost volume would

    after = client.post("/api/v1/journeys", json={"answers": ANSWERS})
    assert after.status_code == 201
    health = client.get("/healthz")
    assert health.status_code == 503
    assert b"disappeared or was replaced" in health.data

    restarted = make_app(tmp_path).test_client()
    assert restarted.get(f"/api/v1/journeys/{after.get_json()['code']}").status_code == 200
    assert restarted.get(f"/api/v1/journeys/{before}").status_code == 404  # gone with the file, and said so
    assert restarted.get("/healthz").status_code == 200
