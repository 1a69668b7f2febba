# sitrep: `make run` (set up, ingest the demo corpus) and `make test` (set up, every test).
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sitrep.db
HOST   ?= 127.0.0.1
PORT   ?= 8000
DEMO   := $(wildcard sitrep/demo/reports*.jsonl)

WEB_DIR    := sitrep/faces/web
WEB_VENDOR := $(WEB_DIR)/static/vendor

.PHONY: run test check lint typecheck eval bench clean install web-assets model moderation-model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3

# Reinstall when the dependency list changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	$(BIN)/sitrep gazetteer build
	$(BIN)/sitrep model build
	touch $(STAMP)

install: $(STAMP) web-assets moderation-model

web-assets: $(WEB_VENDOR)/.installed

# Leaflet, its marker clusters, topojson-client, Natural Earth borders (world-atlas),
# Swagger UI and ReDoc (for /docs and /redoc), pinned in sitrep/faces/web/package-lock.json,
# copied next to the page so it works offline. Rivers and lakes (@geo-maps, about 100 MB
# of GeoJSON) are cut down by basemap.py (stdlib Python, run by path: it needs no
# installed package) to water.json and water/ cells the page loads by view.
GEO_MAPS := $(WEB_DIR)/node_modules/@geo-maps
$(WEB_VENDOR)/.installed: $(WEB_DIR)/package.json $(WEB_DIR)/package-lock.json $(WEB_DIR)/basemap.py | $(BIN)/python
	cd $(WEB_DIR) && npm ci --no-audit --no-fund --ignore-scripts
	rm -rf $(WEB_VENDOR) && mkdir -p $(WEB_VENDOR)/leaflet $(WEB_VENDOR)/markercluster \
	  $(WEB_VENDOR)/swagger-ui $(WEB_VENDOR)/redoc
	cp $(WEB_DIR)/node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
	  $(WEB_DIR)/node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	  $(WEB_DIR)/node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css $(WEB_VENDOR)/markercluster/
	cp $(WEB_DIR)/node_modules/swagger-ui-dist/swagger-ui-bundle.js \
	  $(WEB_DIR)/node_modules/swagger-ui-dist/swagger-ui.css \
	  $(WEB_DIR)/node_modules/swagger-ui-dist/favicon-32x32.png $(WEB_VENDOR)/swagger-ui/
	# ReDoc's sidebar shows a logo from its CDN: an empty data: image instead, so /redoc
	# makes no request off this server (the image's error handler then hides it).
	sed 's#https://cdn.redoc.ly/redoc/logo-mini.svg#data:,#' \
	  $(WEB_DIR)/node_modules/redoc/bundles/redoc.standalone.js > $(WEB_VENDOR)/redoc/redoc.standalone.js
	cp -R $(WEB_DIR)/node_modules/leaflet/dist/leaflet.js $(WEB_DIR)/node_modules/leaflet/dist/leaflet.css \
	  $(WEB_DIR)/node_modules/leaflet/dist/images $(WEB_VENDOR)/leaflet/
	cp $(WEB_DIR)/node_modules/topojson-client/dist/topojson-client.min.js $(WEB_VENDOR)/
	cp $(WEB_DIR)/node_modules/world-atlas/countries-50m.json $(WEB_VENDOR)/
	$(BIN)/python $(WEB_DIR)/basemap.py $(GEO_MAPS)/earth-rivers-10m/map.geo.json \
	  $(GEO_MAPS)/earth-lakes-10m/map.geo.json $(WEB_VENDOR)
	touch $@

# Ingest the demo reports (again: a no-op when they are in already), then serve the page.
run: install
	$(BIN)/sitrep --db $(DB) ingest --quiet $(DEMO)
	$(BIN)/sitrep --db $(DB) ingest --quiet sitrep/demo/seed_fa.txt --outlet Tabnak --published 2017-11-04
	$(BIN)/sitrep --db $(DB) events
	@echo "sitrep: the demo is in $(DB); run commands as $(BIN)/sitrep, or first: source $(BIN)/activate"
	$(BIN)/sitrep --db $(DB) serve --host $(HOST) --port $(PORT)

# The shipped event classifier, retrained from sitrep/data/training/*.jsonl with
# the fixed seed (same corpus, same model, same figures) into the cache folder.
# Without it the first command that needs the model builds it.
model: $(STAMP)
	$(BIN)/sitrep model build --force

lint: $(STAMP)
	$(BIN)/ruff check sitrep tests
	$(BIN)/ruff format --check sitrep tests

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck

# Unit tests: no network, no ../shared (tests that need it are marked `shared`).
# Test files run on every core, at most four (each worker loads its own models); a test
# file stays on one worker, and the files using PostgreSQL share one (tests/conftest.py).
# `make test TEST_WORKERS=0` runs them in one process. It ends with the 25 slowest tests.
TEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 1); [ $$n -gt 4 ] && n=4; echo $$n)

test: check web-assets
	$(BIN)/pytest -q -m "not shared" -n $(TEST_WORKERS) --dist loadfile --durations=25

# Quality on real data in ../shared: the shared tests (on the test workers, as
# `make test`), then every evaluation against the floors pinned in
# sitrep/quality/evaluation/baseline.json.
eval: $(STAMP)
	$(BIN)/pytest -q -m shared -n $(TEST_WORKERS) --dist loadfile --durations=10
	$(BIN)/sitrep eval all --gate --report eval-reports/eval.json

bench: $(STAMP)
	$(BIN)/sitrep bench
	$(BIN)/sitrep bench startup
	$(BIN)/sitrep bench timings

clean:
	rm -rf $(VENV) sitrep.egg-info .pytest_cache .mypy_cache .ruff_cache $(WEB_DIR)/node_modules $(WEB_VENDOR)

# The shipped comment classifier, fitted on our own corpus (fixed seed) and saved as the
# arrays scoring reads (no pickle: same corpus, same bytes on one machine; on another CPU
# the solver's last digits may differ: seen 2026-12-05, weights within 8e-13 of the
# committed file's, so a rebuilt file can show as modified). The rules and
# lexicon are prerequisites: the build leaves out background words the insult list matches.
# The same build writes the English model beside it (moderation_model_en.npz).
moderation-model: sitrep/data/moderation_model.npz

sitrep/data/moderation_model.npz: $(wildcard sitrep/data/moderation_corpus/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s20/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s22/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s24/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s26/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s27/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s28/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s29/*.txt) $(wildcard sitrep/data/moderation_corpus/candidates_s33/*.txt) $(wildcard sitrep/data/moderation_corpus/english/*.txt) sitrep/moderation/corpus.py sitrep/moderation/classifier.py sitrep/moderation/rules.py sitrep/moderation/lexicon.py | $(STAMP)
	$(BIN)/python -m sitrep.moderation.corpus $@
