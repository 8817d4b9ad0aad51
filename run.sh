#!/usr/bin/env bash
# README command 1: install what is missing, build a release, and start mlrig on its
# embedded catalog. Extra arguments go to the app (e.g. ./run.sh examples/2x3090-llm.mlrig).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j"$(nproc)"
exec build/release/app/mlrig "$@"
