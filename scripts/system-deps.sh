#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages PainBridge needs outside Python (Qt's system
# libraries, fonts). Usage: scripts/system-deps.sh run|test
# As root it installs what is missing with apt-get; otherwise it prints the command
# an administrator should run and carries on (the Qt tests then say what is missing).
set -euo pipefail
profile=${1:-run}

packages=(
  libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 fonts-dejavu-core fonts-wqy-microhei
  libcups2
)
if [ "$profile" = "test" ]; then
  packages+=(xvfb)
  # Installer tests: binutils for PyInstaller (objcopy, objdump, strip); wixl builds the
  # Windows MSI, msitools reads its tables.
  packages+=(binutils wixl msitools)
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "system-deps: not a Debian/Ubuntu system; install Qt 6's runtime libraries (EGL, GL, xkbcommon, xcb-cursor) with your package manager." >&2
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "system-deps: these system packages are missing and this user cannot install them:" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  echo "system-deps: continuing; Qt windows will not open until they are installed." >&2
fi
