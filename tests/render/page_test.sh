#!/bin/sh
# render --page: a PDF fits the page (its MediaBox is at most the paper's
# size, and as wide or as tall as it), a PNG is shrunk, the note or warning
# says how small the text came out, and a map that fits is not enlarged.
# Usage: page_test.sh ARGMAP EXAMPLES
set -eu
argmap=$1
examples=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
box() { grep -a -o 'MediaBox \[[^]]*\]' "$1" | head -1 | tr -d '[]' | awk '{print $4, $5}'; }

err=$("$argmap" render "$examples/beijing-hostage-diplomacy.arg" -f pdf --page a4-landscape -o "$work/b.pdf" 2>&1)
set -- $(box "$work/b.pdf")
[ "$1" -le 842 ] && [ "$2" -le 596 ] || fail "A4 landscape PDF is $1 x $2"
[ "$1" -ge 841 ] || [ "$2" -ge 595 ] || fail "the drawing does not reach the page's edge: $1 x $2"
echo "$err" | grep -q "warning: drawn at [0-9]* % to fit a4-landscape; its smallest text is [0-9.]* pt, too small" ||
  fail "no warning about the text size: $err"

err=$("$argmap" render "$examples/undercut.arg" -f pdf --page a3 -o "$work/u.pdf" 2>&1)
set -- $(box "$work/u.pdf")
[ "$1" -le 842 ] && [ "$2" -le 1191 ] || fail "A3 PDF is $1 x $2"
echo "$err" | grep -q "note: drawn at [0-9]* % to fit a3; its smallest text is [6-9].[0-9] pt" ||
  fail "no note with a readable size: $err"

printf '[t] Tea is good.\n  + It is warm.\n' > "$work/small.arg"
"$argmap" render "$work/small.arg" -f pdf -o "$work/c0.pdf" 2>/dev/null
err=$("$argmap" render "$work/small.arg" -f pdf --page a3-landscape -o "$work/c.pdf" 2>&1)
[ "$(box "$work/c.pdf")" = "$(box "$work/c0.pdf")" ] || fail "a small map was resized"
echo "$err" | grep -q "drawn at 100 %" || fail "a small map is drawn at full size: $err"

"$argmap" render "$examples/beijing-hostage-diplomacy.arg" -f png -o "$work/b0.png" 2>/dev/null
"$argmap" render "$examples/beijing-hostage-diplomacy.arg" -f png --page letter -o "$work/b.png" 2>/dev/null
w0=$(od -An -tu1 -j16 -N4 "$work/b0.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
w=$(od -An -tu1 -j16 -N4 "$work/b.png" | awk '{print $1*16777216+$2*65536+$3*256+$4}')
[ "$w" -lt "$w0" ] && [ "$w" -le 720 ] || fail "the PNG is $w px wide (without --page: $w0)"
echo "page tests passed"
