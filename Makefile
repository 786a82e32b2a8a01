# Two commands for newcomers: `make serve` and `make test`. Everything else is set up on the way,
# and only again when a lock file changes.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible output: the build date is the last commit's date (falls back to a fixed date).
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 1767225600)
PIP := $(BIN)/python -m pip --disable-pip-version-check --no-input -q

.PHONY: serve build check seite fassung test test-fast bench lock clean system-deps urls offline schluessel

serve: $(VENV)/.site  ## Set up and serve the site at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site  ## Set up and build the site strictly into site/
	$(BIN)/mkdocs build --strict

test: $(VENV)/.test system-deps node_modules/.installed  ## Set up and run every test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: $(VENV)/.test system-deps node_modules/.installed  ## For authors: build, content rules, spelling, URLs, Markdown style – in seconds
	$(BIN)/python scripts/check.py

seite: $(VENV)/.site  ## New page from the template: make seite PFAD=ordner/name TITEL="Titel"
	@$(BIN)/python scripts/new_page.py "$(PFAD)" "$(TITEL)"

test-fast: $(VENV)/.test  ## The unit tier only (models, CLI, hook units, JS vectors): under a minute
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

urls: $(VENV)/.site  ## Build, then add new page paths and anchors to tests/published-urls.txt
	$(BIN)/python scripts/published_urls.py

schluessel: $(VENV)/.site  ## Rewrite the smm key tables in CONTRIBUTING.md from smm_calc/params.py
	$(BIN)/python scripts/contributing_keys.py

offline: $(VENV)/.site  ## Offline package for LMS and disk: dist/smm-wissen-offline.zip (FASSUNG=2026-ws: an edition's)
	@if [ -n "$(FASSUNG)" ]; then $(BIN)/python scripts/fassung.py offline "$(FASSUNG)"; \
	else $(BIN)/python scripts/offline.py; fi

fassung: $(VENV)/.site  ## Freeze the current commit as an edition: make fassung NAME=2026-ws
	@$(BIN)/python scripts/fassung.py anlegen "$(NAME)"

bench: $(VENV)/.test  ## Print performance figures (bench/RESULTS.md)
	$(BIN)/python -m bench

system-deps:  ## Debian packages the tests need (installed only when root, e.g. in CI)
	@bash scripts/system-deps.sh

lock: $(VENV)/.test  ## Re-pin every dependency after editing requirements*.in
	$(BIN)/uv pip compile requirements.in --python-version 3.11 --generate-hashes -o requirements.lock -q
	$(BIN)/uv pip compile requirements-test.in --python-version 3.11 --generate-hashes -o requirements-test.lock -q

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "Fehler: Python ≥ 3.11 wird benötigt ($(PYTHON) ist älter)." >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements.lock pyproject.toml | $(BIN)/python
	$(PIP) install --require-hashes -r requirements.lock
	$(PIP) install --no-deps --no-build-isolation -e .
	@touch $@

$(VENV)/.test: $(VENV)/.site requirements-test.lock
	$(PIP) install --require-hashes -r requirements.lock -r requirements-test.lock
	@touch $@

# npm tools of the quality gates (Lighthouse, Nu Html Checker, markdownlint), pinned in
# package-lock.json; reinstalled only when the lock changes. --ignore-scripts: vnu-jar's
# postinstall would try to download a Java runtime (Debian's is used).
# package.json `overrides` pin two packages Lighthouse's trace engine asks for as "latest";
# without them `npm ci` rejects the lock file as soon as a newer version is published.
node_modules/.installed: package-lock.json package.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else \
	  echo "Hinweis: npm fehlt – Lighthouse, Nu Html Checker und markdownlint werden übersprungen (in CI ein Fehler)." >&2; \
	fi

clean:
	rm -rf site .cache dist .pytest_cache
