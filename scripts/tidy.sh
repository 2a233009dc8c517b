#!/usr/bin/env bash
# Runs clang-tidy (configuration: .clang-tidy) on argmap's own sources in
# io/, grammar/, engine/, render/, batch/ and cli/, with a compilation database from a
# clang configure in build-tidy/ (nothing is built). Exits non-zero on any
# finding. Usage: bash scripts/tidy.sh [FILE-REGEX]   (default: every source)
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_DEPS=1 bash scripts/install-deps.sh  # clang-14, clang-tidy-14
cmake -S . -B build-tidy -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DARGMAP_BUILD_TESTS=OFF -DARGMAP_BUILD_BENCH=OFF >/dev/null
filter=${1:-'/(io|grammar|engine|engine/interchange|render|batch|cli)/[^/]*\.cpp$'}
log=build-tidy/tidy.log
if run-clang-tidy-14 -p build-tidy -j "${JOBS:-2}" -quiet "$filter" >"$log" 2>&1 &&
    ! grep -q "error:\|warning:" "$log"; then
  echo "clang-tidy: no findings in $(grep -c '^clang-tidy' "$log" || true) files"
else
  grep -E "(error|warning):" "$log" | sort -u | head -50
  echo "clang-tidy: findings above (whole log: $log)"
  exit 1
fi
