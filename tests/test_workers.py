"""Every worker sees an editor's save: gunicorn with 3 workers, a page saved through one
request, and the change found through search on every worker within 5 seconds."""

import concurrent.futures
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest

from tests.conftest import CONTENT_DIR, PROJECT_ROOT, seed_search_index

PASSWORD = "a long enough password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def gunicorn(tmp_path):
    shutil.copytree(CONTENT_DIR, tmp_path / "content")
    seed_search_index(tmp_path / "instance")  # the test is about a save, not the first build
    env = {**os.environ, "NAVIGATOR_INSTANCE_PATH": str(tmp_path / "instance"),
           "NAVIGATOR_CONTENT_DIR": str(tmp_path / "content"), "NAVIGATOR_SECRET_KEY": "workers-test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'navigator.db'}"}
    subprocess.run([sys.executable, "-m", "navigator.cli", "users", "create", "editor@trafford.example",
                    "--role", "editor"], input=PASSWORD + "\n", text=True, env=env, cwd=PROJECT_ROOT,
                   check=True, capture_output=True)
    port, log = free_port(), tmp_path / "access.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "3", "--bind", f"127.0.0.1:{port}",
         "--access-logfile", str(log), "--access-logformat", "%(p)s %(q)s", "wsgi:app"],
        env=env, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(base + "/healthz", timeout=2).read() == b"ok":
                break
        except OSError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("gunicorn did not start")
    yield base, log, tmp_path / "content"
    server.terminate()
    server.wait(timeout=20)


def test_a_save_is_found_by_search_on_every_worker_within_5_seconds(gunicorn):
    base, log, content = gunicorn
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def post(path, fields):
        return browser.open(base + path, data=urllib.parse.urlencode(fields).encode(), timeout=10)

    form = browser.open(base + "/sign-in", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    post("/sign-in", {"email": "editor@trafford.example", "password": PASSWORD, "csrf_token": token})
    edit = browser.open(base + "/editor/pages/careers-advice", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', edit).group(1)
    version = re.search(r'name="version" value="([^"]+)"', edit).group(1)
    text = (content / "careers-advice.md").read_text()
    changed = text.rstrip() + "\n\nAsk about the quokkaforest taster days.\n"
    saved = post("/editor/pages/careers-advice", {"csrf_token": token, "version": version, "mode": "raw", "text": changed})
    saved_at = time.monotonic()
    assert saved.geturl().endswith("saved=1")

    def search(number):
        body = urllib.request.urlopen(f"{base}/api/v1/search?q=quokkaforest&k={number}", timeout=10).read().decode()
        return number, time.monotonic() - saved_at, '"careers-advice"' in body

    answers = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=9) as pool:
        number = 0
        while time.monotonic() - saved_at < 6:
            answers += pool.map(search, range(number, number + 9))
            number += 9
    time.sleep(0.5)  # let the access log catch up
    worker_of = {int(q.split("k=")[1]): pid for pid, q in
                 (line.split(" ", 1) for line in log.read_text().splitlines() if "quokkaforest" in line)}
    first_found: dict[str, float] = {}
    for number, elapsed, found in sorted(answers, key=lambda a: a[1]):
        pid = worker_of[number]
        if found:
            first_found.setdefault(pid, elapsed)
        else:
            assert pid not in first_found, f"worker {pid} lost the change after finding it"
    assert len(set(worker_of.values())) == 3, "the requests should reach all three workers"
    assert set(first_found) == set(worker_of.values()), "every worker finds the change"
    print(f"seconds from save to first find, per worker: {first_found}")
    assert max(first_found.values()) < 5, first_found
