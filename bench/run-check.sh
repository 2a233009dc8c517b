#!/usr/bin/env bash
# Check benchmark: `argmap check` on a generated 100,000-claim map with
# references and co-premises. Usage: bash bench/run-check.sh [CLAIMS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-100000}
bash scripts/build.sh >/dev/null
mkdir -p bench/out
map=bench/out/check-${claims}.arg
./build/bench/gen_map --claims "$claims" --co-premises 10 --references 5 > "$map"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "map: $claims claims, $(wc -c < "$map") bytes"
./build/cli/argmap stats --format json "$map"
echo "argmap check (7 runs, output discarded):"
./build/bench/measure --runs 7 --quiet -- ./build/cli/argmap check "$map"
