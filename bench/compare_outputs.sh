#!/usr/bin/env bash
# What a change does to the output, corpus by corpus: events and places written by this checkout
# and by an older commit, compared file by file, with the events that differ listed.
#
#   bash bench/compare_outputs.sh [REF]      # REF: a commit (default HEAD)
#
# Runs `diplomap extract` over Reuters-21578, dev_gold, the seeds and the four geoparsing corpora,
# and `diplomap places` over the geoparsing corpora and dev_gold, all from ../shared (skipped when
# it is absent). A speed-up should leave every file identical; a new rule should change only what
# it means to. About a minute a side on 2 cores. REF runs from a temporary worktree on its own
# data/, and with a gazetteer cache of its own when its gazetteer code or data differ (an index of
# another layout is never shared). A side that fails stops the script and shows its errors.
set -euo pipefail
REF=${1:-HEAD}
HERE=$(cd "$(dirname "$0")/.." && pwd)
SHARED="$HERE/../shared"
[ -d "$SHARED/corpora" ] || { echo "skipped: $SHARED not found"; exit 0; }
OUT=$(mktemp -d)
OLD=$(mktemp -d)
trap 'git -C "$HERE" worktree remove --force "$OLD" >/dev/null 2>&1 || true; rm -rf "$OUT"' EXIT
git -C "$HERE" worktree add --detach -f "$OLD" "$REF" >/dev/null 2>&1

run_side() {  # run_side TREE OUTDIR CACHE (CACHE empty: the user's)
  local tree=$1 out=$2 cache=$3
  mkdir -p "$out"
  (cd "$tree" && export PYTHONPATH="$tree"
    if [ -n "$cache" ]; then export DIPLOMAP_CACHE_DIR="$cache"; fi
    # each tree reads its own data/: the installed geo._data points at the editable checkout's folder
    py() { python -c "import sys; sys.modules['geo._data'] = None; sys.argv = ['diplomap'] + sys.argv[1:]; from geo.cli import main; sys.exit(main())" "$@"; }
    # (|| exit: the caller tests this function, and bash ignores set -e inside a tested command)
    py extract --no-progress -j 2 "$SHARED/corpora/reuters21578/articles.jsonl" -o "$out/reuters.jsonl" || exit
    py extract --no-progress "$SHARED/dev_gold/articles.jsonl" -o "$out/dev.jsonl" || exit
    py extract --no-progress "$SHARED/seeds" -o "$out/seeds.jsonl" || exit
    for f in "$SHARED"/benchmarks/geoparsing/*.jsonl; do
      py extract --no-progress "$f" -o "$out/events_$(basename "$f")" || exit
      py places --no-progress "$f" -o "$out/places_$(basename "$f")" || exit
    done
    py places --no-progress "$SHARED/dev_gold/articles.jsonl" -o "$out/places_dev.jsonl" || exit)
}

# the current checkout uses the user's cache; REF gets one of its own unless its gazetteer is the same
CACHE_NEW=${DIPLOMAP_CACHE_DIR:-}
if git -C "$HERE" diff --quiet "$REF" -- geo/geocode/gazetteer.py data/gazetteer; then
  CACHE_OLD=$CACHE_NEW
else
  CACHE_OLD="$OUT/cache-old"
fi
for side in new old; do
  if [ "$side" = new ]; then tree=$HERE cache=$CACHE_NEW; else tree=$OLD cache=$CACHE_OLD; fi
  if ! run_side "$tree" "$OUT/$side" "$cache" 2>"$OUT/$side.log"; then
    echo "error: the $side side ($tree) failed:" >&2
    cat "$OUT/$side.log" >&2
    exit 1
  fi
done

changed=0
for f in "$OUT"/old/*.jsonl; do
  name=$(basename "$f")
  if cmp -s "$f" "$OUT/new/$name"; then
    echo "identical  $name ($(wc -l <"$f") lines)"
  else
    changed=1
    echo "CHANGED    $name ($(wc -l <"$f") -> $(wc -l <"$OUT/new/$name") lines)"
  fi
done
if [ "$changed" = 1 ]; then
  python - "$OUT/old" "$OUT/new" <<'PY'
import collections, json, pathlib, sys

old, new = map(pathlib.Path, sys.argv[1:])
for path in sorted(old.glob("*.jsonl")):
    if path.name.startswith("places_"):
        continue
    def events(p):
        return collections.Counter(
            (d["article_id"], d["type"], tuple(d["countries"]), d["status"], d["evidence"][0]["text"][:160] if d["evidence"] else "")
            for d in map(json.loads, p.open(encoding="utf-8"))
        )
    a, b = events(path), events(new / path.name)
    for sign, diff in (("-", a - b), ("+", b - a)):
        for key in sorted(diff):
            print(f"{sign} {path.name}: {key}")
PY
fi
