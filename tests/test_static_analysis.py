"""The code stays clean and the dependencies stay locked: ruff finds nothing in the repository,
bandit finds no medium or high risk in navigator/ that is not explained on its line, every
dependency is pinned exactly in requirements.lock, what is installed is what was locked, and
`make audit` tells a found vulnerability, a clean audit and an audit that could not run apart."""

from __future__ import annotations

import importlib.metadata
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from navigator.config import PROJECT_ROOT

ROOT = pathlib.Path(PROJECT_ROOT)
BIN = pathlib.Path(sys.executable).parent
LOCK = ROOT / "requirements.lock"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# The extras the lock is compiled with (`make lock`).
LOCKED_EXTRAS = ("test", "dev")


def tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in {BIN}: run `make install` (it is pinned in requirements.lock)")
    return str(path)


def run(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120, **kwargs)


def locked() -> dict[str, str]:
    """The lock's pins, by canonical name; fails on any line that is not `name==version`."""
    pins: dict[str, str] = {}
    for number, line in enumerate(LOCK.read_text(encoding="utf-8").splitlines(), 1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([A-Za-z0-9.+!_-]+)", text)
        assert match, f"requirements.lock:{number} is not pinned exactly as name==version: {line!r}"
        name = canonicalize_name(match[1])
        assert name not in pins, f"requirements.lock:{number} pins {name} a second time"
        pins[name] = match[2]
    return pins


def declared() -> list[Requirement]:
    project = PYPROJECT["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(text) for text in
            [*project["dependencies"], *(text for extra in LOCKED_EXTRAS for text in extras.get(extra, []))]]


def test_ruff_finds_nothing_in_the_repository():
    result = run(tool("ruff"), "check", ".", "--output-format", "concise", "--no-cache")
    assert result.returncode == 0, f"ruff check . found problems:\n{result.stdout}{result.stderr}"
    assert "All checks passed" in result.stdout


def test_bandit_finds_no_medium_or_high_risk_in_the_package():
    result = run(tool("bandit"), "-c", "pyproject.toml", "-r", "navigator", "--severity-level", "medium", "-q",
                 "-f", "custom", "--msg-template", "{relpath}:{line}: {test_id} [{severity}/{confidence}] {msg}")
    assert result.returncode == 0, f"bandit found medium or high risks:\n{result.stdout}\n{result.stderr}"
    assert not re.search(r":\d+: B\d{3} ", result.stdout), result.stdout


def test_every_silenced_bandit_finding_names_its_check_and_says_why():
    """A `# nosec` must name the check it silences (a bare one silences everything on the line)
    and give a reason, on its line or in the comment just above."""
    silenced = []
    for path in sorted((ROOT / "navigator").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            if not re.search(r"#\s*nosec\b", line):
                continue
            where = f"{path.relative_to(ROOT)}:{index + 1}"
            silenced.append(where)
            assert re.search(r"#\s*nosec:?\s+B\d{3}\b", line), f"{where}: a nosec must name its check: {line.strip()}"
            reason_here = re.sub(r".*#\s*nosec:?\s+B\d{3}(?:[ ,]+B\d{3})*", "", line).strip(" :#-")
            above = lines[index - 1].strip() if index else ""
            assert len(reason_here.split()) >= 3 or (above.startswith("#") and len(above.split()) >= 4), \
                f"{where}: a nosec needs its reason beside it or in the comment above: {line.strip()}"
    assert len(silenced) < 10, f"so many silenced findings ({silenced}) want a second look"


def test_every_package_in_the_lock_is_pinned_exactly():
    pins = locked()
    # The navigator's own dependencies and their dependencies: far more than the direct ones.
    assert len(pins) > len(declared()), "requirements.lock holds the whole resolved tree, not only direct dependencies"
    assert "navigator" not in pins, "the navigator itself is installed with `pip install --no-deps -e .`, not from the lock"
    options = [line for line in LOCK.read_text(encoding="utf-8").splitlines() if line.startswith("-")]
    assert not options, f"the lock names no index, link or editable install of its own: {options}"


def test_every_declared_dependency_is_locked_at_a_version_it_allows():
    pins = locked()
    missing = [str(req) for req in declared() if canonicalize_name(req.name) not in pins]
    assert not missing, f"in pyproject.toml but not in requirements.lock (run `make lock`): {missing}"
    outside = [f"{req} (locked {pins[canonicalize_name(req.name)]})" for req in declared()
               if not req.specifier.contains(pins[canonicalize_name(req.name)], prereleases=True)]
    assert not outside, f"requirements.lock pins versions pyproject.toml no longer allows (run `make lock`): {outside}"


def test_what_is_installed_is_what_was_locked():
    """CI runs what was locked: a version installed by hand or a stale lock shows here."""
    differ = []
    for name, version in sorted(locked().items()):
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != version:
            differ.append(f"{name}: locked {version}, installed {installed}")
    assert not differ, "installed packages differ from requirements.lock (run `make install`):\n" + "\n".join(differ)


# `make audit` against a stand-in pip-audit, so each outcome can be shown without a network.
VULNERABLE = """Found 1 known vulnerability in 1 package
Name  Version ID             Fix Versions
----- ------- -------------- ------------
flask 3.1.3   GHSA-xxxx-xxxx 3.1.4
"""
UNREACHABLE = """Traceback (most recent call last):
requests.exceptions.ConnectionError: HTTPSConnectionPool(host='pypi.org', port=443): Max retries exceeded
 (Caused by NameResolutionError("Failed to resolve 'pypi.org' ([Errno -2] Name or service not known)"))
"""
SKIPPED = """No known vulnerabilities found
Name   Skip Reason
------ --------------------------------------------------------------------
alembic Dependency not found on PyPI and could not be audited: alembic (1.20.1)
flask  Dependency not found on PyPI and could not be audited: flask (3.1.3)
"""
CLEAN = "No known vulnerabilities found\n"


@pytest.fixture(scope="module")
def audit_with(tmp_path_factory):
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    stand_in = tmp_path_factory.mktemp("bin")
    script = stand_in / "pip-audit"
    script.write_text('#!/bin/sh\necho "$@" > "$STUB_DIR/args"\ncat "$STUB_DIR/output"\nexit "$STUB_RC"\n')
    script.chmod(0o755)

    def audit(output: str, rc: int) -> subprocess.CompletedProcess:
        (stand_in / "output").write_text(output)
        # -o: never (re)install here; only the audit recipe runs, with BIN pointing at the stand-in.
        return run("make", "-s", "-o", ".venv/.installed", "audit", f"BIN={stand_in}",
                   env={**os.environ, "STUB_DIR": str(stand_in), "STUB_RC": str(rc)})

    audit.args = lambda: (stand_in / "args").read_text().split()
    return audit


def test_make_audit_fails_on_a_found_vulnerability(audit_with):
    result = audit_with(VULNERABLE, 1)
    assert result.returncode != 0, result.stdout + result.stderr
    assert "GHSA-xxxx-xxxx" in result.stdout and "could not check" not in result.stdout
    assert audit_with.args()[-2:] == ["-r", "requirements.lock"], "the audit checks the lock, not the environment"


def test_make_audit_fails_on_a_vulnerability_even_when_other_packages_were_skipped(audit_with):
    result = audit_with(VULNERABLE + SKIPPED.split("\n", 1)[1], 1)
    assert result.returncode != 0 and "could not check" not in result.stdout, result.stdout


@pytest.mark.parametrize("output, rc", [(UNREACHABLE, 1), (SKIPPED, 0)], ids=["no-connection", "no-data-from-pypi"])
def test_make_audit_says_plainly_when_it_could_not_check(audit_with, output, rc):
    result = audit_with(output, rc)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^could not check: .+", result.stdout, re.MULTILINE), result.stdout


def test_make_audit_passes_a_clean_lock_and_fails_on_any_other_error(audit_with):
    clean = audit_with(CLEAN, 0)
    assert clean.returncode == 0 and "could not check" not in clean.stdout, clean.stdout
    broken = audit_with("ERROR: invalid requirement: 'flask=='\n", 1)
    assert broken.returncode != 0 and "could not check" not in broken.stdout, broken.stdout


def test_make_help_lists_the_lock_lint_and_audit_targets():
    result = run("make", "-s", "help")
    for target in ("lock", "lint", "audit"):
        assert re.search(rf"make {target}\s+\S", result.stdout), f"`make help` does not describe {target}:\n{result.stdout}"
