#!/usr/bin/env bash
# Argdown import benchmark: argmap's Argdown export of a generated map (about
# 5 MB), imported back with `argmap import --from argdown`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
mkdir -p bench/out
./build/bench/gen_map --claims 60000 --depth 5 > bench/out/argdown-import.arg
./build/cli/argmap export bench/out/argdown-import.arg --to argdown -o bench/out/argdown-import.argdown
echo "Argdown file: $(wc -c < bench/out/argdown-import.argdown) bytes"
./build/bench/measure --runs 3 --quiet -- ./build/cli/argmap import bench/out/argdown-import.argdown --from argdown -o bench/out/argdown-imported.arg 2>/dev/null
