# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Needs only Python >= 3.10 with pip; PyPI must be reachable for the first install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench pathological fuzz clean

# Some distributions ship Python without ensurepip: then make the venv without pip and let
# the system pip install pip into it.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV) && $(PYTHON) -m venv --without-pip $(VENV) \
		&& $(PYTHON) -m pip --python $(BIN)/python install --quiet pip; }
	$(BIN)/python -m pip install --quiet --upgrade pip

# The package is byte-compiled at install: an editable install is not, and where
# PYTHONDONTWRITEBYTECODE is set every launch would compile it again (~50 ms before the first
# paint). A stale .pyc is harmless: Python checks it against the source's mtime and size and
# compiles the source instead (and writes a new one unless PYTHONDONTWRITEBYTECODE is set).
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m compileall -q tui
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/briefing-tui $(ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

bench: $(STAMP)
	$(BIN)/python bench/run.py

pathological: $(STAMP)
	$(BIN)/python bench/pathological.py $(ARGS)

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests/test_fuzz_engine.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .hypothesis
