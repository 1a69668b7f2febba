# sitrep: `make run` (set up, ingest the demo corpus) and `make test` (set up, every test).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.db

.PHONY: run test check lint typecheck eval bench clean install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/sitrep gazetteer build
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/sitrep --db $(DB) ingest sitrep/demo/reports.jsonl
	$(BIN)/sitrep --db $(DB) events

lint: $(STAMP)
	$(BIN)/ruff check sitrep tests
	$(BIN)/ruff format --check sitrep tests

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck

# Unit tests: no network, no ../shared (tests that need it are marked `shared`).
test: check
	$(BIN)/pytest -q -m "not shared"

# Quality on real data in ../shared: the shared tests, then every evaluation
# against the floors pinned in sitrep/evaluation/baseline.json.
eval: $(STAMP)
	$(BIN)/pytest -q -m shared
	$(BIN)/sitrep eval all --gate --report eval-reports/eval.json

bench: $(STAMP)
	$(BIN)/sitrep bench

clean:
	rm -rf $(VENV) sitrep.egg-info .pytest_cache .mypy_cache .ruff_cache
