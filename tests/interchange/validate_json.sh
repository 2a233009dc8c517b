#!/bin/sh
# Validates `argmap export --to json` of every example (plain and with an
# evaluation) against docs/argmap.schema.json, checks that the schema rejects
# a broken document, and that export -> import -> export gives the same JSON
# (source positions aside). Usage: validate_json.sh ARGMAP SOURCE_DIR
set -eu
argmap=$1
root=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
validate() {
  /usr/bin/python3 - "$root/docs/argmap.schema.json" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validate(json.load(open(sys.argv[2])), schema)
PY
}
for f in "$root"/examples/*.arg; do
  "$argmap" export "$f" --to json -o "$work/a.json"
  validate "$work/a.json" || { echo "FAIL: $f does not validate"; exit 1; }
  "$argmap" export "$f" --to json --eval grounded -o "$work/e.json"
  validate "$work/e.json" || { echo "FAIL: $f with --eval does not validate"; exit 1; }
  "$argmap" import "$work/a.json" --from json -o "$work/b.arg"
  "$argmap" export "$work/b.arg" --to json -o "$work/b.json"
  /usr/bin/python3 - "$work/a.json" "$work/b.json" <<'PY' || { echo "FAIL: $f json round trip"; exit 1; }
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for d in (a, b):
    for c in d["claims"]:
        c.pop("source")
sys.exit(0 if a == b else 1)
PY
done
printf '{"argmap_json": 1, "claims": []}' > "$work/broken.json"
if validate "$work/broken.json" 2>/dev/null; then echo "FAIL: the schema accepts a broken document"; exit 1; fi
echo "json schema and round trip: ok"
