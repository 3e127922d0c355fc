# Trafford SEND pathway navigator. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 5000
INSTALLED := $(VENV)/.installed
ASSETS := navigator/static/govuk/VERSION
LANGUAGES = $(shell $(BIN)/python -m navigator.languages)  # translated ones, from navigator/languages.py
POT := translations/messages.pot
CATALOGS := $(wildcard translations/*/LC_MESSAGES/messages.po)

.DEFAULT_GOAL := help
.PHONY: help run test check index install browser bench urgent-figures clean translations translations-update lock lint audit

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-20s %s\n", $$1, $$2}'

# Installs exactly what requirements.lock pins (`make lock` regenerates it), then the navigator
# itself without resolving again, so every machine and CI run the same versions.
$(INSTALLED): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(ASSETS): scripts/fetch_govuk_frontend.py | $(INSTALLED)
	$(BIN)/python scripts/fetch_govuk_frontend.py

install: $(INSTALLED) $(ASSETS) $(CATALOGS:.po=.mo) ## install into a local virtual environment (.venv)

# Compiled catalogs are not committed: each is built from its .po when that changes.
# Untranslated and fuzzy messages are left out, so the app shows their English.
translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(INSTALLED)
	$(BIN)/python -m navigator.translation_check --compile $<

# Not pybabel compile: it rejects correct translations of rules text such as "59% of plans",
# which Babel takes for a %-format (see navigator/translation_check.py).
translations: | $(INSTALLED) ## compile every language's catalog (.mo); untranslated text stays English
	$(BIN)/python -m navigator.translation_check --compile $(CATALOGS)

# Babel re-flags rules text as python-format whenever it writes a catalog: --mark undoes it.
translations-update: | $(INSTALLED) ## extract every string to translations/messages.pot, then update each language's catalog
	$(BIN)/pybabel extract -F babel.cfg -c Translators: --project navigator -o $(POT) .
	$(BIN)/python -m navigator.translation_check --mark $(POT)
	for lang in $(LANGUAGES); do \
	  $(BIN)/pybabel update -i $(POT) -d translations -l $$lang --init-missing --no-fuzzy-matching --ignore-obsolete || exit 1; \
	done
	$(BIN)/python -m navigator.translation_check --mark $(LANGUAGES:%=translations/%/LC_MESSAGES/messages.po)
	$(BIN)/python -m navigator.translation_check --summary

run: install ## serve the navigator on http://127.0.0.1:$(PORT)
	$(BIN)/flask --app navigator run --host 127.0.0.1 --port $(PORT)

browser: ## install Debian's chromium (and fonts for Urdu and Arabic) for the browser tests, when missing
	@command -v chromium >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Regular.ttf ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null)

# On every core (pytest-xdist): each worker builds its own app, server and browser, and work
# is stolen from a busy worker, so a slow module does not hold the run up at the end.
test: install browser ## install what is needed, then run every test
	$(BIN)/navigator check
	$(BIN)/python -m pytest -q -n auto --dist worksteal

bench: install ## time the interpreter against baselines measured in the same run
	$(BIN)/python scripts/bench.py

urgent-figures: install ## the safety net's urgent recall and false alarms, per language, on each set
	$(BIN)/python scripts/urgent_figures.py --held-out

check: install ## check the rules and content
	$(BIN)/navigator check

index: install ## rebuild the search index
	$(BIN)/navigator index

# Keeps the pins already in requirements.lock where pyproject.toml still allows them;
# `make lock LOCK_FLAGS=--upgrade` moves everything to the newest allowed release.
lock: | $(INSTALLED) ## pin every dependency (and the test and dev extras) exactly in requirements.lock
	$(BIN)/pip-compile --quiet --extra test --extra dev --strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_FLAGS) -o requirements.lock pyproject.toml

lint: $(INSTALLED) ## ruff on the whole repository, bandit (medium and high) on navigator/, and the import contracts
	$(BIN)/ruff check .
	$(BIN)/bandit -c pyproject.toml -r navigator --severity-level medium -q
	$(BIN)/lint-imports --no-cache

# pip-audit looks each pinned version up on PyPI (--no-deps: the lock is already resolved).
# A vulnerability exits 1. When PyPI or the advisory service cannot be reached, pip-audit either
# fails to connect or skips each package as "not found on PyPI" and still says "No known
# vulnerabilities": both print "could not check: ..." and exit 0, as nothing was checked.
audit: | $(INSTALLED) ## check every locked version against PyPI's advisories; says plainly when it could not check
	@out=$$($(BIN)/pip-audit --progress-spinner off --no-deps --disable-pip -r requirements.lock 2>&1); rc=$$?; \
	  printf '%s\n' "$$out" | grep -v -E '^WARNING:pip_audit._cli:(--no-deps is supported|Consider using)'; \
	  if printf '%s\n' "$$out" | grep -q -E '^Found [0-9]+ known vulnerabilit'; then exit 1; fi; \
	  skipped=$$(printf '%s\n' "$$out" | grep -c 'could not be audited'); \
	  if [ $$rc -ne 0 ] && printf '%s\n' "$$out" | grep -q -i -E 'ConnectionError|NameResolution|Max retries|timed out|Temporary failure|SSLError|ProxyError|Network is unreachable'; then \
	    echo "could not check: the vulnerability service could not be reached; requirements.lock was not audited"; exit 0; fi; \
	  if [ $$rc -eq 0 ] && [ $$skipped -gt 0 ]; then \
	    echo "could not check: PyPI gave no vulnerability data for $$skipped locked packages (offline or blocked?); they were not audited"; exit 0; fi; \
	  exit $$rc

clean: ## remove the virtual environment, fetched assets and local state
	rm -rf $(VENV) navigator/static/govuk instance
