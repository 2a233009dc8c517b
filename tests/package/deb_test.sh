#!/usr/bin/env bash
# The Debian package (issue 20): builds it with cpack from BUILD_DIR, checks
# its name and derived dependencies, unpacks it with dpkg-deb -x into a
# temporary root and runs the packaged argmap there on every example; checks
# the manual pages render (man -l), that the bash, zsh and fish completions
# offer the subcommands and option values, that the headers and CMake
# package are in it, and that lintian reports no error.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(realpath "$1") source=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() {  # check CONDITION-EXIT-CODE MESSAGE
  if [[ $1 == 0 ]]; then echo "ok $2"; else echo "FAIL: $2"; failures=$((failures + 1)); fi
}

(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; exit 1; }
version=$("$build/cli/argmap" --version | awk 'NR == 1 { print $2 }')
deb=$work/out/argmap_${version}_amd64.deb
[[ -f $deb ]]; check $? "cpack made argmap_${version}_amd64.deb ($(ls "$work/out" | grep deb || true))"
depends=$(dpkg-deb -f "$deb" Depends)
[[ $depends == *libc6* && $depends == *libgvc6* && $depends == *libcgraph6* && $depends == *libstdc++6* ]]
check $? "dependencies derived by dpkg-shlibdeps: $depends"

root=$work/root
dpkg-deb -x "$deb" "$root"
argmap=$root/usr/bin/argmap
[[ -x $argmap ]]; check $? "/usr/bin/argmap is in the package"
! ldd "$argmap" | grep -q "not found"; check $? "every library the packaged argmap needs is found"
file "$argmap" | grep -q "stripped" && ! file "$argmap" | grep -q "not stripped"; check $? "the packaged argmap is stripped"
"$argmap" --version | grep -q "^argmap $version (commit "; check $? "the packaged argmap runs: $("$argmap" --version | head -1)"
examples=$root/usr/share/doc/argmap/examples
n=0
for map in "$examples"/*.arg; do
  out=$work/$(basename "$map" .arg)
  "$argmap" render "$map" -o "$out.svg" && "$argmap" render "$map" -o "$out.png" &&
    python3 -c "import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])" "$out.svg" &&
    [[ $(head -c 4 "$out.png" | od -An -c | tr -d ' ') == '211PNG' ]]
  check $? "the packaged argmap draws $(basename "$map") as SVG and PNG"
  n=$((n + 1))
done
[[ $n -ge 5 ]]; check $? "the package holds the examples ($n maps)"
"$argmap" md "$examples/report.md" -o "$work/report.md" --assets "$work/img" >/dev/null 2>&1 &&
  [[ $(ls "$work/img" | wc -l) == 2 ]]
check $? "the packaged argmap md draws the example report"

man_page=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/argmap.1.gz" 2>/dev/null)
[[ $man_page == *"argmap-render(1)"* && $man_page == *"draw a map as SVG"* ]]
check $? "man -l argmap.1.gz renders, with the subcommands and their pages"
render_page=$(MANWIDTH=100 man -l "$root/usr/share/man/man1/argmap-render.1.gz" 2>/dev/null)
[[ $render_page == *"ARGMAP-RENDER(1)"* && $render_page == *"--theme"* && $render_page == *"colorblind"* ]]
check $? "man -l argmap-render.1.gz renders its options"
pages=$(ls "$root/usr/share/man/man1" | wc -l)
subcommands=$("$argmap" --help | awk '/^Subcommands:/ { on = 1; next } on && NF' | wc -l)
[[ $pages == $((subcommands + 1)) ]]; check $? "a page per subcommand ($pages pages, $subcommands subcommands)"

bash_words=$(bash -c 'source "$1"; COMP_WORDS=(argmap ""); COMP_CWORD=1; _argmap; echo "${COMPREPLY[*]}"' _ \
  "$root/usr/share/bash-completion/completions/argmap")
[[ $bash_words == *render* && $bash_words == *check* && $bash_words == *md* && $bash_words == *diff* ]]
check $? "bash completion offers the subcommands: $bash_words"
bash_values=$(bash -c 'source "$1"; COMP_WORDS=(argmap render map.arg --format ""); COMP_CWORD=4; _argmap; echo "${COMPREPLY[*]}"' _ \
  "$root/usr/share/bash-completion/completions/argmap")
[[ $bash_values == "svg png pdf dot html" ]]; check $? "bash completion offers render --format's values: $bash_values"
if command -v fish >/dev/null; then
  fish_words=$(fish -c "source $root/usr/share/fish/vendor_completions.d/argmap.fish; complete -C 'argmap eval --semantics '" | cut -f1 | tr '\n' ' ')
  [[ $fish_words == *grounded* && $fish_words == *dfquad* ]]; check $? "fish completion offers eval --semantics' values: $fish_words"
fi
if command -v zsh >/dev/null; then
  # An interactive zsh on a pseudo-terminal (zpty), as a user would type:
  # TAB twice lists what the completion offers.
  cat > "$work/offers.zsh" <<'ZSH'
zmodload zsh/zpty
zpty z "zsh -f -i"
zpty -w z "PS1='>'; fpath=($1 \$fpath); autoload -U compinit; compinit -u -D"
sleep 1
zpty -n -w z "$2"$'\t\t'
sleep 2
all=""
while zpty -r -t z chunk; do all+=$chunk; done
zpty -d z
print -r -- "$all"
ZSH
  zsh_offers() {
    timeout 30 zsh -f "$work/offers.zsh" "$root/usr/share/zsh/vendor-completions" "$1" |
      tr -d '\r' | sed 's/\x1b\[[0-9;?]*[a-zA-Z]//g'
  }
  zsh_words=$(zsh_offers "argmap ")
  [[ $zsh_words == *check* && $zsh_words == *render* && $zsh_words == *serve* ]]
  check $? "zsh completion offers the subcommands: $(tail -c 300 <<< "$zsh_words" | tr '\n' ' ')"
  zsh_values=$(zsh_offers "argmap render map.arg --theme ")
  [[ $zsh_values == *colorblind*dark*default*mono* ]]
  check $? "zsh completion offers render --theme's values: $(tail -c 200 <<< "$zsh_values" | tr '\n' ' ')"
fi

[[ -f $root/usr/include/argmap/engine/check.hpp && -f $root/usr/lib/cmake/argmap/argmapConfig.cmake ]]
check $? "the libraries' faces and CMake package are in it"
! ls "$root"/usr/lib/*.a >/dev/null 2>&1 && ls "$root"/usr/lib/argmap/libengine.a >/dev/null
check $? "the static libraries in /usr/lib/argmap/ (libio.a, libcore.a are names others use)"
[[ -f $root/usr/share/doc/argmap/copyright && -f $root/usr/share/doc/argmap/changelog.gz ]]
check $? "copyright and changelog in /usr/share/doc/argmap"

lintian --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || true
grep -v "root privileges" "$work/lintian.log" | sed 's/^/  lintian: /' || true
! grep -q "^E: " "$work/lintian.log"; check $? "lintian reports no error"

echo "$failures failures"
[[ $failures == 0 ]]
