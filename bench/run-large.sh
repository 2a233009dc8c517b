#!/usr/bin/env bash
# Large maps, end to end: generated maps of 1,000, 10,000 and 100,000 claims
# (co-premises, references, attacks, undercuts, a section per 1,000 claims)
# through `argmap check`, `argmap render -f svg --layout tree` and
# `--layout dot`, and the peers when they are installed: Argdown 1.7.5
# (`argdown map --format svg` on argmap's Argdown export of the same map) and
# Graphviz's `dot -Tsvg` on argmap's own DOT. Prints one table of wall time,
# peak RSS and argmap(tree)/peer time ratios, and writes it into
# docs/performance.md between the "large-maps" markers.
#
#   bash bench/run-large.sh            # sizes 1000 10000 100000
#   SIZES="1000 10000" CAP=30 bash bench/run-large.sh
#
# Peers: Argdown is looked for in $ARGDOWN_DIR (default bench/out/argdown) and
# installed there with npm if npm is present; `dot` comes from Debian's
# graphviz package (apt-get install graphviz). A command that runs longer
# than CAP seconds (default 60) is stopped and reported as such, and larger
# sizes are skipped for it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
SIZES=${SIZES:-"1000 10000 100000"}
CAP=${CAP:-60}
OUT=bench/out/large
ARGDOWN_DIR=${ARGDOWN_DIR:-bench/out/argdown}
mkdir -p "$OUT"
argmap=./build/cli/argmap
measure=./build/bench/measure

argdown=""
if [[ ! -x "$ARGDOWN_DIR/node_modules/.bin/argdown" ]] && command -v npm >/dev/null; then
  mkdir -p "$ARGDOWN_DIR"
  (cd "$ARGDOWN_DIR" && npm install --no-audit --no-fund @argdown/cli@1.7.5 >npm.log 2>&1) || true
fi
[[ -x "$ARGDOWN_DIR/node_modules/.bin/argdown" ]] && argdown="$ARGDOWN_DIR/node_modules/.bin/argdown"
dot_tool=$(command -v dot || true)

# run NAME RUNS CMD...: prints "seconds MB" (best of RUNS, peak RSS), or
# "stopped" after CAP seconds, or "failed" when the command exits non-zero.
run() {
  local runs=$1
  shift
  local line
  line=$(timeout "$((CAP + 5))" "$measure" --runs "$runs" --quiet -- timeout "$CAP" "$@" 2>/dev/null | tail -1) || true
  if [[ $line =~ best\ ([0-9.]+)\ s.*peak-rss\ ([0-9.]+)\ MB\ +exit\ ([0-9]+) ]]; then
    local secs=${BASH_REMATCH[1]} mb=${BASH_REMATCH[2]} code=${BASH_REMATCH[3]}
    if [[ $code == 124 ]]; then echo "stopped"; elif [[ $code != 0 ]]; then echo "failed"; else echo "$secs $mb"; fi
  else
    echo "stopped"
  fi
}

declare -A skip
rows=()
for n in $SIZES; do
  map="$OUT/map-$n.arg"
  ./build/bench/gen_map --claims "$n" --depth 6 --co-premises 10 --references 5 > "$map"
  claims=$("$argmap" stats "$map" --format json | sed -n 's/.*"claims": *\([0-9]*\).*/\1/p' | head -1)
  runs=3
  [[ $n -ge 100000 ]] && runs=1
  declare -A r=()
  r[check]=$(run "$runs" "$argmap" check "$map")
  r[tree]=$(run "$runs" "$argmap" render "$map" --layout tree -o "$OUT/map-$n.tree.svg")
  for tool in dot argdown graphviz; do
    if [[ -n ${skip[$tool]:-} ]]; then r[$tool]="skipped"; continue; fi
    case $tool in
      dot) r[dot]=$(run 1 "$argmap" render "$map" --layout dot -o "$OUT/map-$n.dot.svg") ;;
      argdown)
        if [[ -z $argdown ]]; then r[argdown]="not installed"; continue; fi
        "$argmap" export "$map" --to argdown -o "$OUT/map-$n.argdown"
        rm -rf "$OUT/argdown-$n"
        r[argdown]=$(run 1 "$argdown" map "$OUT/map-$n.argdown" "$OUT/argdown-$n" --format svg)
        if [[ ${r[argdown]} != stopped && ${r[argdown]} != failed ]] && ! ls "$OUT/argdown-$n"/*.svg >/dev/null 2>&1; then
          r[argdown]="failed"  # exit 0 but no SVG written
        fi ;;
      graphviz)
        if [[ -z $dot_tool ]]; then r[graphviz]="not installed"; continue; fi
        "$argmap" render "$map" --layout dot -f dot -o "$OUT/map-$n.dot"
        r[graphviz]=$(run 1 "$dot_tool" -Tsvg "$OUT/map-$n.dot" -o "$OUT/map-$n.graphviz.svg") ;;
    esac
    [[ ${r[$tool]} == stopped ]] && skip[$tool]=1
  done
  cell() {  # "1.23 s, 45 MB" or the word
    local v=${r[$1]}
    if [[ $v =~ ^[0-9.]+\ [0-9.]+$ ]]; then printf '%.3f s, %.0f MB' ${v% *} ${v#* }; else
      [[ $v == stopped ]] && echo "stopped at ${CAP} s" || echo "$v"; fi
  }
  ratio() {  # argmap tree time / peer time
    local a=${r[tree]} p=${r[$1]}
    if [[ $a =~ ^[0-9.]+\ [0-9.]+$ && $p =~ ^[0-9.]+\ [0-9.]+$ ]]; then
      awk -v a="${a% *}" -v p="${p% *}" 'BEGIN { printf "%.3f", a / p }'
    elif [[ $a =~ ^[0-9.]+\ [0-9.]+$ && $p == stopped ]]; then
      awk -v a="${a% *}" -v c="$CAP" 'BEGIN { printf "< %.3f", a / c }'
    else echo "–"; fi
  }
  rows+=("| $n ($claims) | $(cell check) | $(cell tree) | $(cell dot) | $(cell argdown) | $(cell graphviz) | $(ratio dot) | $(ratio argdown) | $(ratio graphviz) |")
  unset r
done

# The tree layout's phases in one process, to show each grows linearly.
maps=()
for n in $SIZES; do maps+=("$OUT/map-$n.arg"); done
phases=$(./build/bench/render_bench --layout tree "${maps[@]}" | awk '
  NR == 1 { next }
  { printf "| %s | %s | %.3f s | %.3f s | %.3f s | %.3f s | %.3f s | %.1f µs |\n",
           $1, $2, $4, $5, $6, $7, $8, 1e6 * $6 / $2 }')

machine="$(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
table=$(
  echo "Measured $(date -u +%Y-%m-%d) on $machine; best of 3 runs (1 run at 100,000 claims and for the peers), peak RSS of the process; commands stopped after ${CAP} s."
  echo
  echo "| claims written (claim nodes) | argmap check | argmap render, tree | argmap render, dot | Argdown 1.7.5 map → SVG | Graphviz dot -Tsvg on argmap's DOT | tree/dot | tree/Argdown | tree/Graphviz |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "The tree layout's phases in one process (\`bench/render_bench --layout tree\`): building the cgraph graph, layout (Graphviz measuring the labels, \`tree_layout\`, routing), writing the SVG, freeing; the last column is layout time per claim."
  echo
  echo "| map | claims | check | build | layout | SVG | free | layout per claim |"
  echo "|---|---|---|---|---|---|---|---|"
  echo "$phases"
)
echo "$table"

doc=docs/performance.md
if grep -q '<!-- large-maps:begin -->' "$doc"; then
  awk -v table="$table" '
    /<!-- large-maps:begin -->/ { print; print table; skipping = 1; next }
    /<!-- large-maps:end -->/ { skipping = 0 }
    !skipping { print }' "$doc" > "$doc.tmp" && mv "$doc.tmp" "$doc"
  echo "updated $doc"
fi
