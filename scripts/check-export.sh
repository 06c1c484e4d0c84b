#!/usr/bin/env bash
# Exports every notebook of the repository (notebooks/, the format round-trip corpus, the
# runner's golden executed notebook) and the imported Jupyter fixtures back to .ipynb with
# `labbook export`, then checks each with Jupyter's own tools: `nbformat.validate` (Debian's
# python3-nbformat) and `jupyter nbconvert --to html` (Debian's jupyter-nbconvert).
#
#   bash scripts/check-export.sh              # uses .build/debug/labbook (or $LABBOOK)
#
# Exit 1 naming the notebook when one fails. About 30 s (most of it nbconvert's start and the
# quick start's run); never touches the network (MNIST from $LABBOOK_DATASETS, as the tests).
set -euo pipefail
cd "$(dirname "$0")/.."
labbook="${LABBOOK:-$PWD/.build/debug/labbook}"
[ -x "$labbook" ] || { echo "check-export: $labbook is not built; run swift build first" >&2; exit 2; }
python=/usr/bin/python3
"$python" -c 'import nbformat' 2>/dev/null && command -v jupyter-nbconvert >/dev/null || {
    echo "check-export: needs python3-nbformat and jupyter-nbconvert (scripts/setup.sh installs them)" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
exports=()
n=0
for md in notebooks/*.md notebooks/tutorials/*.md Tests/NotebookFormatTests/Fixtures/roundtrip/*.md Tests/RunnerTests/Golden/*.md \
          Tests/EndToEndTests/Notebooks/*.md; do
    n=$((n + 1))
    out="$work/$n-$(basename "$md" .md).ipynb"
    "$labbook" export "$md" --ipynb "$out" 2>>"$work/warnings.txt" || { echo "check-export: $md: export failed" >&2; exit 1; }
    exports+=("$out")
done
for ipynb in Tests/JupyterTests/Fixtures/*.ipynb; do
    n=$((n + 1))
    md="$work/$n-$(basename "$ipynb" .ipynb).md"
    "$labbook" import "$ipynb" -o "$md" 2>>"$work/warnings.txt"
    "$labbook" render "$md" --html "$work/$n.imported.html"
    "$labbook" export "$md" --ipynb "$work/$n-$(basename "$ipynb" .ipynb).reexported.ipynb" 2>>"$work/warnings.txt"
    exports+=("$work/$n-$(basename "$ipynb" .ipynb).reexported.ipynb")
done

# An executed notebook with typed outputs from the cache (a value, a summary table, a
# training chart): quick-start run with the debug binary, exported, imported back unchanged.
cp notebooks/quick-start.md "$work/quick-start.md"
"$labbook" run "$work/quick-start.md" -o "$work/quick-start.out.md" --no-timings --quiet 2>>"$work/warnings.txt" \
    || { echo "check-export: notebooks/quick-start.md did not run" >&2; exit 1; }
"$labbook" export "$work/quick-start.out.md" --ipynb "$work/quick-start.out.ipynb"
grep -q '"execute_result"' "$work/quick-start.out.ipynb" && grep -q '"text/html"' "$work/quick-start.out.ipynb" \
    || { echo "check-export: the executed quick start exported without its typed outputs" >&2; exit 1; }
"$labbook" import "$work/quick-start.out.ipynb" -o "$work/quick-start.back.md"
cmp "$work/quick-start.out.md" "$work/quick-start.back.md" \
    || { echo "check-export: quick-start: export then import changed the notebook" >&2; exit 1; }
exports+=("$work/quick-start.out.ipynb")

"$python" - "${exports[@]}" <<'PY'
import sys
import nbformat
for path in sys.argv[1:]:
    try:
        nbformat.validate(nbformat.read(path, as_version=nbformat.NO_CONVERT))
    except Exception as error:
        sys.exit(f"check-export: {path}: nbformat.validate: {error}")
print(f"check-export: {len(sys.argv) - 1} exports valid nbformat {nbformat.__version__}")
PY
PYTHONWARNINGS=ignore jupyter-nbconvert --log-level=ERROR --to html --output-dir "$work/html" "${exports[@]}" \
    || { echo "check-export: jupyter nbconvert --to html failed" >&2; exit 1; }
rendered=$(ls "$work/html"/*.html | wc -l)
[ "$rendered" -eq "${#exports[@]}" ] || { echo "check-export: nbconvert wrote $rendered pages for ${#exports[@]} notebooks" >&2; exit 1; }
echo "check-export: ${#exports[@]} exports rendered by jupyter nbconvert --to html"
