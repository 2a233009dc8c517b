#!/usr/bin/env bash
# argmap diff benchmark (issue 19's target: 0.5 s): a generated map of
# 10,000 claims against a copy with 1 % of its claims edited, removed or
# moved (bench/plant_edits.py), the whole command timed with bench/measure.
# Usage: bash bench/run-diff.sh [CLAIMS]
set -euo pipefail
cd "$(dirname "$0")/.."
claims=${1:-10000}
bash scripts/build.sh >/dev/null
mkdir -p bench/out
old=bench/out/diff-$claims-old.arg new=bench/out/diff-$claims-new.arg
./build/bench/gen_map --claims "$claims" --references 0 > "$old"
python3 bench/plant_edits.py "$old" "$new" 1 1
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
./build/cli/argmap diff "$old" "$new" | tail -1 || true
for form in human json; do
  printf 'argmap diff --format %-6s ' "$form"
  ./build/bench/measure --runs 5 --quiet -- ./build/cli/argmap diff "$old" "$new" --format "$form"
done
printf 'argmap check (both maps, for scale) '
./build/bench/measure --runs 5 --quiet -- ./build/cli/argmap check "$old" "$new"
