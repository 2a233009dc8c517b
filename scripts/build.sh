#!/usr/bin/env bash
# Installs argmap's Debian packages if missing, then configures and builds
# argmap in build/ (Release). Usage: bash scripts/build.sh [extra cmake args]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j 2
