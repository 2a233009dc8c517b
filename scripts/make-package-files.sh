#!/usr/bin/env bash
# Writes what the Debian package adds to the program, all made from argmap
# itself so none can differ from --help: the manual pages (help2man):
# argmap(1) with the subcommand list and argmap-SUBCOMMAND(1) for each
# subcommand, gzip'd as Debian wants them, in OUTPUT_DIR/man/; the bash, zsh
# and fish completions (argmap completion) in OUTPUT_DIR/completions/.
#   bash scripts/make-package-files.sh ARGMAP OUTPUT_DIR
set -euo pipefail
argmap=$1 out=$2
# The pages' date is the commit's (the same build, the same pages).
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git -C "$(dirname "$0")/.." log -1 --format=%ct 2>/dev/null || date +%s)}
export LC_ALL=C.UTF-8 SOURCE_DATE_EPOCH
mkdir -p "$out/man" "$out/completions"
"$argmap" completion bash > "$out/completions/argmap"
"$argmap" completion zsh > "$out/completions/_argmap"
"$argmap" completion fish > "$out/completions/argmap.fish"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mapfile -t subs < <("$argmap" --help | awk '/^Subcommands:/ { on = 1; next } on && NF { print $1 }')
[[ ${#subs[@]} -ge 5 ]] || { echo "make-man.sh: no subcommands in '$argmap --help'" >&2; exit 1; }
{
  echo "[SEE ALSO]"
  first=1
  for s in "${subs[@]}"; do
    [[ $first == 1 ]] || printf ',\n'
    printf '.BR argmap\\-%s (1)' "$s"
    first=0
  done
  printf '\n.PP\nThe full documentation is in /usr/share/doc/argmap/ (docs/ in the source).\n'
} > "$work/main.h2m"
help2man --no-info --no-discard-stderr --section 1 --source "argmap" \
  --name "argument maps: parse, check, evaluate and render them" \
  --include "$work/main.h2m" "$argmap" > "$work/argmap.1"
for s in "${subs[@]}"; do
  description=$("$argmap" --help | awk -v s="$s" '$1 == s { $1 = ""; sub(/^ +/, ""); print }')
  printf '[SEE ALSO]\n.BR argmap (1)\n' > "$work/sub.h2m"
  help2man --no-info --no-discard-stderr --section 1 --source "argmap" --name "$description" \
    --help-option "$s --help" --include "$work/sub.h2m" "$argmap" |
    sed -e "s/^\.TH ARGMAP /.TH ARGMAP\\\\-${s^^} /" -e "s/^argmap \\\\- /argmap\\\\-$s \\\\- /" \
    > "$work/argmap-$s.1"
done
for page in "$work"/*.1; do
  gzip -9n < "$page" > "$out/man/$(basename "$page").gz"
done
