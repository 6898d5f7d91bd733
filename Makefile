# The four commands of the README, plus what they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo serve test test-sqlite test-postgresql bench lint format i18n clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/ncbnet demo

serve: install
	$(BIN)/ncbnet serve

# Runs every test on SQLite and on PostgreSQL (127.0.0.1:5432 or NCBNET_TEST_PG_URL).
test: install
	$(BIN)/pytest -q

test-sqlite: install
	NCBNET_TEST_BACKENDS=sqlite $(BIN)/pytest -q

bench: install
	$(BIN)/python -m bench

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

# Re-extract translatable strings and merge them into the .po catalogues.
i18n: install
	$(BIN)/python scripts/i18n.py update

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
