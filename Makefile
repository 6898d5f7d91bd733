# The four commands of the README, plus what they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install install-dev demo serve test test-sqlite bench lint format i18n clean

# The platform alone (what `make demo` needs) ...
install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $(STAMP)

# ... and the tools to test, lint and benchmark it.
install-dev: $(DEV_STAMP)

$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(DEV_STAMP)

demo: install
	$(BIN)/ncbnet demo

serve: install
	$(BIN)/ncbnet serve

# Runs every test on SQLite and on PostgreSQL (127.0.0.1:5432 or NCBNET_TEST_PG_URL).
test: install-dev
	$(BIN)/pytest -q

test-sqlite: install-dev
	NCBNET_TEST_BACKENDS=sqlite $(BIN)/pytest -q

bench: install-dev
	$(BIN)/python -m bench

lint: install-dev
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

format: install-dev
	$(BIN)/ruff check --fix src tests bench scripts
	$(BIN)/ruff format src tests bench scripts

# Re-extract translatable strings and merge them into the .po catalogues.
i18n: install-dev
	$(BIN)/python scripts/i18n.py update

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
