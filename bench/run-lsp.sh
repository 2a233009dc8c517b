#!/usr/bin/env bash
# Language-server benchmark: the time from a `didChange` to its
# `publishDiagnostics` and the server's memory, on the Beijing map and on a
# generated 10,000-claim map (issue 17's targets: 5 ms, 50 ms, 50 MB).
# Usage: bash bench/run-lsp.sh [CLAIMS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-10000}
bash scripts/build.sh >/dev/null
mkdir -p bench/out
map=bench/out/lsp-${claims}.arg
./build/bench/gen_map --claims "$claims" --co-premises 10 --references 5 > "$map"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 bench/lsp_bench.py build/cli/argmap examples/beijing-hostage-diplomacy.arg 40
python3 bench/lsp_bench.py build/cli/argmap "$map" 40
