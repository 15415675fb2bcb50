# The README's contract: `make run` (fresh clone → portal with demo data) and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run setup test test-postgres lock clean browser-deps vendor screenshots bench

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "needs $(PYTHON) (or set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Re-installs only when the declared dependencies or the lock change.
$(STAMP): $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# Migrate, load reference data (built-in, plus ../shared/data when present) and demo data. Idempotent.
setup: install
	$(BIN)/jobcenter migrate --noinput
	$(BIN)/jobcenter setup-demo

run: setup
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/jobcenter runserver $(HOST):$(PORT)

# Front-end packages for the tests (axe-core); the portal's own KRDS/htmx files are vendored in the package.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NODE_STAMP)

# What the browser tests need besides Python: Debian's chromium and the npm packages.
browser-deps: $(NODE_STAMP)
	scripts/ensure_chromium.sh

test: install browser-deps
	$(BIN)/python -m pytest

# The same suite against PostgreSQL (127.0.0.1:5432, trust auth, database `test` unless overridden).
JOBCENTER_TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
test-postgres: install browser-deps
	JOBCENTER_DATABASE_URL=$(JOBCENTER_TEST_POSTGRES_URL) $(BIN)/python -m pytest

# Refresh the pinned versions after changing pyproject.toml.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

# Re-take docs/screenshots/ from the browser journeys.
screenshots: install browser-deps
	JOBCENTER_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/browser

# Refresh the vendored KRDS/htmx files in src/jobcenter/web/static/vendor after changing package.json.
vendor: $(NODE_STAMP)
	$(BIN)/python scripts/vendor_assets.py

clean:
	rm -rf $(VENV) var .pytest_cache

# The recommendation engine's speed at 10k, 100k and 1M synthetic postings (figures for docs/benchmarks.md).
bench: install
	$(BIN)/jobcenter bench matching
