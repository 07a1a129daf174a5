# `make run`: set up .venv, ingest the bundled sample corpus into SQLite, serve the web UI.
# `make test`: set up .venv, run the whole test suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DB ?= amity.db
PORT ?= 8000

.PHONY: setup run test lint bench clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $@

run: setup
	$(VENV)/bin/amity ingest --db $(DB) $$($(PY) -c 'import amity.samples as s; print(*s.articles())')
	$(VENV)/bin/amity serve --db $(DB) --host 127.0.0.1 --port $(PORT)

test: setup
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check amity tests benchmarks
	$(VENV)/bin/mypy

bench: setup
	$(PY) benchmarks/accuracy.py
	$(PY) benchmarks/speed.py

# `make floors`: re-pin tests/accuracy_baseline.json (the accuracy gate's floors) from the current dev scores.
.PHONY: floors
floors: setup
	$(PY) benchmarks/accuracy.py --update-baseline

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
