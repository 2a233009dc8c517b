#!/usr/bin/env bash
# Interchange benchmark: import of a generated AIF file of about 50 MB.
# (The AIF file is argmap's own export of a generated map.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
mkdir -p bench/out
./build/bench/gen_map --claims 160000 --depth 5 > bench/out/interchange.arg
./build/cli/argmap export bench/out/interchange.arg --to aif -o bench/out/interchange.json
bytes=$(wc -c < bench/out/interchange.json)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "AIF file: $bytes bytes"
echo "argmap import --from aif (3 runs):"
./build/bench/measure --runs 3 --quiet -- ./build/cli/argmap import bench/out/interchange.json --from aif -o bench/out/interchange-imported.arg
