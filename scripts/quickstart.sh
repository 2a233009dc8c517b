#!/usr/bin/env bash
# Quick start: installs argmap's Debian packages if missing, builds argmap,
# renders the worked example to SVG and prints where it is.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
out=build/beijing-hostage-diplomacy.svg
build/cli/argmap render examples/beijing-hostage-diplomacy.arg -o "$out"
echo "$(pwd)/$out"
