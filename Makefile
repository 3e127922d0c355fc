# Trafford SEND pathway navigator. `make help` lists the targets.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 5000
INSTALLED := $(VENV)/.installed
ASSETS := navigator/static/govuk/VERSION

.DEFAULT_GOAL := help
.PHONY: help run test check index install browser bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(ASSETS): scripts/fetch_govuk_frontend.py | $(INSTALLED)
	$(BIN)/python scripts/fetch_govuk_frontend.py

install: $(INSTALLED) $(ASSETS) ## install into a local virtual environment (.venv)

run: install ## serve the navigator on http://127.0.0.1:$(PORT)
	$(BIN)/flask --app navigator run --host 127.0.0.1 --port $(PORT)

browser: ## install Debian's chromium for the browser tests, when missing
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null)

test: install browser ## install what is needed, then run every test
	$(BIN)/navigator check
	$(BIN)/python -m pytest -q

bench: install ## time the interpreter against baselines measured in the same run
	$(BIN)/python scripts/bench.py

check: install ## check the rules and content
	$(BIN)/navigator check

index: install ## rebuild the search index
	$(BIN)/navigator index

clean: ## remove the virtual environment, fetched assets and local state
	rm -rf $(VENV) navigator/static/govuk instance
