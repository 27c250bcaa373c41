#!/usr/bin/env bash
# Builds the per-machine MSI from a Windows .exe with wixl (msitools):
#   packaging/build-msi.sh EXE VERSION OUT.msi
# Used by release.sh and by CI's Windows smoke test.
set -euo pipefail
exe=$(realpath "${1:?usage: build-msi.sh EXE VERSION OUT.msi}")
version=${2:?version}
out=$(realpath -m "${3:?out.msi}")
root=$(cd "$(dirname "$0")/.." && pwd)
stage=$(mktemp -d); trap 'rm -rf "$stage"' EXIT
# wixl resolves sources relative to the .wxs: everything is staged beside it.
cp "$exe" "$stage/trygghetstavlan.exe"
cp "$root/assets/icon/trygghetstavlan.ico" "$root/packaging/windows/trygghetstavlan.wxs" "$stage/"
cp "$root/LICENSE-MIT" "$stage/LICENSE-MIT.txt"
cp "$root/LICENSE-APACHE" "$stage/LICENSE-APACHE.txt"
(cd "$stage" && wixl -a x64 -D Version="$version" -o "$out" trygghetstavlan.wxs)
[[ -s $out ]] || { echo "wixl wrote no MSI" >&2; exit 1; }
