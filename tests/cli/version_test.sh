#!/bin/sh
# argmap --version names the commit it was built from: the checkout's HEAD
# (cmake/commit.cmake looks it up at every build), or "unknown" outside git.
#   version_test.sh ARGMAP SOURCE_DIR
version=$("$1" --version | head -n 1)
commit=$(git -C "$2" rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
case $version in
  "argmap "*" (commit $commit"*) echo "ok: $version"; exit 0 ;;
  *) echo "FAIL: '$version' does not name HEAD ($commit)"; exit 1 ;;
esac
