#!/usr/bin/env bash
# Sets everything up and runs the main job: the flagship notebook to an HTML report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${LABBOOK_DATASETS:-}" ] && [ -d ../shared/data ]; then
    export LABBOOK_DATASETS="$(cd ../shared/data && pwd)"
fi
swift build -c release --product labbook
mkdir -p out
.build/release/labbook run notebooks/quick-start.md -o out/quick-start.md
echo "main job: wrote out/quick-start.md"
