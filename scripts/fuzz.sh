#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) in build-fuzz/ (or in
# the sanitized build FUZZ_BUILD names, which scripts/test-sanitized.sh makes
# with them: CI builds once for both) and runs each for SECONDS (default 30),
# starting from the saved corpus (tests/fuzz/corpus/TARGET) and seeds taken
# from examples/ and tests/golden/. New inputs go to BUILD/corpus/TARGET;
# crashes to BUILD/crashes/. Exits non-zero if any target finds a crash, a
# leak or a timeout.
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]      targets: parse pipeline fmt import batch lsp lsp_server serve compare markdown
#   JOBS=2 bash scripts/fuzz.sh 3600                an hour each, two targets at a time
#   FUZZ_BUILD=build-sanitize bash scripts/fuzz.sh  the fuzzers of the sanitized build
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(parse pipeline fmt import batch lsp lsp_server serve compare markdown)
jobs=${JOBS:-1}
FUZZ_DEPS=1 bash scripts/install-deps.sh
build=${FUZZ_BUILD:-build-fuzz}
if [[ -z ${FUZZ_BUILD:-} ]]; then
  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DARGMAP_FUZZ=ON -DARGMAP_BUILD_TESTS=OFF -DARGMAP_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j 2 --target "${targets[@]/#/fuzz_}"

# Seeds: maps for the map targets; for `import`, each interchange file behind
# the byte that selects its format (0 JSON, 1 AIF, 2 Argdown, 3 Kialo, 4 TGF, 5 APX, 6 i23).
seed() {
  local target=$1 dir=$build/seeds/$1
  rm -rf "$dir" && mkdir -p "$dir"
  if [[ $target == batch ]]; then
    # An ignore file and paths (selector 0), a manifest (selector 1).
    { printf '\x00'; printf '# comment\ndrafts/\n*.bak.arg\n!keep.arg\n[a-c]?.arg\nlogs/**\n**/gen/\n'
      printf '\0drafts/x.arg\na/b/c.bak.arg\nkeep.arg\nb1.arg\nlogs/x/y.arg\nq/gen\n'; } > "$dir/ignore"
    { printf '\x01'; printf '{"argmap_manifest":2,"maps":{"sub/a.arg":{"key":"0123456789abcdef",'
      printf '"outputs":{"sub/a.svg":"0123456789abcdef","sub/a.png":"fedcba9876543210"}}}}'; } > "$dir/manifest"
  elif [[ $target == lsp ]]; then
    # A piece-size byte, then LSP messages: whole, split, with a Content-Type,
    # and a malformed header.
    local init='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}'
    { printf '\x03'; printf 'Content-Length: %d\r\n\r\n%s' ${#init} "$init"; } > "$dir/initialize"
    { printf '\x00'; printf 'Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}'
      printf 'Content-Length: 2\r\n\r\n[]'; } > "$dir/two"
    { printf '\x07'; printf 'Content-Length: x\r\n\r\n{}'; } > "$dir/malformed"
  elif [[ $target == serve ]]; then
    : # the saved corpus (tests/fuzz/corpus/serve) holds requests
  elif [[ $target == lsp_server ]]; then
    # A map, a NUL, then four bytes a message: definition, hover, an edit,
    # rename, completion, code actions at a few places.
    local n=0
    for f in examples/*.arg tests/golden/check/*.arg; do
      { cat "$f"; printf '\0\x01\x03\x05\x00\x06\x10\x04\x00\x00\x02\x01\x03\x05\x04\x06\x01'
        printf '\x07\x02\x08\x01\x0b\x01\x00\x02\x0a\x00\x00\x00'; } > "$dir/$((n++))"
    done
  elif [[ $target == compare ]]; then
    # Two maps behind each other, a 0xFF byte between: each example with every other.
    local n=0
    for f in examples/*.arg; do
      for g in examples/*.arg; do
        { cat "$f"; printf '\xff'; cat "$g"; } > "$dir/$((n++))"
      done
    done
  elif [[ $target == markdown ]]; then
    # A mode byte (bit 0: --details), then a document: each example as a
    # block, with options, beside another language's block.
    local n=0
    for f in examples/*.arg; do
      { printf '\x0%d' $((n % 2)); printf '# Doc\n\ntext\n```argmap theme=mono depth=2\n'; cat "$f"
        printf '```\n\n```python\n```argmap\n```\n'; } > "$dir/$((n++))"
    done
  elif [[ $target == import ]]; then
    local n=0
    for pair in "0:json" "1:aif.json" "1:xaif.json" "2:argdown" "3:kialo.txt" "3:kialo" "4:tgf" "5:apx" "6:i23"; do
      local byte=${pair%%:*} ext=${pair#*:}
      for f in $(find tests/golden examples -name "*.$ext" 2>/dev/null); do
        { printf "\\x0$byte"; cat "$f"; } > "$dir/$((n++))"
      done
    done
  else
    find examples tests/golden/parse tests/golden/check tests/hostile -name '*.arg' -exec cp {} "$dir/" \;
  fi
}

# Graphviz's, Pango's and cairo's one-time allocations are not leaks of argmap's
# (tests/sanitizers/lsan.supp says which and why).
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
status=0
run() {
  local target=$1
  seed "$target"
  mkdir -p "$build/corpus/$target" "$build/crashes" "tests/fuzz/corpus/$target"
  local log="$build/$target.log"
  if "$build"/tests/fuzz/fuzz_"$target" "$build/corpus/$target" "tests/fuzz/corpus/$target" \
      "$build/seeds/$target" -dict=tests/fuzz/argmap.dict -max_total_time="$seconds" \
      -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$target-" >"$log" 2>&1; then
    local execs cov
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    echo "fuzz_$target: ${seconds} s, $execs runs, $cov, corpus $(ls "$build/corpus/$target" | wc -l) inputs"
  else
    echo "fuzz_$target: FOUND A PROBLEM (see $log and $build/crashes/):"
    grep -E "ERROR|SUMMARY|abort|Test unit written" "$log" | head -5
    return 1
  fi
}
pids=()
for t in "${targets[@]}"; do
  run "$t" &
  pids+=($!)
  if [[ ${#pids[@]} -ge $jobs ]]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || status=1; done
exit $status
