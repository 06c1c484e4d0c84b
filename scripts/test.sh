#!/usr/bin/env bash
# Sets everything up and runs Labbook's tests: the unit tests (debug build) and the
# end-to-end tests (release build, small slices of MNIST). Never touches the network.
# MNIST comes from $LABBOOK_DATASETS, by default ../shared/data beside the checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${LABBOOK_DATASETS:-}" ] && [ -d ../shared/data ]; then
    export LABBOOK_DATASETS="$(cd ../shared/data && pwd)"
fi
export LABBOOK_OFFLINE=1   # tests never touch the network
swift build --build-tests
swift test --skip-build --parallel
# Exports every notebook to .ipynb and checks it with nbformat.validate and nbconvert (~30 s).
bash scripts/check-export.sh
# End to end, release build: the quick start and the flagship notebook on MNIST slices.
swift build -c release --product labbook
LABBOOK="$PWD/.build/release/labbook" bash scripts/e2e.sh
