#!/usr/bin/env bash
# Sets everything up and runs the main job: the flagship notebook (the reference MNIST
# experiments) to a self-contained HTML report, out/mnist-dense-networks.html, plus its
# executed Markdown. MNIST is found, downloaded or imported as docs/datasets.md says.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${LABBOOK_DATASETS:-}" ] && [ -d ../shared/data/mnist ]; then
    export LABBOOK_DATASETS="$(cd ../shared/data && pwd)"
fi
swift build -c release --product labbook
export LABBOOK="$PWD/.build/release/labbook"
bash scripts/get-mnist.sh
mkdir -p out
"$LABBOOK" run notebooks/mnist-dense-networks.md -o out/mnist-dense-networks.md --html out/mnist-dense-networks.html
echo "main job: wrote out/mnist-dense-networks.html and out/mnist-dense-networks.md"
