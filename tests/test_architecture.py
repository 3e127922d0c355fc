"""The cores stay pure: the flow engine, the rules and the content model import neither
Flask, SQLAlchemy nor Whoosh, so they can be tested and reused on their own."""

import pathlib
import re
import subprocess
import sys

CORES = ["navigator.flow", "navigator.flow.rules", "navigator.content", "navigator.interpret",
         "navigator.interpret.checks", "navigator.checks", "navigator.problems", "navigator.deadlines",
         "navigator.summary"]
FRAMEWORKS = ["flask", "sqlalchemy", "whoosh", "werkzeug", "jinja2"]


def test_the_cores_import_no_framework():
    program = (
        "import sys\n"
        + "".join(f"import {core}\n" for core in CORES)
        + f"print(sorted(m for m in {FRAMEWORKS!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]", f"a core imported: {result.stdout}"


def test_the_list_of_languages_lives_in_one_module():
    """Adding a language is one line in navigator/languages.py: no other module lists the codes."""
    import pathlib
    import re

    package = pathlib.Path(__file__).resolve().parent.parent / "navigator"
    listing = re.compile(r"""["'](?:en|ur|pl|ar)["']\s*[,:]\s*["'](?:English|ur|pl|ar|اردو|Polski|العربية)["']""")
    found = [str(path.relative_to(package)) for path in package.rglob("*.py")
             if path.name != "languages.py" and listing.search(path.read_text(encoding="utf-8"))]
    assert found == []
    from navigator import languages
    assert languages.CODES[0] == languages.SOURCE.code and set(languages.TRANSLATED) < set(languages.CODES)
    assert all(language.direction in ("ltr", "rtl") for language in languages.LANGUAGES)


ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent
LINT_IMPORTS = ROOT / ".venv" / "bin" / "lint-imports"


def _lint_imports(folder, extra_env=None):
    import os
    command = [str(LINT_IMPORTS)] if LINT_IMPORTS.exists() else [sys.executable, "-m", "importlinter.cli"]
    env = {**os.environ, "PYTHONPATH": str(folder), **(extra_env or {})}
    return subprocess.run(command + ["--no-cache"], cwd=folder, capture_output=True, text=True, env=env)


def test_the_import_contracts_hold():
    """pyproject.toml's contracts: web over site over edges over cores, pure cores, and
    blueprints that never import one another."""
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "4 kept, 0 broken" in result.stdout


def test_a_blueprint_importing_another_breaks_the_contract(tmp_path):
    """The contract can fail: a scratch copy where one blueprint imports another is refused,
    and so is a core that imports Flask."""
    import shutil
    shutil.copytree(ROOT / "navigator", tmp_path / "navigator", ignore=shutil.ignore_patterns("__pycache__", "static"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    pages = tmp_path / "navigator" / "web" / "pages.py"
    pages.write_text(pages.read_text(encoding="utf-8") + "\nfrom navigator.web import saved  # noqa\n", encoding="utf-8")
    engine = tmp_path / "navigator" / "flow" / "engine.py"
    engine.write_text(engine.read_text(encoding="utf-8") + "\nimport flask  # noqa\n", encoding="utf-8")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "Blueprints are independent" in result.stdout and "navigator.web.pages -> navigator.web.saved" in result.stdout
    assert "The cores are pure" in result.stdout and "navigator.flow.engine -> flask" in result.stdout
def _python_files():
    return [p for p in (ROOT / "navigator").rglob("*.py") if "migrations" not in p.parts]


def test_no_module_is_over_300_lines():
    long = {str(p.relative_to(ROOT)): n for p in _python_files()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert long == {}, f"split these by what they do: {long}"


def test_no_view_function_is_over_40_lines():
    """Views parse the request, call the journey service or a core, and render."""
    import ast
    long = []
    for path in (ROOT / "navigator" / "web").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            is_view = isinstance(node, ast.FunctionDef) and any(
                isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute) and d.func.attr in ("get", "post", "route")
                for d in node.decorator_list)
            if is_view and node.end_lineno - node.lineno + 1 > 40:
                long.append(f"{path.name}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []


def test_no_test_module_imports_another():
    """Shared answers, rules and helpers live in tests/conftest.py and tests/factories.py:
    importing a test module runs its tests' setup twice and ties unrelated files together."""
    root = pathlib.Path(__file__).resolve().parent
    importing = sorted(str(path.relative_to(root)) for path in root.rglob("*.py")
                       if re.search(r"^\s*(from|import) tests\.(browser\.)?test_", path.read_text(encoding="utf-8"), re.M))
    assert importing == []


def test_form_controls_come_from_govuk_frontend_jinja():
    """Inputs, selects and textareas are the library's macros (one markup for labels, hints
    and errors everywhere); only hidden fields are written by hand."""
    hand_written = []
    for path in sorted((ROOT / "navigator" / "templates").glob("*.html")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for control in re.findall(r"<(input|select|textarea)\b[^>]*", line):
                if control != "input" or 'type="hidden"' not in line:
                    hand_written.append(f"{path.name}:{number} <{control}>")
    assert hand_written == [], hand_written
