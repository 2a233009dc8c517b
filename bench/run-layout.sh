#!/usr/bin/env bash
# Layout benchmark (issue 18): for every example and for generated maps of
# 50, 200 and 1,000 claims (a section every 25 claims, trees 4 deep), the
# drawing's width, height and aspect, its smallest text on an A4 landscape
# page, its edge crossings and the time it took; `flat` (the whole map in
# one dot layout, as argmap drew it before) against `auto` (the default).
# Usage: bash bench/run-layout.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
mkdir -p bench/out
maps=(examples/*.arg)
for n in 50 200 1000; do
  ./build/bench/gen_map --claims "$n" --depth 4 --section-every 25 > "bench/out/layout-$n.arg"
  maps+=("bench/out/layout-$n.arg")
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
python3 bench/layout_bench.py build/cli/argmap flat,auto "${maps[@]}"
