#!/usr/bin/env bash
# Builds argmap with clang, AddressSanitizer + UndefinedBehaviorSanitizer, in
# build-sanitize/ and runs the whole test suite under them (leaks included;
# tests/sanitizers/lsan.supp lists the libraries' one-time allocations). The
# same build holds the libFuzzer targets, so CI fuzzes without building again
# (FUZZ_BUILD=build-sanitize bash scripts/fuzz.sh). -O1 with assertions on:
# fast enough to fuzz, every assert still checked.
set -euo pipefail
cd "$(dirname "$0")/.."
FUZZ_DEPS=1 bash scripts/install-deps.sh  # clang-14 and its sanitizer runtimes
# A build-sanitize/ left by an older script was configured with g++.
if [[ -f build-sanitize/CMakeCache.txt ]] &&
    ! grep -q '^CMAKE_CXX_COMPILER:.*clang++-14' build-sanitize/CMakeCache.txt; then
  rm -rf build-sanitize
fi
cmake -S . -B build-sanitize -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DARGMAP_SANITIZE=ON -DARGMAP_FUZZ=ON -DARGMAP_BUILD_BENCH=ON >/dev/null
cmake --build build-sanitize -j 2
cd build-sanitize
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$(pwd)/../tests/sanitizers/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# The installed-package test builds an outside project, which the sanitizer
# flags do not reach, and the editor's and browser tests are JavaScript: they
# run in the normal build.
ctest --output-on-failure -j 2 -E "^(package|editor|browser)\\."
# The HTTP server (argmap serve) under the sanitizers: the browser and
# raw-socket test, with this build's argmap (leaks are checked when SIGTERM
# stops it, so a leak fails its clean-exit check).
cd ..
EDITOR_DEPS=1 bash scripts/install-deps.sh
bash scripts/test-browser.sh build-sanitize/cli/argmap --serve-only
