# One entry point for everything. `make serve` and `make test` are the two commands a
# newcomer needs; the rest are steps they call. See README.md.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
ADDR ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export PYTHONPATH := $(CURDIR)

# The figures the calculators compute with, written from data/ (macros/export.py) outside the
# packages; the wheel carries them. Remade whenever data/ or the code that describes it changes.
FIGURES := .cache/figures.json
FIGURE_SOURCES = $(wildcard data/*.yaml macros/data.py macros/export.py macros/currencies.py calculators/figures.py \
	calculators/schema.py calculators/formatting.py)

# The tooling needs Python >= 3.12 (Pyodide's lock-file tools do). Look on the PATH, then
# where pyenv keeps its versions; `make PYTHON=/path/to/python3.12` overrides.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3 \
	$$(ls -d "$${PYENV_ROOT:-$$HOME/.pyenv}"/versions/3.1[2-9]*/bin/python3 2>/dev/null | sort -rV); do \
	"$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1 && { command -v "$$p"; break; }; done)

.PHONY: help serve build check test early-tests site-tests lint types pytest lock system clean lighthouse sizes pdf figures freshness

help:  ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 12

serve: $(VENV)/.installed node_modules/.installed $(FIGURES)  ## Install what is missing and serve the site locally
	$(BIN)/mkdocs serve --strict --dev-addr $(ADDR)

# Built beside site/ and swapped in only when the strict build and the PDF succeeded: a failed
# build (bad data, a broken link) never leaves a half-built or emptied site/ where a good one was.
build: $(VENV)/.installed node_modules/.installed $(FIGURES)  ## Build the site into site/ (strict), with the PDF at site/guide.pdf
	rm -rf .site.new .site.old
	$(BIN)/mkdocs build --strict --site-dir .site.new || { rm -rf .site.new; exit 1; }
	$(MAKE) --no-print-directory PDF_SITE=.site.new $(SITE_PDF) || { rm -rf .site.new; exit 1; }
	cp $(SITE_PDF) .site.new/guide.pdf
	if [ -d site ]; then mv site .site.old; fi
	mv .site.new site
	$(PY) -c 'import sys; from macros import manifest; sys.exit(manifest.main(sys.argv[1:]))' .site.new site
	rm -rf .site.old

check: lint types build  ## Lint, type-check and build strictly

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types: $(VENV)/.installed
	$(BIN)/mypy

# The suite runs in $(TEST_JOBS) processes (pytest-xdist), which share each costly build
# (tests/support/build.made_once) and take tests two at a time, costliest first
# (tests/conftest.py). After `check`, it tests the site just built in site/.
#
# `make test` runs the tests that need no built site (EARLY_TESTS) beside `check`: the PDF keeps
# one core busy for over a minute while lint and types finish early and leave the other idle.
#
# Three processes on CI's two cores: a browser test spends part of its time waiting (on the
# worker's answers, on timers, on the local server), and a third process has work ready then. A
# fresh clone's `CI=true .ci/run` here took 10 min 42 s with three, 11 min 48 s with two.
TEST_JOBS ?= 3
EARLY_TESTS := tests/calculators tests/macros/test_data_fuzz.py
PYTEST_ARGS ?=

test: system  ## Everything: system needs, check (lint and types beside the build), the whole test suite
	$(MAKE) --no-print-directory --jobs=3 --output-sync=target early-tests site-tests

early-tests: $(VENV)/.installed $(FIGURES)
	$(BIN)/pytest $(EARLY_TESTS)

site-tests: check
	$(MAKE) --no-print-directory pytest BUILT_SITE=$(CURDIR)/site PYTEST_ARGS="$(addprefix --ignore=,$(EARLY_TESTS))"

pytest: $(VENV)/.installed node_modules/.installed $(FIGURES)
	$(if $(BUILT_SITE),BUILT_SITE=$(BUILT_SITE)) $(BIN)/pytest -n $(TEST_JOBS) --maxschedchunk=2 $(PYTEST_ARGS)


figures: $(FIGURES)  ## Write the calculators' figures from data/ (.cache/figures.json)

$(FIGURES): $(FIGURE_SOURCES) $(VENV)/.installed
	$(PY) -m macros.export

system:  ## Install (or say how to install) what the tests need beyond Python and npm
	bash .ci/system-needs

lock: $(VENV)/.installed  ## Re-lock Python dependencies from requirements.in
	$(BIN)/uv pip compile --quiet --python-version 3.12 --generate-hashes \
		--custom-compile-command "make lock" requirements.in -o requirements.lock

$(VENV)/.installed: requirements.lock
	@if [ -z "$(PYTHON)" ]; then \
		echo "error: Python 3.12 or newer is needed and none was found." >&2; \
		echo "Install it (Debian/Ubuntu: apt-get install python3.12 python3.12-venv; or pyenv install 3.12)," >&2; \
		echo "or point to one: make PYTHON=/path/to/python3.12 $(MAKECMDGOALS)" >&2; exit 1; fi
	@echo "Creating $(VENV) with $(PYTHON)"
	[ -x $(PY) ] || "$(PYTHON)" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lighthouse: build  ## Report: Lighthouse scores (mobile) of the home, a long guide and a calculator page (median of several runs; RUNS=n)
	$(PY) -m tests.bench.lighthouse_report $(if $(RUNS),--runs $(RUNS))

freshness: $(VENV)/.installed  ## Report: figures older than 18 months, and figures read only second-hand
	$(PY) -m tests.bench.freshness_report

sizes: build  ## Report: bytes each page transfers on a first visit, by kind of file
	$(PY) -m tests.bench.size_report

# The PDF (macros/pdf/). `make pdf` always builds a fresh one (PAPER=a4 or letter);
# `make build` reuses the A4 copy in dist/site/ unless a source is newer than it.
PAPER ?= a4
PDF_SITE ?= site
SITE_PDF := dist/site/guide.pdf
PDF_INPUTS := data docs macros calculators
PDF_SOURCES = $(wildcard mkdocs.yml $(shell git ls-files --cached --others --exclude-standard $(PDF_INPUTS) 2>/dev/null \
	|| find $(PDF_INPUTS) -type f -not -path '*/__pycache__/*' 2>/dev/null))

pdf: $(VENV)/.installed node_modules/.installed  ## Build the guide as one PDF: dist/guide.pdf (PAPER=a4|letter)
	$(PY) -m macros.pdf --paper $(PAPER) --out dist/guide.pdf

$(SITE_PDF): $(PDF_SOURCES)
	$(PY) -m macros.pdf --site $(PDF_SITE) --paper a4 --out $@

clean:  ## Remove what the build wrote
	rm -rf site .site.new .site.old dist .mypy_cache .ruff_cache .pytest_cache .hypothesis
