"""The cores stay pure: the flow engine, the rules and the content model import neither
Flask, SQLAlchemy nor Whoosh, so they can be tested and reused on their own."""

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
