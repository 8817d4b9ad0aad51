#!/usr/bin/env bash
# README command 2: install what is missing, build with warnings as errors and checked
# containers (ci preset), and run every test suite: core, ui (offscreen), cli.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci -j"$(nproc)"
export QT_QPA_PLATFORM=offscreen
ctest --preset ci -j"$(nproc)"
