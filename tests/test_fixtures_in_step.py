"""Tests read only the repository: the public scenario sets and the facts are copied into
tests/fixtures/. When ../shared/ is beside the checkout (as in development and CI), the
copies must still match it, so a change there is noticed rather than silently missed."""

import pytest
import yaml

from navigator.config import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
FIXTURES = PROJECT_ROOT / "tests" / "fixtures"
COPIES = {"scenarios/public.yaml": "public_scenarios.yaml", "scenarios/search_public.yaml": "search_public.yaml",
          **{f"facts/{p.name}": f"facts/{p.name}" for p in sorted((FIXTURES / "facts").glob("*.md"))}}

@pytest.mark.parametrize("shared, copy", list(COPIES.items()), ids=list(COPIES))
def test_each_copied_fixture_still_matches_the_shared_original(shared, copy):
    original = SHARED / shared
    if not original.exists():
        pytest.skip(f"../shared/{shared} is not beside this checkout")
    def read(path):  # a YAML copy may carry a header comment saying where it came from
        return yaml.safe_load(path.read_text(encoding="utf-8")) if path.suffix == ".yaml" else path.read_bytes()
    assert read(FIXTURES / copy) == read(original), \
        f"../shared/{shared} changed: copy it to tests/fixtures/{copy} and look at what the change means"

def test_every_shared_facts_file_has_a_copy():
    if not (SHARED / "facts").is_dir():
        pytest.skip("../shared/ is not beside this checkout")
    assert sorted(p.name for p in (SHARED / "facts").glob("*.md")) == \
        sorted(p.name for p in (FIXTURES / "facts").glob("*.md"))
