# Run `make help` for the list of targets. Every target sets up .venv first if needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= seeds
OUT ?= reports
GOLD ?= tests/gold/seeds
# camel-tools depends on torch: install the CPU build first so nothing pulls CUDA packages.
# A machine with a local CPU wheel (pip's find-links) uses it; elsewhere, PyTorch's CPU index.
TORCH := torch==2.13.0
TORCH_SOURCE ?= $(if $(shell $(PYTHON) -m pip install --dry-run --no-deps --no-index -q $(TORCH) >/dev/null 2>&1 && echo local),,--index-url https://download.pytorch.org/whl/cpu)

.DEFAULT_GOAL := help

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q $(TORCH) $(TORCH_SOURCE)
	$(BIN)/pip install -q -e ".[dev,dask]"
	@if $(BIN)/pip list 2>/dev/null | grep -qi '^nvidia-'; then \
		echo "CUDA packages were installed; remove .venv and install the CPU torch first" >&2; exit 1; fi
	touch $@

## Set up .venv (CPU torch, the package, dev tools)
install: $(VENV)/.installed

## Check which camel-tools resources are present
doctor: install
	$(BIN)/analysis doctor

## Tag the corpus (CORPUS=seeds) into out/
tag: install
	$(BIN)/analysis tag $(CORPUS) --out out/

## Build the offline HTML reports for CORPUS (default seeds/) into reports/
report: install
	$(BIN)/analysis report --corpus $(CORPUS) --out $(OUT)

## Score the taggers against the seeds' gold reading (GOLD=tests/gold/seeds)
evaluate: install
	$(BIN)/analysis evaluate $(GOLD) --corpus $(CORPUS)

## Make the .ipynb notebooks from their jupytext .py sources
notebooks: install
	$(BIN)/python -m analysis.report.build sync-notebooks --expected tests/nbval_expected

## Run the tests, the notebooks under nbval and the browser tests
test: install notebooks
	ANALYSIS_CORPUS=$(CURDIR)/seeds $(BIN)/python -m pytest tests notebooks \
		--nbval-lax --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

## Lint and format check
lint: install
	$(BIN)/ruff check analysis tests benchmarks notebooks
	$(BIN)/ruff format --check analysis tests benchmarks notebooks

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4); next} /^[a-z-]+:/{if(doc){split($$1,t,":"); printf "  make %-10s %s\n", t[1], doc}; doc=""}' $(MAKEFILE_LIST)

.PHONY: install doctor tag report evaluate notebooks test lint help
