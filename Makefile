# The two commands of the README: `make run` and `make test`. Both bootstrap .venv on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench demo clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Nurture needs Python 3.11 or newer (found $$($(PYTHON) --version))."; exit 1; }
	@$(PYTHON) -m venv $(VENV) || \
		{ echo "Could not create $(VENV): install the venv module (sudo apt install python3-venv)."; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	@if [ "$$(uname)" = Linux ] && [ -n "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ] && \
		[ -z "$$(ls /usr/lib/*/libxcb-cursor.so.0 /usr/lib/libxcb-cursor.so.0 2>/dev/null)" ]; then \
		echo "Qt needs libxcb-cursor0 to open a window on X11: sudo apt install libxcb-cursor0"; exit 1; fi
	$(BIN)/nurture

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m bench

demo: $(STAMP)
	$(BIN)/nurture demo --contacts 2000

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
