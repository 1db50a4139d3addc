#!/usr/bin/env bash
# Sign, package, notarize and staple PainBridge for macOS (run on a macOS runner, after
# installers/build-bundle.sh made DIST_DIR/PainBridge.app).
#
#   installers/macos/build-dmg.sh DIST_DIR OUT_DIR
#
# Writes OUT_DIR/PainBridge-<version>-macos-<arch>.dmg and prints its path on the last
# line. Signing and notarization happen when their settings are present; without them the
# result is an unsigned build for testing (Gatekeeper will refuse it on other Macs).
#
#   PAINBRIDGE_CODESIGN_IDENTITY  e.g. "Developer ID Application: Example Hospital (ABCDE12345)"
#                                 (the certificate must be in the keychain)
#   Notarization (needs signing), either
#     PAINBRIDGE_NOTARY_PROFILE   a profile stored with `xcrun notarytool store-credentials`
#   or an App Store Connect API key:
#     PAINBRIDGE_NOTARY_KEY (path to the .p8 file), PAINBRIDGE_NOTARY_KEY_ID,
#     PAINBRIDGE_NOTARY_ISSUER
#
# Steps: (1) the app was signed by PyInstaller (installers/painbridge.spec) with the same
# identity: every Mach-O file inside, then the app, with the hardened runtime, a secure
# timestamp and entitlements.plist; here (2) the signature is verified and the signed
# app's self-test runs (the hardened runtime can break what an unsigned build did not);
# (3) a compressed dmg with an Applications link is made and signed; (4) it is submitted
# to Apple's notary service (waiting for the verdict); (5) the ticket is stapled to the
# dmg, so Gatekeeper accepts it offline; (6) spctl checks the result.
set -euo pipefail

dist=${1:?usage: build-dmg.sh DIST_DIR OUT_DIR}
out=${2:?usage: build-dmg.sh DIST_DIR OUT_DIR}
app=$dist/PainBridge.app
identity=${PAINBRIDGE_CODESIGN_IDENTITY:-}
[ -d "$app" ] || { echo "build-dmg: $app is missing (run installers/build-bundle.sh)" >&2; exit 1; }
mkdir -p "$out"

version=$(/usr/libexec/PlistBuddy -c 'Print CFBundleShortVersionString' "$app/Contents/Info.plist")
dmg=$out/PainBridge-$version-macos-$(uname -m).dmg

if [ -n "$identity" ]; then
    # PyInstaller signed the app while building it (the same PAINBRIDGE_CODESIGN_IDENTITY
    # must be set for installers/build-bundle.sh): every binary, innermost first, then the
    # .app, with the hardened runtime, a secure timestamp and entitlements.plist.
    codesign --verify --deep --strict --verbose=2 "$app"
    codesign --display --verbose=2 "$app" 2>&1 | grep -q "Authority=Developer ID Application" \
        || { echo "build-dmg: $app is not signed with a Developer ID" >&2; exit 1; }
else
    echo "build-dmg: PAINBRIDGE_CODESIGN_IDENTITY is not set: the app stays ad-hoc signed" >&2
fi

env -i "$app/Contents/MacOS/painbridge" --self-test --temp-basedir --gui

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
ditto "$app" "$staging/PainBridge.app"  # keeps symlinks, signatures and attributes
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "PainBridge $version" -srcfolder "$staging" -fs HFS+ \
    -format UDZO -imagekey zlib-level=9 "$dmg" >&2
if [ -n "$identity" ]; then
    codesign --force --timestamp --sign "$identity" "$dmg"
fi

notary=()
if [ -n "${PAINBRIDGE_NOTARY_PROFILE:-}" ]; then
    notary=(--keychain-profile "$PAINBRIDGE_NOTARY_PROFILE")
elif [ -n "${PAINBRIDGE_NOTARY_KEY:-}" ]; then
    notary=(--key "$PAINBRIDGE_NOTARY_KEY" --key-id "$PAINBRIDGE_NOTARY_KEY_ID"
        --issuer "$PAINBRIDGE_NOTARY_ISSUER")
fi
if [ -n "$identity" ] && [ ${#notary[@]} -gt 0 ]; then
    xcrun notarytool submit "$dmg" "${notary[@]}" --wait --timeout 30m >&2
    xcrun stapler staple "$dmg" >&2
    xcrun stapler validate "$dmg" >&2
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg" >&2
else
    echo "build-dmg: not notarized (needs signing and notary credentials)" >&2
fi
echo "$dmg"
