#!/usr/bin/env bash
# The VS Code extension's tests (editors/vscode): its npm packages installed
# from the lockfile, the unit tests of its logic, the TextMate grammar's
# tests (every construct, Markdown fences, every example map), the preview
# page in Chromium with diagrams from the real argmap, and `vsce package`
# writing the .vsix. ctest runs it as `editor.vscode`.
#
#   bash scripts/test-editor.sh ARGMAP [VSIX]     VSIX: where to write the package
set -euo pipefail
argmap=$(realpath "$1")
vsix=$(realpath -m "${2:-build/argmap.vsix}")
cd "$(dirname "$0")/../editors/vscode"
# npm ci wipes node_modules; skip it when the installed tree is the lockfile's.
if ! cmp -s package-lock.json node_modules/.argmap-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.argmap-lock
fi
npm test --silent
node test/preview.browser.js "$argmap" "${CHROMIUM:-/usr/bin/chromium}"
mkdir -p "$(dirname "$vsix")"
npx vsce package --skip-license --allow-missing-repository -o "$vsix" >/dev/null
listing=$(unzip -l "$vsix")
for f in package.json src/extension.js media/preview.js syntaxes/argmap.tmLanguage.json \
    node_modules/vscode-languageclient/package.json; do
  grep -q "extension/$f\$" <<<"$listing" || { echo "vsce: $f is missing from $vsix" >&2; exit 1; }
done
echo "vsce: packaged $vsix ($(stat -c %s "$vsix") bytes)"
