#!/usr/bin/env bash
# End-to-end check of the release build: runs notebooks/quick-start.md on a small slice of
# MNIST and checks that the executed Markdown holds the lines Keras would print, and that
# two runs without timings are byte-identical.
#
#   scripts/e2e.sh                      # builds `labbook` in release mode first
#   LABBOOK=.build/release/labbook scripts/e2e.sh   # use an existing binary
#
# MNIST is found as `labbook run` finds it ($LABBOOK_DATASETS/mnist, Keras' cache, ...);
# set LABBOOK_DATASETS=/work/shared/data on the build machine.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${LABBOOK:-}" ]]; then
    swift build -c release --product labbook >/dev/null
    LABBOOK=.build/release/labbook
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out1="$work/quick-start.1.md"
out2="$work/quick-start.2.md"

run() {
    "$LABBOOK" run notebooks/quick-start.md -o "$1" --no-timings --quiet \
        -P train_size=1000 -P epochs=2 2>"$work/stderr" || {
        echo "e2e: labbook run failed (exit $?):" >&2
        cat "$work/stderr" >&2
        exit 1
    }
}

run "$out1"
run "$out2"

failures=0
expect_line() {   # an exact line
    if ! grep -qxF -- "$1" "$out1"; then
        echo "e2e: missing line: $1" >&2
        failures=$((failures + 1))
    fi
}
expect_match() {  # a line matching an extended regular expression
    if ! grep -qE -- "^$1\$" "$out1"; then
        echo "e2e: no line matches: $1" >&2
        failures=$((failures + 1))
    fi
}

number='[0-9]+\.[0-9]{4}'
expect_line "(1000, 784) (2000, 784)"
expect_line "dense_1 (Dense)              (None, 64)                50240     "
expect_line "dense_2 (Dense)              (None, 10)                650       "
expect_line "Total params: 50,890"
expect_line "Train on 900 samples, validate on 100 samples"
expect_line "Epoch 1/2"
expect_line "Epoch 2/2"
expect_match " - loss: $number - accuracy: $number - val_loss: $number - val_accuracy: $number"
expect_match "Test accuracy: 0\.[0-9]{3} after 2 epochs on 1,000 images"
expect_match "\{'loss': [0-9.]+, 'accuracy': [0-9.]+, 'val_loss': [0-9.]+, 'val_accuracy': [0-9.]+\}"

if ! cmp -s "$out1" "$out2"; then
    echo "e2e: two runs with --no-timings differ:" >&2
    diff "$out1" "$out2" >&2 || true
    failures=$((failures + 1))
fi

if (( failures > 0 )); then
    echo "e2e: $failures check(s) failed; the executed notebook was:" >&2
    cat "$out1" >&2
    exit 1
fi
echo "e2e: quick-start ok"
