# PainBridge — the two commands of the quick start are `make run` and `make test`.
# Everything else here is what they are made of.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check
# A demo home that `make run` fills with synthetic demo cases (never real data).
DEMO_HOME ?= .demo-home

.PHONY: run test lint typecheck imports unit gui-tests bench models schema installer clean help

help:
	@echo "make run    set up and start PainBridge with demo data (synthetic cases)"
	@echo "make test   install everything and run lint, types, import rules and all tests"
	@echo "make bench  run the benchmarks (prints comparison tables)"
	@echo "make models rebuild the default model bundle reproducibly"
	@echo "make installer  build the Linux onedir bundle and .deb in build/installer"

$(VENV)/.created:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "PainBridge needs Python 3.11 or newer; found " + sys.version.split()[0])'
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	  else echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2; exit 1; fi; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip setuptools wheel
	@touch $@

$(VENV)/.run-deps: $(VENV)/.created pyproject.toml
	@bash scripts/system-deps.sh run
	$(PIP) install -q -e '.[hub]'
	@touch $@

$(VENV)/.test-deps: $(VENV)/.run-deps pyproject.toml
	@bash scripts/system-deps.sh test
	$(PIP) install -q -e '.[hub,train,dev]'
	@touch $@

run: $(VENV)/.run-deps
	$(BIN)/painbridge demo --home $(DEMO_HOME)

lint: $(VENV)/.test-deps
	$(BIN)/ruff check .

typecheck: $(VENV)/.test-deps
	$(BIN)/mypy

imports: $(VENV)/.test-deps
	$(BIN)/lint-imports --no-cache

# Non-GUI tests run with PySide6 made unimportable: proof that the core is Qt-free.
unit: $(VENV)/.test-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -m "not gui" -p tests.plugins.no_qt -p no:pytest-qt --ignore=tests/gui

# GUI tests (pytest-qt, offscreen). Exit code 5 means none are collected yet.
gui-tests: $(VENV)/.test-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -m gui; rc=$$?; [ $$rc -eq 5 ] && echo "no GUI tests collected" && rc=0; exit $$rc

test: lint typecheck imports unit gui-tests

bench: $(VENV)/.test-deps
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

# Rebuild the shipped model bundle reproducibly (2-4 minutes on 2 cores).
models: $(VENV)/.test-deps
	$(BIN)/python -m models_onnx.training.build --out models_onnx/bundles/default --created 2026-11-20T00:00:00+00:00

# The Linux bundle (PyInstaller onedir, smoke-tested) and the .deb, in build/installer.
# DEB_COMPRESSION=xz (smallest, ~3 min here) | zstd (fast) | gzip; see docs/it-guide.md.
DEB_COMPRESSION ?= xz
$(VENV)/.installer-deps: $(VENV)/.test-deps
	$(PIP) install -q 'pyinstaller==6.*'
	@touch $@

installer: $(VENV)/.installer-deps
	PYTHON=$(BIN)/python bash installers/build-bundle.sh build/installer/dist
	DEB_COMPRESSION=$(DEB_COMPRESSION) bash installers/deb/build-deb.sh build/installer/dist/PainBridge build/installer

schema: $(VENV)/.test-deps
	$(BIN)/python -m desktop.domain.schema_export docs/case-schema.json

clean:
	rm -rf $(VENV) $(DEMO_HOME) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
