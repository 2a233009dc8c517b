#!/usr/bin/env bash
# Builds argmap (installing its Debian packages if missing) and runs the whole
# test suite through ctest, the VS Code extension's tests and .vsix included
# (build/argmap.vsix). This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
# Node.js, npm and Chromium for editors/vscode; pandoc and mkdocs for contrib/.
# help2man, lintian and the rest for the Debian package.
EDITOR_DEPS=1 DOC_DEPS=1 PACKAGE_DEPS=1 bash scripts/install-deps.sh
bash scripts/build.sh
cd build
ctest --output-on-failure -j 2
