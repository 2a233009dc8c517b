#!/bin/sh
# argmap build, end to end: incremental rebuilds, includes, parallel output
# identical to serial, a broken map among good ones, pruning, and a killed
# worker leaving no partial file. Usage: build_test.sh ARGMAP EXAMPLES_DIR
set -eu
argmap=$1
examples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$work/src/sub" "$work/src/skipped"
cp "$examples"/*.arg "$work/src/"
printf '[top] Includer.\n  + [r] Reason.\ninclude "_part.arg"\n' > "$work/src/sub/includer.arg"
printf '[part] From a partial.\n  + [p] Its reason.\n' > "$work/src/sub/_part.arg"
cp "$examples/undercut.arg" "$work/src/skipped/"
printf 'skipped/\n' > "$work/src/.argmapignore"
maps=$(ls "$examples"/*.arg | wc -l)
total=$((maps + 1))

out=$("$argmap" build "$work/src" -o "$work/out" -j 2)
echo "$out" | grep -q "^$total maps: $total rendered, 0 up to date, 0 failed$" || fail "first build: $out"
[ -f "$work/out/sub/includer.svg" ] || fail "sub/includer.svg missing"
[ ! -e "$work/out/skipped" ] || fail ".argmapignore not honoured"
[ ! -e "$work/out/sub/_part.svg" ] || fail "a partial was rendered"

out=$("$argmap" build "$work/src" -o "$work/out" -j 2)
echo "$out" | grep -q "0 rendered, $total up to date, 0 failed (nothing to do)" || fail "second build: $out"

printf '[part] From an edited partial.\n  + [p] Its reason.\n' > "$work/src/sub/_part.arg"
out=$("$argmap" build "$work/src" -o "$work/out" -j 2)
echo "$out" | grep -q "^rendered sub/includer.arg$" || fail "includer not re-rendered: $out"
echo "$out" | grep -q "1 rendered, $maps up to date" || fail "more than the includer re-rendered: $out"

"$argmap" build "$work/src" -o "$work/serial" -j 1 > /dev/null
"$argmap" build "$work/src" -o "$work/parallel" -j 2 > /dev/null
diff -r "$work/serial" "$work/parallel" > /dev/null || fail "-j 2 output differs from -j 1"

cp "$work/out/co-premises.svg" "$work/before.svg"
printf '[x] Broken now.\n  - @nope\n' > "$work/src/co-premises.arg"
set +e
out=$("$argmap" build "$work/src" -o "$work/out" -j 2)
rc=$?
set -e
[ $rc -eq 1 ] || fail "a broken map must exit 1, got $rc"
echo "$out" | grep -q "undefined reference '@nope'" || fail "diagnostics missing: $out"
echo "$out" | grep -q "^failed   co-premises.arg$" || fail "failure not listed: $out"
cmp -s "$work/before.svg" "$work/out/co-premises.svg" || fail "output of a failed map was changed"

rm "$work/src/co-premises.arg" "$work/src/undercut.arg"
"$argmap" build "$work/src" -o "$work/out" > /dev/null 2>&1
[ -f "$work/out/undercut.svg" ] || fail "an output was removed without --prune"
"$argmap" build "$work/src" -o "$work/out" --prune > /dev/null 2>&1
[ ! -e "$work/out/undercut.svg" ] || fail "--prune did not remove the output of a deleted map"

# -f html: a page per map and an index linking them; a second build is up to date.
mkdir -p "$work/web/sub"
cp "$examples/undercut.arg" "$work/web/"
printf '[a] A.\n  + @nope\n' > "$work/web/sub/broken.arg"
"$argmap" build "$work/web" -o "$work/webout" -f svg,html > /dev/null 2>&1 || true
[ -f "$work/webout/undercut.html" ] || fail "-f html wrote no page"
grep -q '<li><a href="undercut.html">undercut.arg</a></li>' "$work/webout/index.html" ||
  fail "the index does not link the page: $(cat "$work/webout/index.html")"
grep -q 'sub/broken.arg (has errors; no page)' "$work/webout/index.html" || fail "the index does not list the broken map"
out=$("$argmap" build "$work/web" -o "$work/webout" -f svg,html 2>&1 || true)
echo "$out" | grep -q "1 up to date" || fail "an html build is not up to date the second time: $out"

# Kill the workers of a build in progress: no partial output, no temporary file.
mkdir -p "$work/big"
"$(dirname "$argmap")/../bench/gen_map" --claims 2500 > "$work/big/a.arg"
cp "$work/big/a.arg" "$work/big/b.arg"
"$argmap" build "$work/big" -o "$work/bigout" -j 2 > /dev/null 2>&1 &
parent=$!
sleep 0.4
pkill -9 -P "$parent" || true
wait "$parent" || true
if find "$work/bigout" -name '.*tmp-*' | grep -q .; then fail "temporary files left behind"; fi
for f in "$work"/bigout/*.svg; do
  [ -e "$f" ] || continue
  tail -c 7 "$f" | grep -q '</svg>' || fail "partial output $f"
done
echo "build tests passed"
