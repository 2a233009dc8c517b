#!/usr/bin/env bash
# Builds argmap's Debian package: installs the Debian packages it needs (when
# missing), builds argmap in build/ and runs cpack there. Prints the .deb's
# path. Install it with `apt-get install ./argmap_VERSION_amd64.deb`, which
# brings the libraries it depends on (docs/install.md).
#   bash scripts/package-deb.sh [OUTPUT_DIR]   (default: build/package)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build/package}")
PACKAGE_DEPS=1 bash scripts/install-deps.sh
bash scripts/build.sh >/dev/null
mkdir -p "$out"
(cd build && cpack -G DEB -B "$out" >/dev/null)
rm -rf "$out/_CPack_Packages"
ls "$out"/argmap_*_amd64.deb
