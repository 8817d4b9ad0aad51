#!/usr/bin/env bash
# README command 1: install what is missing, build the app and mlrig-cli (release, no tests:
# the `app` preset; ccache makes a second run start in seconds), and start mlrig on its
# embedded catalog. Extra arguments go to the app (e.g. ./run.sh examples/2x3090-llm.mlrig).
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh app
cmake --preset app >/dev/null
cmake --build --preset app -j"$(nproc)"
exec build/app/app/mlrig "$@"
