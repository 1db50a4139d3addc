#!/usr/bin/env bash
# Refresh the interface translations: list the core's clinical text templates
# (desktop/gui/clinical_texts_catalog.py), extract every tr()/translate() string of desktop/gui
# into the .ts sources (existing translations are kept), then compile the .qm files the
# application loads. Translate new strings (marked unfinished) with pyside6-linguist.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
# The clinical sentences are templates of the Qt-free core: list them for lupdate first.
"$BIN/python" scripts/update-clinical-texts.py
mapfile -t sources < <(find desktop/gui -name '*.py' | sort)
for ts in desktop/gui/translations/painbridge_*.ts; do
    "$BIN/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" -ts "$ts"
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
