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
