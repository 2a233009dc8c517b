#!/usr/bin/env bash
# Builds argmap with AddressSanitizer + UndefinedBehaviorSanitizer in
# build-sanitize/ and runs the whole test suite under them (leaks included;
# tests/sanitizers/lsan.supp lists the libraries' one-time allocations).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-sanitize -DCMAKE_BUILD_TYPE=Debug -DARGMAP_SANITIZE=ON -DARGMAP_BUILD_BENCH=ON >/dev/null
cmake --build build-sanitize -j 2
cd build-sanitize
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$(pwd)/../tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The installed-package test builds an outside project, which the sanitizer
# flags do not reach; it runs in the normal build.
ctest --output-on-failure -j 2 -E "^package\\."
