# Shortcuts for the commands in README.md; each target says what it does (`make help`).
# Everything goes through tasks.py, which creates .venv from requirements.lock on first use.
PYTHON ?= python3
VENV_BIN := .venv/bin

.DEFAULT_GOAL := help

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: ## create or update .venv from requirements.lock
	$(PYTHON) tasks.py setup

build: ## the main job: validate, clean, run the notebooks, publish reports/report.html
	$(PYTHON) tasks.py build

test: ## run ruff and the test suite
	$(PYTHON) tasks.py test

lab: ## open JupyterLab on notebooks/, in the project's kernel
	$(PYTHON) tasks.py lab

validate: setup ## list every problem in data/raw (path:line: column: message)
	$(VENV_BIN)/ffanalysis validate

dictionary: setup ## regenerate docs/data_dictionary.md from the schema
	$(VENV_BIN)/ffanalysis dictionary --write docs/data_dictionary.md

lock: ## re-resolve the pinned versions in requirements.lock
	$(PYTHON) tasks.py lock
