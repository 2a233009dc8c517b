#!/usr/bin/env bash
# `argmap serve` benchmark: save -> updated page on the Beijing map, in
# Chromium (issue 18's target: 100 ms). Usage: bash bench/run-serve.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
EDITOR_DEPS=1 bash scripts/install-deps.sh
(cd tests/browser && { cmp -s package-lock.json node_modules/.argmap-lock 2>/dev/null ||
  { npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.argmap-lock; }; })
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
node bench/serve_bench.js build/cli/argmap "${1:-20}"
