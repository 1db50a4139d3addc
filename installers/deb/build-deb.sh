#!/usr/bin/env bash
# Build the painbridge .deb from a PyInstaller onedir bundle (installers/build-bundle.sh).
#
#   installers/deb/build-deb.sh BUNDLE_DIR OUT_DIR
#
# BUNDLE_DIR is dist/PainBridge (holding the `painbridge` executable and _internal/).
# Writes OUT_DIR/painbridge_<version>_<arch>.deb and prints its path on the last line.
# DEB_COMPRESSION chooses dpkg-deb's compressor: xz (default: smallest, slowest), zstd
# (Debian 12 / Ubuntu 22.04 and later read it), gzip or none; DEB_COMPRESSION_LEVEL its
# level. Measured numbers are in docs/benchmarks.md ("Installers").
#
# Layout: the application in /opt/painbridge, /usr/bin/painbridge, a desktop entry and
# icon, /usr/lib/painbridge/write-machine-config, and debconf questions that write
# /etc/painbridge/painbridge.conf (hub address, enrollment code) at configure time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
installers=$(dirname "$here")
bundle=${1:?usage: build-deb.sh BUNDLE_DIR OUT_DIR}
out=${2:?usage: build-deb.sh BUNDLE_DIR OUT_DIR}
compression=${DEB_COMPRESSION:-xz}
level=${DEB_COMPRESSION_LEVEL:-}

[ -x "$bundle/painbridge" ] || { echo "build-deb: $bundle/painbridge is missing" >&2; exit 1; }
mkdir -p "$out"
out=$(cd "$out" && pwd)

version=$(env -i "$bundle/painbridge" --version | awk '{print $2}')
arch=$(dpkg --print-architecture)
glibc=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
package=painbridge_${version}_${arch}

staging=$(mktemp -d "$out/.deb-staging.XXXXXX")
trap 'rm -rf "$staging"' EXIT
root=$staging/$package

install -d -m 0755 "$root/opt" "$root/usr/bin" "$root/usr/lib/painbridge" \
    "$root/usr/share/applications" "$root/usr/share/doc/painbridge" \
    "$root/usr/share/icons/hicolor/scalable/apps" "$root/usr/share/icons/hicolor/256x256/apps" \
    "$root/DEBIAN"
cp -a "$bundle" "$root/opt/painbridge"
chmod -R u=rwX,go=rX "$root/opt/painbridge"
ln -s /opt/painbridge/painbridge "$root/usr/bin/painbridge"
install -m 0644 "$here/painbridge.desktop" "$root/usr/share/applications/painbridge.desktop"
install -m 0644 "$installers/icons/painbridge.svg" \
    "$root/usr/share/icons/hicolor/scalable/apps/painbridge.svg"
install -m 0644 "$installers/icons/painbridge.png" \
    "$root/usr/share/icons/hicolor/256x256/apps/painbridge.png"
install -m 0755 "$here/write-machine-config" "$root/usr/lib/painbridge/write-machine-config"
install -m 0644 "$here/copyright" "$root/usr/share/doc/painbridge/copyright"
for script in config postinst postrm; do
    install -m 0755 "$here/$script" "$root/DEBIAN/$script"
done
install -m 0644 "$here/templates" "$root/DEBIAN/templates"

installed_size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The bundle carries Python, Qt, ICU and the Python libraries; the system provides the C
# library it was built against, OpenGL/EGL, and the X11/xcb, XKB, font, D-Bus, GLib and
# CUPS libraries Qt loads (installers/painbridge.spec leaves them out of the bundle; the
# installer tests check that these Depends cover every library the bundle links to).
# Wayland is optional: Qt falls back to X11 (XWayland).
depends=(
    "libc6 (>= $glibc)" "debconf (>= 0.5) | debconf-2.0"
    libgl1 libegl1 libopengl0 libdrm2 libxcb1 libx11-6 libx11-xcb1 libxkbcommon0
    libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-xfixes0 libxcb-randr0 libxcb-xkb1 libxcb-glx0 libxcb-util1 libfontconfig1
    libfreetype6 libdbus-1-3 libglib2.0-0 libcups2
)
recommends=(libwayland-client0 libwayland-cursor0 libwayland-egl1 fonts-dejavu-core
    fonts-wqy-microhei)
join() { local IFS=$'\n'; printf '%s\n' "$*" | paste -sd, - | sed 's/,/, /g'; }

cat > "$root/DEBIAN/control" <<CONTROL
Package: painbridge
Version: $version
Architecture: $arch
Maintainer: PainBridge maintainers <maintainers@painbridge.invalid>
Installed-Size: $installed_size
Depends: $(join "${depends[@]}")
Recommends: $(join "${recommends[@]}")
Section: science
Priority: optional
Homepage: https://painbridge.invalid/
Description: offline-first decision support for cancer pain (clinic application)
 PainBridge records standardized pain assessments, runs local models (pain
 mechanism and response to each analgesic option) with explanations, raises
 guideline alerts, tracks follow-up and sends complex cases to a hub hospital.
 .
 Decision support, not a diagnosis: the bundled models are trained on a
 synthetic cohort and are not clinically validated.
 .
 The hub address and a one-time enrollment code can be preseeded with debconf
 (painbridge/hub_url, painbridge/enrollment_code); see the IT guide.
CONTROL

compress=(-Z"$compression")
[ -n "$level" ] && compress+=(-z"$level")
dpkg-deb --root-owner-group "${compress[@]}" --build "$root" "$out/$package.deb" >&2
echo "$out/$package.deb"
