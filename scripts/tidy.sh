#!/usr/bin/env bash
# Runs clang-tidy (configuration: .clang-tidy) on argmap's own sources in
# core/, io/, grammar/, engine/, render/, batch/, lsp/, serve/, embed/ and cli/, with a compilation
# database from a clang configure in build-tidy/ (nothing is built). Exits
# non-zero on any finding.
#
# A file is checked unless .ci/tidy-clean records that an earlier run found it
# clean with exactly the same inputs: the file, every header of the tree it
# includes, its compile flags, .clang-tidy and the versions of clang-tidy and
# of the packages whose headers it reads (scripts/tidy_keys.py). A clean run
# records its files there; commit the record with the change, and CI checks
# only what changed since. --all checks every file whatever the record says.
#
#   bash scripts/tidy.sh [--all] [FILE-REGEX]   (default: every source)
set -euo pipefail
cd "$(dirname "$0")/.."
all=0
if [[ ${1:-} == --all ]]; then
  all=1
  shift
fi
FUZZ_DEPS=1 bash scripts/install-deps.sh  # clang-14, clang-tidy-14
cmake -S . -B build-tidy -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DARGMAP_BUILD_TESTS=OFF -DARGMAP_BUILD_BENCH=OFF >/dev/null
# The one generated header (render/html.cpp includes it).
cmake --build build-tidy --target render_html_assets argmap_commit >/dev/null
filter=${1:-'/(core|io|grammar|engine|engine/interchange|render|batch|lsp|serve|embed|cli)/[^/]*\.cpp$'}
record=.ci/tidy-clean
log=build-tidy/tidy.log
keys=build-tidy/tidy-keys
python3 scripts/tidy_keys.py build-tidy "$filter" >"$keys"
touch "$record"
if [[ $all == 1 ]]; then
  cut -d' ' -f2 "$keys" >build-tidy/tidy-todo
else
  awk 'FILENAME == ARGV[1] { clean[$1] = 1; next } !($1 in clean) { print $2 }' "$record" "$keys" \
    >build-tidy/tidy-todo
fi
total=$(wc -l <"$keys")
todo=$(wc -l <build-tidy/tidy-todo)
: >"$log"
status=0
if [[ $todo -gt 0 ]]; then
  xargs -a build-tidy/tidy-todo -P "${JOBS:-2}" -n 1 clang-tidy-14 -p build-tidy --quiet \
    >"$log" 2>&1 || status=1
fi
if [[ $status != 0 ]] || grep -q "error:\|warning:" "$log"; then
  grep -E "(error|warning):" "$log" | sort -u | head -50
  echo "clang-tidy: findings above (whole log: $log)"
  exit 1
fi
# Every file of this run is clean: record its key (other paths keep theirs).
{
  awk 'FILENAME == ARGV[1] { here[$2] = 1; next } !($2 in here)' "$keys" "$record"
  cat "$keys"
} | sort -k2 >"$record.new"
mv "$record.new" "$record"
echo "clang-tidy: no findings in $todo files checked; $((total - todo)) unchanged since a clean run ($record)"
