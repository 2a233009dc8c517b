#!/usr/bin/env bash
# Evaluation benchmark: grounded on 1,000,000 arguments / 3,000,000 attacks,
# preferred on generated random and grid instances.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
./build/bench/eval_bench
