#!/bin/sh
# Installs argmap from BUILD_DIR into a temporary prefix; checks that the
# installed headers are the libraries' faces (they compile together, include
# no Boost, Graphviz or CLI11 header, and no header of the source tree that
# does is installed); builds the consumer project against the package, and
# checks that diagrams rebuild when an included file changes.
# Usage: package_test.sh BUILD_DIR CONSUMER_SOURCE_DIR SOURCE_DIR
set -eu
build=$1
consumer=$2
source=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cmake --install "$build" --prefix "$work/prefix" > /dev/null
include="$work/prefix/include/argmap"
# The faces include nothing of Boost, Graphviz or CLI11...
if grep -rlE '#include +<(boost|graphviz|CLI)/' "$include"; then fail "an installed header includes a private dependency"; fi
# ...and no header that does (X3's grammars, Graphviz's adapter) is installed.
for h in $(cd "$source" && grep -lE '#include +<(boost|graphviz|CLI)/' io/*.hpp grammar/*.hpp engine/*.hpp engine/*/*.hpp render/*.hpp 2>/dev/null); do
  [ ! -e "$include/$h" ] || fail "private header $h is installed"
  printf '#include "%s"\n' "$h" | c++ -std=c++20 -fsyntax-only -I"$include" -x c++ - 2>/dev/null &&
    fail "private header $h is reachable from the installed package"
done
# Every installed header compiles, all of them in one translation unit.
(cd "$include" && find . -name '*.hpp' | sed 's|^\./|#include "|; s|$|"|') > "$work/all.cpp"
[ "$(wc -l < "$work/all.cpp")" -ge 30 ] || fail "too few installed headers: $(wc -l < "$work/all.cpp")"
c++ -std=c++20 -fsyntax-only -I"$include" "$work/all.cpp" || fail "the installed headers do not compile together"
cp -r "$consumer" "$work/src"
# docs/api.md's example, and the output it says it prints.
awk '/^```cpp$/ { on = 1; next } /^```$/ { on = 0 } on' "$source/docs/api.md" > "$work/src/api_example.cpp"
awk '/^```text$/ { on = 1; next } /^```$/ { on = 0 } on' "$source/docs/api.md" > "$work/api_expected.txt"
[ -s "$work/src/api_example.cpp" ] && [ -s "$work/api_expected.txt" ] || fail "docs/api.md has no example"
cmake -S "$work/src" -B "$work/build" -DCMAKE_PREFIX_PATH="$work/prefix" > "$work/configure.log" 2>&1 ||
  { cat "$work/configure.log"; fail "configure"; }
cmake --build "$work/build" -j 2 > "$work/build.log" 2>&1 || { cat "$work/build.log"; fail "build"; }
"$work/build/api_example" > "$work/api_output.txt" 2>/dev/null || fail "docs/api.md's example failed"
diff -u "$work/api_expected.txt" "$work/api_output.txt" || fail "docs/api.md's example printed something else"
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
