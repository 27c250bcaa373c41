#!/usr/bin/env bash
# Builds everything a user installs, into dist/:
#   trygghetstavlan.exe                      Windows x86_64, stripped, icon and VERSIONINFO
#   Trygghetstavlan-<version>-x64.msi        per-machine MSI (Program Files, Start menu)
#   trygghetstavlan_<version>_amd64.deb      Debian/Ubuntu, desktop entry and icon
#   SHA256SUMS
# Installs the Debian packages it needs. The Windows build compiles std from source with
# Debian's rustc-web (rustup cannot add the target here): about 25 minutes on 2 cores.
#   packaging/release.sh [--smoke]   --smoke also runs packaging/windows-smoke.sh on the
#                                    built .exe and .msi under Wine
#   PROFILE=dist packaging/release.sh   whole-program optimisation (smaller, much slower
#                                       to build; README "Utveckling" has the figures)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
smoke=false; [[ ${1:-} == --smoke ]] && smoke=true
profile=${PROFILE:-release}

need=(rustc-web cargo-web rust-web-src mingw-w64 wixl msitools dpkg-dev)
$smoke && need+=(wine wine64 poppler-utils xvfb)
missing=()
for p in "${need[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
if ((${#missing[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
dist=$root/dist
rm -rf "$dist"; mkdir -p "$dist"
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT

echo "== Linux ($profile)"
cargo build --profile "$profile" --locked
linux_bin=$root/target/$profile/trygghetstavlan

echo "== Windows ($profile, std from source with Debian's rustc-web $(/usr/bin/rustc --version | cut -d' ' -f2))"
PATH=/usr/bin:$PATH RUSTC_BOOTSTRAP=1 \
  CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc CARGO_TARGET_DIR=target/windows \
  cargo build --profile "$profile" --locked -Zbuild-std --target x86_64-pc-windows-gnu
exe=$dist/trygghetstavlan.exe
cp "target/windows/x86_64-pc-windows-gnu/$profile/trygghetstavlan.exe" "$exe"
x86_64-w64-mingw32-strip "$exe"
# A GUI program (no console window beside it) with its icon and version information.
pe=$(x86_64-w64-mingw32-objdump -p "$exe")
grep -q "Subsystem.*(Windows GUI)" <<<"$pe" || { echo "the .exe is not a GUI-subsystem program" >&2; exit 1; }
x86_64-w64-mingw32-objdump -h "$exe" | grep -q "\.rsrc" || { echo "the .exe has no resources" >&2; exit 1; }
strings -el "$exe" | grep -qx "$version.0" || strings -el "$exe" | grep -q "^$version" \
  || { echo "the .exe has no VERSIONINFO $version" >&2; exit 1; }

echo "== MSI"
msi=$dist/Trygghetstavlan-$version-x64.msi
packaging/build-msi.sh "$exe" "$version" "$msi"

echo "== .deb"
deb_root=$stage/deb
install -Dm755 "$linux_bin" "$deb_root/usr/bin/trygghetstavlan"
install -Dm644 packaging/linux/trygghetstavlan.desktop "$deb_root/usr/share/applications/trygghetstavlan.desktop"
install -Dm644 assets/icon/trygghetstavlan-256.png "$deb_root/usr/share/icons/hicolor/256x256/apps/trygghetstavlan.png"
install -Dm644 assets/icon/trygghetstavlan-64.png "$deb_root/usr/share/icons/hicolor/64x64/apps/trygghetstavlan.png"
install -Dm644 LICENSE-MIT "$deb_root/usr/share/doc/trygghetstavlan/LICENSE-MIT"
install -Dm644 LICENSE-APACHE "$deb_root/usr/share/doc/trygghetstavlan/LICENSE-APACHE"
cat >"$deb_root/usr/share/doc/trygghetstavlan/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: trygghetstavlan
Files: *
Copyright: 2026 The Trygghetstavlan developers
License: MIT or Apache-2.0
 See /usr/share/doc/trygghetstavlan/LICENSE-MIT and LICENSE-APACHE.
COPYRIGHT
# Linked: libc, libgcc_s, libm (dpkg-shlibdeps reads them from the binary). Loaded at run
# time by winit/glutin/accesskit, which dpkg-shlibdeps cannot see: listed by hand.
mkdir -p "$stage/shlib/debian"; touch "$stage/shlib/debian/control"
linked=$(cd "$stage/shlib" && dpkg-shlibdeps -O "$linux_bin" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
runtime="libgl1, libegl1, libx11-6, libx11-xcb1, libxcb1, libxcursor1, libxi6, libxrender1, libxkbcommon0, libxkbcommon-x11-0, libwayland-client0, libwayland-egl1, libdbus-1-3"
size=$(du -sk "$deb_root" | cut -f1)
mkdir -p "$deb_root/DEBIAN"
cat >"$deb_root/DEBIAN/control" <<CONTROL
Package: trygghetstavlan
Version: $version
Architecture: amd64
Maintainer: Trygghetstavlan <info@trygghetstavlan.se>
Installed-Size: $size
Depends: ${linked:-libc6 (>= 2.34), libgcc-s1}, $runtime
Recommends: libgl1-mesa-dri, xdg-desktop-portal
Section: misc
Priority: optional
Homepage: https://trygghetstavlan.se
Description: Uppföljning av medborgarlöften för kommun och polis
 Trygghetstavlan håller en kommuns medborgarlöften, insatserna mot dem,
 trygghetsvandringar och lägesbildsmöten, och skriver den tryckta
 uppföljningen (PDF) och invånarnas webbsida. Licens: MIT eller Apache-2.0.
CONTROL
deb=$dist/trygghetstavlan_${version}_amd64.deb
dpkg-deb --root-owner-group --build "$deb_root" "$deb" >/dev/null

(cd "$dist" && sha256sum trygghetstavlan.exe "$(basename "$msi")" "$(basename "$deb")" >SHA256SUMS)

if $smoke; then
  packaging/windows-smoke.sh "$exe" "$msi"
fi

# The Wine stand-in for bcryptprimitives.dll is for tests only.
if find "$dist" -iname 'bcryptprimitives*' | grep -q .; then echo "a test DLL is in dist/" >&2; exit 1; fi
echo
echo "Klart:"
for f in "$exe" "$msi" "$deb" "$dist/SHA256SUMS"; do
  printf '  %s (%s)\n' "$f" "$(du -h "$f" | cut -f1)"
done
