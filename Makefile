# The two commands of the README: `make run` and `make test`. Both create .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
OUT ?= out

.PHONY: run test install clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# bytecode compiled once, as pip does for a regular install: an editable one leaves it to the first
# import, and where PYTHONDONTWRITEBYTECODE is set every process would compile the package again
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install -q -e .
	$(BIN)/python -m compileall -q coder
	touch $@

# torch first, pinned: it is the CPU build on local disk; a bare `torch` would pull a CUDA build
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[test,stanza,dask]'
	touch $@

install: $(STAMP)

run: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/coder code seeds/ -o $(OUT)/seeds.parquet --summary

test: $(TEST_STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache
