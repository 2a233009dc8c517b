#!/usr/bin/env bash
# valgrind --leak-check=full on `argmap render` of every example in every
# format. Fails on any memory error and on any leak not covered by
# tests/sanitizers/valgrind.supp (Graphviz's, Pango's and fontconfig's own
# allocations, each entry commented). Then checks the suppressions hide
# nothing of argmap's: in unsuppressed runs, no leak may be allocated from a
# frame in argmap's own binary.
#
#   bash scripts/valgrind.sh [ARGMAP]     (default: build/cli/argmap)
set -euo pipefail
cd "$(dirname "$0")/.."
argmap=${1:-build/cli/argmap}
[[ -x $argmap ]] || { echo "valgrind.sh: no $argmap; build first (bash scripts/build.sh)"; exit 2; }
command -v valgrind >/dev/null || FUZZ_DEPS=1 bash scripts/install-deps.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
vg=(valgrind -q --num-callers=50 --leak-check=full --error-exitcode=9
    --show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible)
status=0 runs=0
for map in examples/*.arg; do
  for format in svg png pdf dot; do
    runs=$((runs + 1))
    if ! "${vg[@]}" --suppressions=tests/sanitizers/valgrind.supp \
        "$argmap" render "$map" -f "$format" -o "$work/out.$format" >"$work/log" 2>&1; then
      echo "valgrind: errors in argmap render $map -f $format:"
      head -60 "$work/log"
      status=1
    fi
  done
done
# Unsuppressed: every leak's first frame past the allocator must be a library's.
for format in svg png; do
  "${vg[@]}" --error-exitcode=0 "$argmap" render examples/beijing-hostage-diplomacy.arg -f "$format" \
    -o "$work/out.$format" >"$work/raw.log" 2>&1
  if ! /usr/bin/python3 - "$work/raw.log" "$(basename "$argmap")" <<'PY'; then status=1; fi
import re, sys
log, binary = open(sys.argv[1]).read().split("\n"), sys.argv[2]
allocator = re.compile(r"(malloc|calloc|realloc|memalign|operator new|strdup|g_malloc|g_slice|gmalloc|zmalloc|grealloc|agalloc)")
records, ours = 0, 0
frames = None
for line in log + [""]:
    text = re.sub(r"^==\d+== ?", "", line)
    if re.search(r"are (definitely|indirectly|possibly) lost", text):
        frames, records = [], records + 1
    elif frames is not None and re.match(r"\s+(at|by) 0x", text):
        frames.append(text)
    elif frames is not None:
        first = next((f for f in frames if not allocator.search(f)), "")
        if ("/" + binary + ")") in first or ".cpp:" in first:
            ours += 1
            print("a leak allocated by argmap itself:\n" + "\n".join(frames))
        frames = None
print(f"valgrind: {records} leak records without suppressions, {ours} allocated by argmap's code")
sys.exit(1 if ours else 0)
PY
done
[[ $status -eq 0 ]] && echo "valgrind: $runs renders clean (examples x svg, png, pdf, dot)"
exit $status
