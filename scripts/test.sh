#!/usr/bin/env bash
# Builds argmap (installing its Debian packages if missing) and runs the whole
# test suite through ctest. This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure -j 2
