#!/usr/bin/env bash
# Render benchmark: generated maps of 100, 1,000 and 5,000 claims to SVG with
# the dot layout; prints the share of the time Graphviz's layout takes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
mkdir -p bench/out
files=()
for n in 100 1000 5000; do
  ./build/bench/gen_map --claims "$n" --depth 5 > "bench/out/render-$n.arg"
  files+=("bench/out/render-$n.arg")
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
./build/bench/render_bench "${files[@]}"
echo "whole command, argmap render -f svg (3 runs each):"
for f in "${files[@]}"; do
  printf '%-28s ' "$f"
  ./build/bench/measure --runs 3 -- ./build/cli/argmap render "$f" -o /tmp/argmap-bench.svg
done
