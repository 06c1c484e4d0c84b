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

# The flagship notebook (the reference notebook's cells, unchanged) on a 10% slice of MNIST:
# every cell must run, print Keras' texts and write a safe HTML report.
source_dir="${LABBOOK_DATASETS:-}/mnist"
if [[ ! -f "$source_dir/train-images-idx3-ubyte.gz" ]]; then
    echo "e2e: LABBOOK_DATASETS does not hold mnist/; skipping the flagship slice" >&2
    exit 0
fi
slice="$work/datasets/mnist"
mkdir -p "$slice"
# slice_idx FILE COUNT ITEM_BYTES HEADER_BYTES: the first COUNT items, with the count rewritten.
slice_idx() {
    local name=$1 count=$2 item=$3 header=$4
    local raw="$work/$name"
    zcat "$source_dir/$name.gz" > "$raw"
    {
        head -c 4 "$raw"
        printf "$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' $((count >> 24 & 255)) $((count >> 16 & 255)) $((count >> 8 & 255)) $((count & 255)))"
        head -c $((header + count * item)) "$raw" | tail -c +9
    } | gzip -1 > "$slice/$name.gz"
    rm -f "$raw"
}
slice_idx train-images-idx3-ubyte 6000 784 16
slice_idx train-labels-idx1-ubyte 6000 1 8
slice_idx t10k-images-idx3-ubyte 1000 784 16
slice_idx t10k-labels-idx1-ubyte 1000 1 8

section=""       # what the checks below belong to, named in their failures
check() {  # description, then a command that must succeed
    local what=$1
    shift
    if ! "$@"; then
        echo "e2e: $section: $what" >&2
        failures=$((failures + 1))
    fi
}
run_example() {  # section, notebook, executed output, then more options for `labbook run`
    section=$1
    local notebook=$2 out=$3
    shift 3
    "$LABBOOK" run "$notebook" -o "$out" --no-timings --quiet --no-cache "$@" 2>"$work/stderr" || {
        echo "e2e: $section: $notebook failed (exit $?):" >&2
        cat "$work/stderr" "$out" >&2
        exit 1
    }
}
check_at_least() {  # what, the figure, lower bound
    check "$1 ${2:-missing} >= $3" awk -v a="${2:-0}" -v m="$3" 'BEGIN { exit !(a >= m) }'
}
check_accuracy() {  # executed notebook, the text before the figure on its line, lower bound
    accuracy=$(sed -n "s/^$2//p" "$1")
    check_at_least "test accuracy" "$accuracy" "$3"
}
end_example() {  # executed notebook, what passed; no example may leave an error block
    check "no error block" test "$(grep -c '^```output error' "$1" || true)" -eq 0
    if (( failures > 0 )); then
        cat "$1" >&2
        exit 1
    fi
    echo "e2e: $2"
}

flagship="$work/flagship.md"
LABBOOK_DATASETS="$work/datasets" run_example flagship notebooks/mnist-dense-networks.md "$flagship" \
    --html "$work/flagship.html"
count() { grep -cE -- "$1" "$flagship" || true; }
check "summary of the first model" grep -qxF "Total params: 25,450" "$flagship"
check "dense_1 named as in a fresh Keras session" grep -qxF "dense_1 (Dense)              (None, 32)                25120     " "$flagship"
check "fit banner" grep -qxF "Train on 5400 samples, validate on 600 samples" "$flagship"
check "73 evaluations (got $(count '^Test accuracy: '))" test "$(count '^Test accuracy: ')" -eq 73
check "no error block" test "$(count '^```output error')" -eq 0
check "15 rounds printed per deep-model cell (got $(count '^Round  [0-4]$'))" test "$(count '^Round  [0-4]$')" -eq 45
LABBOOK_DATASETS="$work/datasets" "$LABBOOK" run notebooks/mnist-dense-networks.md -o "$work/flagship.2.md" \
    --html "$work/flagship.2.html" --no-timings --quiet --no-cache 2>"$work/stderr"
check "the same run twice gives identical Markdown" cmp -s "$flagship" "$work/flagship.2.md"
check "the same run twice gives identical HTML" cmp -s "$work/flagship.html" "$work/flagship.2.html"
check "HTML report without script" bash -c "! grep -qi '<script' '$work/flagship.html'"
# A chart per fit, but one overlay instead for a cell of more than three models (4 cells), and
# one overlay more for each cell of several fits: 1 + 1 + 1 + 3 + 3 x (15 + 1) + 1.
charts=$(grep -o '<figure class="chart">' "$work/flagship.html" | wc -l)
check "a training chart per fit, or one per cell of many models: 55 (got $charts)" test "$charts" -eq 55
if (( failures > 0 )); then
    exit 1
fi
echo "e2e: flagship on a 10% slice ok"

# The reference notebook as a real .ipynb with its saved outputs: imported, rendered with those
# outputs before anything runs, and its cells are the flagship's, which just ran on the slice.
ref="$work/exploring-mnist.md"
"$LABBOOK" import Tests/JupyterTests/Fixtures/exploring-mnist.ipynb -o "$ref" 2>"$work/stderr" || {
    echo "e2e: importing the reference notebook failed:" >&2
    cat "$work/stderr" >&2
    exit 1
}
"$LABBOOK" render "$ref" --html "$work/exploring-mnist.html"
grep -q "Test accuracy: 0.887" "$work/exploring-mnist.html" \
    || { echo "e2e: the imported reference notebook renders without its saved outputs" >&2; exit 1; }
"$LABBOOK" export "$ref" --ipynb "$work/exploring-mnist.ipynb"
"$LABBOOK" export notebooks/mnist-dense-networks.md --ipynb "$work/flagship.ipynb"
python3 -c 'import json, sys
code = lambda path: [c["source"] for c in json.load(open(path))["cells"] if c["cell_type"] == "code"]
sys.exit(code(sys.argv[1]) != code(sys.argv[2]))' "$work/exploring-mnist.ipynb" "$work/flagship.ipynb" \
    || { echo "e2e: the imported reference notebook's cells are not the flagship's" >&2; exit 1; }
echo "e2e: the reference .ipynb imports, renders its saved outputs and has the flagship's cells"

# keras.io's "Simple MNIST convnet" (its cells, with 3 epochs of batches of 32, Adam at 0.003) on the same
# slice: it must print Keras 2's summary and reach 0.97 test accuracy on the 1,000 test images.
convnet="$work/convnet.md"
LABBOOK_DATASETS="$work/datasets" run_example convnet Tests/EndToEndTests/Notebooks/mnist-convnet-3-epochs.md "$convnet"
check "x_train shape" grep -qxF "x_train shape: (6000, 28, 28, 1)" "$convnet"
check "second convolution in the summary" grep -qxF "conv2d_2 (Conv2D)            (None, 11, 11, 64)        18496     " "$convnet"
check "total parameters" grep -qxF "Total params: 34,826" "$convnet"
check "fit banner" grep -qxF "Train on 5400 samples, validate on 600 samples" "$convnet"
check "three epochs" grep -qxF "Epoch 3/3" "$convnet"
check_accuracy "$convnet" "Test accuracy: " 0.97
end_example "$convnet" "keras.io's MNIST convnet on a 10% slice ok (test accuracy $accuracy)"

# The MNIST part of keras.io's guide "The Functional API" (notebooks/functional-api.md), on the
# full data (two epochs of a small dense model: a few seconds): the Sequential-layout summary
# of a functional model, its training log, and the guide's ~0.96 test accuracy.
functional="$work/functional.md"
run_example functional notebooks/functional-api.md "$functional"
check "input row in the summary" grep -qxF "input_1 (InputLayer)         (None, 784)               0         " "$functional"
check "total parameters" grep -qxF "Total params: 55,050" "$functional"
check "fit banner" grep -qxF "Train on 48000 samples, validate on 12000 samples" "$functional"
check "two epochs" grep -qxF "Epoch 2/2" "$functional"
check_accuracy "$functional" "Test accuracy: " 0.94
end_example "$functional" "keras.io's functional-API guide (MNIST part) ok (test accuracy $accuracy)"

# The tutorial corpus (notebooks/tutorials/, docs/tutorials.md): the ones that run unedited
# today, on the full data when they are small enough. Deep Learning with Python's first look at
# a network (five epochs of a 512-wide dense model; the book's notebook printed test_acc 0.9777).
tutorial="$work/dlwp-2.1.md"
run_example dlwp-2.1 notebooks/tutorials/dlwp-2.1-first-look.md "$tutorial"
check_accuracy "$tutorial" "test_acc: " 0.97
end_example "$tutorial" "tutorial dlwp-2.1-first-look ok (test accuracy $accuracy)"

# keras.io's "The Sequential model": TensorFlow tensors (tf.ones, a model called on them),
# weights as variables, and a feature extractor built from a Sequential's symbolic outputs.
tutorial="$work/sequential-model.md"
run_example kerasio-sequential-model notebooks/tutorials/kerasio-sequential-model.md "$tutorial"
check "six weights after the call" grep -q '^Number of weights after calling the model: 6$' "$tutorial"
check "the layer's weights print as variables" grep -q "^\[<tf.Variable 'dense_[0-9]*/kernel:0' shape=(4, 3) dtype=float32, numpy=$" "$tutorial"
end_example "$tutorial" "tutorial kerasio-sequential-model ok"

# keras.io's "Writing your own callbacks" (1,000 MNIST samples): Callback subclasses in fit,
# evaluate and predict, steps_per_epoch, a custom early stop and learning-rate schedule.
callbacks="$work/callbacks.md"
run_example "callbacks guide" notebooks/tutorials/kerasio-writing-callbacks.md "$callbacks"
check "the validation pass calls on_test_begin" grep -q "^Start testing; got log keys: \[\]" "$callbacks"
check "predict calls on_predict_batch_end" grep -q "got log keys: \['batch', 'size', 'outputs'\]" "$callbacks"
check "the scheduler changes the rate" grep -q "^Epoch 00003: Learning rate is 0.0500." "$callbacks"
end_example "$callbacks" "tutorial kerasio-writing-callbacks ok"

# TensorFlow's "TensorFlow 2 quickstart for beginners" on the full data (five epochs of a
# 128-wide model, about 15 s): a model called on data gives a tf.Tensor, a loss object is
# called on it, and the probability model is a Sequential inside a Sequential. The tutorial
# says "~98%"; evaluate prints [loss, accuracy].
quickstart="$work/quickstart.md"
run_example quickstart notebooks/tutorials/tf-quickstart-beginner.md "$quickstart"
check "the probability model prints a tf.Tensor" grep -qxF "<tf.Tensor: shape=(5, 10), dtype=float32, numpy=" "$quickstart"
accuracy=$(sed -n 's/^\[[0-9.e-]*, \([0-9.]*\)\]$/\1/p' "$quickstart" | tail -1)
check_at_least "test accuracy" "$accuracy" 0.97
end_example "$quickstart" "tutorial tf-quickstart-beginner ok (test accuracy $accuracy)"

# TensorFlow's "Basic classification: Classify images of clothing" on the full Fashion-MNIST
# (scripts/setup.sh installs Debian's dataset-fashion-mnist; about 30 s): ten epochs of a
# 128-wide model and its probability model, a Sequential inside a Sequential. The tutorial
# reports about 0.91 on the training data and 0.88 on the test data.
clothing="$work/clothing.md"
run_example "basic classification" notebooks/tutorials/tf-basic-classification.md "$clothing"
check "one image made a batch of one" grep -qxF "(1, 28, 28)" "$clothing"
check_accuracy "$clothing" "Test accuracy: " 0.86
end_example "$clothing" "tutorial tf-basic-classification ok (test accuracy $accuracy)"

# Deep Learning with Python (2nd ed.), chapter 2, the whole notebook on the full MNIST (about
# 51 s of CPU; 93-151 s wall-clock at load 8-11): Keras' fit, then the book's network rebuilt from tf.Variable,
# tf.matmul and tf.GradientTape, trained ten epochs by hand with assign_sub and then
# optimizer.apply_gradients. The book prints "accuracy: 0.81" for the hand-trained network.
chapter2="$work/dlwp2-ch02.md"
run_example dlwp2-ch02 notebooks/tutorials/dlwp2-ch02-building-blocks.md "$chapter2"
check "the loop by hand lowers the loss" grep -qx "loss at batch 400: 0\.[0-9]*" "$chapter2"
check_accuracy "$chapter2" "accuracy: " 0.75
end_example "$chapter2" "tutorial dlwp2-ch02-building-blocks ok (hand-trained accuracy $accuracy)"

# TensorFlow's archived TF1 "basic classification" on the full Fashion-MNIST (about 12 s):
# `import tensorflow.compat.v1 as tf`, tf.nn's functions as activations, five epochs. The
# tutorial says about 0.88 on the training data, a little less on the test data.
tf1="$work/tf1-clothing.md"
run_example "tf1 basic classification" notebooks/tutorials/tf1-basic-classification.md "$tf1"
check_accuracy "$tf1" "Test accuracy: " 0.85
end_example "$tf1" "tutorial tf1-basic-classification ok (test accuracy $accuracy)"

# Keras 2's mnist_transfer_cnn.py on the 6,000-image slice (the full data takes about 6 min
# here): Keras 1's Convolution2D(32, 3, 3, border_mode='valid') with Keras 2's warning,
# 'adadelta', then the convolutions frozen (layer.trainable = False) and the dense layers
# trained again on the digits 5-9. On the full data the script's docstring says 99.8% and 99.2%.
transfer="$work/transfer.md"
LABBOOK_DATASETS="$work/datasets" run_example "transfer cnn" notebooks/tutorials/keras2-mnist-transfer-cnn.md "$transfer"
check "Keras 2's warning for Keras 1's Conv2D call" \
    grep -qF 'UserWarning: Update your `Conv2D` call to the Keras 2 API: `Conv2D(32, (3, 3), input_shape=(28, 28, 1..., padding="valid")`' "$transfer"
check "two trainings" test "$(grep -c '^Test accuracy: ' "$transfer" || true)" -eq 2
accuracy=$(sed -n 's/^Test accuracy: //p' "$transfer" | tail -1)
check_at_least "frozen features, test accuracy" "$accuracy" 0.9
end_example "$transfer" "tutorial keras2-mnist-transfer-cnn ok (test accuracy after transfer $accuracy)"

# TensorFlow's "TensorFlow 2 quickstart for experts" on the 10% slice: a subclassed keras.Model,
# tf.data pipelines, a tf.GradientTape loop under @tf.function and metric objects reset every
# epoch. The tutorial reaches ~98% on the full data; five epochs on 6,000 images print each
# epoch's line in its own format.
expert="$work/expert.md"
LABBOOK_DATASETS="$work/datasets" run_example "quickstart for experts" notebooks/tutorials/tf-quickstart-expert.md "$expert"
check "five epoch lines" test "$(grep -cE '^Epoch [1-5], Loss: [0-9.]+, Accuracy: [0-9.]+, Test Loss: [0-9.]+, Test Accuracy: [0-9.]+$' "$expert")" -eq 5
accuracy=$(sed -n 's/^Epoch 5, .*Test Accuracy: \([0-9.]*\)$/\1/p' "$expert")
check_at_least "test accuracy" "$accuracy" 93
end_example "$expert" "tutorial tf-quickstart-expert on a 10% slice ok (test accuracy $accuracy%)"

# Nothing quadratic: print in a loop, thousands of cached cells, str indexing (generous
# bounds, since the machine is shared; the cache-size bound is exact).
LABBOOK="$LABBOOK" python3 scripts/bench-scaling.py --generous --repeat 1 >"$work/scaling" || {
    cat "$work/scaling" >&2
    exit 1
}
echo "e2e: scaling ok"
