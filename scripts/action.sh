#!/usr/bin/env bash
# The steps of argmap's GitHub Action (action.yml), one per subcommand, so that
# tests/action/action_test.py runs the very same code with a simulated GitHub
# environment.
#
#   action.sh key       a hash of argmap's sources (the action's files, builds
#                       aside), as key=... on $GITHUB_OUTPUT: the package's
#                       cache key, the same for the same commit of the action
#   action.sh install   installs argmap's Debian package from the action's
#                       package/ folder (cached), building it there first
#                       when it is not (scripts/package-deb.sh); with
#                       $ARGMAP_BIN, uses that argmap instead. Puts argmap's
#                       folder on $GITHUB_PATH
#   action.sh build     argmap build $ARGMAP_FOLDERS -o $ARGMAP_OUTPUT
#                       -f $ARGMAP_FORMATS --diagnostics github [--eval $ARGMAP_EVAL]
#   action.sh diff      for every map under $ARGMAP_FOLDERS that differs from
#                       $ARGMAP_BASE: argmap diff --format markdown into
#                       $GITHUB_STEP_SUMMARY, and with ARGMAP_COMMENT=true a
#                       comment on the pull request ($GITHUB_API_URL, $GITHUB_TOKEN)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
argmap=${ARGMAP_BIN:-/usr/bin/argmap}
step=${1:?usage: action.sh key|install|build|diff}

case $step in
key)
  # The sources: git's list in a clone, else every file but builds (GitHub
  # unpacks an action without its .git).
  key=$(cd "$here" && { if [[ -d .git ]]; then git ls-files -z; else
                          find . -path './build*' -prune -o -path ./package -prune -o -path ./.git -prune -o -type f -print0; fi; } |
        sort -z | xargs -0 sha256sum | sha256sum | cut -c1-24)
  echo "key=$key" >> "${GITHUB_OUTPUT:-/dev/stdout}"
  ;;
install)
  if [[ -z ${ARGMAP_BIN:-} ]]; then
    deb=$(ls "$here"/package/argmap_*_amd64.deb 2>/dev/null | head -1 || true)
    [[ -n $deb ]] || deb=$(bash "$here/scripts/package-deb.sh" "$here/package")
    sudo=""
    [[ $(id -u) == 0 ]] || sudo=sudo
    $sudo apt-get install -y -q --no-install-recommends "$deb"
  fi
  [[ -n ${GITHUB_PATH:-} ]] && dirname "$argmap" >> "$GITHUB_PATH"
  "$argmap" --version
  ;;
build)
  read -r -a folders <<< "${ARGMAP_FOLDERS:-.}"
  args=(build "${folders[@]}" -o "${ARGMAP_OUTPUT:-diagrams}" -f "${ARGMAP_FORMATS:-svg}" --diagnostics github)
  [[ -n ${ARGMAP_EVAL:-} ]] && args+=(--eval "$ARGMAP_EVAL")
  "$argmap" "${args[@]}"
  ;;
diff)
  base=${ARGMAP_BASE:?the base commit (github.event.pull_request.base.sha)}
  read -r -a folders <<< "${ARGMAP_FOLDERS:-.}"
  summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
  link="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/blob/${GITHUB_SHA:-HEAD}"
  eval_args=()
  [[ -n ${ARGMAP_EVAL:-} ]] && eval_args=(--eval "$ARGMAP_EVAL")
  report=$(mktemp)
  trap 'rm -f "$report" "$report.md" "$report.json"' EXIT
  git cat-file -e "$base^{commit}" 2>/dev/null ||
    { echo "argmap: error: the base commit $base is not in this clone (check out with fetch-depth: 0)" >&2; exit 3; }
  changed=0 failed=0
  # The maps of the new version, and those only the base has.
  mapfile -t maps < <({ git ls-files -- "${folders[@]}" | grep '\.arg$' || true
                        git ls-tree -r --name-only "$base" -- "${folders[@]}" | grep '\.arg$' || true; } |
                      grep -v '/_[^/]*$' | grep -v '^_' | sort -u)
  for map in "${maps[@]}"; do
    if [[ ! -e $map ]]; then
      echo "**$map**: removed in this pull request." >> "$report"; echo >> "$report"
      changed=$((changed + 1)); continue
    fi
    status=0
    if git cat-file -e "$base:$map" 2>/dev/null; then
      out=$("$argmap" diff --git "$base" "$map" --format markdown --link "$link" "${eval_args[@]}") || status=$?
    else
      out=$("$argmap" diff /dev/null "$map" --format markdown --link "$link") || status=$?
    fi
    case $status in
      0) ;;
      1) changed=$((changed + 1)); printf '%s\n\n' "${out#*$'\n'$'\n'}" >> "$report" ;;
      *) failed=$((failed + 1)); echo "**$map**: could not be compared (see the job's log)." >> "$report"; echo >> "$report" ;;
    esac
  done
  {
    echo "### argmap: what this pull request changes in the argument"
    echo
    if [[ $changed -eq 0 && $failed -eq 0 ]]; then
      echo "No argument changed (${#maps[@]} maps compared with ${base:0:12})."
    else
      echo "${#maps[@]} maps compared with ${base:0:12}: $changed changed, $failed could not be compared."
      echo
      cat "$report"
    fi
  } > "$report.md"
  cat "$report.md" >> "$summary"
  if [[ ${ARGMAP_COMMENT:-false} == true && $((changed + failed)) -gt 0 ]]; then
    number=$(python3 -c 'import json,os; print(json.load(open(os.environ["GITHUB_EVENT_PATH"]))["pull_request"]["number"])')
    python3 -c 'import json,sys; print(json.dumps({"body": open(sys.argv[1]).read()}))' "$report.md" > "$report.json"
    curl --fail --silent --show-error -X POST \
      -H "Authorization: Bearer ${GITHUB_TOKEN:?a token to comment with}" \
      -H "Accept: application/vnd.github+json" -H "Content-Type: application/json" \
      --data @"$report.json" \
      "${GITHUB_API_URL:-https://api.github.com}/repos/$GITHUB_REPOSITORY/issues/$number/comments" > /dev/null
    rm -f "$report.json"
  fi
  rm -f "$report.md"
  [[ $failed -eq 0 ]] || exit 3
  ;;
*)
  echo "usage: action.sh key|install|build|diff" >&2
  exit 2
  ;;
esac
