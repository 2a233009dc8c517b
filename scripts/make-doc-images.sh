#!/usr/bin/env bash
# Regenerates the pictures in docs/img/ from examples/ with the argmap just
# built. Run after a change to rendering; the SVGs are checked in.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
argmap=build/cli/argmap
mkdir -p docs/img
$argmap render examples/beijing-hostage-diplomacy.arg -o docs/img/beijing.svg
$argmap render examples/beijing-hostage-diplomacy.arg --focus blinked --depth 2 \
  -o docs/img/beijing-blinked.svg
for theme in default dark mono colorblind; do
  $argmap render examples/sections-and-tags.arg --theme "$theme" \
    -o "docs/img/theme-$theme.svg"
done
$argmap render examples/co-premises.arg -o docs/img/co-premises.svg
$argmap render examples/undercut.arg -o docs/img/undercut.svg
$argmap render examples/undercut.arg --direction LR -o docs/img/undercut-lr.svg
$argmap render examples/sections-and-tags.arg --tags health -o docs/img/view-tags.svg
$argmap render examples/sections-and-tags.arg --tag-colors -o docs/img/tag-colors.svg
$argmap render examples/reinstatement.arg --eval grounded -o docs/img/reinstatement-grounded.svg
$argmap render examples/reinstatement.arg --eval dfquad -o docs/img/reinstatement-dfquad.svg
$argmap render examples/beijing-hostage-diplomacy.arg --eval grounded -o docs/img/beijing-grounded.svg
# The two layouts on the same maps (docs/rendering.md, "Layouts").
$argmap render examples/beijing-hostage-diplomacy.arg --layout tree -o docs/img/beijing-tree.svg
$argmap render examples/beijing-hostage-diplomacy.arg --layout flat -o docs/img/beijing-flat.svg
build/bench/gen_map --claims 300 --depth 5 > build/generated-300.arg
$argmap render build/generated-300.arg --layout dot -o docs/img/generated-300-dot.svg
$argmap render build/generated-300.arg --layout tree -o docs/img/generated-300-tree.svg
# argmap diff --render (docs/diff.md): the Beijing map, an objection dropped, a rebuttal added.
python3 - <<'PY'
s = open("examples/beijing-hostage-diplomacy.arg", encoding="utf-8").read()
s = s.replace("  - [caved] The Biden administration broke under Beijing's pressure and handed China a "
              "victory that rewards intimidation.\n    - @blinked\n", "")
s = s.replace("    - [ah_q]", "    - [no_credit] Official media have little credibility outside China.\n    - [ah_q]", 1)
s = s.replace("[comprehensive] The defeat was not absolute, but it was quite comprehensive.",
              "[comprehensive] The defeat was not total, but it was quite comprehensive.")
open("build/beijing-edited.arg", "w", encoding="utf-8").write(s)
PY
$argmap diff examples/beijing-hostage-diplomacy.arg build/beijing-edited.arg \
  --render docs/img/diff-beijing.svg >/dev/null || true
# argmap md (docs/documents.md): the example report's two drawings.
rm -rf build/report && $argmap md examples/report.md -o build/report/report.md --assets build/report
n=0
for svg in $(grep -o 'report-[0-9a-f]*\.svg' build/report/report.md); do
  cp "build/report/$svg" "docs/img/report-$((++n)).svg"
done
echo "docs/img: $(ls docs/img | wc -l) pictures"
