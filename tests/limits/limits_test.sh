#!/bin/sh
# Hostile includes and input limits, end to end through the CLI: includes may
# not leave the include root, nor name a directory, FIFO or device; a file
# including itself is a cycle; --max-file-size and --max-depth refuse with a
# diagnostic. Every case must end (no hang on a FIFO) with its exit code and
# message. Usage: limits_test.sh ARGMAP
set -eu
argmap=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# expect CODE PATTERN ARGS...: runs argmap with a 20 s limit.
expect() {
  code=$1 pattern=$2
  shift 2
  set +e
  out=$(timeout 20 "$argmap" "$@" 2>&1 </dev/null)
  got=$?
  set -e
  [ "$got" -eq "$code" ] || fail "argmap $*: exit $got, expected $code: $out"
  echo "$out" | grep -q -- "$pattern" || fail "argmap $*: no '$pattern' in: $out"
}

mkdir -p "$work/project/maps" "$work/project/shared" "$work/outside"
printf '[o] Outside.\n' > "$work/outside/_o.arg"
printf '[s] Shared.\n' > "$work/project/shared/_s.arg"

# No .git: the root is the map's own folder.
printf '[a] A.\n  + [r] R.\ninclude "../shared/_s.arg"\n' > "$work/project/maps/up.arg"
expect 1 "leaves\|outside the include root" check "$work/project/maps/up.arg"
expect 1 "up.arg:3:1: error: cannot include '../shared/_s.arg': it is outside the include root" \
  check "$work/project/maps/up.arg"
expect 0 "0 errors\|no errors" check "$work/project/maps/up.arg" --include-root "$work/project"

# With .git above, the repository is the root; still nothing outside it.
mkdir "$work/project/.git"
expect 0 "0 errors\|no errors" check "$work/project/maps/up.arg"
printf '[a] A.\n  + [r] R.\ninclude "../../outside/_o.arg"\n' > "$work/project/maps/out.arg"
expect 1 "outside the include root '$work/project'" check "$work/project/maps/out.arg"
printf '[a] A.\n  + [r] R.\ninclude "/etc/passwd"\n' > "$work/project/maps/passwd.arg"
expect 1 "cannot include '/etc/passwd': it is outside the include root" render "$work/project/maps/passwd.arg" -o -
# A symlink inside the root pointing out of it is followed, then refused.
ln -s "$work/outside/_o.arg" "$work/project/maps/_link.arg"
printf '[a] A.\n  + [r] R.\ninclude "_link.arg"\n' > "$work/project/maps/link.arg"
expect 1 "outside the include root" check "$work/project/maps/link.arg"

# Directories, FIFOs and devices are not files to include.
mkdir "$work/project/maps/folder.arg"
printf '[a] A.\n  + [r] R.\ninclude "folder.arg"\n' > "$work/project/maps/dir.arg"
expect 1 "cannot include 'folder.arg': it is a directory" check "$work/project/maps/dir.arg"
mkfifo "$work/project/maps/_fifo.arg"
printf '[a] A.\n  + [r] R.\ninclude "_fifo.arg"\n' > "$work/project/maps/fifo.arg"
expect 1 "it is not a regular file" check "$work/project/maps/fifo.arg"
for device in /dev/zero /dev/stdin /dev/null; do
  printf '[a] A.\n  + [r] R.\ninclude "%s"\n' "$device" > "$work/project/maps/device.arg"
  expect 1 "cannot include '$device': it is not a regular file" check "$work/project/maps/device.arg" --include-root /
done

# A file including itself.
printf '[a] A.\n  + [r] R.\ninclude "self.arg"\n' > "$work/project/maps/self.arg"
expect 1 "include cycle: 'self.arg' includes 'self.arg'\|include cycle" check "$work/project/maps/self.arg"

# Limits.
printf '[a] A claim with a long text.\n  + [r] R.\n' > "$work/project/maps/small.arg"
expect 3 "file is larger than 10 bytes" check --max-file-size 10 "$work/project/maps/small.arg"
printf '[b] A shared claim whose text makes this file long.\n' > "$work/project/shared/_b.arg"
printf 'include "../shared/_b.arg"\n' > "$work/project/maps/inc.arg"
expect 1 "cannot include '../shared/_b.arg' (looked for .*): file is larger than 30 bytes" \
  check --max-file-size 30 "$work/project/maps/inc.arg" --include-root "$work/project"
printf 'A.\n  + B.\n    + C.\n      + D.\n        + E.\n' > "$work/project/maps/deep.arg"
expect 1 "nesting too deep: argmap accepts at most 3 levels" check --max-depth 3 "$work/project/maps/deep.arg"
expect 0 "wrote\|^<?xml\|<svg" render --max-depth 4 "$work/project/maps/deep.arg" -o -
# "Billion laughs": claim k rests on claims k-1 and k-2 by reference, so the
# number of paths doubles at every step (2^1000). References share nodes, so
# every command must stay linear: each finishes (60 s limit, for the sanitizer build) and writes an
# output at most 40 times the size of the input.
awk 'BEGIN { print "[c0] Base 0."; print "[c1] Base 1.";
             for (k = 2; k < 1000; k++) printf "[c%d] Claim %d rests on the two before it.\n  + @c%d\n  + @c%d\n", k, k, k - 1, k - 2 }' \
  > "$work/laughs.arg"
limit=$(( $(wc -c < "$work/laughs.arg") * 40 ))
for command in "eval" "eval --semantics preferred" "render --layout tree -o -" "render --layout dot --focus c999 --depth 40 -o -" \
    "export --to markdown" "export --to argdown" "export --to json" "export --to aif" "export --to graphml"; do
  # shellcheck disable=SC2086
  set +e
  timeout 60 "$argmap" $command "$work/laughs.arg" > "$work/laughs.out" 2>/dev/null
  status=$?
  set -e
  [ "$status" -eq 0 ] || fail "laughs: argmap $command failed or timed out (exit $status)"
  size=$(wc -c < "$work/laughs.out")
  [ "$size" -gt 0 ] && [ "$size" -lt "$limit" ] || fail "laughs: argmap $command wrote $size bytes (limit $limit)"
done

# argmap build applies the same rules to every map it renders.
mkdir -p "$work/project/site"
printf '[a] A.\n  + [r] R.\ninclude "/etc/passwd"\n' > "$work/project/site/leak.arg"
printf '[a] A.\n  + [r] R.\n' > "$work/project/site/fine.arg"
expect 1 "cannot include '/etc/passwd': it is outside the include root" \
  build "$work/project/site" -o "$work/out" -j 1
[ -f "$work/out/fine.svg" ] || fail "build: fine.svg missing"
[ ! -e "$work/out/leak.svg" ] || fail "build: leak.svg was written"
echo "limits: all cases passed"
