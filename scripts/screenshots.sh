#!/bin/sh
# Renders the documentation screenshots (main window with a 2-GPU build, also at 1366x768 and in
# dark mode, the GPU picker, the
# value charts, the power panel, the empty first-run window, every build wizard step, the GPU
# comparison and its PDF, the PCPartPicker import) into docs/screenshots/ using the
# offscreen Qt platform and the hidden --screenshot option of mlrig.
#   scripts/screenshots.sh [BUILD_DIR]   (default: build/ui)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$here/build/ui"}
out="$here/docs/screenshots"
if [ ! -x "$build/app/mlrig" ]; then
    echo "screenshots: $build/app/mlrig not built (cmake --build $build --target mlrig)" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# A throwaway settings/data home so the user's own settings and catalog copy do not show.
QT_QPA_PLATFORM=offscreen XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" \
    XDG_RUNTIME_DIR="$tmp" QT_SCALE_FACTOR="${QT_SCALE_FACTOR:-1}" \
    "$build/app/mlrig" --screenshot "$out"
# The comparison PDF is shown as a picture of its first page.
if [ -f "$out/comparison.pdf" ]; then
    pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$out/comparison.pdf" "$out/comparison-report"
    rm -f "$out/comparison.pdf"
fi
ls -1 "$out"/*.png
