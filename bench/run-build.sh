#!/usr/bin/env bash
# Build benchmark: `argmap build -j 2` of 500 generated maps of 20-200 claims,
# cold (empty output folder) and warm (nothing changed).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
dir=bench/out/build-500
rm -rf "$dir" && mkdir -p "$dir/src"
for i in $(seq 1 500); do
  claims=$((20 + (i * 37) % 181))
  ./build/bench/gen_map --claims "$claims" --seed "$i" --depth 4 > "$dir/src/map-$i.arg"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "maps: 500, $(cat "$dir"/src/*.arg | wc -c) bytes in all"
echo "cold:"; ./build/bench/measure --runs 1 --quiet -- ./build/cli/argmap build "$dir/src" -o "$dir/out" -j 2
echo "warm (nothing changed, 5 runs):"; ./build/bench/measure --runs 5 --quiet -- ./build/cli/argmap build "$dir/src" -o "$dir/out" -j 2
./build/cli/argmap build "$dir/src" -o "$dir/out" -j 2 | tail -1
