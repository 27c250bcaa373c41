#!/usr/bin/env bash
# The window read through the real accessibility tree (AT-SPI, as Orca reads it) under
# Xvfb: keyboard-only steps, every focusable node named, the focus where it should be
# (exit 1 otherwise). .ci/run runs it on a fresh demo database (half a minute); the same
# checks run headless in tests/it/ui.rs through egui's AccessKit tree.
#   tools/a11y/check.sh BINARY DATABASE "START OF A LÖFTE'S TEXT"
# Installs Xvfb, openbox, xdotool, at-spi2-core, python3-pyatspi and dbus-x11 if missing.
set -euo pipefail
bin=$(realpath "$1"); db=$(realpath "$2"); prefix=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
need=()
for p in xvfb:Xvfb openbox:openbox xdotool:xdotool dbus-x11:dbus-run-session; do
  command -v "${p#*:}" >/dev/null || need+=("${p%%:*}")
done
[ -x /usr/libexec/at-spi-bus-launcher ] || need+=(at-spi2-core)
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || need+=(python3-pyatspi)
if ((${#need[@]})); then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
d=90; while [[ -e /tmp/.X11-unix/X$d || -e /tmp/.X$d-lock ]]; do d=$((d+1)); done
export DISPLAY=:$d
Xvfb ":$d" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
home=$(mktemp -d)
dbus-run-session -- env BIN="$bin" DB="$db" HERE="$here" HOME="$home" PREFIX="$prefix" bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  # What a running screen reader sets: AccessKit exposes the window only then.
  busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true
  openbox >/dev/null 2>&1 &
  "$BIN" --db "$DB" >"$HOME/app.log" 2>&1 &
  app=$!
  sleep 1
  xdotool search --name Trygghetstavlan windowactivate >/dev/null 2>&1 || true
  status=0
  /usr/bin/python3 "$HERE/flow.py" "$PREFIX" || status=$?
  kill $app
  exit $status
' 2> >(grep -v '^dbus-daemon' >&2)
