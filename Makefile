# The README's two commands, `make run` and `make test`, set everything up on a bare
# Debian/Ubuntu machine: system packages (packaging/system-packages/*.txt, installed by
# packaging/sysdeps.sh), the virtual environment, then Nurture. `make run` installs the runtime
# only; `make test` adds the test tools. `make package` builds the installers.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check --quiet
SYSTEM := packaging/system-packages
SYSDEPS := sh packaging/sysdeps.sh

.PHONY: run test lint bench demo package package-check clean \
	python system-run system-test system-package

python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || \
		{ echo "Nurture needs Python 3.11 or newer (found: $$($(PYTHON) --version 2>&1))."; exit 1; }

system-run: python
	@$(SYSDEPS) $(SYSTEM)/run.txt
system-test: python
	@$(SYSDEPS) $(SYSTEM)/run.txt $(SYSTEM)/test.txt
system-package: python
	@$(SYSDEPS) $(SYSTEM)/run.txt $(SYSTEM)/test.txt $(SYSTEM)/package.txt

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "Could not create $(VENV): install Python's venv module (sudo apt install python3-venv)."; exit 1; }

# One stamp per set of extras, so `make run` never waits for the test tools.
$(VENV)/.runtime: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	@touch $@
$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev]'
	@touch $@ $(VENV)/.runtime
$(VENV)/.package: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[dev,package]'
	@touch $@ $(VENV)/.dev $(VENV)/.runtime

run: system-run $(VENV)/.runtime
	@$(BIN)/python packaging/qt_libraries.py
	$(BIN)/nurture

lint: system-test $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: system-run $(VENV)/.dev
	$(BIN)/python -m bench

demo: system-run $(VENV)/.runtime
	$(BIN)/nurture demo --contacts 2000

# dist/: nurture_<version>_<arch>.deb and nurture-<version>-linux-<arch>.tar.zst.
package: system-package $(VENV)/.package
	$(BIN)/python packaging/build.py all

# Installs the built .deb on this machine (CI) and drives it: see packaging/smoke/smoke_test.py.
package-check: package
	$(PYTHON) packaging/smoke/smoke_test.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
