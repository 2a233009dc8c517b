#!/bin/sh
# Installs argmap from BUILD_DIR into a temporary prefix, builds the consumer
# project against it, and checks that diagrams rebuild when an included file
# changes. Usage: package_test.sh BUILD_DIR CONSUMER_SOURCE_DIR
set -eu
build=$1
consumer=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cmake --install "$build" --prefix "$work/prefix" > /dev/null
cp -r "$consumer" "$work/src"
cmake -S "$work/src" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; fail "configure"; }
cmake --build "$work/build" -j 2 > "$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
out=$("$work/build/count_claims" "$work/src/map.arg")
[ "$out" = "3 claims, 0 errors" ] || fail "count_claims printed '$out'"
[ -f "$work/build/diagrams/map.svg" ] || fail "map.svg not built"
grep -q 'A claim from an included partial' "$work/build/diagrams/map.dot" || fail "map.dot lacks the partial"
# Change only the included partial: the diagrams must be rebuilt.
sleep 1
printf '[p] An edited partial.\n  + @t\n' > "$work/src/_part.arg"
cmake --build "$work/build" -j 2 > "$work/rebuild.log" 2>&1 || { cat "$work/rebuild.log"; fail "rebuild"; }
grep -q 'An edited partial' "$work/build/diagrams/map.dot" || fail "diagram not rebuilt after the partial changed"
echo "package test passed"
