#!/usr/bin/env bash
# Instructions (not seconds) that extraction costs, for this checkout and for an older commit.
#
#   bash bench/bench_instructions.sh [REF] [N]     # REF: a commit (default HEAD~1), N: articles (default 800)
#
# On a shared machine wall time moves by half from one minute to the next, so a change of a few
# percent cannot be timed; valgrind's callgrind counts the instructions the interpreter runs, the same
# on every run. Each side is run twice: once only loading (the gazetteer index, the first N Reuters
# articles of ../shared/corpora), once also extracting; the difference is what extraction costs.
# Needs valgrind (Debian: apt-get install valgrind); about 2-3 minutes per side for N=800. REF must
# share the gazetteer index with this checkout (the same geo/geocode/gazetteer.py and data/gazetteer):
# otherwise its side first rebuilds the index, under valgrind, for many minutes.
set -euo pipefail
REF=${1:-HEAD~1}
N=${2:-800}
HERE=$(cd "$(dirname "$0")/.." && pwd)
CORPUS="$HERE/../shared/corpora/reuters21578/articles.jsonl"
[ -f "$CORPUS" ] || { echo "skipped: $CORPUS not found"; exit 0; }
command -v valgrind >/dev/null || { echo "valgrind not found (apt-get install valgrind)"; exit 1; }
PY=$(python -c 'import sys; print(sys.executable)')  # the interpreter itself, not a shell shim
OLD=$(mktemp -d)
SCRIPT=$(mktemp --suffix=.py)
trap 'git -C "$HERE" worktree remove --force "$OLD" >/dev/null 2>&1 || true; rm -f "$SCRIPT"' EXIT
git -C "$HERE" worktree add --detach -f "$OLD" "$REF" >/dev/null 2>&1
cat >"$SCRIPT" <<EOF
import itertools, sys
# each tree reads its own data/: the installed geo._data points at the editable checkout's folder
# whichever tree is on PYTHONPATH, and geo._files.data_path falls back to the tree's data/ without it
sys.modules["geo._data"] = None
from geo.events import iter_events
from geo.geocode import default_gazetteer
from geo.ingest import read_articles
gazetteer = default_gazetteer()
gazetteer.build()
articles = list(itertools.islice(read_articles("$CORPUS"), $N))
if sys.argv[1:] == ["run"]:
    print("events", sum(1 for _ in iter_events(articles, gazetteer=gazetteer)), file=sys.stderr)
EOF
count() {  # instructions of one run: $1 = source tree, $2 = "" or "run"
    PYTHONPATH="$1" valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PY" "$SCRIPT" $2 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
declare -A COST
for side in old new; do
    tree=$HERE
    [ "$side" = old ] && tree=$OLD
    load=$(count "$tree" "")
    full=$(count "$tree" run)
    COST[$side]=$(( (full - load) / 1000000 ))
    echo "$side ($( [ "$side" = old ] && echo "$REF" || echo "this checkout" )): ${COST[$side]} M instructions for $N articles"
done
python -c "print(f'new/old: {${COST[new]} / ${COST[old]}:.3f}')"
