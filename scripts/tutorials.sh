#!/usr/bin/env bash
# Runs the tutorial corpus (notebooks/tutorials/*.md: public Keras and TensorFlow tutorials,
# their code cells unedited) with the release build and prints one Markdown table row per
# notebook: exit status, cells that failed, the first error, the last accuracy figure printed,
# and the time. docs/tutorials.md keeps the table with what each notebook still needs.
#
#   bash scripts/tutorials.sh [NOTEBOOK.md ...]      # default: every tutorial, on the data found
#   LABBOOK_DATASETS=DIR bash scripts/tutorials.sh   # e.g. a folder of MNIST slices
#
# The runs go on after a failed cell (--allow-errors), so one row shows every gap at once.
set -uo pipefail
cd "$(dirname "$0")/.."
if [ -z "${LABBOOK_DATASETS:-}" ] && [ -d ../shared/data/mnist ]; then
    export LABBOOK_DATASETS="$(cd ../shared/data && pwd)"
fi
if [[ -z "${LABBOOK:-}" ]]; then
    swift build -c release --product labbook >&2 || exit 1
    LABBOOK="$PWD/.build/release/labbook"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/tutorials/*.md)

echo "| notebook | exit | failed cells | first error | last accuracy printed | seconds |"
echo "|---|---:|---:|---|---|---:|"
for notebook in "${notebooks[@]}"; do
    name=$(basename "$notebook" .md)
    mkdir -p "$work/$name"
    cp "$notebook" "$work/$name/nb.md"
    start=$(date +%s.%N)
    (cd "$work/$name" && "$LABBOOK" run nb.md -o out.md --no-cache --no-timings --allow-errors --quiet 2> err.txt)
    status=$?
    seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
    failed=$(grep -c '^```output error' "$work/$name/out.md" 2>/dev/null || true)
    # "nb.md:56: AttributeError: ..." -> "line 56: AttributeError: ..."
    first=$(grep -m1 -E '^nb\.md:[0-9]+: ' "$work/$name/err.txt" | sed -E 's/^nb\.md:([0-9]+): /line \1: /' | cut -c1-120 | sed 's/|/\\|/g')
    # The last "accuracy" figure in the outputs: Keras' progress lines, evaluate, prints.
    accuracy=$(grep -oE "(acc|accuracy)[:'\" ]+[ ]*0\.[0-9]+" "$work/$name/out.md" | tail -1 | grep -oE '0\.[0-9]+')
    echo "| $name | $status | $failed | ${first:-} | ${accuracy:-} | $seconds |"
done
