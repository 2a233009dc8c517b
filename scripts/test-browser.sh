#!/usr/bin/env bash
# argmap's pages in a real browser (tests/browser): `render -f html` and
# `argmap serve` (with a hostile HTTP client too), Chromium driven by
# puppeteer-core, installed with `npm ci` from the lockfile. ctest runs it as
# `browser.html`; SCREENSHOT, when given, is where the page's picture goes
# (docs/img/html-page.png is one).
#
#   bash scripts/test-browser.sh ARGMAP [SCREENSHOT]
#   bash scripts/test-browser.sh ARGMAP --serve-only    the server's test alone
#     (scripts/test-sanitized.sh runs it on the sanitized argmap)
set -euo pipefail
argmap=$(realpath "$1")
serve_only=0
if [[ ${2:-} == --serve-only ]]; then serve_only=1; shot=; else shot=${2:+$(realpath -m "$2")}; fi
cd "$(dirname "$0")/../tests/browser"
if ! cmp -s package-lock.json node_modules/.argmap-lock 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.argmap-lock
fi
[[ $serve_only == 1 ]] || node html_page.test.js "$argmap" ${shot:+"$shot"}
node serve.test.js "$argmap"
