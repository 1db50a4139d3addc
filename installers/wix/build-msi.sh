#!/usr/bin/env bash
# Build the PainBridge MSI from a Windows onedir bundle with wixl (Debian/Ubuntu package
# `wixl`; it runs on Linux, so CI builds the MSI in a Linux job from the bundle the
# Windows job made).
#
#   installers/wix/build-msi.sh BUNDLE_DIR OUT_DIR [VERSION]
#
# BUNDLE_DIR holds painbridge.exe, painbridge-gui.exe and _internal\ (dist/PainBridge
# from PyInstaller on Windows). VERSION defaults to the one in desktop/__init__.py. Writes
# OUT_DIR/PainBridge-<version>-x64.msi and prints its path on the last line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bundle=${1:?usage: build-msi.sh BUNDLE_DIR OUT_DIR [VERSION]}
out=${2:?usage: build-msi.sh BUNDLE_DIR OUT_DIR [VERSION]}
version=${3:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$repo/desktop/__init__.py")}

for tool in wixl wixl-heat msiinfo msibuild; do
    command -v "$tool" >/dev/null \
        || { echo "build-msi: $tool is missing: apt-get install wixl msitools" >&2; exit 1; }
done
for exe in painbridge.exe painbridge-gui.exe; do
    [ -f "$bundle/$exe" ] || { echo "build-msi: $bundle/$exe is missing" >&2; exit 1; }
done
bundle=$(cd "$bundle" && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d "$out/.msi-work.XXXXXX")
trap 'rm -rf "$work"' EXIT

# wixl resolves sources relative to the .wxs files: link everything into one folder.
ln -s "$bundle" "$work/payload"
cp "$here/painbridge.wxs" "$work/painbridge.wxs"
cp "$repo/installers/icons/painbridge.ico" "$work/painbridge.ico"

# One component per file, under INSTALLDIR (C:\Program Files\PainBridge).
(cd "$work" && find payload/ -type f | LC_ALL=C sort \
    | wixl-heat --var var.SourceDir -p payload/ --component-group Payload \
        --directory-ref INSTALLDIR --win64 > payload.wxs)

msi=$out/PainBridge-$version-x64.msi
(cd "$work" && wixl --arch x64 -D Version="$version" -D SourceDir=payload -D Win64=yes \
    -D IconFile=painbridge.ico -o "$msi" painbridge.wxs payload.wxs >&2)

# The machine-configuration properties must pass from the msiexec command line to the
# elevated installation (WiX's Secure="yes", which wixl lacks).
secure="HUBURL;ENROLLMENTCODE;DEVICENAME;MODELCHANNEL;RECOVERYKEY;MODELKEY"
current=$(msiinfo export "$msi" Property | tr -d '\r' \
    | awk -F'\t' '$1 == "SecureCustomProperties" {print $2}')
msibuild "$msi" -q "UPDATE \`Property\` SET \`Value\` = '${current:+$current;}$secure' \
    WHERE \`Property\` = 'SecureCustomProperties'"
echo "$msi"
