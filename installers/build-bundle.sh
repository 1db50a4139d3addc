#!/usr/bin/env bash
# Build the PainBridge onedir bundle with PyInstaller (installers/painbridge.spec) and run
# its smoke test: `painbridge --self-test --temp-basedir --gui` with a clean environment.
#
#   installers/build-bundle.sh [DIST_DIR]        (default: build/installer/dist)
#
# PYTHON names the interpreter that has PainBridge and PyInstaller installed (default:
# .venv/bin/python). Makes DIST_DIR/PainBridge/ (and DIST_DIR/PainBridge.app on macOS).
# The bundle runs on the build machine's C library version and newer: build Linux
# bundles on the oldest distribution supported (docs/it-guide.md, "Supported systems").
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
dist=${1:-$repo/build/installer/dist}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)
work=${PAINBRIDGE_BUILD_WORK:-$(dirname "$dist")/work}
python=${PYTHON:-$repo/.venv/bin/python}

start=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" "$repo/installers/painbridge.spec"
echo "build-bundle: built $dist/PainBridge in $(( $(date +%s) - start )) s" >&2

case "$(uname -s)" in
    Linux)
        env -i "$dist/PainBridge/painbridge" --self-test --temp-basedir --gui ;;
    Darwin)
        env -i "$dist/PainBridge.app/Contents/MacOS/painbridge" --self-test --temp-basedir --gui ;;
    *)  # Windows (Git Bash): the system needs its own variables to start a process
        "$dist/PainBridge/painbridge.exe" --self-test --temp-basedir --gui ;;
esac
