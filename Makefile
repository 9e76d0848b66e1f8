# The two commands of the README. Everything else is detail.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
# The shared folder beside the project, when present, is a local mirror of the official downloads.
MIRROR ?= $(abspath ../shared/data)
export TREMPLIN_DATA_MIRROR ?= $(if $(wildcard $(MIRROR)/rome),$(MIRROR),)

.PHONY: demo test install install-test lint clean

demo: install
	$(BIN)/tremplin demo

test: install-test
	$(BIN)/python -m pytest -n 2 --dist loadgroup

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

lint: install-test
	$(BIN)/ruff check src tests

clean:
	rm -rf $(VENV) build *.egg-info
