#!/usr/bin/env bash
# Parse benchmark: generates a 10 MB map and measures parse throughput and
# peak memory. Usage: bash bench/run-parse.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-10}
bash scripts/build.sh >/dev/null
mkdir -p bench/out
./build/bench/gen_map --claims 100000000 --bytes $((mb * 1000000)) > bench/out/parse-${mb}mb.arg
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "generated: $(wc -c < bench/out/parse-${mb}mb.arg) bytes, $(grep -c . bench/out/parse-${mb}mb.arg) non-blank lines"
./build/bench/parse_bench bench/out/parse-${mb}mb.arg 7
