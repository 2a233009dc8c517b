#!/usr/bin/env bash
# Installs the Debian 12 packages argmap builds and tests with.
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libboost1.81-dev
  libfmt-dev
  libgraphviz-dev
  doctest-dev
  libcli11-dev
  nlohmann-json3-dev
  python3-jsonschema
  python3-yaml
  patch
)
# FUZZ_DEPS=1 (scripts/fuzz.sh, tidy.sh, valgrind.sh): clang and its
# libFuzzer/sanitizer runtimes, clang-tidy and valgrind.
if [ "${FUZZ_DEPS:-0}" = 1 ]; then
  packages+=(clang-14 libclang-rt-14-dev clang-tidy-14 valgrind)
fi

# EDITOR_DEPS=1 (scripts/test.sh): what the VS Code extension's tests need,
# Node.js and npm (unless the machine has them already) and Chromium.
if [ "${EDITOR_DEPS:-0}" = 1 ]; then
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
  packages+=(chromium unzip)
fi

# DOC_DEPS=1 (scripts/test.sh): Pandoc and MkDocs, whose argmap integrations
# (contrib/) the tests run.
if [ "${DOC_DEPS:-0}" = 1 ]; then
  packages+=(pandoc mkdocs)
fi

# PACKAGE_DEPS=1 (scripts/test.sh): what building and checking the .deb
# needs: help2man (manual pages), dpkg-dev (dpkg-shlibdeps), lintian, man-db,
# file, and zsh and fish to try their completions.
if [ "${PACKAGE_DEPS:-0}" = 1 ]; then
  packages+=(help2man dpkg-dev lintian man-db file zsh fish)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "argmap: installing Debian packages: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
