#!/usr/bin/env bash
# The notebook-level figures of docs/engine.md's targets, measured on the flagship notebook
# (release build), after the BLAS kernel in use (`labbook --version`):
#   - the whole notebook run from scratch: wall time, CPU time and peak resident memory, beside
#     Keras on TensorFlow's time for the same notebook (a fixed reference, not measured here);
#   - the cache it leaves, on disk;
#   - a re-run after editing only the last cell: wall time against that cell's own time;
#   - a re-run with nothing changed.
# Prints a Markdown table with the targets. MNIST is found as docs/datasets.md says (run
# scripts/get-mnist.sh first on a fresh machine). Needs GNU time (Debian package `time`).
# OPENBLAS_CORETYPE and OPENBLAS_NUM_THREADS reach labbook as set (OPENBLAS_CORETYPE=Prescott
# shows what a CPU unknown to OpenBLAS would get without Labbook's kernel choice).
#   bash scripts/bench-notebook.sh [NOTEBOOK.md]
set -euo pipefail
cd "$(dirname "$0")/.."
notebook="${1:-notebooks/mnist-dense-networks.md}"
if [ -z "${LABBOOK_DATASETS:-}" ] && [ -d ../shared/data/mnist ]; then
    export LABBOOK_DATASETS="$(cd ../shared/data && pwd)"
fi
[ -x /usr/bin/time ] || { echo "bench-notebook: needs GNU time (apt-get install time)" >&2; exit 1; }
swift build -c release --product labbook >&2
labbook="$PWD/.build/release/labbook"
"$labbook" --version | sed 's/^/    /'
echo
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$notebook" "$work/nb.md"

# run NAME: one timed run of $work/nb.md; leaves NAME.time ("seconds kilobytes user-s system-s")
# and NAME.log.
run() {
    /usr/bin/time -f "%e %M %U %S" -o "$work/$1.time" \
        "$labbook" run "$work/nb.md" -o "$work/out.md" --html "$work/out.html" 2> "$work/$1.log" \
        || { cat "$work/$1.log" >&2; exit 1; }
}
field() { cut -d' ' -f"$2" "$work/$1.time"; }
# The seconds on the last cell's progress line: "[14/14] line 198 ... 3.91s".
last_cell() { grep -E '^\[[0-9]+/[0-9]+\]' "$work/$1.log" | tail -1 | sed -E 's/.* ([0-9.]+)s.*/\1/'; }

echo "bench-notebook: $notebook from scratch ..." >&2
run scratch
cache_kb=$(du -sk "$work/.labbook" | cut -f1)

echo "bench-notebook: after editing the last cell ..." >&2
# Append a line inside the last cell: before the notebook's last closing fence.
last_fence=$(grep -n '^```[[:space:]]*$' "$work/nb.md" | tail -1 | cut -d: -f1)
sed -i "${last_fence}i print('edited')" "$work/nb.md"
run edited
grep -q '^edited$' "$work/out.md" || { echo "bench-notebook: the edit did not reach the last cell" >&2; exit 1; }

echo "bench-notebook: nothing changed ..." >&2
run cached

awk -v s="$(field scratch 1)" -v rss="$(field scratch 2)" -v cache="$cache_kb" \
    -v cpu="$(awk '{ print $3 + $4 }' "$work/scratch.time")" \
    -v e="$(field edited 1)" -v cell="$(last_cell edited)" -v c="$(field cached 1)" 'BEGIN {
    yes = "yes"; no = "**no**"
    print "| figure | measured | target | met |"
    print "|---|---:|---|---|"
    printf "| whole notebook from scratch | %.1f s (CPU %.1f s) | < 240 s (Keras on TensorFlow: about 630 s on an older 2-core AMD host) | %s |\n", s, cpu, (s < 240 ? yes : no)
    printf "| peak resident memory | %.0f MB | < 1536 MB | %s |\n", rss / 1024, (rss / 1024 < 1536 ? yes : no)
    printf "| cache on disk | %.0f MB | < 1024 MB | %s |\n", cache / 1024, (cache / 1024 < 1024 ? yes : no)
    printf "| re-run after editing the last cell | %.2f s (the cell: %.2f s, +%.2f s) | the cell + < 1 s | %s |\n", e, cell, e - cell, (e - cell < 1 ? yes : no)
    printf "| re-run with nothing changed | %.2f s | | |\n", c
}'
